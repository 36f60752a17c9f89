/// An averaged perceptron that ranks the candidates of a group against choosing none (score 0).
///
/// Each example is a group of candidates, each a list of feature ids, and which candidates
/// are right. When the model's choice (the best candidate scoring above zero, else none) is
/// not a right one, the features of the best right candidate gain one and those of the choice
/// lose one. The weights returned are the average over every step (Collins 2002), kept with
/// the usual trick of a running total of updates weighted by their step.
struct Perceptron {
  /// A group of competing candidates.
  struct Group {
    var candidates: [[Int32]]
    var right: [Bool]
  }

  var weights: [Double]
  private var totals: [Double]
  private var step = 1.0

  init(features: Int) {
    weights = Array(repeating: 0, count: features)
    totals = Array(repeating: 0, count: features)
  }

  func score(_ features: [Int32]) -> Double {
    var sum = 0.0
    for f in features { sum += weights[Int(f)] }
    return sum
  }

  /// Learns from one group; returns whether the model already chose right.
  mutating func learn(_ g: Group) -> Bool {
    let scores = g.candidates.map(score)
    var choice: Int? = nil
    for i in scores.indices where scores[i] > 0 && (choice.map { scores[i] > scores[$0] } ?? true) { choice = i }
    let rights = g.right.indices.filter { g.right[$0] }
    let correct = choice.map { g.right[$0] } ?? rights.isEmpty
    defer { step += 1 }
    guard !correct else { return true }
    if let best = rights.max(by: { scores[$0] < scores[$1] }) { update(g.candidates[best], by: 1) }
    if let choice { update(g.candidates[choice], by: -1) }
    return false
  }

  private mutating func update(_ features: [Int32], by delta: Double) {
    for f in features {
      weights[Int(f)] += delta
      totals[Int(f)] += step * delta
    }
  }

  /// The averaged weights.
  func averaged() -> [Double] {
    weights.indices.map { weights[$0] - totals[$0] / step }
  }
}

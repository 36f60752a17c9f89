/// The trained part of attribution: the lemmas that can cue an attribution, and a weight for
/// each feature of a candidate (source, cue). A candidate's score is the sum of its features'
/// weights; in each group the best candidate wins if it scores above the model's threshold.
///
///     let model = AttributionModel.shipped
///     model.score(["bias", "cue=say", "c=subject"])
///
/// The weights are data, `Resources/attribution.model`, made by `make train` (an averaged
/// perceptron over `../shared/gold/polnear-train/`; its header says how and when).
package struct AttributionModel: Sendable {
  /// The lemmas that can cue an attribution.
  package var cues: [String]
  /// The weight of each feature; a feature not listed weighs nothing.
  package let weights: [String: Double]
  /// `weights` for scoring.
  private let table: FeatureWeights
  /// The score a candidate must pass to win its group.
  package var threshold: Double

  /// A model of `cues`, `weights` and `threshold`.
  package init(cues: [String], weights: [String: Double], threshold: Double = 0) {
    self.cues = cues
    self.weights = weights
    self.table = FeatureWeights(weights)
    self.threshold = threshold
  }

  /// The model shipped in `Resources/attribution.model`.
  package static let shipped = AttributionModel(text: String(decoding: PackageResources.attribution_model, as: UTF8.self))

  /// Reads a model file: `#` comments, a `[threshold]`, a `[cues]` list of lemmas, a
  /// `[weights]` list of `feature<TAB>weight` lines.
  package init(text: String) {
    var cues: [String] = []
    var weights: [String: Double] = [:]
    var threshold = 0.0
    var section = ""
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      if line.hasPrefix("[") {
        section = String(line)
      } else if section == "[threshold]" {
        threshold = Double(line) ?? 0
      } else if section == "[cues]" {
        cues.append(String(line))
      } else if section == "[weights]", let tab = line.lastIndex(of: "\t"), let w = Double(line[line.index(after: tab)...]) {
        weights[String(line[..<tab])] = w
      }
    }
    self.init(cues: cues, weights: weights, threshold: threshold)
  }

  /// The model as a file, after `header` (each line a comment), features sorted, weights
  /// rounded to four decimals; features of weight zero left out.
  package func serialized(header: [String]) -> String {
    var out = header.map { "# " + $0 }.joined(separator: "\n") + "\n[threshold]\n\((threshold * 10_000).rounded() / 10_000)\n[cues]\n"
    out += cues.joined(separator: "\n") + "\n[weights]\n"
    for (f, w) in weights.sorted(by: { $0.key < $1.key }) {
      let rounded = (w * 10_000).rounded() / 10_000
      if rounded != 0 { out += "\(f)\t\(rounded)\n" }
    }
    return out
  }

  /// The sum of the weights of `features`.
  package func score(_ features: [String]) -> Double {
    var sum = 0.0
    for f in features { sum += table.weight(of: f) }
    return sum
  }

  /// The winner of each group of `candidates` that has one (the best score, above the
  /// threshold), in the candidates' order.
  package func decide(_ candidates: [AttributionCandidate]) -> [AttributionDecision] {
    weigh(candidates).decisions
  }

  /// Every candidate's score, in the candidates' order, and `decide`'s decisions.
  package func weigh(_ candidates: [AttributionCandidate]) -> (scores: [Double], decisions: [AttributionDecision]) {
    var best: [Int: (index: Int, score: Double)] = [:]
    var scores: [Double] = []
    scores.reserveCapacity(candidates.count)
    for (i, c) in candidates.enumerated() {
      let score = self.score(c.features)
      scores.append(score)
      if score > threshold, best[c.group].map({ score > $0.score }) ?? true { best[c.group] = (i, score) }
    }
    var decisions: [AttributionDecision] = []
    for (i, c) in candidates.enumerated() where best[c.group]?.index == i {
      let rival = candidates.indices.filter { $0 != i && candidates[$0].group == c.group }.max { scores[$0] < scores[$1] }
      decisions.append(
        AttributionDecision(
          winner: c, index: i, score: scores[i], runnerUp: rival.map { (candidates[$0].attribution.cited, scores[$0]) }))
    }
    return (scores, decisions)
  }
}

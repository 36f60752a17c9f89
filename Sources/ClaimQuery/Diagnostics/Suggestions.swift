/// "Did you mean": the one candidate nearest to what was typed, or none when nothing is close.
public enum Suggestions {
  /// The candidate nearest to `word` (case-insensitive edit distance with transpositions),
  /// when it is close enough: at most a third of the word's length, and at least 1 and at
  /// most 4 edits. Ties go to the earlier candidate.
  ///
  ///     Suggestions.nearest(to: "actr", in: ["actor", "topic"])        // "actor"
  ///     Suggestions.nearest(to: "not-similar", in: ["actor", "topic"]) // nil
  public static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
    let w = Array(word.lowercased())
    let limit = min(4, max(1, w.count / 3))
    var best: (String, Int)? = nil
    for candidate in candidates {
      let c = Array(candidate.lowercased())
      if c == w { return candidate }
      if abs(c.count - w.count) > limit { continue }
      let d = distance(w, c)
      if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
    }
    return best?.0
  }

  /// Optimal-string-alignment distance: insertions, deletions, substitutions, transpositions.
  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}

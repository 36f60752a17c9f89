/// One attribution candidate of a sentence as `.claim` shows it: the cue and source the rules
/// proposed, the model's score, what became of it, and the features that weighed most.
package struct CandidateReport: Sendable, Equatable {
  /// The cue's words ("said", "according to").
  package var cue: String
  /// The source as it would be cited; empty for a pronoun that stands for no one named.
  package var source: String
  /// The construction that proposed it (`subject`, `inverted`, `participle`…).
  package var construction: String
  /// The model's score: the sum of its features' weights.
  package var score: Double
  /// What became of it: `cited`, `speaker only` (a belief's or an act's source, kept as a
  /// quotation's speaker), `below threshold`, or `lost to 'X'`.
  package var outcome: String
  /// The features that set it apart from its rivals for the cue, with their weights, the
  /// strongest first.
  package var reasons: [String]
}

extension ClaimExtractor {
  /// The attribution candidates the model weighed for the sentence of `document` at `span`,
  /// in the order of their cues, the best first; the hand rules' own attributions are not
  /// candidates (their rule shows with each cited source).
  package func candidateReports(_ document: Document, sentence span: TextSpan) -> [CandidateReport] {
    var candidates: [(tokens: [Token], candidate: AttributionCandidate)] = []
    _ = extract(document) { piece, tokens, found in
      if piece.overlaps(span) { candidates += found.map { (tokens, $0) } }
    }
    let (scores, decisions) = model.weigh(candidates.map(\.candidate))
    let winners = Dictionary(decisions.map { ($0.winner.group, $0) }, uniquingKeysWith: { a, _ in a })
    let bytes = Array(document.text.utf8)
    var reports: [(group: Int, report: CandidateReport)] = []
    for (i, (tokens, c)) in candidates.enumerated() {
      let score = scores[i]
      let outcome: String
      if let w = winners[c.group], w.index == i {
        outcome = Self.sourceCues.contains(c.lemma) ? "cited" : "speaker only"
      } else if let w = winners[c.group] {
        outcome = "lost to '\(w.winner.attribution.cited)'"
      } else {
        outcome = "below threshold " + Self.decimal(model.threshold)
      }
      let cue = c.attribution.cue
      let words =
        cue.isEmpty ? "" : String(decoding: bytes[tokens[cue.lowerBound].span.start..<tokens[cue.upperBound - 1].span.end], as: UTF8.self)
      // what sets it apart: the features its rivals for the cue do not all share
      let rivals = candidates.filter { $0.candidate.group == c.group }
      let shared =
        rivals.count > 1 ? rivals.dropFirst().reduce(Set(rivals[0].candidate.features)) { $0.intersection($1.candidate.features) } : []
      let reasons = c.features.filter { !shared.contains($0) }.compactMap { f in model.weights[f].map { (f, $0) } }.sorted {
        abs($0.1) > abs($1.1)
      }.prefix(4)
      reports.append(
        (
          c.group,
          CandidateReport(
            cue: words, source: c.isUnresolved ? "" : c.attribution.cited, construction: c.construction, score: score, outcome: outcome,
            reasons: reasons.map { $0.0 + " " + ($0.1 >= 0 ? "+" : "") + Self.decimal($0.1) })
        ))
    }
    return reports.enumerated().sorted { a, b in
      a.element.group != b.element.group
        ? a.element.group < b.element.group
        : a.element.report.score != b.element.report.score ? a.element.report.score > b.element.report.score : a.offset < b.offset
    }.map(\.element.report)
  }
}

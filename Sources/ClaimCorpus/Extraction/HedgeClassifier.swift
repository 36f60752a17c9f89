/// Decides a sentence's hedge by GUIDELINES.md's precedence: denied, hedged, reported,
/// opinion, asserted; the first cue found for the highest value decides, and is kept.
struct HedgeClassifier: Sendable {
  /// What decided the hedge: the value, the cue's tokens and the rule id.
  struct Decision {
    var hedge: Hedge
    var cue: Range<Int>?
    var rule: String
  }

  /// What the classifier needs to know about a sentence besides its words.
  struct Context {
    /// The sentence's tokens.
    var tokens: [Token]
    /// Token ranges of attributions found in the sentence (speech verbs with their source).
    var attributions: [Range<Int>]
    /// The first quotation mark of a quotation whose speaker is known, when the sentence has one.
    var quoteMark: Int?
    /// Whether the sentence ends with `?` outside a quotation.
    var isQuestion: Bool
    /// Whether a token lies inside a quotation.
    var inQuote: (Int) -> Bool
  }

  func classify(_ c: Context) -> Decision {
    let t = c.tokens
    if let r = Self.denial.first(in: t, where: { !Self.isRefusalOfRequest($0, t) }) {
      return Decision(hedge: .denied, cue: r, rule: "hedge.denial")
    }
    if let r = Self.uncertainty.first(in: t, where: { Self.isUncertain($0, t) }) {
      return Decision(hedge: .hedged, cue: r, rule: "hedge.uncertainty")
    }
    if let r = c.attributions.first {
      return Decision(hedge: .reported, cue: r, rule: "hedge.attribution")
    }
    if let r = Self.reporting.first(in: t, where: { !c.inQuote($0.lowerBound) }) {
      return Decision(hedge: .reported, cue: r, rule: "hedge.reporting-word")
    }
    if let mark = c.quoteMark {
      return Decision(hedge: .reported, cue: mark..<(mark + 1), rule: "hedge.quotation")
    }
    if let r = Self.judgment.first(in: t, where: { !c.inQuote($0.lowerBound) }) {
      return Decision(hedge: .opinion, cue: r, rule: "hedge.judgment")
    }
    if c.isQuestion, let last = t.indices.last {
      return Decision(hedge: .opinion, cue: last..<(last + 1), rule: "hedge.question")
    }
    return Decision(hedge: .asserted, cue: nil, rule: "hedge.default")
  }

  /// "denied this request" refuses a request; it does not deny a claim.
  static func isRefusalOfRequest(_ r: Range<Int>, _ t: [Token]) -> Bool {
    let window = t[r.upperBound..<min(t.count, r.upperBound + 4)]
    return window.contains { $0.is(.requestWord) }
  }

  /// Modal verbs hedge unless they state a capability ("weapons that could be used to strike");
  /// "apparent" hedges before its noun ("Putin's apparent refusal"), not after a verb ("it
  /// became apparent that": plain to see).
  static func isUncertain(_ r: Range<Int>, _ t: [Token]) -> Bool {
    let key = t[r.lowerBound].key
    if key == "may" && t[r.lowerBound].isCapitalized && r.lowerBound > 0 { return false }  // the month
    if key == "apparent" {
      guard r.lowerBound > 0 else { return true }
      let before = t[r.lowerBound - 1]
      return before.kind == .possessive || ["the", "an", "a", "his", "her", "its", "their", "this", "that"].contains(before.key)
    }
    guard key == "could" || key == "can", r.count == 1 else { return true }
    var j = r.upperBound
    if j < t.count, t[j].key == "be" || t[j].key == "have" { j += 1 }
    guard j < t.count else { return true }
    return !t[j].is(.capabilityVerb)
  }

  static let denial = CuePhrases(denialPhrases)
  static let denialPhrases = WordLists.phrases("hedge.denial")

  static let uncertainty = CuePhrases(uncertaintyPhrases)
  static let uncertaintyPhrases = WordLists.phrases("hedge.uncertainty")

  static let reporting = CuePhrases(reportingPhrases)
  static let reportingPhrases = WordLists.phrases("hedge.reporting")

  static let judgment = CuePhrases(judgmentPhrases)
  static let judgmentPhrases = WordLists.phrases("hedge.judgment")
}

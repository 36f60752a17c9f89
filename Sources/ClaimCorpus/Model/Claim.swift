/// One assertion in one sentence, with the fields of DESIGN.md and the evidence for each.
public struct Claim: Sendable {
  /// Stable within a corpus: the claim's position in load order.
  public var id: Int
  /// The document id.
  public var doc: String
  /// The document's outlet.
  public var source: String
  /// The document's date.
  public var date: Day?
  /// The claim's sentence, cleaned.
  public var text: String
  /// Canonical entities the claim is about or made by.
  public var actors: [String]
  /// Who says it, for quotes and reported speech.
  public var speaker: String?
  /// In-text attributions: outlets, people, anonymous sources.
  public var cited: [String]
  /// Topics from the lexicon.
  public var topics: [String]
  /// `quote`, `reported`, `statement` or `analysis` (other values survive a claims file).
  public var kind: String
  /// `asserted`, `reported`, `hedged`, `denied` or `opinion` (other values survive a claims file).
  public var hedge: String
  /// The words that decided the hedge; nil for `asserted`.
  public var cue: String?
  /// The quoted words, for direct quotes.
  public var quote: String?
  /// Why each field has its values.
  public var evidence: [Evidence]

  /// Creates a claim.
  public init(
    id: Int, doc: String, source: String, date: Day?, text: String, actors: [String] = [],
    speaker: String? = nil, cited: [String] = [], topics: [String] = [], kind: String,
    hedge: String, cue: String? = nil, quote: String? = nil, evidence: [Evidence] = []
  ) {
    self.id = id
    self.doc = doc
    self.source = source
    self.date = date
    self.text = text
    self.actors = actors
    self.speaker = speaker
    self.cited = cited
    self.topics = topics
    self.kind = kind
    self.hedge = hedge
    self.cue = cue
    self.quote = quote
    self.evidence = evidence
  }
}

/// The hedge values of GUIDELINES.md, in the order they take precedence.
public enum Hedge: String, Sendable, CaseIterable {
  /// Someone denies or rejects a claim or report.
  case denied
  /// The writer marks the content as uncertain.
  case hedged
  /// The content is attributed to someone else.
  case reported
  /// The writer's own judgment or recommendation.
  case opinion
  /// Stated by the writer as fact.
  case asserted
}

/// The kinds of claim extraction produces.
public enum ClaimKind: String, Sendable, CaseIterable {
  /// A direct quotation.
  case quote
  /// Reported speech or an attributed statement.
  case reported
  /// A statement of fact by the writer.
  case statement
  /// The writer's judgment or prediction.
  case analysis
}

/// The evidence for one value of one field: where in the document it was found and by which rule.
public struct Evidence: Sendable, Hashable {
  /// The field, e.g. `actor`, `hedge`.
  public var field: String
  /// The value it supports, as the claim holds it.
  public var value: String
  /// The span of the document's text that supports it.
  public var span: TextSpan
  /// The rule id, e.g. `actor.alias`, `speaker.pronoun`.
  public var rule: String

  /// Creates evidence.
  public init(field: String, value: String, span: TextSpan, rule: String) {
    self.field = field
    self.value = value
    self.span = span
    self.rule = rule
  }
}

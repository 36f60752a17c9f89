/// Who a sentence says its content comes from: a speech verb or attribution phrase with its source.
package struct Attribution: Sendable {
  /// The cue's tokens: `said`, `according to`, `told`.
  package var cue: Range<Int>
  /// The source's tokens.
  package var source: Range<Int>
  /// The cited value: the source as the text names it, or the person a pronoun stands for.
  package var cited: String
  /// The canonical speaker: an entity name, or the source's words when no entity heads it.
  package var speaker: String?
  /// The entity the source names, if any, to avoid citing one source twice.
  package var entity: String?
  /// The rule id: `cited.subject`, `cited.according-to`, `cited.object`, `cited.citing`.
  package var rule: String
  /// How the attribution model chose it: its score, and the best rival's.
  package var decision: String? = nil

  /// Whether the source is the subject of a verb of saying ("Trump said", "…,” said Trump),
  /// so it can be a quotation's speaker right after it.
  var isSubject: Bool {
    rule.hasPrefix("cited.subject") || rule.hasPrefix("cited.model.") && !rule.hasPrefix("cited.model.agent")
  }
}

/// Who a sentence says its content comes from: a speech verb or attribution phrase with its source.
struct Attribution: Sendable {
  /// The cue's tokens: `said`, `according to`, `told`.
  var cue: Range<Int>
  /// The source's tokens.
  var source: Range<Int>
  /// The cited value: the source as the text names it, or the person a pronoun stands for.
  var cited: String
  /// The canonical speaker: an entity name, or the source's words when no entity heads it.
  var speaker: String?
  /// The entity the source names, if any, to avoid citing one source twice.
  var entity: String?
  /// The rule id: `cited.subject`, `cited.according-to`, `cited.object`, `cited.citing`.
  var rule: String
}

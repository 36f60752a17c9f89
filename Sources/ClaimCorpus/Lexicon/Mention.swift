/// A place in the text that names an entity or topic.
public struct Mention: Sendable, Hashable {
  /// The tokens it covers, as indices into the tokens it was found in.
  public var tokens: Range<Int>
  /// Where it stands in the document's text.
  public var span: TextSpan
  /// The canonical name (the lexicon's, or the text itself for unknown names).
  public var name: String
  /// What it names.
  public var kind: EntityKind
  /// How it was found: `alias`, `role` or `capitalized`.
  public var rule: String
}

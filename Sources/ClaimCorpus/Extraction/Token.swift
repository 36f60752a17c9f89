/// A word or punctuation mark of a document, as UTF-8 offsets into its text.
public struct Token: Sendable, Hashable {
  /// What the token is.
  public enum Kind: UInt8, Sendable {
    /// Letters and digits, with inner hyphens, apostrophes and acronym periods.
    case word
    /// `'s` or `’s` after a word.
    case possessive
    /// Any other mark: `,`, `“`, `—`, `.`.
    case punct
  }

  /// What the token is.
  public var kind: Kind
  /// Where it stands in the document's text.
  public var span: TextSpan
  /// Lowercased text with curly apostrophes made straight; the punctuation itself for marks.
  public var key: String
  /// Whether the first letter is uppercase.
  public var isCapitalized: Bool
  /// Whether it has two or more letters, all uppercase (`NATO`, `U.S.`).
  public var isAllCaps: Bool
  /// The word's id in the rules' vocabulary, or -1 when no rule mentions it.
  var word: Int32 = -1
  /// The word's classes in the rules' vocabulary.
  var classes: WordClass = []

  /// Whether the word belongs to `c`.
  func `is`(_ c: WordClass) -> Bool { classes.contains(c) }
}

/// What a query token is.
public enum TokenKind: Hashable, Sendable {
  // punctuation
  /// `(`
  case leftParen
  /// `)`
  case rightParen
  /// `,`
  case comma
  /// `;`
  case semicolon
  /// A newline outside parentheses: it ends a statement.
  case newline

  // operators
  /// `=`, `==`
  case equal
  /// `!=`, `<>`
  case notEqual
  /// `<`
  case less
  /// `<=`
  case lessEqual
  /// `>`
  case greater
  /// `>=`
  case greaterEqual

  // literals and names
  /// `"Zelensky"` or `'Zelensky'`, escapes decoded.
  case string(String)
  /// `20`
  case integer(Int)
  /// `2025-10-17`
  case date(Day)
  /// A name: a collection, field, or `let` name.
  case identifier(String)
  /// A keyword, matched in any case.
  case keyword(Keyword)

  // end
  /// Something that is not a token; scanning goes on after it.
  case invalid(LexError)
  /// The end of the text.
  case end
}

/// Why some text is not a token.
public enum LexError: Hashable, Sendable {
  /// A character the language has no use for.
  case unexpectedCharacter(Character)
  /// A string without its closing quote.
  case unterminatedString
  /// Digits that do not fit an integer.
  case integerTooLarge
  /// `2025-13-45`: shaped like a date, not a date.
  case invalidDate(String)
}

/// A token: its kind and where it stands.
public struct QueryToken: Hashable, Sendable {
  /// What it is.
  public var kind: TokenKind
  /// Where it stands in the text.
  public var range: SourceRange
}

/// What is still open at the end of some input: a string, parentheses. The shell shows a
/// continuation prompt while anything is open (SQLite's `sqlite3_complete`).
///
///     Completeness.of("claims where topic in (\"Tomahawk\",")   // parentheses: 1
public struct Completeness: Hashable, Sendable {
  /// Whether a string is still open.
  public var openString: Bool
  /// How many parentheses are still open.
  public var openParentheses: Int

  /// Whether nothing is open: the input can run.
  public var isComplete: Bool { !openString && openParentheses == 0 }

  /// What is open at the end of `text`.
  public static func of(_ text: String) -> Completeness {
    var depth = 0
    var openString = false
    for token in Lexer.tokens(in: SourceText(text)) {
      switch token.kind {
      case .leftParen: depth += 1
      case .rightParen: depth = max(0, depth - 1)
      case .semicolon: depth = 0
      case .invalid(.unterminatedString): openString = true
      default: break
      }
    }
    return Completeness(openString: openString, openParentheses: depth)
  }
}

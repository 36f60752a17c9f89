/// What is still open at the end of some input: a string, parentheses. The shell shows a
/// continuation prompt while anything is open (SQLite's `sqlite3_complete`). It scans
/// incrementally, a line at a time, so an input loop looks at each line once however long
/// the statement grows; it follows the lexer's rules for strings, escapes and comments.
///
///     Completeness.of("claims where topic in (\"Tomahawk\",")   // parentheses: 1
public struct Completeness: Hashable, Sendable {
  /// How many parentheses are still open.
  public private(set) var openParentheses = 0
  /// The closing quote of the open string (one byte, or a curly quote's three), or nil.
  private var closingQuote: [UInt8]? = nil
  /// Whether the last byte scanned was a backslash inside a string.
  private var escaped = false
  /// Whether a `--` comment runs to the end of the line.
  private var inComment = false

  /// Nothing open.
  public init() {}

  /// Whether a string is still open.
  public var openString: Bool { closingQuote != nil }

  /// Whether nothing is open: the input can run.
  public var isComplete: Bool { closingQuote == nil && openParentheses == 0 }

  /// What is open at the end of `text`.
  public static func of(_ text: String) -> Completeness {
    var c = Completeness()
    c.scan(Array(text.utf8))
    return c
  }

  /// Scans one line of input and the newline after it.
  public mutating func scanLine(_ line: String) {
    scan(Array(line.utf8))
    scan([0x0A])
  }

  /// Scans `bytes`, which go on from everything scanned before.
  public mutating func scan(_ bytes: [UInt8]) {
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if inComment {
        if b == 0x0A { inComment = false }
        i += 1
        continue
      }
      if let close = closingQuote {
        if escaped {
          escaped = false
        } else if b == UInt8(ascii: "\\") {
          escaped = true
        } else if b == close[0], bytes[i...].starts(with: close) {
          closingQuote = nil
          i += close.count
          continue
        }
        i += 1
        continue
      }
      switch b {
      case UInt8(ascii: "("): openParentheses += 1
      case UInt8(ascii: ")"): openParentheses = max(0, openParentheses - 1)
      case UInt8(ascii: ";"): openParentheses = 0
      case UInt8(ascii: "\""), UInt8(ascii: "'"): closingQuote = [b]
      case UInt8(ascii: "-") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "-"): inComment = true
      case 0xE2:
        if let close = Quotes.closing(of: bytes, at: i) {
          closingQuote = close
          i += Quotes.width
          continue
        }
      default: break
      }
      i += 1
    }
  }
}

/// Turns query text into tokens. It never throws and never stops: text that is not a token
/// becomes an `.invalid` token and scanning goes on after it.
///
///     Lexer.tokens(in: SourceText("claims where actor = \"Zelensky\""))
///     // identifier, keyword(where), identifier, equal, string, end
///
/// Newlines inside parentheses are dropped, so a parenthesised list may span lines; `--`
/// starts a comment that runs to the end of the line. Strings take straight quotes or the
/// curly quotes pasted from articles (`“Zelensky”`, `‘Zelensky’`).
public struct Lexer {
  private let bytes: [UInt8]
  private var i = 0
  private var depth = 0

  private init(_ source: SourceText) { bytes = source.bytes }

  /// Every token of `source`, ending with `.end`.
  public static func tokens(in source: SourceText) -> [QueryToken] {
    var lexer = Lexer(source)
    var tokens: [QueryToken] = []
    while true {
      let token = lexer.next()
      tokens.append(token)
      if token.kind == .end { return tokens }
    }
  }

  private mutating func next() -> QueryToken {
    skipSpaceAndComments()
    let start = i
    guard i < bytes.count else { return QueryToken(kind: .end, range: SourceRange(start: i, end: i)) }
    let b = bytes[i]
    func single(_ kind: TokenKind, width: Int = 1) -> QueryToken {
      i += width
      return QueryToken(kind: kind, range: SourceRange(start: start, end: i))
    }
    switch b {
    case 0x0A:
      i += 1
      if depth > 0 || Lexer.continuesStatement(bytes, at: i) { return next() }
      return QueryToken(kind: .newline, range: SourceRange(start: start, end: i))
    case UInt8(ascii: "("):
      depth += 1
      return single(.leftParen)
    case UInt8(ascii: ")"):
      depth = max(0, depth - 1)
      return single(.rightParen)
    case UInt8(ascii: ","): return single(.comma)
    case UInt8(ascii: ";"):
      depth = 0
      return single(.semicolon)
    case UInt8(ascii: "="): return single(.equal, width: peek(1) == UInt8(ascii: "=") ? 2 : 1)  // `==` as in SQLite
    case UInt8(ascii: "!") where peek(1) == UInt8(ascii: "="): return single(.notEqual, width: 2)
    case UInt8(ascii: "<"):
      if peek(1) == UInt8(ascii: "=") { return single(.lessEqual, width: 2) }
      if peek(1) == UInt8(ascii: ">") { return single(.notEqual, width: 2) }
      return single(.less)
    case UInt8(ascii: ">"):
      return single(peek(1) == UInt8(ascii: "=") ? .greaterEqual : .greater, width: peek(1) == UInt8(ascii: "=") ? 2 : 1)
    case UInt8(ascii: "\""), UInt8(ascii: "'"): return string(open: 1, close: [b])
    case 0x30...0x39: return number()
    default:
      if let close = Quotes.closing(of: bytes, at: i) { return string(open: Quotes.width, close: close) }
      if isIdentifierStart(at: i) { return identifier() }
      let width = min(scalarWidth(b), bytes.count - i)
      let text = String(decoding: bytes[i..<i + width], as: UTF8.self)
      i += width
      return QueryToken(kind: .invalid(.unexpectedCharacter(text.first ?? "?")), range: SourceRange(start: start, end: i))
    }
  }

  private func peek(_ k: Int) -> UInt8? { i + k < bytes.count ? bytes[i + k] : nil }

  /// Whether the next word after `k`, past spaces, blank lines and comments, is a stage
  /// keyword (`where`, `group`, `count`…, or `with`): such a line goes on with the statement
  /// before it, since no statement starts with a stage.
  public static func continuesStatement(_ bytes: [UInt8], at k: Int) -> Bool {
    var j = k
    while j < bytes.endIndex {
      let b = bytes[j]
      if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0A {
        j += 1
      } else if b == UInt8(ascii: "-"), j + 1 < bytes.endIndex, bytes[j + 1] == UInt8(ascii: "-") {
        while j < bytes.endIndex, bytes[j] != 0x0A { j += 1 }
      } else {
        break
      }
    }
    var word: [UInt8] = []
    while j < bytes.endIndex, word.count <= 8 {
      let b = bytes[j] | 0x20
      guard b >= 0x61 && b <= 0x7A else { break }
      word.append(b)
      j += 1
    }
    if j < bytes.endIndex {
      let b = bytes[j]
      if b >= 0x80 || b == UInt8(ascii: "_") || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) { return false }
    }
    guard let keyword = Keyword(rawValue: String(decoding: word, as: UTF8.self)) else { return false }
    return Keyword.continuations.contains(keyword)
  }

  private mutating func skipSpaceAndComments() {
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C {
        i += 1
      } else if b == UInt8(ascii: "-"), peek(1) == UInt8(ascii: "-") {
        while i < bytes.count, bytes[i] != 0x0A { i += 1 }
      } else if b == 0xC2, peek(1) == 0xA0 {
        i += 2
      } else {
        return
      }
    }
  }

  /// A string that opens with `open` bytes and ends at the quote `close` (one byte, or the
  /// UTF-8 of a curly quote).
  private mutating func string(open: Int, close: [UInt8]) -> QueryToken {
    let start = i
    i += open
    var out: [UInt8] = []
    while i < bytes.count {
      let b = bytes[i]
      if b == close[0], bytes[i...].starts(with: close) {
        i += close.count
        return QueryToken(kind: .string(String(decoding: out, as: UTF8.self)), range: SourceRange(start: start, end: i))
      }
      if b == UInt8(ascii: "\\"), i + 1 < bytes.count {
        let e = bytes[i + 1]
        if close.count > 1, bytes[(i + 1)...].starts(with: close) {  // \” inside “…”
          out += close
          i += 1 + close.count
          continue
        }
        switch e {
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): out.append(e)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        default: out += [b, e]  // kept as written, so regular expressions read "\\b" as they expect
        }
        i += 2
        continue
      }
      out.append(b)
      i += 1
    }
    return QueryToken(kind: .invalid(.unterminatedString), range: SourceRange(start: start, end: i))
  }

  private mutating func number() -> QueryToken {
    let start = i
    while i < bytes.count, isDigit(bytes[i]) { i += 1 }
    // a date: 2025-10-17
    if i - start == 4, peek(0) == UInt8(ascii: "-"),
      isDigit(peek(1) ?? 0), isDigit(peek(2) ?? 0), peek(3) == UInt8(ascii: "-"), isDigit(peek(4) ?? 0), isDigit(peek(5) ?? 0)
    {
      i += 6
      let text = String(decoding: bytes[start..<i], as: UTF8.self)
      let range = SourceRange(start: start, end: i)
      guard let day = Day(parsing: text) else { return QueryToken(kind: .invalid(.invalidDate(text)), range: range) }
      return QueryToken(kind: .date(day), range: range)
    }
    while i < bytes.count, isIdentifierPart(at: i) { i += scalarWidth(bytes[i]) }  // "12abc" is one bad token
    i = min(i, bytes.count)
    let text = String(decoding: bytes[start..<i], as: UTF8.self)
    let range = SourceRange(start: start, end: i)
    guard text.allSatisfy(\.isNumber) else {
      return QueryToken(kind: .invalid(.unexpectedCharacter(text.first { !$0.isNumber } ?? "?")), range: range)
    }
    guard let value = Int(text) else { return QueryToken(kind: .invalid(.integerTooLarge), range: range) }
    return QueryToken(kind: .integer(value), range: range)
  }

  private mutating func identifier() -> QueryToken {
    let start = i
    while i < bytes.count, isIdentifierPart(at: i) { i += scalarWidth(bytes[i]) }
    i = min(i, bytes.count)
    let text = String(decoding: bytes[start..<i], as: UTF8.self)
    let range = SourceRange(start: start, end: i)
    if let keyword = Keyword(word: text) { return QueryToken(kind: .keyword(keyword), range: range) }
    return QueryToken(kind: .identifier(text), range: range)
  }

  private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

  /// A name starts with a letter (ASCII, or any Unicode letter) or `_`.
  private func isIdentifierStart(at k: Int) -> Bool {
    let b = bytes[k]
    if b < 0x80 { return (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == UInt8(ascii: "_") }
    return scalar(at: k)?.properties.isAlphabetic == true
  }

  /// A name goes on with letters, digits, `_` and combining marks.
  private func isIdentifierPart(at k: Int) -> Bool {
    if isDigit(bytes[k]) || isIdentifierStart(at: k) { return true }
    guard bytes[k] >= 0x80, let s = scalar(at: k) else { return false }
    return s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .spacingMark
  }

  /// The Unicode scalar whose UTF-8 starts at `k`, or nil for a broken sequence.
  private func scalar(at k: Int) -> Unicode.Scalar? {
    let width = scalarWidth(bytes[k])
    guard width > 1, k + width <= bytes.count else { return nil }
    return String(validating: bytes[k..<k + width], as: UTF8.self)?.unicodeScalars.first
  }
  private func scalarWidth(_ b: UInt8) -> Int { b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1 }
}

/// The curly quotes that open a string, and the quote that closes each: “…” and ‘…’.
enum Quotes {
  /// The UTF-8 width of every curly quote.
  static let width = 3
  static let leftDouble: [UInt8] = [0xE2, 0x80, 0x9C]
  static let rightDouble: [UInt8] = [0xE2, 0x80, 0x9D]
  static let leftSingle: [UInt8] = [0xE2, 0x80, 0x98]
  static let rightSingle: [UInt8] = [0xE2, 0x80, 0x99]

  /// The closing quote's bytes when a curly opening quote starts at `k`, else nil.
  static func closing(of bytes: [UInt8], at k: Int) -> [UInt8]? {
    guard bytes[k] == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x80 else { return nil }
    switch bytes[k + 2] {
    case 0x9C: return rightDouble
    case 0x98: return rightSingle
    default: return nil
    }
  }
}

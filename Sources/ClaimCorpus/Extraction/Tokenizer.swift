/// Splits UTF-8 text into words and punctuation marks.
///
///     Tokenizer.tokens(in: Array("Zelensky’s U.S. visit".utf8))
///     // Zelensky, ’s, U.S., visit
///
/// Bytes of U+2000–U+206F (curly quotes, dashes, the ellipsis) and U+00A0 are punctuation or
/// space; every other non-ASCII character counts as a letter.
public enum Tokenizer {
  /// The tokens of `bytes[range]`, spans offset into `bytes`.
  /// - Complexity: O(n) in the length of the range.
  public static func tokens(in bytes: [UInt8], range: Range<Int>? = nil) -> [Token] {
    var tokens = rawTokens(in: bytes, range: range)
    for i in tokens.indices {
      if let e = Vocabulary.entry(tokens[i].key) {
        tokens[i].word = e.id
        tokens[i].classes = e.classes
      }
    }
    return tokens
  }

  /// The token keys of a phrase, without vocabulary look-ups (which need these keys first).
  static func rawKeys(of text: String) -> [String] {
    rawTokens(in: Array(text.utf8), range: nil).map(\.key)
  }

  static func rawTokens(in bytes: [UInt8], range: Range<Int>?) -> [Token] {
    let range = range ?? 0..<bytes.count
    var tokens: [Token] = []
    tokens.reserveCapacity(range.count / 5)
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      let b = bytes[i]
      let width = scalarWidth(b)
      if isSpace(bytes, i, end) {
        i += width
      } else if isWordByte(bytes, i, end) {
        let start = i
        i = wordEnd(bytes, from: i, end: end)
        tokens.append(makeWord(bytes, start, i))
        if let p = possessiveEnd(bytes, i, end) {
          tokens.append(Token(kind: .possessive, span: TextSpan(start: i, end: p), key: "'s", isCapitalized: false, isAllCaps: false))
          i = p
        }
      } else {
        let w = min(width, end - i)
        let text = String(decoding: bytes[i..<i + w], as: UTF8.self)
        tokens.append(
          Token(kind: .punct, span: TextSpan(start: i, end: i + w), key: normalizedPunct(text), isCapitalized: false, isAllCaps: false))
        i += w
      }
    }
    return tokens
  }

  static func scalarWidth(_ b: UInt8) -> Int {
    if b < 0x80 { return 1 }
    if b >= 0xF0 { return 4 }
    if b >= 0xE0 { return 3 }
    if b >= 0xC0 { return 2 }
    return 1
  }

  /// Whether the character at `i` is a space (ASCII whitespace, NBSP, U+2000–U+200B).
  static func isSpace(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Bool {
    let b = bytes[i]
    if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B { return true }
    if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 { return true }
    if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] <= 0x8B { return true }
    return false
  }

  /// Whether the character at `i` is a letter or digit.
  static func isWordByte(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Bool {
    let b = bytes[i]
    if b < 0x80 {
      return (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }
    if b == 0xC2 { return i + 1 < end && bytes[i + 1] >= 0xC0 }  // U+00C0.. are letters; U+0080–U+00BF are marks
    if b == 0xE2, i + 1 < end, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 { return false }
    if b == 0xEF, i + 2 < end, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return false }  // BOM
    return b >= 0xC3
  }

  /// The length of an apostrophe (`'` or `’`) at `i`, or 0.
  static func apostropheWidth(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Int {
    if bytes[i] == 0x27 { return 1 }
    if bytes[i] == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return 3 }
    return 0
  }

  static func wordEnd(_ bytes: [UInt8], from start: Int, end: Int) -> Int {
    var i = start
    while i < end {
      if isWordByte(bytes, i, end) {
        i += scalarWidth(bytes[i])
        continue
      }
      let b = bytes[i]
      // inner hyphen: long-range, Mar-a-Lago
      if b == 0x2D, i + 1 < end, isWordByte(bytes, i + 1, end), i > start {
        i += 1
        continue
      }
      // inner apostrophe, not a possessive: don't, O'Brien
      let aw = apostropheWidth(bytes, i, end)
      if aw > 0, i + aw < end, isWordByte(bytes, i + aw, end), possessiveEnd(bytes, i, end) == nil {
        i += aw
        continue
      }
      // acronym periods: U.S., U.K.
      if b == 0x2E, i - start >= 1, isAcronymSoFar(bytes, start, i) {
        if i + 2 < end, isUpperASCII(bytes[i + 1]), bytes[i + 2] == 0x2E || !isWordByte(bytes, i + 2, end) {
          i += 1
          continue
        }
        if i - start >= 3 { i += 1 }  // the final period of U.S.
        break
      }
      break
    }
    return i
  }

  /// Whether `bytes[start..<i]` reads as single capitals joined by periods (`U`, `U.S`).
  static func isAcronymSoFar(_ bytes: [UInt8], _ start: Int, _ i: Int) -> Bool {
    var j = start
    while j < i {
      guard isUpperASCII(bytes[j]) else { return false }
      j += 1
      if j < i {
        guard bytes[j] == 0x2E else { return false }
        j += 1
      }
    }
    return true
  }

  static func isUpperASCII(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }

  /// The end of a possessive `'s` / `’s` at `i` (followed by a non-letter), or nil.
  static func possessiveEnd(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Int? {
    guard i < end else { return nil }
    let aw = apostropheWidth(bytes, i, end)
    guard aw > 0, i + aw < end, bytes[i + aw] == 0x73 || bytes[i + aw] == 0x53 else { return nil }
    let after = i + aw + 1
    if after < end, isWordByte(bytes, after, end) { return nil }
    return after
  }

  static func makeWord(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Token {
    var ascii = true
    var upper = 0
    var letters = 0
    for j in start..<end where bytes[j] >= 0x80 { ascii = false; break }
    let key: String
    if ascii {
      key = String(unsafeUninitializedCapacity: end - start) { out in
        for j in start..<end {
          let b = bytes[j]
          if b >= 0x41 && b <= 0x5A {
            upper += 1
            letters += 1
            out[j - start] = b + 32
          } else {
            if b >= 0x61 && b <= 0x7A { letters += 1 }
            out[j - start] = b
          }
        }
        return end - start
      }
    } else {
      let text = String(decoding: bytes[start..<end], as: UTF8.self)
      for c in text where c.isLetter {
        letters += 1
        if c.isUppercase { upper += 1 }
      }
      key = text.lowercased().replacingApostrophes()
    }
    let first = bytes[start]
    let capitalized: Bool
    if first < 0x80 {
      capitalized = isUpperASCII(first)
    } else {
      capitalized = String(decoding: bytes[start..<end], as: UTF8.self).first?.isUppercase ?? false
    }
    return Token(
      kind: .word, span: TextSpan(start: start, end: end), key: key, isCapitalized: capitalized, isAllCaps: letters >= 2 && upper == letters
    )
  }

  static func normalizedPunct(_ text: String) -> String {
    switch text {
    case "\u{2018}", "\u{2019}": return "'"
    case "\u{201C}", "\u{201D}": return "\""
    case "\u{2013}", "\u{2014}": return "-"
    default: return text
    }
  }
}

extension String {
  /// The string with `’` made `'`. (A Character test: Foundation's `contains` of a string
  /// searches with locale rules, a hundred times slower.)
  func replacingApostrophes() -> String {
    contains(Character("\u{2019}")) ? String(map { $0 == "\u{2019}" ? "'" : $0 }) : self
  }
}

/// Splits a paragraph into sentences.
///
/// A sentence ends at `.`, `!`, `?` or `…`, with any closing quotes and brackets after it,
/// when a space and a capital, digit or opening quote follow, or at the end of the
/// paragraph. It does not end after an abbreviation ("Sen.", "Oct. 17", "U.S. President"),
/// an initial ("J. K."), or inside a number ("1,500", "3.5"). A full stop glued to the next
/// sentence ("forces.The only way") still ends one.
public enum SentenceSplitter {
  /// The sentence spans of `bytes[range]`, trimmed.
  /// - Complexity: O(n) in the length of the range.
  public static func split(_ bytes: [UInt8], range: Range<Int>) -> [TextSpan] {
    var spans: [TextSpan] = []
    var start = range.lowerBound
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      let b = bytes[i]
      var terminatorEnd: Int? = nil
      if b == 0x2E || b == 0x21 || b == 0x3F {
        terminatorEnd = i + 1
      } else if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA6 {
        terminatorEnd = i + 3
      }
      guard var after = terminatorEnd else {
        i += 1
        continue
      }
      // a run of terminators: "?!", "..."
      while after < end, bytes[after] == 0x2E || bytes[after] == 0x21 || bytes[after] == 0x3F { after += 1 }
      // closing quotes and brackets
      while after < end {
        if bytes[after] == 0x22 || bytes[after] == 0x27 || bytes[after] == 0x29 || bytes[after] == 0x5D { after += 1; continue }
        if bytes[after] == 0xE2, after + 2 < end, bytes[after + 1] == 0x80, bytes[after + 2] == 0x9D || bytes[after + 2] == 0x99 {
          after += 3
          continue
        }
        break
      }
      if isBoundary(bytes, terminator: i, after: after, end: end) {
        appendTrimmed(bytes, start, after, to: &spans)
        start = after
      }
      i = after
    }
    appendTrimmed(bytes, start, end, to: &spans)
    return spans
  }

  static func isBoundary(_ bytes: [UInt8], terminator i: Int, after: Int, end: Int) -> Bool {
    if after >= end { return false }  // the paragraph's end closes the last sentence anyway
    let isPeriod = bytes[i] == 0x2E && after == i + 1
    // glued: "forces.The" — lowercase letter, period, capital, lowercase letter
    if isPeriod && !isSpace(bytes[after]) {
      return i > 0 && isLower(bytes[i - 1]) && i >= 2 && isLower(bytes[i - 2])
        && isUpper(bytes[after]) && after + 1 < end && isLower(bytes[after + 1])
    }
    guard isSpace(bytes[after]) else { return false }
    var next = after
    while next < end, isSpace(bytes[next]) { next += 1 }
    guard next < end else { return false }
    guard startsSentence(bytes, next, end) else { return false }
    if bytes[i] == 0x2E && isAbbreviation(bytes, periodAt: i) { return false }
    return true
  }

  /// Whether a sentence can start at `i`: a capital, a digit, an opening quote or bracket.
  static func startsSentence(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Bool {
    let b = bytes[i]
    if isUpper(b) || (b >= 0x30 && b <= 0x39) || b == 0x22 || b == 0x27 || b == 0x28 || b == 0x5B { return true }
    if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80 { return bytes[i + 2] == 0x9C || bytes[i + 2] == 0x98 }
    if b >= 0xC3 {  // non-ASCII letter: capital?
      let w = Tokenizer.scalarWidth(b)
      let s = String(decoding: bytes[i..<min(end, i + w)], as: UTF8.self)
      return s.first?.isUppercase ?? false
    }
    return false
  }

  /// Whether the word ending at the period `i` is an abbreviation or an initial.
  static func isAbbreviation(_ bytes: [UInt8], periodAt i: Int) -> Bool {
    var s = i
    while s > 0, !isSpace(bytes[s - 1]), bytes[s - 1] != 0x28, bytes[s - 1] != 0x22 { s -= 1 }
    let word = bytes[s..<i]
    if word.isEmpty { return false }
    if word.count == 1 && isUpper(word.first!) { return true }  // initial: "J."
    if word.contains(0x2E) && word.allSatisfy({ isUpper($0) || $0 == 0x2E }) { return true }  // U.S.
    let lowered = String(decoding: word.map { isUpper($0) ? $0 + 32 : $0 }, as: UTF8.self)
    return abbreviations.contains(lowered)
  }

  static let abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "maj", "adm",
    "st", "jr", "sr", "rev", "hon", "pres", "vs", "etc", "inc", "corp", "co", "ltd", "no", "nos", "fig",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "approx",
    "dept", "est", "mt", "ft", "u.s", "u.k", "a.m", "p.m",
  ]

  static func appendTrimmed(_ bytes: [UInt8], _ start: Int, _ end: Int, to spans: inout [TextSpan]) {
    var s = start
    var e = end
    while s < e, isSpace(bytes[s]) { s += 1 }
    while e > s, isSpace(bytes[e - 1]) { e -= 1 }
    if s < e { spans.append(TextSpan(start: s, end: e)) }
  }

  static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
  static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
  static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
}

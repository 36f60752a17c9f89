import CFastScan

/// One line of a page, seen for its shape: its text without markdown decoration, lowercased
/// for phrase tests, and the signs that mark page furniture rather than prose.
struct LineShape {
  /// The page's bytes.
  let bytes: [UInt8]
  /// The line without leading `> * _ #` and trailing `_ *`.
  let core: TextSpan
  /// The core, ASCII letters lowercased.
  let lower: LowerBytes
  /// The core's words (runs between spaces), as byte ranges.
  let words: [Range<Int>]
  /// The reader's and the publisher's pronouns the line uses (quoted words too: the rules that
  /// read them also ask `hasQuotationMarks`).
  let pronouns: Pronouns

  /// Pronouns that address the reader or speak as the publisher.
  struct Pronouns: OptionSet {
    let rawValue: UInt8
    /// "you", "your".
    static let secondPerson = Pronouns(rawValue: 1)
    /// "we", "our".
    static let firstPlural = Pronouns(rawValue: 2)
    /// "us" (not "US").
    static let us = Pronouns(rawValue: 4)
  }

  init(bytes: [UInt8], span: TextSpan) {
    self.bytes = bytes
    var s = span.start
    var e = span.end
    while s < e, bytes[s] == 0x3E || bytes[s] == 0x2A || bytes[s] == 0x5F || bytes[s] == 0x23 || bytes[s] == 0x20 { s += 1 }
    while e > s, bytes[e - 1] == 0x5F || bytes[e - 1] == 0x2A || bytes[e - 1] == 0x20 { e -= 1 }
    core = TextSpan(start: s, end: e)
    // one pass: the lowercased bytes, the words, and the pronouns among them
    var lowered = [UInt8](repeating: 0, count: e - s)
    var words: [Range<Int>] = []
    var pronouns: Pronouns = []
    var start = -1
    for i in s..<e {
      let b = bytes[i]
      lowered[i - s] = Self.isUpper(b) ? b + 32 : b
      if b == 0x20 || b == 0x09 {
        if start >= 0 {
          words.append(start..<i)
          if i - start <= 6 { pronouns.formUnion(Self.pronoun(bytes[start..<i])) }
          start = -1
        }
      } else if start < 0 {
        start = i
      }
    }
    if start >= 0 {
      words.append(start..<e)
      if e - start <= 6 { pronouns.formUnion(Self.pronoun(bytes[start..<e])) }
    }
    lower = LowerBytes(lowered)
    self.words = words
    self.pronouns = pronouns
  }

  /// The pronoun a word is, its letters compared without case ("Your," → second person), "US" aside.
  static func pronoun(_ word: ArraySlice<UInt8>) -> Pronouns {
    guard word.count <= 6 else { return [] }
    var key: UInt32 = 0
    var count = 0
    var allUpper = true
    for b in word where isLower(b) || isUpper(b) {
      count += 1
      if count > 4 { return [] }
      allUpper = allUpper && isUpper(b)
      key = key << 8 | UInt32(isUpper(b) ? b + 32 : b)
    }
    switch key {
    case 0x796F75, 0x796F7572: return .secondPerson  // you, your
    case 0x7765, 0x6F7572: return .firstPlural  // we, our
    case 0x7573: return allUpper ? [] : .us  // us, not US
    default: return []
    }
  }

  /// The first `count` words, letters only, lowercased ("Help", "us" → "help", "us").
  func leadingWords(_ count: Int) -> [String] {
    words.prefix(count).map { w in
      String(decoding: bytes[w].filter { Self.isLower($0) || Self.isUpper($0) }.map { Self.isUpper($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }
  }

  static func isLower(_ b: UInt8) -> Bool { SentenceSplitter.isLower(b) }
  static func isUpper(_ b: UInt8) -> Bool { SentenceSplitter.isUpper(b) }
  static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

  /// Link texts run together by a crawler ("Skip to main contentSkip to navigation",
  /// "notification-importantGet instant alerts"): a word that starts in lowercase, in which
  /// three lowercase letters run straight into a capitalised word. Brand names start with a
  /// capital ("BlackRock", "WhatsApp") and are not taken.
  var hasGluedLinkText: Bool {
    for w in words where Self.isLower(bytes[w.lowerBound]) {
      var i = w.lowerBound + 3
      while i + 1 < w.upperBound {
        if Self.isUpper(bytes[i]) && Self.isLower(bytes[i + 1]) && (i - 3..<i).allSatisfy({ Self.isLower(bytes[$0]) }) { return true }
        i += 1
      }
    }
    return false
  }

  /// "list 1 of 4…", "Item 1 of 5 …", "[1/5] …": a counted entry of a link list or a photo gallery.
  var isCountedEntry: Bool {
    let b = lower.bytes
    if words.count >= 4, ["list ", "item ", "image ", "photo ", "slide "].contains(where: lower.hasPrefix) {
      let number = { (k: Int) in self.bytes[self.words[k]].first.map(Self.isDigit) ?? false }
      return number(1) && String(decoding: bytes[words[2]], as: UTF8.self) == "of" && number(3)
    }
    guard b.first == 0x5B, let close = b.firstIndex(of: 0x5D), close <= 8 else { return false }
    let inside = b[1..<close]
    return inside.contains(0x2F) && inside.allSatisfy { Self.isDigit($0) || $0 == 0x2F }
  }

  /// A caption that ends in its credit: "… patrol an area [File: Hussein Malla/AP Photo]".
  var endsWithBracketedCredit: Bool {
    let b = lower.bytes
    guard b.last == 0x5D, let open = b.lastIndex(of: 0x5B) else { return false }
    let inside = LowerBytes(Array(b[(open + 1)...]))
    return inside.contains("/") || inside.hasPrefix("file") || inside.contains("photo") || inside.contains("getty")
  }

  /// Whether the line quotes someone.
  var hasQuotationMarks: Bool {
    guard lower.bytes.contains(where: { $0 == 0x22 || $0 == 0x27 || $0 == 0xE2 }) else { return false }
    return !QuoteFinder.quotes(in: bytes, range: core.start..<core.end).isEmpty
  }

  /// Whether the line speaks to its reader ("you", "your") or as the publisher ("we", "us", "our").
  var addressesTheReader: Bool { !pronouns.isEmpty }

  /// Whether the line speaks both to the reader and as the publisher ("if you believe … let us know").
  var speaksAsThePublisher: Bool { pronouns.contains(.secondPerson) && !pronouns.isDisjoint(with: [.firstPlural, .us]) }

  /// "Help us …", "Get our stories …", "Sign up here": a verb from `openers` first, with the
  /// reader or the publisher (or "up", "here", "now") within the next three words.
  func startsWithImperative(_ openers: Set<String>) -> Bool {
    let w = leadingWords(4)
    guard let first = w.first, openers.contains(first) else { return false }
    return w.dropFirst().contains { ["you", "your", "we", "us", "our", "up", "here", "now"].contains($0) }
  }

  /// A line of page metadata: parts split by " • " or " · " with a date or time among them.
  var isMetaLine: Bool {
    (lower.contains(" \u{2022} ") || lower.contains(" \u{00B7} ")) && lower.bytes.contains(where: Self.isDigit)
  }

  /// A tag or share bar: every word capitalised, at least six of them, or four when
  /// separators ("&", "/", "|") stand between them ("Mail Facebook Twitter / X LinkedIn");
  /// a comma, colon or bracket makes it a list in prose, not a bar.
  var isCapitalisedRun: Bool {
    var count = 0
    var separators = 0
    for w in words {
      let word = String(decoding: bytes[w], as: UTF8.self)
      if word.contains(where: { $0 == "," || $0 == ":" || $0 == "(" || $0 == ")" }) { return false }
      guard let first = word.first(where: { $0.isLetter || $0.isNumber }) else {
        separators += 1
        continue
      }
      guard first.isUppercase else { return false }
      count += 1
    }
    return count >= 6 || count >= 4 && separators > 0
  }

  /// Whether the line opens with `name` (the page's publisher) and speaks as "we" or "our":
  /// "ICIJ accepts information about wrongdoing … We do our utmost …".
  func isPublisherNote(_ name: String) -> Bool {
    guard !name.isEmpty, lower.hasPrefix(name.lowercased() + " ") else { return false }
    return pronouns.contains(.firstPlural)
  }

  /// "— The Committee … report": the attribution line under a pull quote.
  var startsWithDash: Bool {
    let b = lower.bytes
    return b.count > 3 && b[0] == 0xE2 && b[1] == 0x80 && (b[2] == 0x94 || b[2] == 0x93)
  }

  /// "William Dixon is a senior associate fellow at …": a full name (two to four capitalised
  /// words, no "Mr"), then "is a", "is an" or "is the", and one of `roles` within four words.
  func isAuthorBio(roles: Set<String>) -> Bool {
    guard lower.contains(" is ") else { return false }
    let w = leadingWords(12)
    guard let isAt = w.prefix(6).firstIndex(of: "is"), (2...4).contains(isAt), isAt + 1 < w.count,
      ["a", "an", "the"].contains(w[isAt + 1]), !["mr", "mrs", "ms", "dr", "miss"].contains(w[0]),
      words.prefix(isAt).allSatisfy({ Self.isUpper(bytes[$0.lowerBound]) })
    else { return false }
    return w.dropFirst(isAt + 2).prefix(4).contains { roles.contains($0) }
  }
}

/// A line's bytes with ASCII letters lowercased, for fast prefix and substring tests.
struct LowerBytes {
  /// The lowercased bytes.
  var bytes: [UInt8]

  init(_ slice: ArraySlice<UInt8>) {
    bytes = slice.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
  }

  init(_ array: [UInt8]) { bytes = array }

  func hasPrefix(_ text: String) -> Bool {
    bytes.starts(with: text.utf8)
  }

  func contains(_ text: String) -> Bool { firstIndex(of: text) != nil }

  /// The offset where `text` (lowercase) first occurs.
  func firstIndex(of text: String) -> Int? {
    var needle = text
    return needle.withUTF8 { n in
      bytes.withUnsafeBufferPointer { h in
        guard let base = h.baseAddress, let needle = n.baseAddress, n.count <= h.count else { return nil }
        let found = claimsh_find_caseless(base, h.count, needle, n.count, 0)
        return found < h.count ? found : nil
      }
    }
  }
}

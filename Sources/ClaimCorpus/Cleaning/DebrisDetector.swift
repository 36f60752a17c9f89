/// Finds page debris: navigation, share bars, labels, photo credits, embedded social posts,
/// disclaimers and, after the article's end, teasers of other articles.
///
/// Each rule looks at one line (a run of text between newlines); a line caught by an
/// end-of-article rule past the middle of the text makes every later line debris too.
public struct DebrisDetector: Sendable {
  /// The lexicon, to tell a tag list ("Donald Trump Zelensky Putin") from a heading.
  public var lexicon: Lexicon

  /// Creates a detector that uses `lexicon`.
  public init(lexicon: Lexicon) { self.lexicon = lexicon }

  /// A line of text, trimmed.
  public struct Line: Sendable {
    /// The trimmed line's span.
    public var span: TextSpan
  }

  /// The debris of the text whose UTF-8 bytes are `bytes`, split into `lines`, and the
  /// date of a stand-alone dateline when there is one.
  public func detect(bytes: [UInt8], lines: [Line]) -> (debris: [Debris], dateline: Day?) {
    var debris: [Debris] = []
    var dateline: Day? = nil
    var inTail = false
    var sawBody = false
    for line in lines {
      if inTail {
        debris.append(Debris(span: line.span, rule: "debris.teaser"))
        continue
      }
      let text = String(decoding: bytes[line.span.start..<line.span.end], as: UTF8.self)
      if let (length, day) = Self.leadingDateline(text) {
        dateline = dateline ?? day
        debris.append(Debris(span: TextSpan(start: line.span.start, end: line.span.start + length), rule: "debris.dateline"))
        if length == line.span.length { continue }
        sawBody = true
        continue
      }
      guard let rule = rule(for: text, bytes: bytes, span: line.span) else {
        sawBody = true
        continue
      }
      debris.append(Debris(span: line.span, rule: rule))
      let pastMiddle = line.span.start * 2 > bytes.count
      if sawBody && pastMiddle && Self.endOfArticleRules.contains(rule) { inTail = true }
    }
    return (debris, dateline)
  }

  /// Rules whose line ends the article when it comes past the middle of the page.
  static let endOfArticleRules: Set<String> = [
    "debris.photo-credit", "debris.disclaimer", "debris.read-more", "debris.newsletter", "debris.label",
  ]

  func rule(for text: String, bytes: [UInt8], span: TextSpan) -> String? {
    let lower = LowerBytes(bytes[span.start..<span.end])
    if lower.contains("pic.twitter.com/") || Self.looksLikeEmbeddedPost(lower) { return "debris.social-embed" }
    if Self.photoCreditPrefixes.contains(where: lower.hasPrefix) { return "debris.photo-credit" }
    if Self.disclaimerPrefixes.contains(where: lower.hasPrefix) { return "debris.disclaimer" }
    let short = span.length < 60
    if short && Self.readMorePhrases.contains(where: lower.contains) { return "debris.read-more" }
    if Self.newsletterPhrases.contains(where: lower.hasPrefix) { return "debris.newsletter" }
    if short && Self.sharePhrases.contains(where: lower.hasPrefix) { return "debris.share" }
    let words = lower.wordCount
    let endsLikeSentence = Self.endsLikeSentence(bytes, span)
    if lower.contains(" | ") && words <= 8 && !endsLikeSentence { return "debris.section-label" }
    if words == 1 && !endsLikeSentence { return "debris.label" }
    if words <= 6, lower.hasPrefix("by "), text.split(separator: " ").dropFirst().allSatisfy({ $0.first?.isUppercase ?? false }) {
      return "debris.byline"
    }
    if !endsLikeSentence && words <= 8 && isTagList(bytes: bytes, span: span) { return "debris.tags" }
    return nil
  }

  /// Whether the line ends with sentence punctuation or a closing quote.
  static func endsLikeSentence(_ bytes: [UInt8], _ span: TextSpan) -> Bool {
    guard span.length > 0 else { return false }
    let last = bytes[span.end - 1]
    if last == 0x2E || last == 0x21 || last == 0x3F || last == 0x22 || last == 0x3A { return true }
    // ” or ’ (E2 80 9D / E2 80 99)
    return span.length >= 3 && bytes[span.end - 3] == 0xE2 && bytes[span.end - 2] == 0x80 && (last == 0x9D || last == 0x99)
  }

  /// Whether every word of the line belongs to one of two or more known entity names.
  func isTagList(bytes: [UInt8], span: TextSpan) -> Bool {
    let tokens = Tokenizer.tokens(in: bytes, range: span.start..<span.end)
    let mentions = lexicon.mentions(in: tokens, bytes: bytes).filter { $0.kind != .unknown }
    guard mentions.count >= 2 else { return false }
    let covered = mentions.reduce(0) { $0 + $1.tokens.count }
    return covered == tokens.count
  }

  /// `— Name (@handle) October 17, 2025` at the end of a line.
  static func looksLikeEmbeddedPost(_ line: LowerBytes) -> Bool {
    guard let at = line.firstIndex(of: "(@") else { return false }
    let before = LowerBytes(Array(line.bytes[..<at]))
    return before.contains("\u{2014}") || before.contains(" - ") || before.contains("\u{2013}")
  }

  /// A line that starts `date 2025-10-27`: its length in bytes and the day.
  static func leadingDateline(_ text: String) -> (Int, Day)? {
    var rest = Substring(text)
    for prefix in ["date ", "Date ", "Date: ", "date: ", "DATE "] where rest.hasPrefix(prefix) {
      rest = rest.dropFirst(prefix.count)
      guard let day = Day(parsing: rest.prefix(10)) else { return nil }
      let length = prefix.utf8.count + 10
      return (length, day)
    }
    return nil
  }

  static let photoCreditPrefixes = [
    "top photo credit", "top image credit", "photo credit", "image credit", "photo:", "image:", "credit:",
    "pictured:", "caption:", "image source", "getty images", "photograph:",
  ]
  static let disclaimerPrefixes = [
    "all statements of fact", "the views expressed", "views expressed in this", "this article was originally",
    "copyright ©", "© ",
  ]
  static let readMorePhrases = ["keep reading", "show less", "read more", "continue reading", "related articles", "most read"]
  static let newsletterPhrases = ["subscribe now", "subscribe to", "sign up for", "sign up to", "newsletter", "get our newsletter"]
  static let sharePhrases = ["follow us", "share this", "share on", "click to share", "tweet this", "email this"]
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

  /// The number of runs of bytes between spaces and tabs.
  var wordCount: Int {
    var count = 0
    var inWord = false
    for b in bytes {
      let space = b == 0x20 || b == 0x09
      if !space && !inWord { count += 1 }
      inWord = !space
    }
    return count
  }

  /// The offset where `text` (lowercase) first occurs.
  func firstIndex(of text: String) -> Int? {
    let needle = Array(text.utf8)
    guard let first = needle.first, needle.count <= bytes.count else { return nil }
    var i = 0
    let last = bytes.count - needle.count
    while i <= last {
      if bytes[i] == first {
        var k = 1
        while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
        if k == needle.count { return i }
      }
      i += 1
    }
    return nil
  }
}

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
      let text = String(decoding: bytes[line.span.start..<line.span.end], as: UTF8.self)
      if inTail {
        debris.append(Debris(span: line.span, rule: "debris.teaser"))
        continue
      }
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
    let lower = text.lowercased()
    if lower.contains("pic.twitter.com/") || Self.looksLikeEmbeddedPost(text) { return "debris.social-embed" }
    if Self.photoCreditPrefixes.contains(where: { lower.hasPrefix($0) }) { return "debris.photo-credit" }
    if Self.disclaimerPrefixes.contains(where: { lower.hasPrefix($0) }) { return "debris.disclaimer" }
    if Self.readMorePhrases.contains(where: { lower.contains($0) }) && text.utf8.count < 60 { return "debris.read-more" }
    if Self.newsletterPhrases.contains(where: { lower.hasPrefix($0) }) { return "debris.newsletter" }
    if Self.sharePhrases.contains(where: { lower.hasPrefix($0) }) && text.utf8.count < 60 { return "debris.share" }
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    let endsLikeSentence = text.last.map { ".!?\"”’:".contains($0) } ?? false
    if text.contains(" | ") && words.count <= 8 && !endsLikeSentence { return "debris.section-label" }
    if words.count == 1 && !endsLikeSentence { return "debris.label" }
    if words.count <= 6, lower.hasPrefix("by "), words.dropFirst().allSatisfy({ $0.first?.isUppercase ?? false }) {
      return "debris.byline"
    }
    if !endsLikeSentence && words.count <= 8 && isTagList(bytes: bytes, span: span) { return "debris.tags" }
    return nil
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
  static func looksLikeEmbeddedPost(_ text: String) -> Bool {
    guard let at = text.range(of: "(@") else { return false }
    let before = text[..<at.lowerBound]
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

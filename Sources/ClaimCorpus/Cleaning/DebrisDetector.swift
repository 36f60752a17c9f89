/// Finds page debris: navigation, share bars, labels, photo captions and credits, embedded
/// social posts, calls to the reader, link lists, pull quotes, author bios, disclaimers and,
/// after the article's end, teasers of other articles.
///
/// Each rule looks at one line (a run of text between newlines) and its shape: what it
/// starts or ends with, glued link text, a bracketed credit, a run of capitalised tags. Two
/// look at the page: a line that repeats another, and a quotation block whose words stand in
/// the body. A line caught by an end-of-article rule past the middle of the text makes every
/// later line debris too. The phrases live in `Resources/debris.txt`.
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
  /// date of a stand-alone dateline when there is one; `publisher` is the page's source.
  public func detect(bytes: [UInt8], lines: [Line], publisher: String = "") -> (debris: [Debris], dateline: Day?) {
    var rules: [String?] = []
    var datelines: [Int: (Int, Day)] = [:]
    for (k, line) in lines.enumerated() {
      let first = bytes[line.span.start]
      if first == 0x64 || first == 0x44,
        let found = Self.leadingDateline(String(decoding: bytes[line.span.start..<line.span.end], as: UTF8.self))
      {
        datelines[k] = found
        rules.append(nil)
        continue
      }
      let position = Double(line.span.start) / Double(max(1, bytes.count))
      rules.append(rule(bytes: bytes, span: line.span, position: position, publisher: publisher))
    }
    PageRepeats.mark(bytes: bytes, lines: lines, rules: &rules)

    var debris: [Debris] = []
    var dateline: Day? = nil
    var inTail = false
    var sawBody = false
    for (k, line) in lines.enumerated() {
      if inTail {
        debris.append(Debris(span: line.span, rule: "debris.teaser"))
        continue
      }
      if let (length, day) = datelines[k] {
        dateline = dateline ?? day
        debris.append(Debris(span: TextSpan(start: line.span.start, end: line.span.start + length), rule: "debris.dateline"))
        if length < line.span.length { sawBody = true }
        continue
      }
      guard let rule = rules[k] else {
        sawBody = true
        continue
      }
      debris.append(Debris(span: line.span, rule: rule))
      let past = Double(line.span.start) / Double(max(1, bytes.count))
      if sawBody && (past > 0.5 && Self.endOfArticleRules.contains(rule) || past > 0.75 && rule == "debris.link") {
        // "READ MORE: …" or a caption in mid-page: the article goes on when body follows
        inTail = Self.hardEndRules.contains(rule) || !Self.bodyFollows(k, lines: lines, rules: rules, bytes: bytes)
      }
    }
    return (debris, dateline)
  }

  /// Rules whose line ends the article wherever body seems to follow: credits, disclaimers, bios.
  static let hardEndRules: Set<String> = ["debris.disclaimer", "debris.credits", "debris.bio"]

  /// Whether one of the next two lines after line `k` that no rule marks is a paragraph of the
  /// article's body (two sentences or more, twenty-five words or more), not a teaser.
  static func bodyFollows(_ k: Int, lines: [Line], rules: [String?], bytes: [UInt8]) -> Bool {
    var seen = 0
    for j in (k + 1)..<lines.count where rules[j] == nil {
      let shape = LineShape(bytes: bytes, span: lines[j].span)
      let inner = bytes[lines[j].span.start..<max(lines[j].span.start, lines[j].span.end - 1)]
      let stops = zip(inner, inner.dropFirst()).filter { ($0.0 == 0x2E || $0.0 == 0x3F || $0.0 == 0x21) && $0.1 == 0x20 }.count
      if shape.words.count >= 25 && stops >= 1 && endsLikeSentence(bytes, lines[j].span) { return true }
      seen += 1
      if seen == 2 { break }
    }
    return false
  }

  /// Rules whose line ends the article when it comes past the middle of the page.
  static let endOfArticleRules: Set<String> = [
    "debris.photo-credit", "debris.disclaimer", "debris.read-more", "debris.newsletter", "debris.label", "debris.credits",
    "debris.bio",
  ]

  /// The rule that makes one line debris, or nil; `position` is where the line starts, as a
  /// fraction of the text.
  func rule(bytes: [UInt8], span: TextSpan, position: Double, publisher: String) -> String? {
    let line = LineShape(bytes: bytes, span: span)
    let lower = line.lower
    if lower.contains("pic.twitter.com/") || Self.looksLikeEmbeddedPost(lower) { return "debris.social-embed" }
    if lower.contains("http://") || lower.contains("https://") || lower.contains("](") { return "debris.link" }
    if line.hasGluedLinkText { return "debris.glued-links" }
    if Self.photoCreditPrefixes.contains(where: lower.hasPrefix) || Self.photoCreditPhrases.contains(where: lower.contains) {
      return "debris.photo-credit"
    }
    if line.isCountedEntry || line.endsWithBracketedCredit { return "debris.caption" }
    if Self.creditPrefixes.contains(where: lower.hasPrefix) { return "debris.credits" }
    if Self.disclaimerPrefixes.contains(where: lower.hasPrefix) || Self.disclaimerPhrases.contains(where: lower.contains) {
      return "debris.disclaimer"
    }
    let words = line.words.count
    if words < 12 && Self.readMorePhrases.contains(where: lower.contains) { return "debris.read-more" }
    if Self.newsletterPrefixes.contains(where: lower.hasPrefix) { return "debris.newsletter" }
    if lower.contains("newsletter") && (line.addressesTheReader && !line.hasQuotationMarks || lower.contains("sign up")) {
      return "debris.newsletter"
    }
    if words < 12 && Self.sharePhrases.contains(where: lower.hasPrefix) { return "debris.share" }
    if !line.hasQuotationMarks, Self.promoPhrases.contains(where: lower.contains) { return "debris.promo" }
    if words <= 25, line.addressesTheReader, line.startsWithImperative(Self.imperativeOpeners) || line.speaksAsThePublisher,
      !line.hasQuotationMarks
    {
      return "debris.promo"
    }
    if line.isPublisherNote(publisher), !line.hasQuotationMarks { return "debris.promo" }
    let endsLikeSentence = Self.endsLikeSentence(bytes, span)
    if lower.contains(" | ") && words <= 8 && !endsLikeSentence { return "debris.section-label" }
    if words == 1 && !endsLikeSentence { return "debris.label" }
    if words <= 6, lower.hasPrefix("by "),
      line.words.dropFirst().allSatisfy({ LineShape.isUpper(bytes[$0.lowerBound]) || bytes[$0.lowerBound] >= 0x80 })
    {
      return "debris.byline"
    }
    if !endsLikeSentence && (line.isMetaLine) { return "debris.meta" }
    if !endsLikeSentence && (line.isCapitalisedRun || words <= 8 && isTagList(bytes: bytes, span: span)) {
      return "debris.tags"
    }
    if words <= 12 && line.startsWithDash { return "debris.pull-quote" }
    if position > 0.6 && line.isAuthorBio(roles: Self.bioRoles) { return "debris.bio" }
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

  static let photoCreditPrefixes = WordLists.phrases("debris.photo-credit-prefixes")
  static let photoCreditPhrases = WordLists.phrases("debris.photo-credit-anywhere")
  static let creditPrefixes = WordLists.phrases("debris.credit-prefixes")
  static let disclaimerPrefixes = WordLists.phrases("debris.disclaimer-prefixes")
  static let disclaimerPhrases = WordLists.phrases("debris.disclaimer-anywhere")
  static let readMorePhrases = WordLists.phrases("debris.read-more")
  static let newsletterPrefixes = WordLists.phrases("debris.newsletter-prefixes")
  static let promoPhrases = WordLists.phrases("debris.promo-anywhere")
  static let sharePhrases = WordLists.phrases("debris.share-prefixes")
  static let imperativeOpeners = Set(WordLists.phrases("debris.imperative-openers"))
  static let bioRoles = Set(WordLists.phrases("debris.bio-roles"))
}

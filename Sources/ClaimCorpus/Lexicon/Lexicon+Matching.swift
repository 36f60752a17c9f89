extension Lexicon {
  /// The mentions in `tokens`, longest alias first, left to right; capitalised runs the lexicon
  /// does not know become `unknown` mentions.
  ///
  /// - Parameters:
  ///   - tokens: the tokens to search, e.g. a sentence's.
  ///   - bytes: the document's UTF-8 text, for the names of unknown mentions.
  /// - Complexity: O(n · a) for n tokens and a aliases sharing a first word.
  public func mentions(in tokens: [Token], bytes: [UInt8]) -> [Mention] {
    mentions(in: tokens, bytes: bytes, lookups: lookups(tokens))
  }

  /// Each token's patterns: one dictionary look-up per token, for both kinds of mention.
  func lookups(_ tokens: [Token]) -> [Patterns?] {
    tokens.map { index[$0.key] }
  }

  /// The entity mentions, from precomputed look-ups.
  func mentions(in tokens: [Token], bytes: [UInt8], lookups: [Patterns?]) -> [Mention] {
    var found: [Mention] = []
    var i = 0
    var unknownStart: Int? = nil
    // a headline in title case ("A Clear Ceiling on U.S. Support") capitalises words that name no one
    let isHeading = Self.isTitleCase(tokens)
    func closeUnknown(at end: Int) {
      guard let start = unknownStart, !isHeading else {
        unknownStart = nil
        return
      }
      unknownStart = nil
      var s = start
      while s < end, tokens[s].is(.nameStopword) { s += 1 }
      var e = end
      while e > s, tokens[e - 1].is(.nameStopword) { e -= 1 }
      guard s < e else { return }
      // a topic's name ("Army Tactical Missile Systems") is not someone's
      if lookups[s]?.topic.contains(where: { s + $0.keys.count == e && matches($0, at: s, in: tokens) }) == true { return }
      let atSentenceStart = s == 0 || (s > 0 && tokens[s - 1].kind == .punct && Lexicon.openers.contains(tokens[s - 1].key) && s == 1)
      if e - s == 1 && (atSentenceStart || tokens[s].key.count < 3) { return }
      let span = TextSpan(start: tokens[s].span.start, end: tokens[e - 1].span.end)
      let name = String(decoding: bytes[span.start..<span.end], as: UTF8.self)
      found.append(Mention(tokens: s..<e, span: span, name: name, kind: .unknown, rule: "capitalized"))
    }
    while i < tokens.count {
      if let match = lookups[i]?.entity.first(where: { matches($0, at: i, in: tokens) }) {
        closeUnknown(at: i)
        let end = i + match.keys.count
        let entry = entries[match.entry]
        let span = TextSpan(start: tokens[i].span.start, end: tokens[end - 1].span.end)
        found.append(Mention(tokens: i..<end, span: span, name: entry.name, kind: entry.kind, rule: match.isRole ? "role" : "alias"))
        i = end
        continue
      }
      let t = tokens[i]
      // "Russia-occupied", "U.S.-brokered": a one-word name before a hyphen
      if t.kind == .word, t.isCapitalized, let dash = t.key.firstIndex(of: "-"), dash != t.key.startIndex,
        let entry = index[String(t.key[..<dash])]?.entity.first(where: { $0.keys.count == 1 && $0.rules[0] != .exact })?.entry
      {
        closeUnknown(at: i)
        found.append(Mention(tokens: i..<(i + 1), span: t.span, name: entries[entry].name, kind: entries[entry].kind, rule: "alias"))
        i += 1
        continue
      }
      if t.kind == .word && t.isCapitalized && t.key.first.map({ !$0.isNumber }) ?? false {
        if unknownStart == nil { unknownStart = i }
      } else if !(unknownStart != nil && t.kind == .word && t.is(.nameJoiner) && i + 1 < tokens.count && tokens[i + 1].isCapitalized) {
        closeUnknown(at: i)
      }
      i += 1
    }
    closeUnknown(at: tokens.count)
    return found
  }

  /// Whether `tokens` read as a headline in title case: a few words, every one of four letters
  /// or more capitalised, and no full stop.
  static func isTitleCase(_ tokens: [Token]) -> Bool {
    let words = tokens.filter { $0.kind == .word }
    guard (2...12).contains(words.count), tokens.last?.key != "." else { return false }
    return words.allSatisfy { $0.isCapitalized || $0.key.count < 4 }
  }

  /// The topics named in `tokens`: every alias that matches, overlaps allowed, so one phrase
  /// may name several topics (`talks`: peace talks and diplomacy).
  public func topicMentions(in tokens: [Token]) -> [Mention] {
    topicMentions(in: tokens, lookups: lookups(tokens))
  }

  /// The topic mentions, from precomputed look-ups; with `context`, the cues of `context:`
  /// lines too (rule `context`), for the caller to keep where the document is about their topic.
  func topicMentions(in tokens: [Token], lookups: [Patterns?], context: Bool = false) -> [Mention] {
    var found: [Mention] = []
    for i in tokens.indices {
      guard let patterns = lookups[i] else { continue }
      for (candidates, rule) in [(patterns.topic, "alias"), (context ? patterns.context : [], "context")] {
        for p in candidates where matches(p, at: i, in: tokens) {
          let end = i + p.keys.count
          let span = TextSpan(start: tokens[i].span.start, end: tokens[end - 1].span.end)
          found.append(Mention(tokens: i..<end, span: span, name: entries[p.entry].name, kind: .topic, rule: rule))
        }
      }
    }
    return found
  }

  func matches(_ p: Pattern, at i: Int, in tokens: [Token]) -> Bool {
    guard i + p.keys.count <= tokens.count else { return false }
    for (k, key) in p.keys.enumerated() {
      let t = tokens[i + k]
      guard t.key == key else { return false }
      switch p.rules[k] {
      case .any: break
      case .capitalized: guard t.isCapitalized else { return false }
      case .exact: guard t.isAllCaps else { return false }
      }
    }
    return true
  }

  /// Marks after which a word is at the start of a sentence.
  static let openers: Set<String> = ["\"", "'", "(", "[", "-"]
}

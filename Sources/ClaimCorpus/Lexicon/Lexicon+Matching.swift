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

  /// Each token's slot in `patterns`, or -1: one dictionary look-up per token, for both kinds
  /// of mention.
  func lookups(_ tokens: [Token]) -> [Int32] {
    tokens.map { index[$0.key] ?? -1 }
  }

  /// Each token's slot, as `lookups`, for tokens straight from `Tokenizer.rawTokens`: the same
  /// look-up gives each its vocabulary id and classes, as `Tokenizer.tokens` would.
  func lookUp(_ tokens: inout [Token]) -> [Int32] {
    var slots = [Int32](repeating: -1, count: tokens.count)
    for i in tokens.indices {
      guard let slot = index[tokens[i].key] else { continue }
      slots[i] = slot
      tokens[i].word = patterns[Int(slot)].word
      tokens[i].classes = patterns[Int(slot)].classes
    }
    return slots
  }

  /// The patterns of a slot from `lookups`, nil for -1.
  func patterns(_ slot: Int32) -> Patterns? {
    slot < 0 ? nil : patterns[Int(slot)]
  }

  /// The entity mentions, from precomputed look-ups.
  func mentions(in tokens: [Token], bytes: [UInt8], lookups: [Int32]) -> [Mention] {
    var found: [Mention] = []
    var i = 0
    var unknownStart: Int? = nil
    // a headline in title case ("A Clear Ceiling on U.S. Support") capitalises words that name
    // no one; asked only once there is an unknown name
    var isHeading: Bool?
    func closeUnknown(at end: Int) {
      guard let start = unknownStart else { return }
      unknownStart = nil
      if isHeading == nil { isHeading = Self.isTitleCase(tokens) }
      guard isHeading == false else { return }
      var s = start
      while s < end, tokens[s].is(.nameStopword) { s += 1 }
      var e = end
      while e > s, tokens[e - 1].is(.nameStopword) { e -= 1 }
      guard s < e else { return }
      // a topic's name ("Army Tactical Missile Systems") is not someone's
      if patterns(lookups[s])?.topic.contains(where: { s + $0.keys.count == e && matches($0, at: s, in: tokens) }) == true { return }
      let atSentenceStart = s == 0 || (s > 0 && tokens[s - 1].kind == .punct && Lexicon.openers.contains(tokens[s - 1].key) && s == 1)
      if e - s == 1 && (atSentenceStart || tokens[s].key.count < 3) { return }
      let span = TextSpan(start: tokens[s].span.start, end: tokens[e - 1].span.end)
      let name = String(decoding: bytes[span.start..<span.end], as: UTF8.self)
      found.append(Mention(tokens: s..<e, span: span, name: name, kind: .unknown, rule: "capitalized"))
    }
    while i < tokens.count {
      if lookups[i] >= 0, let match = patterns[Int(lookups[i])].entity.first(where: { matches($0, at: i, in: tokens) }) {
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
      if t.kind == .word, t.isCapitalized, let dash = t.key.utf8.firstIndex(of: UInt8(ascii: "-")), dash != t.key.startIndex,
        let slot = index[String(t.key[..<dash])],
        let entry = patterns[Int(slot)].entity.first(where: { $0.keys.count == 1 && $0.rules[0] != .exact })?.entry
      {
        closeUnknown(at: i)
        found.append(Mention(tokens: i..<(i + 1), span: t.span, name: entries[entry].name, kind: entries[entry].kind, rule: "alias"))
        i += 1
        continue
      }
      if t.kind == .word && t.isCapitalized && !Self.startsWithDigit(t.key) {
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
    guard tokens.last?.key != "." else { return false }
    var words = 0
    for t in tokens where t.kind == .word {
      words += 1
      guard words <= 12, t.isCapitalized || t.key.count < 4 else { return false }
    }
    return words >= 2
  }

  /// Whether a capitalised word starts with a digit (`2Mbps`, `3G`): not a name.
  static func startsWithDigit(_ key: String) -> Bool {
    guard let first = key.utf8.first else { return false }
    if first < 0x80 { return first >= 0x30 && first <= 0x39 }
    return key.first?.isNumber ?? false
  }

  /// The topics named in `tokens`: every alias that matches, overlaps allowed, so one phrase
  /// may name several topics (`talks`: peace talks and diplomacy).
  public func topicMentions(in tokens: [Token]) -> [Mention] {
    topicMentions(in: tokens, lookups: lookups(tokens))
  }

  /// The topic mentions, from precomputed look-ups; with `context`, the cues of `context:`
  /// lines too (rule `context`), for the caller to keep where the document is about their topic.
  func topicMentions(in tokens: [Token], lookups: [Int32], context: Bool = false) -> [Mention] {
    var found: [Mention] = []
    func add(_ candidates: [Pattern], at i: Int, rule: String) {
      for p in candidates where matches(p, at: i, in: tokens) {
        let end = i + p.keys.count
        let span = TextSpan(start: tokens[i].span.start, end: tokens[end - 1].span.end)
        found.append(Mention(tokens: i..<end, span: span, name: entries[p.entry].name, kind: .topic, rule: rule))
      }
    }
    for i in tokens.indices where lookups[i] >= 0 {
      let slot = Int(lookups[i])
      add(patterns[slot].topic, at: i, rule: "alias")
      if context { add(patterns[slot].context, at: i, rule: "context") }
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

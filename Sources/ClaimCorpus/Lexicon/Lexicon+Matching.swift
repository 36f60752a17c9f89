extension Lexicon {
  /// The mentions in `tokens`, longest alias first, left to right; capitalised runs the lexicon
  /// does not know become `unknown` mentions.
  ///
  /// - Parameters:
  ///   - tokens: the tokens to search, e.g. a sentence's.
  ///   - bytes: the document's UTF-8 text, for the names of unknown mentions.
  /// - Complexity: O(n · a) for n tokens and a aliases sharing a first word.
  public func mentions(in tokens: [Token], bytes: [UInt8]) -> [Mention] {
    var found: [Mention] = []
    var i = 0
    var unknownStart: Int? = nil
    func closeUnknown(at end: Int) {
      guard let start = unknownStart else { return }
      unknownStart = nil
      var s = start
      while s < end, Lexicon.nameStopwords.contains(tokens[s].key) { s += 1 }
      var e = end
      while e > s, Lexicon.nameStopwords.contains(tokens[e - 1].key) { e -= 1 }
      guard s < e else { return }
      let atSentenceStart = s == 0 || (s > 0 && tokens[s - 1].kind == .punct && Lexicon.openers.contains(tokens[s - 1].key) && s == 1)
      if e - s == 1 && (atSentenceStart || tokens[s].key.count < 3) { return }
      let span = TextSpan(start: tokens[s].span.start, end: tokens[e - 1].span.end)
      let name = String(decoding: bytes[span.start..<span.end], as: UTF8.self)
      found.append(Mention(tokens: s..<e, span: span, name: name, kind: .unknown, rule: "capitalized"))
    }
    while i < tokens.count {
      if let match = longestMatch(at: i, in: tokens) {
        closeUnknown(at: i)
        let end = i + match.keys.count
        let entry = entries[match.entry]
        let span = TextSpan(start: tokens[i].span.start, end: tokens[end - 1].span.end)
        found.append(Mention(tokens: i..<end, span: span, name: entry.name, kind: entry.kind, rule: match.isRole ? "role" : "alias"))
        i = end
        continue
      }
      let t = tokens[i]
      if t.kind == .word && t.isCapitalized && t.key.first.map({ !$0.isNumber }) ?? false {
        if unknownStart == nil { unknownStart = i }
      } else if !(unknownStart != nil && t.kind == .word && Lexicon.nameJoiners.contains(t.key) && i + 1 < tokens.count && tokens[i + 1].isCapitalized) {
        closeUnknown(at: i)
      }
      i += 1
    }
    closeUnknown(at: tokens.count)
    return found
  }

  /// The topics named in `tokens`: every alias that matches, overlaps allowed, so one phrase
  /// may name several topics (`talks`: peace talks and diplomacy).
  public func topicMentions(in tokens: [Token]) -> [Mention] {
    var found: [Mention] = []
    for i in tokens.indices {
      guard let candidates = topicPatterns[tokens[i].key] else { continue }
      for p in candidates where matches(p, at: i, in: tokens) {
        let end = i + p.keys.count
        let span = TextSpan(start: tokens[i].span.start, end: tokens[end - 1].span.end)
        found.append(Mention(tokens: i..<end, span: span, name: entries[p.entry].name, kind: .topic, rule: "alias"))
      }
    }
    return found
  }

  func longestMatch(at i: Int, in tokens: [Token]) -> Pattern? {
    guard let candidates = patterns[tokens[i].key] else { return nil }
    return candidates.first { matches($0, at: i, in: tokens) }
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

  /// Lowercase words that may join the parts of a name: `Bank of England`.
  static let nameJoiners: Set<String> = ["of", "de", "da", "von", "van", "der", "al", "bin", "la", "le", "du", "and"]

  /// Marks after which a word is at the start of a sentence.
  static let openers: Set<String> = ["\"", "'", "(", "[", "-"]

  /// Capitalised words that do not name anyone on their own: function words at a sentence's
  /// start, titles, months and days.
  static let nameStopwords: Set<String> = [
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
    "his", "her", "their", "our", "my", "your", "but", "and", "or", "so", "yet", "if", "when", "while", "as",
    "at", "in", "on", "for", "from", "to", "with", "by", "of", "after", "before", "since", "during",
    "however", "meanwhile", "moreover", "unlike", "although", "though", "because", "there", "here",
    "what", "who", "which", "why", "how", "where", "all", "some", "many", "most", "one", "two", "three",
    "no", "not", "nor", "neither", "both", "each", "every", "any", "according", "speaking", "judging",
    "president", "former", "secretary", "minister", "foreign", "defense", "defence", "prime", "chancellor",
    "sen", "sen.", "senator", "rep", "rep.", "mr", "mr.", "mrs", "ms", "dr", "gen", "general", "gov",
    "governor", "chief", "executive", "ceo", "chairman", "leader", "spokesman", "spokeswoman", "envoy",
    "special", "state", "top", "photo", "image", "credit", "analysis", "latest", "sir", "lord", "lady",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "ukrainian", "russian", "american", "european", "british", "western", "eastern", "us", "u.s.", "uk",
  ]
}

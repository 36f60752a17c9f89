/// Finds attributions in a sentence: the subject of a speech verb ("Lavrov told",
/// "a source told", "he reportedly said"), the object of "according to" and "citing", and an
/// outlet told or spoken with ("told Axios", "speaking with Axios", "obtained by Axios").
struct AttributionFinder: Sendable {
  /// A sentence prepared for extraction.
  struct Input {
    var tokens: [Token]
    var mentions: [Mention]
    var bytes: [UInt8]
    var inQuote: (Int) -> Bool
    var resolvePronoun: (Int) -> String?
  }

  func find(_ s: Input) -> [Attribution] {
    var found: [Attribution] = []
    var citedEntities: Set<String> = []
    func add(_ a: Attribution?) {
      guard let a else { return }
      if let e = a.entity {
        guard !citedEntities.contains(e) else { return }
        citedEntities.insert(e)
      } else if found.contains(where: { $0.cited == a.cited }) {
        return
      }
      found.append(a)
    }
    let t = s.tokens
    var i = 0
    while i < t.count {
      defer { i += 1 }
      guard !s.inQuote(i), t[i].kind == .word else { continue }
      if let r = Self.objectIntroducers.match(at: i, in: t) {
        add(object(after: r, s, rule: "cited.object", outletsOnly: true))
        if r.count > 1 { i = r.upperBound - 1 }
        continue
      }
      if let r = Self.sourceIntroducers.match(at: i, in: t) {
        add(object(after: r, s, rule: t[i].key == "according" ? "cited.according-to" : "cited.citing", outletsOnly: false))
        i = r.upperBound - 1
        continue
      }
      if Self.speechNouns.contains(t[i].key), i >= 2, t[i - 1].kind == .possessive || (i >= 3 && t[i - 2].kind == .possessive) {
        let owner = t[i - 1].kind == .possessive ? i - 2 : i - 3
        if let m = s.mentions.first(where: { $0.tokens.upperBound == owner + 1 && $0.kind != .topic && $0.kind != .place }) {
          add(Attribution(cue: i..<(i + 1), source: m.tokens, cited: text(m.tokens, s), speaker: m.name, entity: m.name, rule: "cited.possessive"))
        }
        continue
      }
      guard Self.speechVerbs.contains(t[i].key), !isPassiveOrRefusal(i, t) else { continue }
      if let a = subject(of: i, s) {
        add(a)
        // "Putin and other senior Russian officials have emphasized": the entity before "and" too
        if a.source.lowerBound >= 2, t[a.source.lowerBound - 1].key == "and",
          let m = s.mentions.first(where: { $0.tokens.upperBound == a.source.lowerBound - 1 && ($0.kind == .person || $0.kind == .organization || $0.kind == .outlet) })
        {
          add(Attribution(cue: a.cue, source: m.tokens, cited: text(m.tokens, s), speaker: m.name, entity: m.name, rule: "cited.subject"))
        }
      }
      if Self.tellVerbs.contains(t[i].key) {
        add(object(after: i..<(i + 1), s, rule: "cited.object", outletsOnly: true))
      }
    }
    return found
  }

  /// "is said to" hedges rather than attributes; "denied this request" refuses a request.
  func isPassiveOrRefusal(_ i: Int, _ t: [Token]) -> Bool {
    if i > 0, ["is", "are", "was", "were", "be", "been", "being"].contains(t[i - 1].key), i + 1 < t.count, t[i + 1].key == "to" { return true }
    if ["denied", "denies", "rejected"].contains(t[i].key), HedgeClassifier.isRefusalOfRequest(i..<(i + 1), t) { return true }
    return false
  }

  /// The subject to the left of the speech verb at `v`, or after it ("…,” said Trump).
  func subject(of v: Int, _ s: Input) -> Attribution? {
    let t = s.tokens
    var j = v - 1
    while j >= 0 {
      if Self.adverbs.contains(t[j].key) { j -= 1; continue }
      // a parenthetical between commas: "Trump, however, reportedly said", "X, speaking on …, noted"
      if t[j].key == ",", let open = (max(0, j - 12)..<j).last(where: { t[$0].key == "," }), open > 0, !t[open - 1].key.isPunctuation {
        let inner = t[(open + 1)..<j]
        if inner.first.map({ Self.parentheticalStarts.contains($0.key) }) ?? false {
          j = open - 1
          continue
        }
      }
      break
    }
    var start = j + 1
    var k = j
    while k >= 0, start - k <= 9 {
      let tok = t[k]
      if tok.kind == .punct && tok.key != "-" { break }
      if tok.kind == .word && (Self.boundaries.contains(tok.key) || Self.speechVerbs.contains(tok.key)) { break }
      if s.inQuote(k) { break }
      start = k
      k -= 1
    }
    if start <= j {
      return attribution(source: start..<(j + 1), cue: v..<(v + 1), s, rule: "cited.subject")
    }
    // "defense analysts, who argue": the phrase before the comma
    if j >= 2, t[j].key == "who", t[j - 1].key == "," {
      var b = j - 2
      while b >= 0, j - 2 - b < 8, t[b].kind != .punct, !Self.boundaries.contains(t[b].key), !Self.objectStops.contains(t[b].key) { b -= 1 }
      if b + 1 <= j - 2 { return attribution(source: (b + 1)..<(j - 1), cue: v..<(v + 1), s, rule: "cited.subject") }
    }
    // "…,” said Trump" / "…,” says a spokesman"
    if v > 0, t[v - 1].kind == .punct || s.inQuote(v - 1) {
      var e = v + 1
      while e < t.count, e - v <= 6, t[e].kind != .punct, !Self.boundaries.contains(t[e].key) { e += 1 }
      if e > v + 1 { return attribution(source: (v + 1)..<e, cue: v..<(v + 1), s, rule: "cited.subject") }
    }
    return nil
  }

  /// The phrase after an introducer, up to a clause boundary.
  func object(after r: Range<Int>, _ s: Input, rule: String, outletsOnly: Bool) -> Attribution? {
    let t = s.tokens
    var e = r.upperBound
    while e < t.count, e - r.upperBound < 10 {
      let tok = t[e]
      if tok.kind == .punct && tok.key != "-" { break }
      if tok.kind == .word && (Self.objectStops.contains(tok.key) || Self.speechVerbs.contains(tok.key)) { break }
      e += 1
    }
    guard e > r.upperBound else { return nil }
    let range = r.upperBound..<e
    if let outlet = s.mentions.first(where: { $0.kind == .outlet && range.contains($0.tokens.lowerBound) }) {
      return Attribution(cue: r, source: outlet.tokens, cited: text(outlet.tokens, s), speaker: outlet.name, entity: outlet.name, rule: rule)
    }
    if outletsOnly { return nil }
    return attribution(source: range, cue: r, s, rule: rule)
  }

  /// An attribution to the phrase `source`, when it names a source: an entity, a pronoun, or
  /// a word like "official" or "sources".
  func attribution(source: Range<Int>, cue: Range<Int>, _ s: Input, rule: String) -> Attribution? {
    let t = s.tokens
    var source = source
    while source.count > 1, Self.leadingFillers.contains(t[source.lowerBound].key) { source = (source.lowerBound + 1)..<source.upperBound }
    if source.count == 1, Self.pronouns.contains(t[source.lowerBound].key) {
      guard let name = s.resolvePronoun(source.lowerBound) else { return nil }
      return Attribution(cue: cue, source: source, cited: name, speaker: name, entity: name, rule: rule + ".pronoun")
    }
    let inside = s.mentions.filter { source.contains($0.tokens.lowerBound) && $0.kind != .topic }
    let headKey = t[source.upperBound - 1].key
    let isDescription = t[source].contains { Self.sourceHeads.contains($0.key) }
    if !isDescription, let head = inside.last(where: { $0.tokens.upperBound == source.upperBound }), head.kind != .unknown || head.tokens.count > 1 {
      return Attribution(cue: cue, source: source, cited: text(head.tokens, s), speaker: head.name, entity: head.name, rule: rule)
    }
    if !isDescription, let head = inside.last, head.kind != .unknown, source.upperBound - head.tokens.upperBound == 1, t[head.tokens.upperBound].kind == .possessive {
      return nil
    }
    guard isDescription || Self.personHeads.contains(headKey) else { return nil }
    let words = text(source, s)
    return Attribution(cue: cue, source: source, cited: words, speaker: words, entity: nil, rule: rule)
  }

  func text(_ r: Range<Int>, _ s: Input) -> String {
    let span = TextSpan(start: s.tokens[r.lowerBound].span.start, end: s.tokens[r.upperBound - 1].span.end)
    return String(decoding: s.bytes[span.start..<span.end], as: UTF8.self)
  }

  static let speechVerbs: Set<String> = [
    "said", "says", "say", "told", "tells", "tell", "stated", "reported", "wrote", "writes", "announced",
    "announces", "confirmed", "confirms", "claimed", "claim", "claims", "noted", "notes", "explained", "explains",
    "argued", "argues", "argue", "acknowledged", "acknowledges", "insisted", "insists", "emphasized", "emphasised",
    "reiterated", "indicated", "indicate", "indicates", "demanded", "demands", "urged", "urges", "described",
    "added", "adds", "warned", "warns", "suggested", "suggest", "suggests", "remarked", "stressed", "fear",
    "fears", "predicted", "predicts", "denied", "denies", "rejected", "dismissed", "countered", "asked",
    "replied", "responded", "admitted", "revealed", "maintained", "maintains", "agreed", "testified",
  ]
  static let tellVerbs: Set<String> = ["told", "tells", "tell"]
  static let objectIntroducers = CuePhrases([
    "speaking with", "speaking to", "interview with", "obtained by", "cited in", "quoted by", "published by",
  ])
  static let sourceIntroducers = CuePhrases(["according to", "citing"])
  static let adverbs: Set<String> = [
    "reportedly", "also", "long", "has", "have", "had", "was", "were", "is", "are", "will", "would", "repeatedly",
    "publicly", "privately", "previously", "later", "then", "still", "quietly", "recently", "once", "again",
    "already", "allegedly", "explicitly", "simply", "part", "for", "his", "her", "their", "its", "reported",
    "further", "initially", "subsequently", "firmly", "flatly", "had", "been", "never", "not", "often",
  ]
  static let parentheticalStarts: Set<String> = [
    "however", "speaking", "according", "meanwhile", "though", "in", "for", "who", "which", "writing", "citing",
  ]
  static let boundaries: Set<String> = [
    "that", "which", "who", "whom", "whose", "while", "when", "as", "but", "because", "if", "though", "although",
    "whereas", "after", "before", "since", "where", "among", "than", "so", "what", "how", "why", "whether",
    "and", "or",
  ]
  static let objectStops: Set<String> = ["that", "on", "about", "as", "published", "last", "this", "earlier", "among", "through"]
  /// Nouns of saying whose possessor is cited: "his repeated assertion that", "Putin's remarks".
  static let speechNouns: Set<String> = ["assertion", "assertions", "remarks", "statement", "statements", "comments", "testimony", "words"]
  static let pronouns: Set<String> = ["he", "she"]
  static let leadingFillers: Set<String> = ["and", "but", "so", "also"]
  /// Words that make a phrase a source ("a senior Pentagon official", "multiple insiders").
  static let sourceHeads: Set<String> = [
    "source", "sources", "official", "officials", "insider", "insiders", "analyst", "analysts", "critic", "critics",
    "diplomat", "diplomats", "aide", "aides", "spokesman", "spokeswoman", "spokesperson", "people", "person",
    "expert", "experts", "others", "observers", "report", "reports", "administration", "team", "office",
    "ministry", "russians", "ukrainians", "americans", "europeans", "lawmakers", "investigators", "witnesses",
    "statement", "documents", "document", "memo", "intelligence", "correspondent", "reporters", "media",
    "commentators", "advisers", "advisors", "residents", "voters", "leaders", "opponents", "supporters",
  ]
  /// Words for a person that may head a source phrase ("the president said").
  static let personHeads: Set<String> = [
    "president", "minister", "secretary", "leader", "chancellor", "governor", "senator", "general", "commander",
    "chief", "ambassador", "envoy", "director", "chairman", "ceo", "premier", "king", "queen", "mayor",
  ]
}

extension String {
  /// Whether the string is one punctuation mark.
  var isPunctuation: Bool { count == 1 && !(first?.isLetter ?? false) && !(first?.isNumber ?? false) }
}

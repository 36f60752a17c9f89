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
    var resolvePronoun: (Int) -> ClaimExtractor.Antecedent?
    /// The name the article gives the report or study it is about, which "the report" stands for.
    var documentName: String? = nil
    /// The source "they" (plural) or "it" stands for: the last cited group or organisation.
    var resolveGroup: (_ plural: Bool) -> (cited: String, speaker: String)? = { _ in nil }
    /// The people "he" or "she" at a token may stand for, each with its features for the model.
    var antecedents: (Int) -> [(ClaimExtractor.Antecedent, [String])] = { _ in [] }
  }

  func find(_ s: Input) -> [Attribution] {
    var found: [Attribution] = []
    var citedEntities: Set<String> = []
    func add(_ a: Attribution?) {
      guard let a else { return }
      if let e = a.entity {
        // the same source again ("Witkoff, writing on X, said:") is kept for the quotation it opens
        guard !citedEntities.contains(e) || a.rule.hasPrefix("cited.subject") && !found.contains(where: { $0.cue == a.cue }) else { return }
        citedEntities.insert(e)
      } else if found.contains(where: { $0.cited == a.cited }) {
        return
      }
      found.append(a)
    }
    let t = s.tokens
    add(speakerLabel(s))
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
      if t[i].key == "by", Self.followsJudgement(i, t) {
        add(agent(after: i, s))
        continue
      }
      // "his repeated assertion": the person the pronoun stands for
      // ("her" is left out: it is as often the object of a verb)
      if t[i].is(.citedSpeechNoun), let p = [i - 1, i - 2].first(where: { $0 >= 0 && t[$0].key == "his" }),
        p == i - 1 || t[i - 1].kind == .word, let a = s.resolvePronoun(p)
      {
        add(
          Attribution(
            cue: i..<(i + 1), source: p..<(p + 1), cited: s.words(a.surface), speaker: a.name, entity: a.name,
            rule: "cited.possessive.pronoun"))
        continue
      }
      if t[i].is(.citedSpeechNoun), i >= 2, t[i - 1].kind == .possessive || (i >= 3 && t[i - 2].kind == .possessive) {
        let owner = t[i - 1].kind == .possessive ? i - 2 : i - 3
        if let m = s.mentions.first(where: { $0.tokens.upperBound == owner + 1 && $0.kind != .topic && $0.kind != .place }) {
          add(
            Attribution(
              cue: i..<(i + 1), source: m.tokens, cited: s.text(m.tokens), speaker: m.name, entity: m.name, rule: "cited.possessive"))
        }
        continue
      }
      guard t[i].is(.speechVerb), !Self.isPassiveOrRefusal(i, t), !Self.isNegated(i, t), Self.hasContent(i, s) else { continue }
      // "…, telling reporters": the participle's subject is the clause's: the source of a
      // verb before it ("Cardin said …, calling"), else the first name
      if t[i].key.hasSuffix("ing"), i > 0, t[i - 1].key == "," {
        if let a = found.first(where: {
          $0.cue.upperBound < i && $0.source.upperBound <= $0.cue.lowerBound && $0.rule.hasPrefix("cited.subject")
        }) {
          add(
            Attribution(cue: i..<(i + 1), source: a.source, cited: a.cited, speaker: a.speaker, entity: a.entity, rule: "cited.participle"))
        } else if let m = s.mentions.first(where: { m in
          m.tokens.upperBound < i && !s.inQuote(m.tokens.lowerBound)
            && (m.kind == .organization || m.kind == .outlet || NameRegister.isPersonLike(m, t))
        }) {
          add(
            Attribution(
              cue: i..<(i + 1), source: m.tokens, cited: s.text(m.tokens), speaker: m.name, entity: m.name, rule: "cited.participle"))
        }
        continue
      }
      if let a = subject(of: i, s) {
        add(a)
        // "Putin and other senior Russian officials have emphasized": the entity before "and" too
        if a.source.lowerBound >= 2, t[a.source.lowerBound - 1].key == "and",
          let m = s.mentions.first(where: {
            $0.tokens.upperBound == a.source.lowerBound - 1 && ($0.kind == .person || $0.kind == .organization || $0.kind == .outlet)
          })
        {
          add(Attribution(cue: a.cue, source: m.tokens, cited: s.text(m.tokens), speaker: m.name, entity: m.name, rule: "cited.subject"))
        }
      }
      if t[i].is(.tellVerb) {
        add(object(after: i..<(i + 1), s, rule: "cited.object", outletsOnly: true))
      }
    }
    return found
  }

  /// "Sanders: We need a political revolution.", "**Bernie Sanders:** “…”": a person named at
  /// the start of a sentence (in bold or not), then a colon and what they said (transcripts,
  /// interview answers, headlines). Only a name a person's (known, or two or three
  /// capitalised words), not "Editor’s note:" or "The Latest:".
  func speakerLabel(_ s: Input) -> Attribution? {
    let t = s.tokens
    let isMarkup = { (k: Int) in t[k].key == "*" || t[k].key == "_" }
    let start = t.indices.first { !isMarkup($0) } ?? t.count
    guard start < t.count, !s.inQuote(start), let colon = t.indices.dropFirst(start).prefix(8).first(where: { t[$0].key == ":" }),
      colon + 2 < t.count,
      let m = s.mentions.first(where: { $0.tokens.lowerBound == start }), (m.tokens.upperBound..<colon).allSatisfy(isMarkup),
      NameRegister.isPersonLike(m, t)
    else { return nil }
    return Attribution(
      cue: colon..<(colon + 1), source: m.tokens, cited: s.text(m.tokens), speaker: m.name, entity: m.name, rule: "cited.speaker-label")
  }

  /// Whether the "by" at `i` names the agent of a judgement in the passive ("widely considered
  /// a \"red line\" by Washington officials", "described by Jobs as"): a participle of judging
  /// a few words before, in the same clause (quotation marks may stand between).
  static func followsJudgement(_ i: Int, _ t: [Token]) -> Bool {
    var k = i - 1
    while k >= 0, i - k <= 8 {
      if t[k].is(.judgementParticiple) { return true }
      if t[k].kind == .punct && !["\"", "“", "”", "'", "‘", "’"].contains(t[k].key) { return false }
      k -= 1
    }
    return false
  }

  /// "has not commented", "never said": a speech verb denied its event reports nothing.
  static func isNegated(_ v: Int, _ t: [Token]) -> Bool {
    var j = v - 1
    while j >= 0, t[j].is(.adverb) || t[j].key.hasSuffix("n't") {
      if ["not", "never", "no"].contains(t[j].key) || t[j].key.hasSuffix("n't") { return true }
      j -= 1
    }
    return false
  }

  /// Verbs that also name acts ("concluded a round of talks", "revealed few details") report
  /// only with content: "that", "as", a colon, a quotation, a comma, a clause's pronoun, or a
  /// quotation before them ("…,” the researchers concluded).
  static func hasContent(_ v: Int, _ s: Input) -> Bool {
    let t = s.tokens
    guard t[v].is(.contentVerb) else { return true }
    if v > 0, s.inQuote(v - 1) || ["”", "\"", "’", "'"].contains(t[v - 1].key) { return true }
    var j = v + 1
    while j < t.count, t[j].is(.adverb) { j += 1 }
    guard j < t.count else { return true }
    let next = t[j]
    if next.kind == .punct { return true }
    // "accused Russia of …", "described the talks as constructive"
    let window = t[j..<min(t.count, j + 6)]
    if t[v].key.hasPrefix("accus"), window.contains(where: { $0.key == "of" }) { return true }
    if t[v].key.hasPrefix("describ") || t[v].key.hasPrefix("call"),
      window.contains(where: { $0.key == "as" || $0.key == "“" || $0.key == "\"" })
    {
      return true
    }
    return ["that", "as", "he", "she", "they", "it", "we", "i", "there", "this"].contains(next.key)
  }

  /// "is said to" hedges rather than attributes; "denied this request" refuses a request.
  static func isPassiveOrRefusal(_ i: Int, _ t: [Token]) -> Bool {
    if i > 0, t[i - 1].is(.copula), i + 1 < t.count, t[i + 1].key == "to" { return true }
    if t[i].is(.refusalVerb), HedgeClassifier.isRefusalOfRequest(i..<(i + 1), t) { return true }
    return false
  }

  /// The subject to the left of the speech verb at `v`, or after it ("…,” said Trump).
  func subject(of v: Int, _ s: Input) -> Attribution? {
    let t = s.tokens
    var j = v - 1
    while j >= 0 {
      if t[j].is(.adverb) { j -= 1; continue }
      // "Sen. Chuck Schumer (D-N.Y.) said": a parenthesis after the subject
      if t[j].key == ")", let open = (max(0, j - 8)..<j).last(where: { t[$0].key == "(" }), open > 0 { j = open - 1; continue }
      // a parenthetical between commas: "Trump, however, reportedly said", "X, speaking on …, noted",
      // an apposition "Casey-Maslen, the lead author, said"; or a name in apposition: "Russia's envoy, Kirill Dmitriev, said"
      if t[j].key == ",", let open = (max(0, j - 12)..<j).last(where: { t[$0].key == "," }), open > 0, !t[open - 1].key.isPunctuation {
        let inner = (open + 1)..<j
        if let m = s.mentions.first(where: { $0.tokens == inner && ($0.kind == .person || $0.kind == .organization) }) {
          return Attribution(
            cue: v..<(v + 1), source: m.tokens, cited: s.text(m.tokens), speaker: m.name, entity: m.name, rule: "cited.subject")
        }
        if let first = t[inner].first, let last = t[inner].last,
          first.is(.parentheticalStart) || ["a", "an", "the"].contains(first.key) || first.key.hasSuffix("ing") || last.is(.personHead)
            || first.is(.personHead)
        {
          j = open - 1
          continue
        }
      }
      break
    }
    // "Zelenskiy repeated his pleas … and said": the subject of the clause the verb is joined to
    if j >= 1, t[j].key == "and", let m = s.mentions.first(where: { !s.inQuote($0.tokens.lowerBound) }),
      m.tokens.lowerBound <= 1, m.kind == .person || m.kind == .organization || m.kind == .outlet,
      !t[m.tokens.upperBound..<j].contains(where: { $0.kind == .punct && $0.key != "," || $0.is(.speechVerb) })
    {
      return Attribution(
        cue: v..<(v + 1), source: m.tokens, cited: s.text(m.tokens), speaker: m.name, entity: m.name, rule: "cited.subject")
    }
    // "He reported no breakthrough, however, and added:": the pronoun opening the sentence
    if j >= 2, t[j].key == "and", t[0].is(.personalPronoun),
      !t[1..<j].contains(where: { $0.kind == .punct && $0.key != "," }), let a = s.resolvePronoun(0)
    {
      return Attribution(
        cue: v..<(v + 1), source: 0..<1, cited: s.words(a.surface), speaker: a.name, entity: a.name, rule: "cited.subject.pronoun")
    }
    var start = j + 1
    var k = j
    while k >= 0, start - k <= 9 {
      let tok = t[k]
      if tok.kind == .punct && tok.key != "-" { break }
      if tok.kind == .word && (tok.is(.boundary) || tok.is(.speechVerb)) { break }
      if s.inQuote(k) { break }
      start = k
      k -= 1
    }
    // "Tymofei, a military medic with the … told": the name the description stands beside
    if start <= j, ["a", "an"].contains(t[start].key), start >= 2, t[start - 1].key == ",",
      let m = s.mentions.first(where: { $0.tokens.upperBound == start - 1 && ($0.kind == .person || $0.kind == .unknown) })
    {
      return Attribution(
        cue: v..<(v + 1), source: m.tokens, cited: s.text(m.tokens), speaker: m.name, entity: m.name, rule: "cited.subject")
    }
    if start <= j {
      return attribution(source: start..<(j + 1), cue: v..<(v + 1), s, rule: "cited.subject")
    }
    // "defense analysts, who argue": the phrase before the comma
    if j >= 2, t[j].key == "who", t[j - 1].key == "," {
      var b = j - 2
      while b >= 0, j - 2 - b < 8, t[b].kind != .punct, !t[b].is(.boundary), !t[b].is(.objectStop) { b -= 1 }
      if b + 1 <= j - 2 { return attribution(source: (b + 1)..<(j - 1), cue: v..<(v + 1), s, rule: "cited.subject") }
    }
    // "…,” said Trump" / "…,” says a spokesman"
    if v > 0, !t[v].key.hasSuffix("ing"), t[v - 1].kind == .punct || s.inQuote(v - 1), v + 1 < t.count, !t[v + 1].is(.preposition) {
      var e = v + 1
      while e < t.count, e - v <= 6, t[e].kind != .punct, !t[e].is(.boundary) { e += 1 }
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
      if tok.kind == .word && (tok.is(.objectStop) || tok.is(.speechVerb)) { break }
      e += 1
    }
    guard e > r.upperBound else { return nil }
    let range = r.upperBound..<e
    if let outlet = s.mentions.first(where: { $0.kind == .outlet && range.contains($0.tokens.lowerBound) }) {
      return Attribution(cue: r, source: outlet.tokens, cited: s.text(outlet.tokens), speaker: outlet.name, entity: outlet.name, rule: rule)
    }
    if outletsOnly { return nil }
    return attribution(source: range, cue: r, s, rule: rule)
  }

  /// The agent named after the "by" at `by`, up to its head: an entity ("Beijing"), or a word
  /// like "officials" or "regulators" (with what it owns: "the group's chief"); nil for
  /// anything else ("by booking", "by 14m").
  func agent(after by: Int, _ s: Input) -> Attribution? {
    let t = s.tokens
    guard by + 1 < t.count, !(t[by + 1].kind == .word && t[by + 1].key.hasSuffix("ing")) else { return nil }
    var e = by + 1
    while e < t.count, e - by <= 8 {
      if t[e].kind == .punct && t[e].key != "-" { return nil }
      if t[e].kind == .word
        && (t[e].is(.objectStop) || t[e].is(.boundary) || ["as", "for", "with", "in", "of", "at", "to", "from", "on"].contains(t[e].key))
      {
        return nil
      }
      if let m = s.mentions.first(where: { $0.tokens.lowerBound == e && $0.kind != .topic }) {
        e = m.tokens.upperBound
        // "US officials": the entity qualifies the head after it
        if e < t.count, t[e].is(.sourceHead) || t[e].is(.personHead) { e += 1 }
      } else if t[e].is(.sourceHead) || t[e].is(.personHead) {
        e += 1
      } else {
        e += 1
        continue
      }
      // the head owns what follows: "the group's chief"
      if e + 1 < t.count, t[e].kind == .possessive { e += 2 }
      return attribution(source: (by + 1)..<e, cue: by..<(by + 1), s, rule: "cited.agent")
    }
    return nil
  }

  /// An attribution to the phrase `source`, when it names a source: an entity, a pronoun, or
  /// a word like "official" or "sources".
  func attribution(source: Range<Int>, cue: Range<Int>, _ s: Input, rule: String) -> Attribution? {
    let t = s.tokens
    var source = source
    while source.count > 1, t[source.lowerBound].is(.leadingFiller) { source = (source.lowerBound + 1)..<source.upperBound }
    if source.count == 1, t[source.lowerBound].key == "it" || t[source.lowerBound].key == "they" {
      guard let g = s.resolveGroup(t[source.lowerBound].key == "they") else { return nil }
      return Attribution(cue: cue, source: source, cited: g.cited, speaker: g.speaker, entity: nil, rule: rule + ".pronoun")
    }
    if source.count == 1, t[source.lowerBound].is(.personalPronoun) {
      guard let a = s.resolvePronoun(source.lowerBound) else { return nil }
      return Attribution(cue: cue, source: source, cited: s.words(a.surface), speaker: a.name, entity: a.name, rule: rule + ".pronoun")
    }
    let inside = s.mentions.filter { source.contains($0.tokens.lowerBound) && $0.kind != .topic }
    let isDescription = t[source].contains { $0.is(.sourceHead) }
    // a one-word name the lexicon lacks counts when it is the whole subject ("Infineon told ICIJ")
    if !isDescription, let head = inside.last(where: { $0.tokens.upperBound == source.upperBound }),
      head.kind != .unknown || head.tokens.count > 1 || source == head.tokens && source.lowerBound > 0
    {
      return Attribution(cue: cue, source: source, cited: s.text(head.tokens), speaker: head.name, entity: head.name, rule: rule)
    }
    if !isDescription, let head = inside.last, head.kind != .unknown, source.upperBound - head.tokens.upperBound == 1,
      t[head.tokens.upperBound].kind == .possessive
    {
      return nil
    }
    guard isDescription || t[source.upperBound - 1].is(.personHead) || t[source.upperBound - 1].is(.orgHead) else { return nil }
    let words = s.text(source)
    // "the report notes": the report the article named
    if let name = s.documentName, t[source.upperBound - 1].is(.documentNoun), source.count <= 4,
      ["the", "its", "this"].contains(t[source.lowerBound].key) || words.contains(name)
    {
      return Attribution(cue: cue, source: source, cited: words, speaker: name, entity: nil, rule: rule + ".document")
    }
    return Attribution(cue: cue, source: source, cited: words, speaker: words, entity: nil, rule: rule)
  }

  static let objectIntroducers = CuePhrases(objectIntroducerPhrases)
  static let objectIntroducerPhrases = WordLists.phrases("attribution.object-introducers")
  static let sourceIntroducers = CuePhrases(sourceIntroducerPhrases)
  static let sourceIntroducerPhrases = WordLists.phrases("attribution.source-introducers")
}

extension AttributionFinder.Input {
  /// The text at `span`.
  func words(_ span: TextSpan) -> String {
    String(decoding: bytes[span.start..<span.end], as: UTF8.self)
  }

  /// The text of the tokens `r`.
  func text(_ r: Range<Int>) -> String {
    words(TextSpan(start: tokens[r.lowerBound].span.start, end: tokens[r.upperBound - 1].span.end))
  }
}

extension String {
  /// Whether the string is one punctuation mark.
  var isPunctuation: Bool { count == 1 && !(first?.isLetter ?? false) && !(first?.isNumber ?? false) }
}

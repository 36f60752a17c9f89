/// Proposes who a sentence's attributions come from: for every word that can cue an
/// attribution (a lemma the model knows: `say`, `tweet`, `endorse`, `want`) that the hand rules
/// (`AttributionFinder`) did not attribute, the phrases that can be its source, by
/// construction, each a candidate with its features.
///
///     Sen. Rob Portman (R-Ohio), another vulnerable incumbent, said he …
///     // cue `said`: apposition "Rob Portman", subject "another vulnerable incumbent"
///     “…,” said David French of the National Retail Federation.
///     // cue `said`: inverted "David French", "National Retail Federation"
///
/// Constructions: `subject` (the phrase before the cue, adverbs and auxiliaries skipped),
/// `apposition` (the name before a ", …, " that ends at the cue), `relative` ("X, who said"),
/// `inverted` ("…,” said X"), `participle` ("…, saying": the clause's subject), `agent` ("endorsed
/// by X") and `clause-subject` (the sentence's first name or pronoun). A phrase with several
/// names gives one candidate per name, and one for the whole phrase when it ends in a noun.
struct CandidateProposer: Sendable {
  /// The lemmas that can cue an attribution, with their forms.
  let lemmas: Lemmatizer

  /// The candidates of one sentence for the cues the hand rules did not attribute (`ruled`),
  /// of the lemmas in `only` when it is given.
  func propose(_ s: AttributionFinder.Input, ruled: [Attribution], only: Set<String>? = nil) -> [AttributionCandidate] {
    var out: [AttributionCandidate] = []
    let t = s.tokens
    let ruledCues = Set(ruled.map(\.cue.lowerBound))
    let quoted = !s.tokens.isEmpty && s.tokens.indices.contains { s.inQuote($0) }
    for c in t.indices where t[c].kind == .word && !s.inQuote(c) && !ruledCues.contains(c) {
      guard let lemma = lemmas.lemma(of: t[c].key), only?.contains(lemma) ?? true, !isNoun(c, s) || !t[c].key.hasSuffix("ing"),
        reports(c, s)
      else { continue }
      for (phrase, construction) in sources(of: c, s) {
        for var candidate in candidates(phrase, cue: c, lemma: lemma, construction: construction, s) {
          // one phrase found by two constructions is one candidate
          if let k = out.firstIndex(where: {
            $0.group == c && $0.attribution.source == candidate.attribution.source
              && $0.attribution.speaker == candidate.attribution.speaker
          }) {
            out[k].features += ["also=" + construction] + candidate.features.filter { !out[k].features.contains($0) }
            continue
          }
          candidate.features = features(candidate, lemma: lemma, quoted: quoted, s)
          if isNoun(c, s) { candidate.features.append("noun") }
          // "told Axios that he believes Trump wanted": a cue inside another's content
          if ruled.contains(where: { $0.cue.upperBound <= c && $0.source.upperBound <= $0.cue.lowerBound }) {
            candidate.features.append("nested")
          }
          out.append(candidate)
        }
      }
    }
    return out
  }

  /// Whether the word at `c` can report here, by the hand rules' tests: not denied ("has not
  /// commented"), not "is said to", not a refused request, and with content when it also
  /// names an act ("revealed few details", "concluded a round of talks").
  func reports(_ c: Int, _ s: AttributionFinder.Input) -> Bool {
    !AttributionFinder.isNegated(c, s.tokens) && !AttributionFinder.isPassiveOrRefusal(c, s.tokens) && AttributionFinder.hasContent(c, s)
  }

  /// Whether the cue word at `c` follows a determiner or possessive, so it is a noun ("the report").
  func isNoun(_ c: Int, _ s: AttributionFinder.Input) -> Bool {
    guard c > 0 else { return false }
    let p = s.tokens[c - 1]
    return p.kind == .possessive || ["the", "a", "an", "his", "her", "their", "its", "this"].contains(p.key)
  }

  /// The phrases that can be the source of the cue at `c`, with the construction of each.
  func sources(of c: Int, _ s: AttributionFinder.Input) -> [(Range<Int>, String)] {
    let t = s.tokens
    var found: [(Range<Int>, String)] = []
    var j = c - 1
    while j >= 0, !s.inQuote(j), Self.isAuxiliary(t[j]) { j -= 1 }
    if j >= 0, t[j].key == ")", let open = (max(0, j - 8)..<j).last(where: { t[$0].key == "(" }) { j = open - 1 }
    if j >= 1, !s.inQuote(j) {
      if t[j].key == ",", let open = (max(0, j - 16)..<j).last(where: { t[$0].key == "," }), open >= 1 {
        if let inner = phrase(endingAt: j - 1, s), inner.lowerBound == open + 1 { found.append((inner, "subject")) }
        var e = open - 1
        if t[e].key == ")", let p = (max(0, e - 8)..<e).last(where: { t[$0].key == "(" }) { e = p - 1 }
        if e >= 0, let before = phrase(endingAt: e, s) { found.append((before, "apposition")) }
      } else if t[j].key == "who" || t[j].key == "which", j >= 2, t[j - 1].key == "," {
        var e = j - 2
        if t[e].key == ")", let p = (max(0, e - 8)..<e).last(where: { t[$0].key == "(" }) { e = p - 1 }
        if e >= 0, let before = phrase(endingAt: e, s) { found.append((before, "relative")) }
      } else if let p = phrase(endingAt: j, s) {
        found.append((p, "subject"))
      }
    } else if j == 0, let p = phrase(endingAt: 0, s) {
      found.append((p, "subject"))
    }
    let afterPunct = c == 0 || t[c - 1].kind == .punct || s.inQuote(c - 1)
    if afterPunct, c + 1 < t.count, let p = phrase(startingAt: c + 1, s) {
      found.append((p, t[c].key.hasSuffix("ing") && c > 0 && t[c - 1].key == "," ? "inverted-participle" : "inverted"))
    }
    if c + 2 < t.count, t[c + 1].key == "by", let p = phrase(startingAt: c + 2, s) {
      found.append((p, "agent"))
    }
    if let first = clauseSubject(before: c, s), !found.contains(where: { $0.0 == first }) {
      found.append((first, t[c].key.hasSuffix("ing") && c > 0 && t[c - 1].key == "," ? "participle" : "clause-subject"))
    }
    return found
  }

  /// Words between a subject and its verb: auxiliaries, negation, adverbs ("has also publicly").
  static func isAuxiliary(_ t: Token) -> Bool {
    guard t.kind == .word else { return false }
    if t.is(.adverb) && !["for", "his", "her", "their", "its", "part", "reported"].contains(t.key) { return true }
    if [
      "not", "may", "might", "could", "should", "can", "did", "does", "do", "being", "to", "just", "even", "only", "first", "immediately",
      "soon", "now", "finally", "both", "all", "personally", "openly", "loudly",
    ].contains(t.key) {
      return true
    }
    return t.key.hasSuffix("n't") || (t.key.count > 5 && t.key.hasSuffix("ly") && !t.isCapitalized)
  }

  /// Titles written with a full stop ("Sen.", "Mr."), which a name crosses.
  static let titles: Set<String> = [
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "prof", "st", "jr", "sr", "rev", "adm", "maj", "capt", "cmdr",
    "amb", "atty", "supt", "insp", "det", "pres",
  ]

  static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i", "you"]

  /// The phrase that ends at token `j`: a pronoun, or a run of words back to punctuation, a
  /// clause boundary, a quotation or a verb that can cue (at most ten tokens).
  func phrase(endingAt j: Int, _ s: AttributionFinder.Input) -> Range<Int>? {
    let t = s.tokens
    guard j >= 0, j < t.count, !s.inQuote(j) else { return nil }
    if Self.pronouns.contains(t[j].key) { return j..<(j + 1) }
    guard t[j].kind == .word, !t[j].is(.boundary), !t[j].is(.preposition), !t[j].is(.copula) else { return nil }
    var start = j
    var k = j - 1
    while k >= 0, j - k < 10, !s.inQuote(k) {
      let tok = t[k]
      if tok.kind == .possessive {
        start = k
      } else if tok.kind == .punct {
        guard tok.key == "." && k > 0 && Self.titles.contains(t[k - 1].key) || tok.key == "-" else { break }
        start = k
      } else {
        if tok.is(.boundary) || Self.pronouns.contains(tok.key) || tok.is(.copula) || ["to", "according", "by"].contains(tok.key) { break }
        if !tok.isCapitalized, lemmas.lemma(of: tok.key) != nil, !isNoun(k, s) { break }
        start = k
      }
      k -= 1
    }
    while start < j, t[start].is(.leadingFiller) || t[start].is(.preposition) || t[start].kind != .word { start += 1 }
    return start..<(j + 1)
  }

  /// The phrase that starts at token `i`: a pronoun, or words up to punctuation, a clause
  /// boundary or a preposition after a name ("David French of …": David French).
  func phrase(startingAt i: Int, _ s: AttributionFinder.Input) -> Range<Int>? {
    let t = s.tokens
    guard i < t.count, t[i].kind == .word, !s.inQuote(i), !t[i].is(.boundary), !t[i].is(.preposition) else { return nil }
    if Self.pronouns.contains(t[i].key) { return i..<(i + 1) }
    var e = i
    while e < t.count, e - i < 8, !s.inQuote(e) {
      let tok = t[e]
      if tok.kind == .punct {
        guard tok.key == "." && e > i && Self.titles.contains(t[e - 1].key) && e + 1 < t.count && t[e + 1].isCapitalized || tok.key == "-"
        else { break }
      } else if tok.kind == .word {
        if tok.is(.boundary) || tok.is(.copula) { break }
        if e > i, tok.is(.preposition) || tok.key == "of", t[e - 1].isCapitalized { break }
        if e > i, !tok.isCapitalized, lemmas.lemma(of: tok.key) != nil, !isNoun(e, s) { break }
      }
      e += 1
    }
    while e > i, t[e - 1].kind != .word { e -= 1 }
    return e > i ? i..<e : nil
  }

  /// The sentence's first name or pronoun before `c`, outside quotations: the subject of its first clause.
  func clauseSubject(before c: Int, _ s: AttributionFinder.Input) -> Range<Int>? {
    let t = s.tokens
    for m in s.mentions where m.tokens.upperBound <= c && !s.inQuote(m.tokens.lowerBound) {
      guard m.kind != .topic else { continue }
      if let p = (0..<m.tokens.lowerBound).first(where: { Self.pronouns.contains(t[$0].key) && !s.inQuote($0) }) { return p..<(p + 1) }
      return phrase(endingAt: m.tokens.upperBound - 1, s) ?? m.tokens
    }
    if let p = (0..<c).first(where: { Self.pronouns.contains(t[$0].key) && !s.inQuote($0) }) { return p..<(p + 1) }
    return nil
  }

  /// The candidates a phrase gives for the cue at `c`: the person or body a pronoun stands
  /// for, each name in it, and the whole phrase when it ends in a noun.
  func candidates(_ r: Range<Int>, cue c: Int, lemma: String, construction: String, _ s: AttributionFinder.Input) -> [AttributionCandidate]
  {
    let t = s.tokens
    let cue = c..<(c + 1)
    func make(_ source: Range<Int>, cited: String, speaker: String?, entity: String?, extra: [String]) -> AttributionCandidate {
      let pronoun = source.count == 1 && Self.pronouns.contains(t[source.lowerBound].key)
      let a = Attribution(
        cue: cue, source: source, cited: cited, speaker: speaker, entity: entity,
        rule: "cited.model." + construction + (pronoun ? ".pronoun" : ""))
      return AttributionCandidate(attribution: a, lemma: lemma, group: c, construction: construction, features: extra)
    }
    if r.count == 1, Self.pronouns.contains(t[r.lowerBound].key) {
      let key = t[r.lowerBound].key
      var resolved: (String, String)? = nil
      if key == "he" || key == "she" {
        let choices = s.antecedents(r.lowerBound).map { a, f in
          make(r, cited: s.words(a.surface), speaker: a.name, entity: a.name, extra: ["pronoun=" + key] + f)
        }
        if !choices.isEmpty { return choices }
      } else if key == "it" || key == "they" {
        resolved = s.resolveGroup(key == "they").map { ($0.cited, $0.speaker) }
      }
      guard let (cited, name) = resolved else {
        var u = make(r, cited: "", speaker: nil, entity: nil, extra: ["pronoun=" + key, "unresolved"])
        u.isUnresolved = true
        return [u]
      }
      return [make(r, cited: cited, speaker: name, entity: key == "he" || key == "she" ? name : nil, extra: ["pronoun=" + key])]
    }
    var out: [AttributionCandidate] = []
    let inside = s.mentions.filter { r.contains($0.tokens.lowerBound) && $0.kind != .topic }
    for (n, m) in inside.enumerated() {
      let end = m.tokens.upperBound
      let after = end < r.upperBound ? (t[end].kind == .possessive ? "'s" : t[end].key) : "end"
      var extra = [
        "mention=" + m.kind.rawValue, "after=" + after, "at=" + (n == 0 ? "first" : "later") + (n == inside.count - 1 ? "-last" : ""),
      ]
      if m.tokens.count > 1 { extra.append("multiword") }
      // "Negotiations to end Russia's invasion of Ukraine are showing": a name after a preposition is not the phrase's head
      if m.tokens.lowerBound > r.lowerBound, t[m.tokens.lowerBound - 1].is(.preposition) || t[m.tokens.lowerBound - 1].key == "of" {
        extra.append("after-preposition")
      }
      out.append(make(m.tokens, cited: s.text(m.tokens), speaker: m.name, entity: m.name, extra: extra))
    }
    let last = t[r.upperBound - 1]
    if last.kind == .word, !last.isCapitalized || inside.isEmpty, !inside.contains(where: { $0.tokens.upperBound == r.upperBound }) {
      var source = r
      while source.count > 1, t[source.lowerBound].is(.leadingFiller) { source = (source.lowerBound + 1)..<source.upperBound }
      let words = s.text(source)
      var extra = ["mention=none", "head=" + last.key]
      if last.is(.sourceHead) { extra.append("head.source") }
      if last.is(.personHead) { extra.append("head.person") }
      if last.is(.orgHead) { extra.append("head.org") }
      if last.is(.documentNoun) { extra.append("head.document") }
      if !inside.isEmpty { extra.append("holds-name") }
      out.append(make(source, cited: words, speaker: words, entity: nil, extra: extra))
    }
    return out
  }

  /// The features of a candidate, beside those its proposal gave it.
  func features(_ c: AttributionCandidate, lemma: String, quoted: Bool, _ s: AttributionFinder.Input) -> [String] {
    let t = s.tokens
    let a = c.attribution
    let v = a.cue.lowerBound
    let left = a.source.upperBound <= v
    let between = left ? t[a.source.upperBound..<v] : t[a.cue.upperBound..<max(a.cue.upperBound, a.source.lowerBound)]
    // a parenthesis ("Sen. Chuck Schumer (D-N.Y.) said") does not part a source from its cue
    let parenthesis = between.firstIndex { $0.key == "(" }.flatMap { o in between[o...].firstIndex { $0.key == ")" }.map { o...$0 } }
    let gap = between.count - (parenthesis?.count ?? 0)
    let dist = gap == 0 ? "0" : gap == 1 ? "1" : gap <= 3 ? "2-3" : gap <= 6 ? "4-6" : gap <= 12 ? "7-12" : "13+"
    let form =
      t[v].key == lemma
      ? "base" : t[v].key.hasSuffix("ing") ? "ing" : t[v].key.hasSuffix("s") ? "s" : t[v].key.hasSuffix("ed") ? "ed" : "irregular"
    let before = v > 0 ? Self.shape(t[v - 1], s.inQuote(v - 1)) : "start"
    let after = a.cue.upperBound < t.count ? Self.shape(t[a.cue.upperBound], s.inQuote(a.cue.upperBound)) : "end"
    let commas = between.filter { $0.key == "," }.count
    let len = a.source.count == 1 ? "1" : a.source.count <= 3 ? "2-3" : a.source.count <= 6 ? "4-6" : "7+"
    let k = c.construction
    var f: [String] = c.features
    f.reserveCapacity(f.count + 24)
    f.append("bias")
    f.append("c=" + k)
    f.append("cue=" + lemma)
    f.append("form=" + form)
    f.append("cue×form=" + lemma + "|" + form)
    f.append("dist=" + dist)
    f.append("c×dist=" + k + "|" + dist)
    f.append(left ? "dir=left" : "dir=right")
    f.append("before=" + before)
    f.append("after=" + after)
    f.append("cue×after=" + lemma + "|" + after)
    f.append("cue×before=" + lemma + "|" + before)
    f.append("c×cue=" + k + "|" + lemma)
    f.append("commas=" + String(min(commas, 2)))
    f.append("len=" + len)
    f.append(quoted ? "quote=yes" : "quote=no")
    f.append("cue×quote=" + lemma + (quoted ? "|true" : "|false"))
    let kind = f.first(where: { $0.hasPrefix("mention=") || $0.hasPrefix("pronoun=") }) ?? "other"
    f.append("c×kind=" + k + "|" + kind)
    f.append("cue×kind=" + lemma + "|" + kind)
    if a.source.lowerBound == 0 { f.append("source-first") }
    if t[v].isCapitalized { f.append("cue-capitalized") }
    if parenthesis != nil { f.append("parenthesis") }
    // "may well have indicated": the writer guessing what was said
    if left, between.contains(where: { Self.modals.contains($0.key) }) { f.append("modal") }
    return f
  }

  /// Words of a guess between a source and its cue.
  static let modals: Set<String> = ["may", "might", "could", "would", "probably", "likely", "perhaps", "possibly", "must"]

  /// A token as a feature: punctuation and common words as themselves, else its shape.
  static func shape(_ t: Token, _ quoted: Bool) -> String {
    if quoted { return "quoted" }
    if t.kind != .word { return t.key }
    if shapeWords.contains(t.key) { return t.key }
    if t.isCapitalized { return "Cap" }
    return t.key.hasSuffix("ly") ? "ly" : "word"
  }

  static let shapeWords: Set<String> = [
    "that", "to", "the", "a", "an", "on", "in", "of", "for", "by", "with", "about", "he", "she", "they", "it", "has", "have", "had",
    "will", "would", "not", "also", "and", "but", "as", "who", "his", "her", "their", "its", "is", "was", "be", "been", "this", "what",
    "how",
  ]

}

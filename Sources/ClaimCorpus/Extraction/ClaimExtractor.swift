/// Turns a document into sentences, debris and claims, every field with its evidence.
///
///     let extractor = ClaimExtractor(lexicon: lexicon)
///     let (document, claims) = extractor.extract(document)
///
/// A sentence yields one claim, or one claim per quotation it holds. A pronoun that speaks
/// ("he said") stands for the first person named before it in its sentence; with none, the
/// attribution model chooses among the people of the last sentences (`Coreference`).
public struct ClaimExtractor: Sendable {
  /// The lexicon that names entities and topics.
  public var lexicon: Lexicon
  let debris: DebrisDetector
  let hedges = HedgeClassifier()
  let attributions = AttributionFinder()
  /// The model that decides among the attribution candidates.
  let model: AttributionModel
  /// Proposes candidates for the cues the model knows: every cue in sentences with a quotation,
  /// whose speaker any source can be, and for training and `.claim`; elsewhere only the cues
  /// whose source is cited.
  let proposer: CandidateProposer
  /// The topics each head noun can stand for, singular: the last word of a topic's multi-word
  /// name ("summit": Alaska summit, Budapest summit), or of an alias that is the name and a
  /// noun ("missile": Tomahawk, from "Tomahawk missiles").
  let topicHeads: [String: Set<String>]
  /// The country each person of the lexicon speaks for ("we" in Zelensky's words: Ukraine).
  let countries: [String: String]

  /// Creates an extractor over `lexicon`.
  public init(lexicon: Lexicon) {
    self.init(lexicon: lexicon, model: .shipped)
  }

  /// Creates an extractor over `lexicon` whose attributions `model` decides, for every cue
  /// lemma the model knows.
  package init(lexicon: Lexicon, model: AttributionModel) {
    self.lexicon = lexicon
    self.model = model
    self.proposer = CandidateProposer(lemmas: Lemmatizer(model.cues))
    self.debris = DebrisDetector(lexicon: lexicon)
    var heads: [String: Set<String>] = [:]
    for entry in lexicon.entries where entry.kind == .topic {
      let name = entry.name.lowercased()
      for phrase in [name] + entry.aliases.map({ $0.lowercased() }).filter({ $0.hasPrefix(name + " ") }) {
        let words = phrase.split(separator: " ")
        if words.count > 1, let last = words.last { heads[Self.singular(String(last)), default: []].insert(entry.name) }
      }
    }
    topicHeads = heads
    countries = Self.countries(lexicon)
  }

  /// The country each person speaks for, read from their aliases: a role that names a
  /// country ("Ukrainian President Volodymyr Zelensky", "the US president").
  static func countries(_ lexicon: Lexicon) -> [String: String] {
    var found: [String: String] = [:]
    for entry in lexicon.entries where entry.kind == .person {
      search: for alias in entry.aliases {
        for word in alias.split(separator: " ") {
          if let place = lexicon.first(.place, key: word.lowercased().replacingApostrophes()) {
            found[entry.name] = place.name
            break search
          }
        }
      }
    }
    return found
  }

  /// A noun without its plural "s" ("missiles" → "missile").
  static func singular(_ word: String) -> String {
    word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
  }

  /// One sentence, prepared: tokens, mentions, quotations and attributions.
  struct Prepared {
    var span: TextSpan
    var paragraph: Int
    var tokens: [Token]
    var mentions: [Mention]
    var topics: [Mention]
    var quotes: [QuoteSpan]
    /// The cited sources: of statements, by the rules or the model.
    var attributions: [Attribution] = []
    /// Every source the sentence gives content to, cited or not ("Sanders pledged to “…”",
    /// "Cruz blamed it on “…”"): who says its quotations.
    var contentSources: [Attribution] = []
    var pronounNames: [Int: String] = [:]
    var subject: String?
    /// Topics carried over from an earlier sentence by "this request", "the refusal": name and the anaphor's span.
    var inheritedTopics: [(String, TextSpan)] = []
  }

  /// The document with its sentences and debris filled in, and its claims (ids from 0; the
  /// corpus renumbers them).
  public func extract(_ document: Document) -> (Document, [Claim]) {
    extract(document, observe: nil)
  }

  /// `extract(_:)`, showing `observe` each sentence's span, tokens and attribution candidates
  /// (training and `.claim` read them).
  package func extract(_ document: Document, observe: ((TextSpan, [Token], [AttributionCandidate]) -> Void)?) -> (Document, [Claim]) {
    var doc = document
    let bytes = Array(doc.text.utf8)
    let lines = Paragraphs.lines(bytes)
    // a reader that set debris aside from the page's structure (an HTML page's navigation,
    // asides, …) has found the article; the rules for text pulled from pages are for the rest
    let (debrisSpans, dateline) =
      document.debris.isEmpty ? debris.detect(bytes: bytes, lines: lines, publisher: doc.source) : (document.debris, nil)
    doc.debris = debrisSpans
    if doc.date == nil { doc.date = dateline }
    let paragraphs = Paragraphs.paragraphs(bytes, lines: lines, debris: debrisSpans)

    var prepared: [Prepared] = []
    var quotes: [QuoteSpan] = []
    var lastSubject: Antecedent? = nil
    /// The last group or organisation cited, for "they said" and "it added".
    var lastGroup: (cited: String, speaker: String, plural: Bool)? = nil
    /// Each person's name as the text last wrote it ("Zelenskyy"), for citing them through a role or pronoun.
    var names: [String: TextSpan] = [:]
    var lastTopics: [String] = []
    /// Topics named so far, the latest last.
    var namedTopics: [String] = []
    // first the sentences' words and names, so that the register sees the whole article
    var pieces: [(span: TextSpan, paragraph: Int, tokens: [Token], mentions: [Mention], topics: [Mention], quotes: [QuoteSpan])] = []
    for (p, range) in paragraphs.enumerated() {
      let paragraphQuotes = QuoteFinder.quotes(in: bytes, range: range)
      quotes += paragraphQuotes
      for span in SentenceSplitter.split(bytes, range: range) {
        var tokens = Tokenizer.rawTokens(in: bytes, range: span.start..<span.end)
        let lookups = lexicon.lookUp(&tokens)
        pieces.append(
          (
            span, p, tokens, lexicon.mentions(in: tokens, bytes: bytes, lookups: lookups),
            lexicon.topicMentions(in: tokens, lookups: lookups, context: true), paragraphQuotes.filter { $0.outer.overlaps(span) }
          ))
      }
    }
    let context = Self.documentTopics(pieces.map(\.topics), title: doc.title, lexicon: lexicon)
    let register = NameRegister(tokens: pieces.map(\.tokens), mentions: pieces.map(\.mentions), bytes: bytes)
    let documentName = pieces.lazy.compactMap { Self.documentTitle(in: $0.tokens, bytes) }.first
    var coreference = Coreference()
    for (k, piece) in pieces.enumerated() {
      let tokens = piece.tokens
      var s = Prepared(
        span: piece.span, paragraph: piece.paragraph, tokens: tokens,
        mentions: register.resolve(piece.mentions, tokens: tokens, bytes: bytes),
        topics: Self.contextual(piece.topics, about: context, lexicon: lexicon), quotes: piece.quotes)
      let inQuote = Self.quoteTest(s)
      let firstPerson = s.mentions.first { $0.kind == .person && !inQuote($0.tokens.lowerBound) }
      let previous = lastSubject
      let known = names
      let resolve: (Int) -> Antecedent? = { i in
        if let m = firstPerson, m.tokens.upperBound <= i { return Antecedent(m, tokens, names: known) }
        return previous
      }
      var firstResolved: Antecedent? = nil
      for (i, t) in tokens.enumerated() where !inQuote(i) && (t.key == "he" || t.key == "she" || t.key == "his" || t.key == "her") {
        if let a = resolve(i) {
          s.pronounNames[i] = a.name
          firstResolved = firstResolved ?? a
        }
      }
      let group = lastGroup
      let persons = Coreference.persons(s.mentions, tokens, inQuote: inQuote)
      let people = coreference
      let input = AttributionFinder.Input(
        tokens: tokens, mentions: s.mentions, bytes: bytes, inQuote: inQuote, resolvePronoun: resolve, documentName: documentName,
        resolveGroup: { plural in group.flatMap { $0.plural == plural ? ($0.cited, $0.speaker) : nil } },
        antecedents: { i in
          people.antecedents(of: tokens[i].key, at: i, sentence: k, current: persons, tokens: tokens, names: known, ruled: resolve(i))
        })
      // the rules' attributions stand, but for "he"/"she" with no person named before them in
      // the sentence, whose person the model chooses (the rule's pick is one of its features;
      // it stands where the model chooses no one);
      // the model decides every other cue, and its sources of statements (not of beliefs or
      // acts: `source-cue`) are cited
      let found = attributions.find(input)
      // (a person named before it in the sentence: the rule's)
      let pronouns = found.filter { a in
        a.source.count == 1 && (tokens[a.source.lowerBound].key == "he" || tokens[a.source.lowerBound].key == "she")
          && !(firstPerson.map { $0.tokens.upperBound <= a.source.lowerBound } ?? false)
      }
      let isPronoun = { (a: Attribution) in pronouns.contains { $0.cue == a.cue && $0.source == a.source } }
      let candidates = proposer.propose(
        input, ruled: found.filter { !isPronoun($0) }, only: observe != nil || !piece.quotes.isEmpty ? nil : Self.sourceCues)
      observe?(piece.span, tokens, candidates)
      let decisions = model.decide(candidates)
      let ruled = found.filter { a in !isPronoun(a) || !decisions.contains { $0.winner.group == a.cue.lowerBound } }
      s.attributions = Self.attributions(decisions.filter { Self.sourceCues.contains($0.winner.lemma) }, kept: ruled)
      s.contentSources = Self.attributions(decisions.filter { !Self.sourceCues.contains($0.winner.lemma) }, kept: s.attributions)
      coreference.add(sentence: k, persons: persons, tokens: tokens, names: known, spoke: Set(s.attributions.compactMap(\.entity)))
      // the last source that "it" or "they" can stand for: an organisation or a group, not a person
      for a in ruled.reversed()
      where !a.rule.hasSuffix(".pronoun") && !(a.entity.map { e in s.mentions.contains { $0.name == e && $0.kind == .person } } ?? false) {
        let last = tokens[a.source.upperBound - 1].key
        lastGroup = (a.cited, a.speaker ?? a.cited, last.hasSuffix("s") && !last.hasSuffix("ss"))
        break
      }
      s.subject = firstPerson?.name ?? firstResolved?.name
      if let m = firstPerson { lastSubject = Antecedent(m, tokens, names: known) } else if let a = firstResolved { lastSubject = a }
      // a name, not a title alone ("Ukrainian President")
      for m in s.mentions where m.kind == .person && Antecedent.isName(m, tokens) {
        names[m.name] = m.span
      }
      if let anaphor = Self.topicAnaphor(tokens) {
        let own = Set(s.topics.map(\.name))
        s.inheritedTopics = lastTopics.filter { !own.contains($0) }.map { ($0, anaphor) }
      }
      // "the summit", "the missiles": the topic of that kind named last in the document
      for (name, span) in definiteTopics(s, named: namedTopics)
      where !s.topics.contains(where: { $0.name == name }) && !s.inheritedTopics.contains(where: { $0.0 == name }) {
        s.inheritedTopics.append((name, span))
      }
      if !s.topics.isEmpty { lastTopics = s.topics.map(\.name).filter { !Self.generalTopics.contains($0) } }
      for topic in s.topics {
        namedTopics.removeAll { $0 == topic.name }
        namedTopics.append(topic.name)
      }
      prepared.append(s)
    }
    let speakers = QuoteSpeakers.resolve(quotes: quotes, sentences: prepared, bytes: bytes)
    var claims: [Claim] = []
    var sentences: [Sentence] = []
    sentences.reserveCapacity(prepared.count)
    for s in prepared {
      let text = Self.folded(bytes, s.span)  // one string for the sentence and its claims
      sentences.append(Sentence(span: s.span, text: text, paragraph: s.paragraph))
      claims += makeClaims(s, text: text, doc: doc, bytes: bytes, speakers: speakers)
    }
    doc.sentences = sentences
    return (doc, claims)
  }

  /// The attributions the model's decisions make, each source once, in the order of their cues;
  /// `kept` come first, as the rules found them.
  static func attributions(_ decisions: [AttributionDecision], kept: [Attribution]) -> [Attribution] {
    var out: [Attribution] = kept
    for d in decisions.sorted(by: { $0.winner.attribution.cue.lowerBound < $1.winner.attribution.cue.lowerBound })
    where !d.winner.isUnresolved {
      var a = d.winner.attribution
      guard !out.contains(where: { $0.cited == a.cited || a.entity != nil && $0.entity == a.entity }) else { continue }
      a.decision = "model " + Self.decimal(d.score) + (d.runnerUp.map { " over '\($0.cited)' " + Self.decimal($0.score) } ?? "")
      out.append(a)
    }
    return out
  }

  /// The lemmas of cues whose source is cited (`Resources/words.txt`, `source-cue`).
  static let sourceCues = Set(WordLists.sourceCues)

  /// `x` with two decimals.
  static func decimal(_ x: Double) -> String {
    let hundredths = Int((abs(x) * 100).rounded())
    let fraction = hundredths % 100
    return (x < 0 && hundredths > 0 ? "-" : "") + "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
  }

  /// Topics a definite phrase in `s` refers back to: "the" (and at most one word) before a
  /// head noun of topics that ends the phrase, and is not one of those topics' own names,
  /// stands for the one of them named last in `named`.
  func definiteTopics(_ s: Prepared, named: [String]) -> [(String, TextSpan)] {
    let t = s.tokens
    var found: [(String, TextSpan)] = []
    for i in t.indices where t[i].key == "the" {
      for j in (i + 1)..<min(t.count, i + 3) where t[j].kind == .word {
        guard let candidates = topicHeads[Self.singular(t[j].key)],
          !s.topics.contains(where: { $0.tokens.contains(j) && candidates.contains($0.name) }),
          // the head ends the phrase: not "the defense department"
          j + 1 == t.count || t[j + 1].kind != .word || t[j + 1].is(.nameStopword),
          let topic = named.last(where: { candidates.contains($0) })
        else { continue }
        found.append((topic, TextSpan(start: t[i].span.start, end: t[j].span.end)))
        break
      }
    }
    return found
  }

  /// The span of a phrase that refers back to something just discussed ("this request",
  /// "the refusal", "such a move"), or nil.
  static func topicAnaphor(_ t: [Token]) -> TextSpan? {
    for i in t.indices where t[i].is(.anaphoricDeterminer) {
      for j in (i + 1)..<min(t.count, i + 3) where t[j].is(.anaphoricNoun) {
        return TextSpan(start: t[i].span.start, end: t[j].span.end)
      }
    }
    return nil
  }

  /// The person a pronoun stands for: the canonical name, and where the text named them.
  struct Antecedent {
    var name: String
    var surface: TextSpan

    /// The person `name`, named at `surface`.
    init(name: String, surface: TextSpan) {
      self.name = name
      self.surface = surface
    }

    /// The antecedent `m` (in `tokens`) names; a title without a name ("the Ukrainian
    /// president") is cited by the name the text last gave that person, in `names`, when it gave one.
    init(_ m: Mention, _ tokens: [Token], names: [String: TextSpan]) {
      name = m.name
      surface = Self.isName(m, tokens) ? m.span : names[m.name] ?? m.span
    }

    /// Whether the mention holds a name, not only a title: a capitalised word that names no
    /// one on its own is not one.
    static func isName(_ m: Mention, _ tokens: [Token]) -> Bool {
      m.rule != "role" && tokens[m.tokens].contains { $0.isCapitalized && !$0.is(.nameStopword) }
    }
  }

  /// A sentence's topics: every alias, and the context cues of topics the document is about;
  /// where the same words cue a topic and a broader one ("talks": peace talks, diplomacy), only
  /// the narrower.
  static func contextual(_ topics: [Mention], about: Set<String>, lexicon: Lexicon) -> [Mention] {
    let kept = topics.filter { $0.rule != "context" || about.contains($0.name) }
    return kept.filter { m in
      m.rule != "context" || !kept.contains { $0.tokens == m.tokens && $0.name != m.name && lexicon.withBroader($0.name).contains(m.name) }
    }
  }

  /// The name an article gives the report or study it is about: "the study, entitled War
  /// Watch, concludes", "a report titled “Bypassing the Blockade”".
  static func documentTitle(in t: [Token], _ bytes: [UInt8]) -> String? {
    for i in t.indices where t[i].is(.documentNoun) {
      var j = i + 1
      if j < t.count, t[j].key == "," { j += 1 }
      guard j + 1 < t.count, ["entitled", "titled", "called", "named"].contains(t[j].key) else { continue }
      j += 1
      var end = j
      if ["“", "\"", "‘", "'"].contains(t[j].key) {
        j += 1
        end = j
        while end < t.count, !["”", "\"", "’", "'"].contains(t[end].key), end - j < 12 { end += 1 }
        while end > j, t[end - 1].kind == .punct { end -= 1 }
      } else {
        while end < t.count, t[end].kind == .word,
          t[end].isCapitalized || t[end].is(.nameJoiner) && end + 1 < t.count && t[end + 1].isCapitalized
        { end += 1 }
      }
      guard end > j else { continue }
      return String(decoding: bytes[t[j].span.start..<t[end - 1].span.end], as: UTF8.self)
    }
    return nil
  }

  /// How many sentences must name a topic by an alias for the document to be about it.
  static let contextSentences = 1

  /// The topics a document is about: named by an alias in its title or in `contextSentences` of its sentences.
  static func documentTopics(_ sentences: [[Mention]], title: String?, lexicon: Lexicon) -> Set<String> {
    var counts: [String: Int] = [:]
    for topics in sentences {
      for name in Set(topics.filter { $0.rule == "alias" }.map(\.name)) { counts[name, default: 0] += 1 }
    }
    var about = Set(counts.filter { $0.value >= Self.contextSentences }.map(\.key))
    if let title {
      let tokens = Tokenizer.tokens(in: Array(title.utf8))
      about.formUnion(lexicon.topicMentions(in: tokens).map(\.name))
    }
    return about
  }

  /// Topics too general to carry over to the next sentence.
  static let generalTopics: Set<String> = ["diplomacy"]

  static func quoteTest(_ s: Prepared) -> (Int) -> Bool {
    let inners = s.quotes.map(\.outer)
    let tokens = s.tokens
    return { i in
      let span = tokens[i].span
      return inners.contains { $0.start <= span.start && span.end <= $0.end }
    }
  }

  func makeClaims(_ s: Prepared, text: String, doc: Document, bytes: [UInt8], speakers: [TextSpan: QuoteSpeakers.Speaker]) -> [Claim] {
    let inQuote = Self.quoteTest(s)
    let t = s.tokens
    let spokenQuote = s.quotes.first { speakers[$0.outer] != nil && !$0.isPartial }
    let quoteMark = spokenQuote.flatMap { q in t.indices.first { t[$0].span.start >= q.outer.start && t[$0].kind == .punct } }
    let lastOutside = t.indices.last { !inQuote($0) }
    let isQuestion = t.last?.key == "?" && lastOutside == t.count - 1
    let decision = hedges.classify(
      .init(
        tokens: t, attributions: s.attributions.map(\.cue), quoteMark: quoteMark, isQuestion: isQuestion, inQuote: inQuote))

    var evidence: [Evidence] = []
    func span(_ r: Range<Int>) -> TextSpan { TextSpan(start: t[r.lowerBound].span.start, end: t[r.upperBound - 1].span.end) }
    func words(_ r: Range<Int>) -> String { String(decoding: bytes[span(r).start..<span(r).end], as: UTF8.self) }

    // actors: entities outside source descriptions, and the people pronouns stand for
    let descriptions = s.attributions.filter { $0.entity == nil }.map(\.source)
    var actors: [String] = []
    // a name the lexicon and the register do not know counts when it ends like an organisation's
    for m in s.mentions
    where m.kind == .person || m.kind == .organization || m.kind == .place
      || (m.kind == .unknown && m.tokens.count > 1 && t[m.tokens.upperBound - 1].is(.orgHead))
    {
      // inside a source's description only its owner counts ("Zelensky's administration argued")
      let isOwner = m.tokens.upperBound < t.count && t[m.tokens.upperBound].kind == .possessive
      if !isOwner && m.kind != .place && descriptions.contains(where: { $0.contains(m.tokens.lowerBound) }) { continue }
      if !actors.contains(m.name) {
        actors.append(m.name)
        evidence.append(Evidence(field: "actor", value: m.name, span: m.span, rule: "actor.\(m.rule)"))
      }
      // "Kremlin spokesman Dmitry Peskov", "the Trump administration": the body a person's title
      // names, and the person an organisation's name names, act too
      if m.kind == .person || m.kind == .organization, m.tokens.count > 1 {
        let other: EntityKind = m.kind == .person ? .organization : .person
        for k in m.tokens where t[k].isCapitalized {
          guard t[k].word < 0, let body = lexicon.first(other, key: t[k].key), body.name != m.name, !actors.contains(body.name) else {
            continue
          }
          actors.append(body.name)
          evidence.append(Evidence(field: "actor", value: body.name, span: t[k].span, rule: "actor.title"))
        }
      }
    }
    for (i, name) in s.pronounNames.sorted(by: { $0.key < $1.key }) where !actors.contains(name) {
      actors.append(name)
      evidence.append(Evidence(field: "actor", value: name, span: t[i].span, rule: "actor.pronoun"))
    }
    var topics: [String] = []
    let found = s.topics.map { ($0.name, $0.span, "topic.\($0.rule)") } + s.inheritedTopics.map { ($0.0, $0.1, "topic.anaphora") }
    // a topic the sentence names outright generalises (`broader:`); one read from context does not
    for (name, span, rule) in found {
      for (k, topic) in (rule == "topic.alias" ? lexicon.withBroader(name) : [name]).enumerated() where !topics.contains(topic) {
        topics.append(topic)
        evidence.append(Evidence(field: "topic", value: topic, span: span, rule: k == 0 ? rule : "topic.broader"))
      }
    }
    var cited: [String] = []
    for a in s.attributions where !cited.contains(a.cited) {
      cited.append(a.cited)
      evidence.append(Evidence(field: "cited", value: a.cited, span: span(a.source), rule: a.rule + (a.decision.map { " (\($0))" } ?? "")))
    }
    let cue = decision.cue.map(words)
    evidence.append(Evidence(field: "hedge", value: decision.hedge.rawValue, span: decision.cue.map(span) ?? s.span, rule: decision.rule))
    let sentenceKind: ClaimKind
    switch decision.hedge {
    case .opinion: sentenceKind = .analysis
    case .reported, .hedged, .denied: sentenceKind = s.attributions.isEmpty && quoteMark == nil ? .statement : .reported
    case .asserted: sentenceKind = .statement
    }
    let base = Claim(
      id: 0, doc: doc.id, source: doc.source, date: doc.date, text: text, actors: actors, cited: cited,
      topics: topics, kind: sentenceKind.rawValue, hedge: decision.hedge.rawValue, cue: cue, evidence: evidence)

    let quotes = s.quotes.filter { $0.inner.start < s.span.end && $0.inner.end > s.span.start }
    guard !quotes.isEmpty else {
      var claim = base
      if let a = s.attributions.first(where: { $0.speaker != nil }), decision.hedge != .asserted {
        claim.speaker = a.speaker
        claim.evidence.append(Evidence(field: "speaker", value: a.speaker!, span: span(a.source), rule: "speaker.\(a.rule)"))
      }
      return [claim]
    }
    return quotes.map { q in
      var claim = base
      let inner = TextSpan(start: max(q.inner.start, s.span.start), end: min(q.inner.end, s.span.end))
      let fragment = Self.trimmedQuote(bytes, inner)
      claim.quote = fragment.text
      claim.evidence.append(
        Evidence(field: "quote", value: fragment.text, span: fragment.span, rule: q.isPartial ? "quote.phrase" : "quote.marks"))
      if !q.isPartial { claim.kind = ClaimKind.quote.rawValue }
      if let speaker = speakers[q.outer] {
        claim.speaker = speaker.name
        claim.evidence.append(Evidence(field: "speaker", value: speaker.name, span: speaker.span, rule: speaker.rule))
        if speaker.isPerson && !claim.actors.contains(speaker.name) {
          claim.actors.append(speaker.name)
          claim.evidence.append(Evidence(field: "actor", value: speaker.name, span: speaker.span, rule: "actor.speaker"))
        }
        // "we", "us", "our" in a leader's words: the country they speak for
        if let country = countries[speaker.name], !claim.actors.contains(country),
          let we = t.firstIndex(where: {
            inner.start <= $0.span.start && $0.span.end <= inner.end
              && (["we", "us", "our", "ours"].contains($0.key) || $0.key.hasPrefix("we'")) && !$0.isAllCaps
          })
        {
          claim.actors.append(country)
          claim.evidence.append(Evidence(field: "actor", value: country, span: t[we].span, rule: "actor.speaker-country"))
        }
      }
      return claim
    }
  }

  /// Quoted words without the spaces and the trailing comma or full stop ("?" and "!" stay).
  static func trimmedQuote(_ bytes: [UInt8], _ span: TextSpan) -> (text: String, span: TextSpan) {
    var s = span.start
    var e = span.end
    while s < e, bytes[s] == 0x20 || bytes[s] == 0x0A { s += 1 }
    while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x0A || bytes[e - 1] == 0x2C || bytes[e - 1] == 0x2E || bytes[e - 1] == 0x3B {
      e -= 1
    }
    let trimmed = TextSpan(start: s, end: e)
    return (folded(bytes, trimmed), trimmed)
  }

  /// The text of `span` with runs of whitespace folded to one space.
  static func folded(_ bytes: [UInt8], _ span: TextSpan) -> String {
    if isFolded(bytes, span) { return String(decoding: bytes[span.start..<span.end], as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(span.length)
    var space = false
    for i in span.start..<span.end {
      let b = bytes[i]
      if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
        space = true
        continue
      }
      if space && !out.isEmpty { out.append(0x20) }
      space = false
      out.append(b)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether `span` has nothing to fold: no tab, newline or return, no space first, last or
  /// after another.
  static func isFolded(_ bytes: [UInt8], _ span: TextSpan) -> Bool {
    guard span.length > 0, bytes[span.start] != 0x20, bytes[span.end - 1] != 0x20 else { return span.length == 0 }
    var previous: UInt8 = 0
    for i in span.start..<span.end {
      let b = bytes[i]
      if b == 0x0A || b == 0x09 || b == 0x0D || b == 0x20 && previous == 0x20 { return false }
      previous = b
    }
    return true
  }
}

// The trained attribution model and what feeds it.
//
// - Lemmatizer: regular and irregular forms find their lemma; words of no known lemma none.
// - AttributionModel: a model file reads back as written; decisions keep the best candidate
//   of each group above the threshold, with its rival and its place; the shipped model is
//   trained, and its hashed weights score every feature as the named weights do.
// - CandidateProposer: the constructions propose the phrases a reader would (a subject before
//   the cue, a name before an apposition, an inverted subject, a pronoun's antecedents).
// - Extraction: a cue the hand rules do not know ("tweeted") is attributed by the model, and
//   its evidence says so; the candidates a sentence's cues had are reported with their scores.
// - Quotation speakers: a cue whose source is not cited ("pledged") still says who spoke a
//   quotation; a name and a colon opens what they said; a question split from its "X said"
//   gets the next sentence's speaker; a title in quotation marks has no speaker.
@testable import ClaimCorpus
import Testing

@Suite struct AttributionModelTests {
  @Test(arguments: [
    ("said", "say"), ("says", "say"), ("told", "tell"), ("denies", "deny"), ("denied", "deny"), ("urging", "urge"),
    ("tweeted", "tweet"), ("admitted", "admit"), ("stressed", "stress"), ("wants", "want"), ("endorsing", "endorse"),
  ])
  func formsFindTheirLemma(_ form: String, _ lemma: String) {
    let lemmas = Lemmatizer(["say", "tell", "deny", "urge", "tweet", "admit", "stress", "want", "endorse"])
    #expect(lemmas.lemma(of: form) == lemma)
  }

  @Test func wordsOfNoKnownLemmaHaveNone() {
    let lemmas = Lemmatizer(["say", "tell"])
    #expect(lemmas.lemma(of: "sailed") == nil)
    #expect(lemmas.lemma(of: "telling") == "tell")
    #expect(lemmas.lemma(of: "tellers") == nil)
  }

  @Test func aModelFileReadsBackAsWritten() {
    let model = AttributionModel(cues: ["say", "tweet"], weights: ["bias": -1.5, "cue=say": 2.25, "zero": 0], threshold: 0.75)
    let text = model.serialized(header: ["a test model", "two lines"])
    #expect(text.hasPrefix("# a test model\n# two lines\n[threshold]\n0.75\n"))
    let read = AttributionModel(text: text)
    #expect(read.cues == ["say", "tweet"])
    #expect(read.weights == ["bias": -1.5, "cue=say": 2.25])
    #expect(read.threshold == 0.75)
  }

  @Test func eachGroupKeepsItsBestCandidateAboveTheThreshold() {
    let model = AttributionModel(cues: ["say"], weights: ["good": 3, "fair": 1.5, "bad": -2], threshold: 1)
    func candidate(_ cited: String, group: Int, _ features: [String]) -> AttributionCandidate {
      let a = Attribution(cue: group..<(group + 1), source: 0..<1, cited: cited, speaker: cited, entity: nil, rule: "test")
      return AttributionCandidate(attribution: a, lemma: "say", group: group, construction: "subject", features: features)
    }
    let decisions = model.decide([
      candidate("A", group: 1, ["fair"]), candidate("B", group: 1, ["good"]),
      candidate("C", group: 2, ["bad", "good"]),
      candidate("D", group: 3, ["fair", "bad"]),
    ])
    #expect(decisions.map(\.winner.attribution.cited) == ["B"])
    #expect(decisions.map(\.index) == [1])
    #expect(decisions.first?.score == 3)
    #expect(decisions.first?.runnerUp?.cited == "A")
  }

  @Test func hashedWeightsAreTheNamedWeights() {
    let model = AttributionModel.shipped
    let table = FeatureWeights(model.weights)
    #expect(model.weights.allSatisfy { table.weight(of: $0.key) == $0.value })
    #expect(Set(model.weights.keys.map(FeatureWeights.hash)).count == model.weights.count)
    #expect(table.weight(of: "cue=no-such-lemma") == 0 && table.weight(of: "") == 0)
  }

  @Test func theShippedModelIsTrained() {
    let model = AttributionModel.shipped
    #expect(model.cues.contains("say") && model.cues.contains("tweet"))
    #expect(model.weights.count > 1000)
    #expect((model.weights["cue=say"] ?? 0) > 0)
  }

  @Test func aCueTheRulesDoNotKnowIsAttributedByTheModel() throws {
    let lexicon = CorpusLoader.defaultLexicon().lexicon
    let text = "Senator Maria Lopez tweeted that the vote was a disgrace."
    let (_, claims) = ClaimExtractor(lexicon: lexicon).extract(Document(id: "t", path: "t", title: nil, source: "t", date: nil, text: text))
    let claim = try #require(claims.first)
    #expect(claim.cited == ["Maria Lopez"])
    let evidence = try #require(claim.evidence.first { $0.field == "cited" })
    #expect(evidence.rule.hasPrefix("cited.model.subject (model "))
  }

  func extract(_ text: String) -> [Claim] {
    let lexicon = CorpusLoader.defaultLexicon().lexicon
    return ClaimExtractor(lexicon: lexicon).extract(Document(id: "t", path: "t", title: nil, source: "t", date: nil, text: text)).1
  }

  @Test func candidateReportsGiveEachCandidateItsScoreAndOutcome() throws {
    let lexicon = CorpusLoader.defaultLexicon().lexicon
    let text = "Senator Maria Lopez tweeted that the vote was a disgrace."
    let doc = Document(id: "t", path: "t", title: nil, source: "t", date: nil, text: text)
    let reports = ClaimExtractor(lexicon: lexicon).candidateReports(doc, sentence: TextSpan(start: 0, end: text.utf8.count))
    let winner = try #require(reports.first { $0.outcome == "cited" })
    #expect(winner.cue == "tweeted" && winner.source == "Maria Lopez")
    #expect(winner.score > AttributionModel.shipped.threshold)
    #expect(!winner.reasons.isEmpty)
  }

  @Test func aBeliefsSourceSpeaksItsQuotationButIsNotCited() throws {
    let claim = try #require(extract("Cruz blamed the law on “knuckleheaded Democratic politicians.”").first)
    #expect(claim.speaker == "Cruz")
    #expect(claim.cited.isEmpty)
  }

  @Test func aNameAndAColonOpenWhatTheySaid() throws {
    let claim = try #require(extract("Maria Lopez: “We will win this state, and we will win it big.”").first)
    #expect(claim.speaker == "Maria Lopez")
    #expect(claim.cited == ["Maria Lopez"])
    #expect(extract("Editor’s note: this story was updated on Monday.").first?.cited == [])
    #expect(extract("**Maria Lopez:** We will win this state, and we will win it big.").first?.cited == ["Maria Lopez"])
  }

  @Test func aQuestionSplitFromItsAttributionGetsTheNextSentencesSpeaker() throws {
    let claims = extract("“Is that all there is?” Maria Lopez said. The hall was quiet.")
    #expect(claims.first?.quote == "Is that all there is?")
    #expect(claims.first?.speaker == "Lopez")
  }

  @Test func aTitleInQuotationMarksHasNoSpeaker() throws {
    let claims = extract("“We were never told,” Maria Lopez said on NBC’s “Meet the Press” on Sunday.")
    #expect(claims.first { $0.quote == "We were never told" }?.speaker == "Lopez")
    #expect(claims.first { $0.quote == "Meet the Press" }.map { $0.speaker == nil } ?? true)
  }

  @Test func aParenthesisDoesNotPartASubjectFromItsVerb() throws {
    let claim = try #require(extract("“They have nothing to worry about,” Sen. Chuck Schumer (D-N.Y.) said Tuesday.").first)
    #expect(claim.cited.contains { $0.contains("Schumer") })
    #expect(claim.speaker?.contains("Schumer") == true)
  }

  @Test func apositionAndInvertedSubjectsAreProposed() {
    let proposer = CandidateProposer(lemmas: Lemmatizer(["say"]))
    func sources(_ text: String) -> [String] {
      let bytes = Array(text.utf8)
      let tokens = Tokenizer.tokens(in: bytes)
      let mentions = CorpusLoader.defaultLexicon().lexicon.mentions(in: tokens, bytes: bytes)
      let input = AttributionFinder.Input(
        tokens: tokens, mentions: mentions, bytes: bytes, inQuote: { _ in false }, resolvePronoun: { _ in nil })
      return proposer.propose(input, ruled: []).map { "\($0.construction):\($0.attribution.cited)" }
    }
    #expect(sources("Chris Covert, a director for the campaign, said the office opened.").contains("apposition:Chris Covert"))
    // the plain lexicon reads "David" and "French" apart (the register joins them in a document)
    #expect(sources("It is extreme, said David French of the federation.").contains("inverted:David"))
  }
}

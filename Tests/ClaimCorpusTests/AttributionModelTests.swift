// The trained attribution model and what feeds it.
//
// - Lemmatizer: regular and irregular forms find their lemma; words of no known lemma none.
// - AttributionModel: a model file reads back as written; decisions keep the best candidate
//   of each group above the threshold, with its rival; the shipped model is trained.
// - CandidateProposer: the constructions propose the phrases a reader would (a subject before
//   the cue, a name before an apposition, an inverted subject, a pronoun's antecedents).
// - Extraction: a cue the hand rules do not know ("tweeted") is attributed by the model, and
//   its evidence says so.
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
    #expect(decisions.first?.score == 3)
    #expect(decisions.first?.runnerUp?.cited == "A")
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

  @Test func apositionAndInvertedSubjectsAreProposed() {
    let proposer = CandidateProposer(lemmas: Lemmatizer(["say"]))
    func sources(_ text: String) -> [String] {
      let bytes = Array(text.utf8)
      let tokens = Tokenizer.tokens(in: bytes)
      let mentions = CorpusLoader.defaultLexicon().lexicon.mentions(in: tokens, bytes: bytes)
      let input = AttributionFinder.Input(tokens: tokens, mentions: mentions, bytes: bytes, inQuote: { _ in false }, resolvePronoun: { _ in nil })
      return proposer.propose(input, ruled: []).map { "\($0.construction):\($0.attribution.cited)" }
    }
    #expect(sources("Chris Covert, a director for the campaign, said the office opened.").contains("apposition:Chris Covert"))
    // the plain lexicon reads "David" and "French" apart (the register joins them in a document)
    #expect(sources("It is extreme, said David French of the federation.").contains("inverted:David"))
  }
}

// The lexicon: parsing with warnings, alias- and case-aware matching, unknown names, topics.
@testable import ClaimCorpus
import Testing

@Suite struct LexiconTests {
  let lexicon = Lexicon.parse(
    """
    # a comment
    person: Zelensky = Zelenskyy, Volodymyr Zelensky, the Ukrainian president
    person: Trump = Donald Trump
    place: United States = US, U.S.
    topic: Tomahawk = Tomahawks, Tomahawk Cruise Missiles
    topic: military aid = weapons
    broader: Tomahawk -> military aid
    """, path: "test.lex"
  ).0

  func mentions(_ text: String) -> [Mention] {
    let bytes = Array(text.utf8)
    return lexicon.mentions(in: Tokenizer.tokens(in: bytes), bytes: bytes)
  }

  @Test func badLinesAreWarnedWithTheirLine() {
    let (lexicon, warnings) = Lexicon.parse("person: A = B\nno colon here\nthing: X\nperson:  = alias\nbroader: X", path: "my.lex")
    #expect(lexicon.entries.map(\.name) == ["A"])
    #expect(warnings.map(\.line) == [2, 3, 4, 5])
    #expect(warnings[1].description.hasPrefix("my.lex:3: unknown kind 'thing'"))
  }

  @Test func aliasesRolesAndLongestMatch() {
    let found = mentions("The Ukrainian president met Donald Trump; Zelenskyy left.")
    #expect(found.map(\.name) == ["Zelensky", "Trump", "Zelensky"])
    #expect(found.map(\.rule) == ["role", "alias", "alias"])
  }

  @Test func capitalisedAliasesNeedCapitals() {
    #expect(mentions("a trump card").isEmpty)
    #expect(mentions("us and them").filter { $0.kind != .unknown }.isEmpty)
    #expect(mentions("the US said").map(\.name) == ["United States"])
  }

  @Test func unknownCapitalisedNames() {
    let found = mentions("Talks with Keir Starmer ended.")
    #expect(found.contains { $0.kind == .unknown && $0.name == "Keir Starmer" })
  }

  @Test func headlinesAndTopicNamesNameNoOne() {
    #expect(mentions("A Clear Ceiling on Donald Trump's Support").map(\.name) == ["Trump"])
    #expect(mentions("They sent Tomahawk Cruise Missiles to Keir Starmer.").filter { $0.kind == .unknown }.map(\.name) == ["Keir Starmer"])
    #expect(mentions("The Tomahawk \"Red Line\"").isEmpty)
  }

  @Test func topicsAndBroaderTopics() {
    let bytes = Array("Tomahawks and weapons".utf8)
    let topics = lexicon.topicMentions(in: Tokenizer.tokens(in: bytes)).map(\.name)
    #expect(topics == ["Tomahawk", "military aid"])
    #expect(lexicon.withBroader("Tomahawk") == ["Tomahawk", "military aid"])
  }

  @Test func lookupIsCaseInsensitiveAndAliasAware() {
    #expect(lexicon.canonicalName("zelenskyy") == "Zelensky")
    #expect(lexicon.canonicalName("ZELENSKY") == "Zelensky")
    #expect(lexicon.canonicalName("nobody") == nil)
  }

  @Test func theDefaultLexiconLoadsCleanly() {
    let (lexicon, warnings) = CorpusLoader.defaultLexicon()
    #expect(warnings.isEmpty)
    #expect(lexicon.entries.count > 100)
    for kind in [EntityKind.person, .organization, .place, .outlet, .topic] {
      #expect(lexicon.entries.contains { $0.kind == kind })
    }
  }
}

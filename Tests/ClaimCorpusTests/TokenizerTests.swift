// Tokens: words with inner hyphens and apostrophes, acronyms, possessives, curly marks.
@testable import ClaimCorpus
import Testing

@Suite struct TokenizerTests {
  func keys(_ text: String) -> [String] { Tokenizer.tokens(in: Array(text.utf8)).map(\.key) }

  @Test func possessivesSplitOff() {
    #expect(keys("Zelensky’s plan") == ["zelensky", "'s", "plan"])
    #expect(keys("Trump's") == ["trump", "'s"])
  }

  @Test func innerMarksStay() {
    #expect(keys("don’t long-range Mar-a-Lago") == ["don't", "long-range", "mar-a-lago"])
  }

  @Test func acronymsKeepTheirPeriods() {
    #expect(keys("U.S. officials") == ["u.s.", "officials"])
    #expect(keys("the U.S.-made weapons") == ["the", "u.s.", "-", "made", "weapons"])
  }

  @Test func curlyQuotesAreMarks() {
    let tokens = Tokenizer.tokens(in: Array("“Stop,” he said.".utf8))
    #expect(tokens.map(\.key) == ["\"", "stop", ",", "\"", "he", "said", "."])
    #expect(tokens[1].isCapitalized)
    #expect(tokens.filter { $0.kind == .punct }.count == 4)
  }

  @Test func capitalsAndAllCaps() {
    let t = Tokenizer.tokens(in: Array("NATO met Ángela in the US".utf8))
    #expect(t[0].isAllCaps && t[0].isCapitalized)
    #expect(!t[1].isCapitalized)
    #expect(t[2].isCapitalized && t[2].key == "ángela")
    #expect(t[5].isAllCaps)
  }
}

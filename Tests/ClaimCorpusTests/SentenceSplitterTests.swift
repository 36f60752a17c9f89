// Sentence splitting: abbreviations, numbers, quotes, glued full stops, headings.
//
// Groups: a table of paragraphs and their sentences; quotations that end sentences.
@testable import ClaimCorpus
import ClaimTestSupport
import Testing

struct SplitCase: Sendable, CustomTestStringConvertible {
  let id: String
  let text: String
  let sentences: [String]
  var testDescription: String { id }

  static let all: [SplitCase] = [
    SplitCase(id: "plain", text: "Trump spoke. Zelensky listened.", sentences: ["Trump spoke.", "Zelensky listened."]),
    SplitCase(id: "U.S.", text: "The U.S. President spoke. He left.", sentences: ["The U.S. President spoke.", "He left."]),
    SplitCase(id: "Sen.", text: "Sen. Marsha Blackburn posted on X.", sentences: ["Sen. Marsha Blackburn posted on X."]),
    SplitCase(
      id: "Oct. 17", text: "They met on Oct. 17 in Washington. Nobody shouted.",
      sentences: ["They met on Oct. 17 in Washington.", "Nobody shouted."]),
    SplitCase(
      id: "numbers", text: "Tomahawks fly over 1,500 km and cost $1.3m each. That matters.",
      sentences: ["Tomahawks fly over 1,500 km and cost $1.3m each.", "That matters."]),
    SplitCase(
      id: "initials", text: "George W. Bush said so. J. K. Rowling agreed.",
      sentences: ["George W. Bush said so.", "J. K. Rowling agreed."]),
    SplitCase(
      id: "quote ends", text: "“I think that if Putin doesn’t stop, we need something to stop him. Sanctions is one such weapon.”",
      sentences: ["“I think that if Putin doesn’t stop, we need something to stop him.", "Sanctions is one such weapon.”"]),
    SplitCase(
      id: "question in quote", text: "\"Do they want Tomahawks going in their direction? I don't think so,\" the president said.",
      sentences: ["\"Do they want Tomahawks going in their direction?", "I don't think so,\" the president said."]),
    SplitCase(
      id: "comma after quote", text: "“Nobody shouted, but Trump was tough,” a source told Axios.",
      sentences: ["“Nobody shouted, but Trump was tough,” a source told Axios."]),
    SplitCase(
      id: "glued", text: "Ukraine falls short of forces.The only way is war.",
      sentences: ["Ukraine falls short of forces.", "The only way is war."]),
    SplitCase(id: "heading", text: "The Tomahawk \"Red Line\"", sentences: ["The Tomahawk \"Red Line\""]),
    SplitCase(
      id: "ellipsis mid-sentence", text: "close the window… for diplomacy. Then",
      sentences: ["close the window… for diplomacy.", "Then"]),
    SplitCase(id: "domain", text: "See pic.twitter.com/abc for more.", sentences: ["See pic.twitter.com/abc for more."]),
  ]
}

@Suite struct SentenceSplitterTests {
  @Test(arguments: SplitCase.all) func splits(_ c: SplitCase) {
    let bytes = Array(c.text.utf8)
    let spans = SentenceSplitter.split(bytes, range: 0..<bytes.count)
    #expect(spans.map { c.text.slice($0) } == c.sentences)
  }

  @Test func seedsSplitAsTheGoldDoes() {
    let corpus = Fixtures.seedCorpus()
    #expect(corpus.documents.map(\.sentences.count) == [23, 21, 22, 18, 38])
  }
}

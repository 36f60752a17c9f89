// Extraction never traps on any input, and every span it reports lies inside its document.
//
// Groups: random bytes decoded as text; random mixes of article fragments.
@testable import ClaimCorpus
import ClaimTestSupport
import PropertyBased
import Testing

@Suite struct RobustnessPropertyTests {
  static let extractor = ClaimExtractor(lexicon: CorpusLoader.defaultLexicon().lexicon)

  static func check(_ text: String) {
    let (doc, claims) = extractor.extract(Document(id: "p", path: "p", text: text))
    let length = text.utf8.count
    for s in doc.sentences { #expect(s.span.start >= 0 && s.span.end <= length && s.span.start < s.span.end) }
    for d in doc.debris { #expect(d.span.start >= 0 && d.span.end <= length) }
    for c in claims {
      for e in c.evidence { #expect(e.span.start >= 0 && e.span.end <= length && e.span.start <= e.span.end) }
    }
  }

  @Test func randomBytes() async {
    await checkProperty(count: 300, input: Gen<Int>.int(in: 0...255).array(of: 0...400)) { numbers in
      switch TextDecoding.decode(numbers.map { UInt8($0) }) {
      case .utf8(let text), .windows1252(let text): Self.check(text)
      case .binary, .empty: break
      }
    }
  }

  static let fragments = [
    "“", "”", "‘", "’", "\"", "'", " he said", ", ", ". ", "? ", "…", "\n", "\n\n", "Trump", "Zelensky’s", "U.S.",
    "according to", "reportedly", "told Axios", "(", ")", "—", "pic.twitter.com/x", "date 2025-10-27 ", "Top photo credit:",
    "keep reading", "Sen.", "Oct. 17", "1,500", "é", "中文", "😀", "\t", ":", "they argue", "Reuters’", "a source",
  ]

  @Test func randomArticleFragments() async {
    await checkProperty(count: 400, input: Gen<String?>.element(of: Self.fragments).array(of: 0...60)) { parts in
      Self.check(parts.compactMap { $0 }.joined())
    }
  }
}

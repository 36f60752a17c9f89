// Extraction never traps on any input, and every span it reports lies inside its document.
//
// Groups: random bytes decoded as text (most of them text, so they reach the extractor);
// random mixes of article fragments.
@testable import ClaimCorpus
import ClaimTestSupport
import PropertyBased
import Synchronization
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

  /// Byte runs random bytes are made of: ASCII words and punctuation, UTF-8 characters whole
  /// and cut, bytes that are no UTF-8 (Windows-1252 text), and a few control characters; no
  /// NUL, which makes any input binary and would keep most runs from the extractor.
  static let byteRuns: [[UInt8]] =
    ["Trump", "said", "Zelensky", " ", " ", ". ", ", ", "\n", "\n\n", "\"", "“", "”", "é", "中", "😀", "—", "according to"]
    .map { Array($0.utf8) }
    + [[0xE2], [0xE2, 0x80], [0x80], [0xBF], [0xC0], [0xFF], [0x93], [0x94], [0xE9], [0x01], [0x1B], [0x0C], [0x09]]

  @Test func randomBytes() async {
    let reached = Mutex((runs: 0, extracted: 0))
    await checkProperty(count: 300, input: Gen<[UInt8]?>.element(of: Self.byteRuns).array(of: 0...120)) { runs in
      let verdict = TextDecoding.decode(runs.flatMap { $0 ?? [] })
      switch verdict {
      case .utf8(let text), .windows1252(let text): Self.check(text)
      case .binary, .empty: break
      }
      reached.withLock {
        $0.runs += 1
        if case .utf8 = verdict { $0.extracted += 1 } else if case .windows1252 = verdict { $0.extracted += 1 }
      }
    }
    let (runs, extracted) = reached.withLock { ($0.runs, $0.extracted) }
    #expect(extracted * 10 >= runs * 9, "\(extracted) of \(runs) random inputs reached the extractor")
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

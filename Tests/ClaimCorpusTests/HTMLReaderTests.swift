// Saved web pages load like articles: libxml2 parses them, the article body is found and the
// rest kept as marked debris, and the page's own metadata fills the document's fields.
//
// - Body: navigation, header, footer, asides, share and related blocks, captions and the
//   headline are left out; in-body headings, lists and block quotes are kept, one paragraph
//   each; a page frame whose class holds a debris word ("rail") is not dropped with its body.
// - Metadata: Open Graph, JSON-LD (in an @graph), the canonical link, a date in the URL.
// - Bad pages: unclosed tags, NUL bytes, an empty page, text that is not HTML at all.
// - Loading: a folder of pages gives documents with title, source, date, author and url,
//   claims from the body only, and the dropped blocks as debris.
@testable import ClaimCorpus
import ClaimTestSupport
import Foundation
import Testing

@Suite struct HTMLReaderTests {
  static let page = """
    <!DOCTYPE html>
    <html><head>
    <title>Kyiv asks for Tomahawks | The Daily</title>
    <meta property="og:title" content="Kyiv asks for Tomahawks">
    <meta property="og:site_name" content="The Daily">
    <link rel="canonical" href="https://www.thedaily.example/world/kyiv-tomahawks">
    <script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "x"},
     {"@type": "NewsArticle", "headline": "Kyiv asks for Tomahawks", "datePublished": "2025-10-17T08:00:00Z",
      "author": [{"@type": "Person", "name": "Ann Writer"}], "publisher": {"@type": "Organization", "name": "The Daily"}}]}
    </script>
    <style>p { color: red }</style>
    </head><body>
    <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
    <div class="page-rail-wrapper">
    <article>
    <h1>Kyiv asks for Tomahawks</h1>
    <div class="byline">By Ann Writer</div>
    <div class="social-share"><a href="#">Share on Facebook</a></div>
    <p>Ukrainian President Volodymyr Zelensky said on Friday that Kyiv needs long-range missiles, and that he would ask again.</p>
    <figure><img src="a.jpg"><figcaption>Zelensky in Washington. Photo: Agency</figcaption></figure>
    <h2>What Washington said</h2>
    <p>Trump said the United States would think about it, according to officials who were in the room, and gave no date.</p>
    <ul><li>Tomahawk range: about 2,500 km</li><li>Cost: about $2 million each</li></ul>
    <blockquote>“We need them now,” Zelensky told reporters, adding that the war would not wait for anyone.</blockquote>
    <p>Russia warned that any such delivery would be an escalation, a Kremlin spokesman said on Saturday evening.</p>
    </article>
    <aside class="related"><h3>Related</h3><a href="/1">Ten things about missiles that will surprise you</a></aside>
    </div>
    <footer><p>© 2025 The Daily. All rights reserved. Contact us at the newsroom.</p></footer>
    </body></html>
    """

  @Test func theBodyIsTheArticleAndTheRestIsDebris() throws {
    let text = try #require(HTMLArticle.bodyText(Array(Self.page.utf8)))
    #expect(
      text == """
        Ukrainian President Volodymyr Zelensky said on Friday that Kyiv needs long-range missiles, and that he would ask again.

        What Washington said

        Trump said the United States would think about it, according to officials who were in the room, and gave no date.

        Tomahawk range: about 2,500 km

        Cost: about $2 million each

        “We need them now,” Zelensky told reporters, adding that the war would not wait for anyone.

        Russia warned that any such delivery would be an escalation, a Kremlin spokesman said on Saturday evening.
        """)
  }

  @Test func thePageSaysWhatItIs() throws {
    let doc = try #require(HTMLArticle.document(Array(Self.page.utf8), id: "p.html", path: "p.html", url: nil)?.document)
    #expect(doc.title == "Kyiv asks for Tomahawks")
    #expect(doc.source == "The Daily")
    #expect(doc.date == Day(parsing: "2025-10-17"))
    #expect(doc.author == "Ann Writer")
    #expect(doc.url == "https://www.thedaily.example/world/kyiv-tomahawks")
    let rules = Set(doc.debris.map(\.rule))
    #expect(
      rules.isSuperset(of: ["debris.html-header", "debris.html-headline", "debris.html-share", "debris.html-figure", "debris.html-footer"]))
    #expect(rules.contains("debris.html-related") || rules.contains("debris.html-aside"))
    #expect(!doc.text.contains("color: red"))
  }

  @Test func withoutMetadataTheURLAndHostStandIn() {
    let html = "<html><body><p>Officials said the talks would resume next week, and that both sides had agreed to it.</p></body></html>"
    let doc = HTMLArticle.document(Array(html.utf8), id: "x", path: "x", url: "https://www.example.org/2024/03/05/talks.html")?.document
    #expect(doc?.source == "example.org")
    #expect(doc?.date == Day(parsing: "2024-03-05"))
    #expect(PageMetadata.dateInURL("https://a.example/news/20191118/x") == Day(parsing: "2019-11-18"))
  }

  @Test func brokenPagesStillGiveTheirText() {
    let unclosed = "<html><body><div><p>The minister said the budget would pass, and that the vote was set for Monday.<p>Second"
    #expect(HTMLArticle.bodyText(Array(unclosed.utf8))?.contains("the vote was set for Monday") == true)
    #expect(HTMLArticle.bodyText(Array("just words, no markup at all, said the minister on Monday".utf8))?.isEmpty == false)
  }

  @Test func classWordsSplitAtCaseAndPunctuation() {
    #expect(HTMLVocabulary.words("shareBar social-links__item") == ["share", "bar", "social", "links", "item"])
    #expect(HTMLVocabulary.words("İstanbul_NEWS") == ["i̇stanbul", "news"])
  }

  @Test func aFolderOfPagesLoads() throws {
    let dir = try Fixtures.temporaryFolder()
    try Data(Self.page.utf8).write(to: dir.appendingPathComponent("kyiv.html"))
    try Data([0x20, 0x0A]).write(to: dir.appendingPathComponent("empty.htm"))
    try Data("<p>Officials said on Monday that the talks would resume.</p>\u{0}<p>More</p>".utf8).write(
      to: dir.appendingPathComponent("nul.html"))
    let corpus = CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon).load(paths: [dir.path])
    let doc = try #require(corpus.documents.first { $0.id == "kyiv.html" })
    #expect(doc.source == "The Daily" && doc.author == "Ann Writer")
    #expect(corpus.warnings.contains { $0.path.hasSuffix("empty.htm") && $0.message.contains("empty") })
    #expect(corpus.warnings.contains { $0.path.hasSuffix("nul.html") && $0.message.contains("NUL") })
    #expect(corpus.documents.contains { $0.id == "nul.html" })
    // claims come from the body, never from the navigation, footer or related links
    let claims = corpus.claims.filter { $0.doc == "kyiv.html" }
    #expect(claims.contains { $0.text.hasPrefix("Ukrainian President Volodymyr Zelensky said") })
    #expect(!claims.contains { $0.text.contains("All rights reserved") || $0.text.contains("Ten things") })
    #expect(doc.body.hasPrefix("Ukrainian President Volodymyr Zelensky said on Friday"))
  }
}

@Suite struct HTMLRobustnessTests {
  @Test func nesting100000DeepIsReportedAndTheRestLoads() throws {
    let depth = 100_000
    let html =
      "<html><body><p>The minister said on Monday that the budget would pass, and that the vote was set.</p>"
      + String(repeating: "<div>", count: depth) + "<p>Deep down.</p>" + String(repeating: "</div>", count: depth) + "</body></html>"
    let (document, problem) = try #require(HTMLArticle.document(Array(html.utf8), id: "deep", path: "deep", url: nil))
    #expect(document.text.contains("the budget would pass"))
    #expect(problem?.contains("nested deeper") == true)
  }

  @Test func aThirtyMegabytePageLoads() throws {
    let paragraph = "<p>Officials said on Monday that the talks would resume next week, and that both sides agreed.</p>\n"
    let html = "<html><body><article>" + String(repeating: paragraph, count: 30_000_000 / paragraph.utf8.count) + "</article></body></html>"
    let text = try #require(HTMLArticle.bodyText(Array(html.utf8)))
    #expect(text.utf8.count > 20_000_000)
  }

  @Test func aWrongOrMissingCharsetStillGivesText() throws {
    // Windows-1252 curly quotes in a page that says it is UTF-8, and a UTF-16 page
    var bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>The minister said ".utf8)
    bytes += [0x93, 0x77, 0x65, 0x20, 0x77, 0x69, 0x6C, 0x6C, 0x94] + Array(" on Monday, and left.</p></body></html>".utf8)
    #expect(HTMLArticle.bodyText(bytes)?.contains("on Monday") == true)
    let units = Array("<html><body><p>Officials said on Monday that the talks would resume.</p></body></html>".utf16)
    let utf16: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    #expect(HTMLArticle.bodyText(utf16)?.contains("talks would resume") == true)
  }
}

@Suite struct GzipPageTests {
  /// `bytes` compressed by the system's gzip.
  static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let dir = try Fixtures.temporaryFolder()
    let file = dir.appendingPathComponent("x")
    try Data(bytes).write(to: file)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/gzip")
    p.arguments = ["-f", file.path]
    try p.run()
    p.waitUntilExit()
    return [UInt8](try Data(contentsOf: dir.appendingPathComponent("x.gz")))
  }

  @Test func gzipPagesLoadAndBombsAndCutsAreReported() throws {
    let page = Array("<html><body><p>Officials said on Monday that the talks would resume next week.</p></body></html>".utf8)
    let dir = try Fixtures.temporaryFolder()
    let packed = try Self.gzip(page)
    try Data(packed).write(to: dir.appendingPathComponent("a.html.gz"))
    try Data(packed.prefix(packed.count / 2)).write(to: dir.appendingPathComponent("cut.html.gz"))
    try Data(try Self.gzip([UInt8](repeating: 0x20, count: 2 << 20))).write(to: dir.appendingPathComponent("bomb.html.gz"))
    try Data(packed).write(to: dir.appendingPathComponent("b.jsonl.gz"))
    var loader = CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon)
    loader.maxTextBytes = 1 << 20
    let corpus = loader.load(paths: [dir.path])
    #expect(corpus.documents.first { $0.id == "a.html.gz" }?.text.contains("talks would resume") == true)
    #expect(corpus.warnings.contains { $0.path.hasSuffix("cut.html.gz") && $0.message.contains("damaged gzip") })
    #expect(corpus.warnings.contains { $0.path.hasSuffix("bomb.html.gz") && $0.message.contains("inflates to more than") })
    #expect(corpus.warnings.contains { $0.path.hasSuffix("b.jsonl.gz") && $0.message.contains("skipped") })
    #expect(Gzip.inflate(packed + packed, limit: 1 << 20) == .complete(page + page))
  }
}

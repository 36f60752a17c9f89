// Loading: formats, headers, folder metadata, and every kind of bad input reported with its
// path while the rest loads.
//
// Groups: good inputs; bad inputs; the shipped corpora.
@testable import ClaimCorpus
import ClaimTestSupport
import Foundation
import Testing

@Suite struct LoaderTests {
  let loader = CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon)

  func folder(_ files: [String: [UInt8]]) throws -> URL {
    let url = try Fixtures.temporaryFolder()
    for (name, bytes) in files {
      let file = url.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: file)
    }
    return url
  }

  // MARK: good inputs

  @Test func headerGivesMetadata() throws {
    let dir = try folder(["a.txt": Array("title: Talks\nsource: Axios\ndate: 2025-10-17\n\nTrump said the talks failed.\n".utf8)])
    let corpus = loader.load(paths: [dir.path])
    let doc = try #require(corpus.documents.first)
    #expect(doc.title == "Talks")
    #expect(doc.source == "Axios")
    #expect(doc.date?.description == "2025-10-17")
    #expect(doc.text == "Trump said the talks failed.\n")
    #expect(corpus.claims.first?.source == "Axios")
    #expect(corpus.warnings.isEmpty)
  }

  @Test func withoutMetadataTheSourceIsTheID() throws {
    let dir = try folder(["sub/b.txt": Array("Putin spoke.".utf8)])
    let doc = try #require(loader.load(paths: [dir.path]).documents.first)
    #expect(doc.id == "sub/b.txt")
    #expect(doc.source == "sub/b.txt")
  }

  @Test func foldersAreSortedAndRecursive() throws {
    let dir = try folder(["b.txt": Array("B text.".utf8), "a/z.txt": Array("Z text.".utf8), "c.txt": Array("C text.".utf8)])
    #expect(loader.load(paths: [dir.path]).documents.map(\.id) == ["a/z.txt", "b.txt", "c.txt"])
  }

  @Test func jsonLinesDocuments() throws {
    let lines =
      #"{"id":"j1","title":"T","source":"Reuters","date":"2025-10-20","text":"Zelensky said so."}"# + "\n"
      + #"{"id":"j2","text":"Trump \"denied\" it.\u00e9"}"# + "\n"
    let dir = try folder(["docs.jsonl": Array(lines.utf8)])
    let corpus = loader.load(paths: [dir.path])
    #expect(corpus.documents.map(\.id) == ["j1", "j2"])
    #expect(corpus.documents[0].source == "Reuters")
    #expect(corpus.documents[1].text == "Trump \"denied\" it.é")
    #expect(corpus.warnings.isEmpty)
  }

  @Test func claimsFilesLoadAsClaims() throws {
    let corpus = Fixtures.seedCorpus()
    let text = corpus.claims.map(\.json).joined(separator: "\n") + "\n"
    let dir = try folder(["claims.jsonl": Array(text.utf8)])
    let reloaded = loader.load(paths: [dir.appendingPathComponent("claims.jsonl").path])
    #expect(reloaded.claimCount == corpus.claims.count)
    #expect((0..<reloaded.claimCount).map { reloaded.columns.claim($0).json } == corpus.claims.map(\.json))
    #expect(reloaded.documents.count == corpus.documents.count)
  }

  @Test func benchmarkClaimsUsePluralFields() throws {
    let line =
      #"{"id": 0, "doc": "d1", "source": "CNN", "date": "2025-10-01", "actors": ["Trump", "Putin"], "topics": ["sanctions"], "#
      + #""cited": null, "hedge": "alleged", "kind": "paraphrase", "text": "Trump said that."}"#
    let dir = try folder(["claims.jsonl": Array(line.utf8)])
    let loaded = loader.load(paths: [dir.path])
    #expect(loaded.claimCount == 1)
    let claim = loaded.columns.claim(0)
    #expect(claim.actors == ["Trump", "Putin"])
    #expect(claim.topics == ["sanctions"])
    #expect(claim.cited == [])
    #expect(claim.hedge == "alleged")
  }

  @Test func folderMetadataFile() throws {
    let dir = try folder([
      "metadata.tsv": Array("# comment\nfile\ttitle\tsource\tdate\nx.txt\tThe X\tBBC\t2025-01-02\n".utf8),
      "x.txt": Array("Putin spoke.".utf8),
    ])
    let doc = try #require(loader.load(paths: [dir.path]).documents.first)
    #expect(doc.title == "The X")
    #expect(doc.source == "BBC")
    #expect(doc.date?.description == "2025-01-02")
  }

  // MARK: bad inputs

  @Test func badFilesAreReportedAndTheRestLoads() throws {
    var binary = [UInt8](repeating: 0, count: 512)
    for i in binary.indices { binary[i] = UInt8((i * 37) % 256) }
    let dir = try folder([
      "good.txt": Array("Trump said the talks failed.".utf8),
      "empty.txt": [],
      "blank.txt": Array("  \n\n ".utf8),
      "binary.txt": binary,
      "latin1.txt": [0x43, 0x61, 0x66, 0xE9, 0x20, 0x96, 0x20, 0x6F, 0x6B, 0x2E],
      "docs.jsonl": Array("{\"id\":\"j1\",\"text\":\"Trump said so.\"}\n{broken\n\n[1,2]\n{\"title\":\"no text\"}\n".utf8),
      "image.png": [0x89, 0x50],
    ])
    let corpus = loader.load(paths: [dir.path, dir.appendingPathComponent("missing").path])
    #expect(Set(corpus.documents.map(\.id)) == ["good.txt", "latin1.txt", "j1"])
    let latin = try #require(corpus.documents.first { $0.id == "latin1.txt" })
    #expect(latin.text == "Café – ok.")
    func warning(_ file: String) -> LoadWarning? { corpus.warnings.first { $0.path.hasSuffix(file) } }
    #expect(warning("empty.txt")?.message == "skipped: empty")
    #expect(warning("blank.txt")?.message == "skipped: empty")
    #expect(warning("binary.txt")?.message == "skipped: binary, not text")
    #expect(warning("latin1.txt")?.message == "not UTF-8; decoded as Windows-1252")
    #expect(warning("image.png") != nil)
    #expect(warning("missing")?.message == "no such file or folder")
    let jsonl = corpus.warnings.filter { $0.path.hasSuffix("docs.jsonl") }
    #expect(jsonl.map(\.line) == [2, 4, 5])
    #expect(jsonl[0].description.contains("docs.jsonl:2: malformed JSON"))
  }

  @Test func hugeArticlesAreSkipped() throws {
    var small = loader
    small.maxTextBytes = 100
    let dir = try folder(["big.txt": Array(repeating: UInt8(ascii: "a"), count: 200), "ok.txt": Array("Fine.".utf8)])
    let corpus = small.load(paths: [dir.path])
    #expect(corpus.documents.map(\.id) == ["ok.txt"])
    #expect(corpus.warnings.first?.message.contains("limit") == true)
  }

  @Test func aMissingLexiconIsAnError() {
    let (lexicon, warnings) = CorpusLoader.lexicon(at: "/nonexistent/lexicon.tsv")
    #expect(lexicon == nil)
    #expect(warnings.first?.message == "cannot read the lexicon: no such file or folder")
  }

  // MARK: the shipped corpora

  @Test func seedsLoadWithTheirMetadataAndDebris() {
    let corpus = Fixtures.seedCorpus()
    #expect(corpus.documents.count == 5)
    #expect(corpus.warnings.isEmpty)
    #expect(corpus.documents[2].date?.description == "2025-10-27")
    #expect(corpus.documents.map(\.debris.count) == [0, 0, 3, 0, 32])
    #expect(corpus.documents.allSatisfy { $0.title != nil })
  }

  /// Found by the loader fuzzer: two different broken byte runs in one field showed as the
  /// same text but grouped apart (and a snapshot, storing the text shown, merged them).
  @Test func brokenUTF8InAJSONStringIsStoredAsTheTextShown() throws {
    var claims: [UInt8] = []
    for broken: [UInt8] in [[0xFF], [0xFE], [0xC3]] {
      claims += Array(#"{"doc": "d1", "source": "CNN", "hedge": "reported", "kind": "quo"#.utf8) + broken
      claims += Array(#"e", "text": "Trump said \u00e9 so."}"#.utf8) + [0x0A]
    }
    let document = Array(#"{"id": "x", "source": "A"#.utf8) + [0xE2, 0x80] + Array(#"", "text": "Zelensky said so."}"#.utf8)
    let dir = try folder(["claims.jsonl": claims, "d.jsonl": document])
    let fromClaims = loader.load(paths: [dir.appendingPathComponent("claims.jsonl").path])
    #expect(fromClaims.claimCount == 3)
    #expect(
      fromClaims.columns.string(.kind).values == ["quo\u{FFFD}e"],
      "\(fromClaims.columns.string(.kind).values)")
    let fromDocuments = loader.load(paths: [dir.appendingPathComponent("d.jsonl").path])
    #expect(fromDocuments.documents.first?.source == "A\u{FFFD}")
  }

  /// Found by the loader fuzzer: two records with one id made a corpus whose snapshot could
  /// not be read back (evidence checked against the other document's text).
  @Test func aDocumentIdGivenTwiceIsKeptUnderAnIdOfItsOwn() throws {
    let records = """
      {"id": "a", "source": "Axios", "text": "Trump said the long talks with Zelensky failed, officials reportedly said."}
      {"id": "a", "source": "BBC", "text": "Putin spoke."}
      """
    let dir = try folder(["d.jsonl": Array(records.utf8), "sub/a": Array("Zelensky said so.".utf8)])
    let corpus = loader.load(paths: [dir.appendingPathComponent("d.jsonl").path, dir.path])
    let ids = corpus.documents.map { $0.id }
    // the folder holds d.jsonl again: its two records come third and fourth
    #expect(ids.filter { $0.hasPrefix("a") } == ["a", "a#2", "a#3", "a#4"])
    #expect(Set(ids).count == ids.count, "\(ids)")
    #expect(corpus.warnings.contains { $0.message == "a second document with id 'a' is kept as 'a#2'" })
    let second = corpus.claims.filter { $0.doc == "a#2" }
    #expect(!second.isEmpty && second.allSatisfy { $0.source == "BBC" })
    let snapshot = dir.appendingPathComponent("s.claimsh").path
    #expect(CorpusSnapshot.write(corpus, to: snapshot) == nil)
    let again = loader.load(paths: [snapshot])
    #expect(again.warnings.isEmpty)
    #expect(again.documents.map { $0.id } == ids)
    #expect(again.claims.map { $0.evidence } == corpus.claims.map { $0.evidence })
  }
}

@Suite struct JSONLinesBlockTests {
  @Test func linesCutAcrossBlocksLoseNothingAndKeepTheirNumbers() throws {
    let dir = try Fixtures.temporaryFolder()
    var lines: [String] = []
    for i in 0..<200 {
      lines.append(
        i == 77
          ? "{broken"
          : #"{"id": \#(i), "doc": "d\#(i / 10)", "source": "S\#(i % 3)", "actors": ["A\#(i % 5)"], "topics": [], "hedge": "#
            + #""reported", "text": "claim number \#(i) \#(String(repeating: "x", count: i % 50))"}"#
      )
    }
    let path = dir.appendingPathComponent("claims.jsonl").path
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
    var out = CorpusLoader.Output()
    #expect(JSONLinesReader.read(input: .init(path: path, id: "claims.jsonl", metadata: [:]), into: &out, blockSize: 97))
    let columns = try #require(out.columns).build()
    #expect(columns.count == 199)
    #expect(columns.claim(77).text == "claim number 78 " + String(repeating: "x", count: 28))
    #expect(out.warnings.map(\.line) == [78])
    #expect(out.documents.count == 20)
  }

  @Test func aByteOrderMarkAndCarriageReturnsAreNotErrors() throws {
    let dir = try Fixtures.temporaryFolder()
    let path = dir.appendingPathComponent("claims.jsonl").path
    let lines = [#"{"doc": "d", "hedge": "reported", "text": "one"}"#, #"{"doc": "d", "hedge": "hedged", "text": "two"}"#]
    try Data([0xEF, 0xBB, 0xBF] + Array(lines.joined(separator: "\r\n").utf8) + [0x0D, 0x0A]).write(to: URL(fileURLWithPath: path))
    var out = CorpusLoader.Output()
    #expect(JSONLinesReader.read(input: .init(path: path, id: "claims.jsonl", metadata: [:]), into: &out))
    let columns = try #require(out.columns).build()
    #expect((0..<columns.count).map { columns.text($0) } == ["one", "two"])
    #expect(out.warnings.isEmpty)
  }

  @Test func aLineLongerThanTheLimitIsReportedNotHeldWhole() throws {
    let dir = try Fixtures.temporaryFolder()
    let long = #"{"doc": "d", "text": ""# + String(repeating: "y", count: 5000) + #""}"#
    let path = dir.appendingPathComponent("claims.jsonl").path
    try ([#"{"doc": "d", "hedge": "reported", "text": "before"}"#, long, #"{"doc": "d", "text": "after"}"#].joined(separator: "\n") + "\n")
      .write(toFile: path, atomically: false, encoding: .utf8)
    var out = CorpusLoader.Output()
    #expect(JSONLinesReader.read(input: .init(path: path, id: "claims.jsonl", metadata: [:]), into: &out, blockSize: 512, maxLine: 1024))
    let columns = try #require(out.columns).build()
    #expect((0..<columns.count).map { columns.text($0) } == ["before", "after"])
    #expect(!out.warnings.isEmpty && out.warnings.allSatisfy { $0.message.hasPrefix("malformed JSON") })
  }
}

@Suite struct JSONArrayTests {
  func read(_ text: String, name: String = "records.json") throws -> CorpusLoader.Output {
    let path = try Fixtures.temporaryFolder().appendingPathComponent(name).path
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    var out = CorpusLoader.Output()
    #expect(JSONLinesReader.read(input: .init(path: path, id: name, metadata: [:]), into: &out))
    return out
  }

  @Test func anArrayOfDocumentsLoadsLikeJSONLines() throws {
    let out = try read(
      """
      [
        {"id": "a", "source": "CNN", "text": "Trump said the talks failed."},
        {"text": "Putin denied it."},
        7
      ]
      """)
    #expect(out.documents.map(\.id) == ["a", "records.json:2"])
    #expect(out.documents.first?.source == "CNN")
    #expect(out.warnings.map(\.message) == ["record 3: expected a JSON object"])
  }

  @Test func anArrayOfClaimsLoadsItsColumns() throws {
    let out = try read(
      #"[{"doc": "d1", "actors": ["Trump", "Trump"], "hedge": "reported", "text": "one"}, {"doc": "d2", "hedge": "hedged", "text": "two"}]"#
    )
    let columns = try #require(out.columns).build()
    #expect(columns.count == 2)
    #expect(columns.claim(0).actors == ["Trump"] && columns.claim(1).hedge == "hedged")
    #expect(out.documents.map(\.id) == ["d1", "d2"])
  }

  @Test func aBrokenArrayNamesItsLineAndColumnAndGivesNothing() throws {
    let out = try read("[\n  {\"text\": \"one\"},\n  {\"text\": \"two\"\n]\n")
    #expect(out.documents.isEmpty)
    #expect(out.warnings.first?.line == 4)
    #expect(out.warnings.first?.message == "malformed JSON: expected ',' or '}' at column 1")
  }
}

// Inputs that must never hang or swell a load: FIFOs, sockets and devices; oversized JSON records.
@Suite struct HostileInputTests {
  static let lexicon = CorpusLoader.defaultLexicon().lexicon

  @Test func aFIFOInAFolderIsReportedAndTheRestLoads() throws {
    let folder = try Fixtures.temporaryFolder()
    try "Trump said the talks went well.\n".write(to: folder.appendingPathComponent("a.txt"), atomically: false, encoding: .utf8)
    #expect(mkfifo(folder.appendingPathComponent("pipe.txt").path, 0o644) == 0)
    let corpus = CorpusLoader(lexicon: Self.lexicon).load(paths: [folder.path])  // would wait for ever if the FIFO were opened
    #expect(corpus.documents.map(\.id) == ["a.txt"])
    #expect(corpus.warnings.map(\.description).contains { $0.contains("pipe.txt") && $0.contains("not a regular file (a FIFO)") })
    // named directly, too
    let direct = CorpusLoader(lexicon: Self.lexicon).load(paths: [folder.appendingPathComponent("pipe.txt").path])
    #expect(direct.documents.isEmpty && direct.warnings.count == 1)
  }

  @Test func aDeviceIsNeverRead() {
    let corpus = CorpusLoader(lexicon: Self.lexicon).load(paths: ["/dev/zero"])  // would never end if read
    #expect(corpus.documents.isEmpty)
    #expect(corpus.warnings.first?.message == "skipped: not a regular file (a character device)")
  }

  @Test func aJSONRecordOverTheArticleLimitIsSkipped() throws {
    let folder = try Fixtures.temporaryFolder()
    let big = String(repeating: "Trump said so. ", count: 200)
    let lines = [#"{"id":"big","text":"\#(big)"}"#, #"{"id":"small","text":"Trump said no."}"#]
    try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("d.jsonl"), atomically: false, encoding: .utf8)
    try ("[" + lines.joined(separator: ",") + "]").write(to: folder.appendingPathComponent("e.json"), atomically: false, encoding: .utf8)
    var loader = CorpusLoader(lexicon: Self.lexicon)
    loader.maxTextBytes = 1000
    let corpus = loader.load(paths: [folder.path])
    #expect(corpus.documents.map(\.id).sorted() == ["small", "small#2"])
    #expect(corpus.warnings.filter { $0.message.contains("limit for one article") }.count == 2)
  }
}

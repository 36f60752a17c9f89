// Web archives: each response record holding a web page is a document, the rest skipped and
// counted; .warc.gz with a gzip member per record; chunked HTTP bodies; a cut archive and a
// record whose Content-Length lies are reported with their offsets and the rest loads.
@testable import ClaimCorpus
import ClaimTestSupport
import Foundation
import Testing

@Suite struct WARCReaderTests {
  static func record(_ type: String, uri: String, block: [UInt8], length: Int? = nil) -> [UInt8] {
    Array(
      ("WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: 2025-10-17T08:00:00Z\r\n"
        + "Content-Length: \(length ?? block.count)\r\n\r\n").utf8) + block + Array("\r\n\r\n".utf8)
  }

  static func response(_ body: String, type: String = "text/html; charset=utf-8", chunked: Bool = false) -> [UInt8] {
    let bytes = Array(body.utf8)
    var payload = bytes
    if chunked {
      let half = bytes.count / 2
      var chunks: [UInt8] = Array(String(half, radix: 16).utf8) + [13, 10]
      chunks += bytes[..<half]
      chunks += [13, 10] + Array(String(bytes.count - half, radix: 16).utf8) + [13, 10]
      chunks += bytes[half...]
      chunks += Array("\r\n0\r\n\r\n".utf8)
      payload = chunks
    }
    let head = "HTTP/1.1 200 OK\r\nContent-Type: \(type)\r\n" + (chunked ? "Transfer-Encoding: chunked\r\n" : "") + "\r\n"
    return Array(head.utf8) + payload
  }

  static let page =
    "<html><body><article><p>Officials said on Monday that the talks would resume next week, and both sides agreed.</p>"
    + "</article></body></html>"
  static let other =
    "<html><head><meta property=\"og:site_name\" content=\"Other\"></head><body><p>The minister said on "
    + "Tuesday that the budget would pass, and that the vote was set.</p></body></html>"

  static var records: [[UInt8]] {
    [
      record("warcinfo", uri: "", block: Array("software: test\r\n".utf8)),
      record("request", uri: "https://a.example/talks", block: Array("GET /talks HTTP/1.1\r\n\r\n".utf8)),
      record("response", uri: "https://a.example/talks", block: response(page, chunked: true)),
      record("response", uri: "https://a.example/logo.png", block: response("PNG…", type: "image/png")),
      record("response", uri: "https://b.example/budget", block: response(other)),
    ]
  }

  func load(_ files: [String: [UInt8]]) throws -> Corpus {
    let dir = try Fixtures.temporaryFolder()
    for (name, bytes) in files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
    return CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon).load(paths: [dir.path])
  }

  @Test func responsesWithPagesAreDocuments() throws {
    let corpus = try load(["a.warc": Self.records.flatMap { $0 }])
    #expect(corpus.documents.map(\.id) == ["https://a.example/talks", "https://b.example/budget"])
    let talks = try #require(corpus.documents.first)
    #expect(talks.url == "https://a.example/talks" && talks.source == "a.example" && talks.date == Day(parsing: "2025-10-17"))
    #expect(talks.body.hasPrefix("Officials said on Monday"))
    #expect(corpus.documents.last?.source == "Other")
    #expect(corpus.warnings.contains { $0.message.contains("2 web pages read; 3 other records") })
    #expect(corpus.claims.contains { $0.doc == "https://b.example/budget" && $0.text.contains("budget would pass") })
  }

  @Test func gzipArchivesHaveAMemberPerRecord() throws {
    let members = try Self.records.map { try GzipPageTests.gzip($0) }
    let corpus = try load(["a.warc.gz": members.flatMap { $0 }])
    #expect(corpus.documents.map(\.id) == ["https://a.example/talks", "https://b.example/budget"])
    let cut = members.flatMap { $0 }.prefix(members[0].count + members[1].count + members[2].count + 40)
    let partial = try load(["cut.warc.gz": Array(cut)])
    #expect(partial.documents.map(\.id) == ["https://a.example/talks"])
    #expect(partial.warnings.contains { $0.message.contains("gzip") || $0.message.contains("cut") })
  }

  @Test func aCutArchiveAndALyingLengthAreReported() throws {
    var records = Self.records
    let whole = records.flatMap { $0 }
    let cutAt = records[0].count + records[1].count + records[2].count + records[3].count + 60
    let cut = try load(["cut.warc": Array(whole.prefix(cutAt))])
    #expect(cut.documents.map(\.id) == ["https://a.example/talks"])
    #expect(cut.warnings.contains { $0.path.hasSuffix("cut.warc@\(cutAt - 60)") && $0.message.contains("cut inside") })
    // a Content-Length 30 bytes short: the next record is found again
    records[2] = Self.record("response", uri: "https://a.example/talks", block: Self.response(Self.page), length: 30)
    let lying = try load(["lying.warc": records.flatMap { $0 }])
    #expect(lying.documents.map(\.id).contains("https://b.example/budget"))
    #expect(lying.warnings.contains { $0.message.contains("Content-Length did not count") })
  }
}

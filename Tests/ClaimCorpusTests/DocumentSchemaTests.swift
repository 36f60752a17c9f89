// The document schema and the readers built on it: every format names a document's fields the
// same way, and each file goes to the reader of its extension.
//
// - DocumentSchema: a field's name wins over its aliases, aliases count in order, a record
//   without text is no document, and the id is the record's own or the one given.
// - The same document, written as a text header, a metadata.tsv row, JSON Lines and a JSON array,
//   loads with the same fields.
// - Readers: every extension has one reader, and an unknown extension given by path is text.
@testable import ClaimCorpus
import ClaimTestSupport
import Foundation
import Testing

@Suite struct DocumentSchemaTests {
  let loader = CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon)

  func folder(_ files: [String: String]) throws -> URL {
    let url = try Fixtures.temporaryFolder()
    for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
    return url
  }

  @Test func theNameWinsOverItsAliasesAndAliasesCountInOrder() throws {
    let values = ["headline": "H", "title": "T", "outlet": "O", "body": "B", "content": "C", "published": "2025-10-18"]
    let doc = try #require(DocumentSchema.document(id: "given", path: "p") { values[$0] })
    #expect(doc.title == "T")
    #expect(doc.source == "O")
    #expect(doc.text == "B")
    #expect(doc.date?.description == "2025-10-18")
    #expect(doc.id == "given")
    #expect(DocumentSchema.document(id: "x", path: "p") { ["id": "own", "text": "t"][$0] }?.id == "own")
    #expect(DocumentSchema.document(id: "x", path: "p") { ["title": "no text"][$0] } == nil)
  }

  @Test func everyFormatNamesTheFieldsAlike() throws {
    let text = "Trump said the talks failed."
    let dir = try folder([
      "a.txt": "headline: Talks fail\noutlet: Axios\npublished: 2025-10-17\nauthor: A. Writer\nurl: https://a.example/1\n\n\(text)\n",
      "b.txt": "\(text)\n",
      "metadata.tsv":
        "file\ttitle\tsource\tdate\tauthor\turl\tid\nb.txt\tTalks fail\tAxios\t2025-10-17\tA. Writer\thttps://a.example/1\tnot-an-id\n",
      "c.jsonl":
        #"{"id":"c","headline":"Talks fail","outlet":"Axios","published":"2025-10-17","author":"A. "#
        + #"Writer","url":"https://a.example/1","body":"\#(text)\n"}"#
        + "\n",
      "d.json":
        #"[{"id":"d","title":"Talks fail","source":"Axios","date":"2025-10-17","author":"A. "#
        + #"Writer","url":"https://a.example/1","content":"\#(text)\n"}]"#,
    ])
    let corpus = loader.load(paths: [dir.path])
    #expect(corpus.warnings.isEmpty)
    #expect(corpus.documents.map(\.id) == ["a.txt", "b.txt", "c", "d"])
    for doc in corpus.documents {
      #expect(doc.title == "Talks fail" && doc.source == "Axios" && doc.date?.description == "2025-10-17", "\(doc.id)")
      #expect(doc.author == "A. Writer" && doc.url == "https://a.example/1" && doc.text == text + "\n", "\(doc.id)")
    }
  }

  @Test func everyExtensionHasOneReader() {
    var seen: [String: String] = [:]
    for reader in CorpusLoader.readers {
      for ext in reader.extensions {
        #expect(seen[ext] == nil, "\(ext): \(seen[ext] ?? "") and \(reader)")
        seen[ext] = "\(reader)"
      }
    }
    #expect(CorpusLoader.readerByExtension["md"].map { "\($0)" } == "TextReader")
    #expect(CorpusLoader.readerByExtension["ndjson"].map { "\($0)" } == "JSONLinesReader")
    #expect(CorpusLoader.readerByExtension["parquet"].map { "\($0)" } == "ParquetReader")
    #expect(CorpusLoader.readerByExtension["claimsh"].map { "\($0)" } == "SnapshotReader")
  }

  @Test func anUnknownExtensionGivenByPathIsText() throws {
    let dir = try folder(["note.article": "title: A note\n\nPutin spoke.\n"])
    let corpus = loader.load(paths: [dir.appendingPathComponent("note.article").path])
    #expect(corpus.documents.map(\.title) == ["A note"])
    #expect(corpus.warnings.isEmpty)
  }
}

// Reading Parquet: claimsh's own export back (across row groups), what DuckDB and pyarrow
// write (Snappy, dictionaries, v2 pages, delta encodings), documents, damaged files (each reported with its
// path while the rest of the corpus loads), and Snappy on its own.
@testable import ClaimCorpus
import ClaimQuery
import ClaimTestSupport
import Foundation
import Testing

@Suite struct ParquetReaderTests {
  static let python = ProcessInfo.processInfo.environment["CLAIMSH_SQL_PYTHON"]
  static let loader = CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon)

  /// The `claims` table of what `paths` load, as JSON Lines.
  static func claims(_ paths: [String]) throws -> String {
    var engine = QueryEngine(corpus: loader.load(paths: paths))
    return Renderer.render(try engine.table("claims"), RenderSpec(mode: .jsonl))
  }

  /// The seeds' claims exported to `path` in row groups of `rowGroupRows`.
  static func exportSeeds(to path: String, rowGroupRows: Int = ParquetWriter.rowGroupRows) throws {
    var engine = QueryEngine(corpus: Fixtures.seedCorpus())
    var bytes: [UInt8] = []
    ParquetWriter.write(ResultCells(try engine.table("claims")), rowGroupRows: rowGroupRows) { bytes += $0 }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  @Test(arguments: [ParquetWriter.rowGroupRows, 7, 1])
  func readsItsOwnExportBackAsTheSameClaims(rowGroupRows: Int) throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let parquet = folder.appendingPathComponent("seeds.parquet").path
    try Self.exportSeeds(to: parquet, rowGroupRows: rowGroupRows)
    let jsonl = folder.appendingPathComponent("seeds.jsonl").path
    try Self.claims([Fixtures.seeds]).write(toFile: jsonl, atomically: false, encoding: .utf8)
    let fromParquet = try Self.claims([parquet])
    #expect(fromParquet.split(separator: "\n").count == Fixtures.seedCorpus().claimCount)
    #expect(fromParquet == (try Self.claims([jsonl])))
    #expect(Self.loader.load(paths: [parquet]).warnings.isEmpty)
  }

  @Test(.enabled(if: python != nil, "DuckDB and pyarrow run from the virtual environment `make test` makes (CLAIMSH_SQL_PYTHON)"))
  func readsWhatDuckDBAndPyarrowWrite() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let own = folder.appendingPathComponent("own.parquet").path
    try Self.exportSeeds(to: own)
    let script = #"""
      import sys, duckdb, pyarrow.parquet as pq
      src, out = sys.argv[1], sys.argv[2]
      con = duckdb.connect()
      con.execute(f"create table c as select * from read_parquet('{src}')")
      con.execute(f"copy c to '{out}/duckdb-snappy.parquet' (format parquet)")
      con.execute(f"copy c to '{out}/duckdb-plain.parquet' (format parquet, compression uncompressed)")
      con.execute(f"copy c to '{out}/duckdb-zstd.parquet' (format parquet, compression zstd)")
      con.execute(f"copy c to '{out}/duckdb-v2.parquet' (format parquet, parquet_version v2)")
      t = pq.read_table(src)
      pq.write_table(t, f"{out}/pyarrow-snappy.parquet")
      pq.write_table(t, f"{out}/pyarrow-v2.parquet", data_page_version="2.0")
      pq.write_table(t, f"{out}/pyarrow-plain.parquet", use_dictionary=False, compression="none")
      pq.write_table(t, f"{out}/pyarrow-gzip.parquet", compression="gzip")
      delta = {"text": "DELTA_BYTE_ARRAY", "doc": "DELTA_LENGTH_BYTE_ARRAY", "source": "DELTA_BYTE_ARRAY", "date": "DELTA_BINARY_PACKED"}
      pq.write_table(t, f"{out}/pyarrow-delta.parquet", use_dictionary=False, column_encoding=delta, data_page_version="2.0")
      pq.write_table(t, f"{out}/pyarrow-delta-plain.parquet", use_dictionary=False, column_encoding=delta, compression="none")
      """#
    let run = try Run.process(try #require(Self.python), ["-c", script, own, folder.path])
    try #require(run.status == 0, "\(run.stderr.suffix(1500))")
    let expected = try Self.claims([own])
    for name in [
      "duckdb-snappy", "duckdb-plain", "duckdb-v2", "pyarrow-snappy", "pyarrow-v2", "pyarrow-plain", "pyarrow-delta", "pyarrow-delta-plain",
    ] {
      let path = folder.appendingPathComponent("\(name).parquet").path
      #expect(try Self.claims([path]) == expected, "\(name)")
      #expect(Self.loader.load(paths: [path]).warnings.isEmpty, "\(name)")
    }
    for (name, codec) in [("duckdb-zstd", "ZSTD"), ("pyarrow-gzip", "GZIP")] {
      let path = folder.appendingPathComponent("\(name).parquet").path
      let corpus = Self.loader.load(paths: [path])
      #expect(corpus.claimCount == 0)
      #expect(corpus.warnings.contains { $0.path == path && $0.message.contains("compressed with \(codec)") }, "\(corpus.warnings)")
    }
  }

  @Test func readsDocumentsAndExtractsTheirClaims() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var table = Table(columns: [
      Column("id", .string), Column("title", .string), Column("source", .string), Column("date", .date), Column("text", .string),
    ])
    table.rows = [
      [
        .string("a"), .string("Talks"), .string("Reuters"), .date(Day(parsing: "2025-10-17")!),
        .string("Zelensky said Ukraine needs Tomahawk missiles."),
      ],
      [.null, .null, .string("BBC"), .null, .string("Trump reportedly refused.")],
      [.string("c"), .string("No text"), .null, .null, .null],
    ]
    let path = folder.appendingPathComponent("docs.parquet").path
    var bytes: [UInt8] = []
    ParquetWriter.write(ResultCells(table)) { bytes += $0 }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let corpus = Self.loader.load(paths: [path])
    #expect(corpus.documents.map(\.id) == ["a", "docs.parquet:2"])
    #expect(corpus.documents.first?.date == Day(parsing: "2025-10-17"))
    #expect(corpus.documents.map(\.source) == ["Reuters", "BBC"])
    #expect(corpus.claimCount >= 2)
    #expect(corpus.warnings.map(\.message) == ["no \"text\" value; skipped"])
  }

  /// Found by the load fuzzer: a schema whose root says it has -5 children trapped.
  @Test func aSchemaGroupWithNegativeChildrenIsReported() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let found = try Data(
      contentsOf: Fixtures.root.appendingPathComponent("Tests/Fuzz/regressions/load/parquet-schema-with-negative-children"))
    let path = folder.appendingPathComponent("found.parquet").path
    try found.dropFirst().write(to: URL(fileURLWithPath: path))  // its first byte picked the kind
    let corpus = Self.loader.load(paths: [path])
    #expect(corpus.warnings.map(\.message) == ["skipped: not a readable Parquet file (a schema group with -5 children, at byte 122)"])
  }

  @Test func damagedFilesAreReportedWithTheirPathAndTheRestLoads() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let good = folder.appendingPathComponent("good.parquet").path
    try Self.exportSeeds(to: good, rowGroupRows: 40)
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: good)))
    let article = folder.appendingPathComponent("article.txt").path
    try "Zelensky said Ukraine needs Tomahawk missiles.\n".write(toFile: article, atomically: false, encoding: .utf8)
    let damaged = folder.appendingPathComponent("damaged.parquet").path
    var random = SplitMix64(seed: 12)
    var cases: [[UInt8]] = [
      [], Array("not parquet at all".utf8), Array("PAR1PAR1".utf8), Array(bytes.prefix(bytes.count / 2)), Array(bytes.suffix(200)),
    ]
    for _ in 0..<300 {
      var flipped = bytes
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        flipped[Int.random(in: 0..<flipped.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
      }
      cases.append(flipped)
    }
    var reported = 0
    for damage in cases {
      try Data(damage).write(to: URL(fileURLWithPath: damaged))
      let corpus = Self.loader.load(paths: [damaged, article])
      #expect(corpus.documents.contains { $0.path == article }, "the article after a damaged file must still load")
      if corpus.warnings.contains(where: { $0.path == damaged }) { reported += 1 }
    }
    // the file has no checksums: a flipped byte in a value changes the value, unreported
    #expect(reported >= 5 + 100, "\(reported) of \(cases.count) damaged files reported")
  }

  @Test func snappyDecompressesLiteralsAndOverlappingCopies() throws {
    // "abcabcabcabc": a 3-byte literal, then a copy of 9 bytes from 3 back (overlapping)
    let compressed: [UInt8] = [12, 0x08, 0x61, 0x62, 0x63, (9 - 4) << 2 | 1, 3]
    var out: [UInt8] = []
    try compressed.withUnsafeBufferPointer { try Snappy.decompress($0, expected: 12, into: &out) }
    #expect(String(decoding: out, as: UTF8.self) == "abcabcabcabc")
    for damaged: [UInt8] in [
      [12, 0x08, 0x61], [12, 0x08, 0x61, 0x62, 0x63, (9 - 4) << 2 | 1, 4], [3, 0x08, 0x61, 0x62, 0x63, 0x01, 3],
      [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
    ] {
      var sink: [UInt8] = []
      #expect(throws: ParquetFailure.self) {
        try damaged.withUnsafeBufferPointer { try Snappy.decompress($0, expected: damaged[0] == 12 ? 12 : 3, into: &sink) }
      }
    }
  }
}

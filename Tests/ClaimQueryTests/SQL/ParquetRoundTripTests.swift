// The Parquet writer, on tables made to find its edges: every column type with nulls, empty
// and long lists (level runs of every length, RLE and bit-packed), booleans across byte and
// page boundaries, text in many scripts, values large enough to end pages mid-column, several
// row groups. pyarrow and DuckDB must read back exactly the rows written.
import ClaimCorpus
import ClaimQuery
import ClaimTestSupport
import Foundation
import Testing

@Suite struct ParquetRoundTripTests {
  static let python = ProcessInfo.processInfo.environment["CLAIMSH_SQL_PYTHON"]
  static let columns = [
    Column("n", .int), Column("flag", .bool), Column("name", .string), Column("day", .date), Column("tags", .list),
  ]
  static let words = ["Zelensky", "Mar-a-Lago", "日本語", "naïve café", "\"quoted\"", "it's", "", "a\nb", "emoji 🙂", "Ωμέγα"]

  /// A random table of `rows` rows; about `nulls` of each column's values are null.
  static func table(rows: Int, nulls: Double, seed: UInt64) -> Table {
    var random = SplitMix64(seed: seed)
    func maybe(_ v: Value) -> Value { Double.random(in: 0..<1, using: &random) < nulls ? .null : v }
    var table = Table(columns: columns)
    for r in 0..<rows {
      let word = words[Int.random(in: 0..<words.count, using: &random)]
      // a long value now and then, so text pages end mid-column
      let name = r % 997 == 0 ? String(repeating: word + " ", count: 40_000) : word + " \(r)"
      let count = [0, 0, 1, 3, 8, 9, 20][Int.random(in: 0..<7, using: &random)]
      let tags = (0..<count).map { _ in Value.string(words[Int.random(in: 0..<words.count, using: &random)]) }
      table.rows.append([
        maybe(.int(Int.random(in: -1_000_000...1_000_000, using: &random))),
        maybe(.bool(Bool.random(using: &random))),
        maybe(.string(name)),
        maybe(.date(Day(number: Int32.random(in: -1000...30000, using: &random)))),
        maybe(.list(tags)),
      ])
    }
    return table
  }

  @Test(
    .enabled(if: python != nil, "pyarrow and DuckDB run from the virtual environment `make test` makes (CLAIMSH_SQL_PYTHON)"),
    arguments: [(5_000, 0.0, 1 as UInt64), (5_000, 0.3, 2), (3_000, 1.0, 3), (0, 0.2, 4), (1, 0.0, 5)])
  func pyarrowAndDuckDBReadBackWhatWasWritten(rows: Int, nulls: Double, seed: UInt64) throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let table = Self.table(rows: rows, nulls: nulls, seed: seed)
    let path = folder.appendingPathComponent("t.parquet").path
    var bytes: [UInt8] = []
    ParquetWriter.write(ResultCells(table), rowGroupRows: 1_200) { bytes += $0 }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let expected = folder.appendingPathComponent("expected.jsonl").path
    try Renderer.render(table, RenderSpec(mode: .jsonl)).write(toFile: expected, atomically: false, encoding: .utf8)
    let check = try Run.process(try #require(Self.python), ["-c", Self.reader, path, expected])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr.suffix(1500))")
  }

  /// Reads the file with pyarrow and with DuckDB and compares each with the expected rows.
  static let reader = #"""
    import datetime, json, sys
    import duckdb, pyarrow.parquet
    path, expected = sys.argv[1], [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
    def norm(v):
        if isinstance(v, datetime.date): return v.isoformat()
        if isinstance(v, list): return [norm(x) for x in v]
        return v
    table = pyarrow.parquet.read_table(path)
    arrow = [{k: norm(v) for k, v in r.items()} for r in table.to_pylist()]
    cur = duckdb.connect().execute("SELECT * FROM read_parquet(?)", [path])
    names = [d[0] for d in cur.description]
    duck = [{k: norm(v) for k, v in zip(names, r)} for r in cur.fetchall()]
    for name, got in (("pyarrow", arrow), ("duckdb", duck)):
        if got != expected:
            i = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
            print(f"{name}: {len(got)} rows, expected {len(expected)}; first difference at row {i}: "
                  f"{str(got[i] if i < len(got) else None)[:300]} vs {str(expected[i] if i < len(expected) else None)[:300]}")
            sys.exit(1)
    """#
}

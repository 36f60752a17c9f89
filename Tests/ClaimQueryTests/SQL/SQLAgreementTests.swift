// The SQL back end keeps claimsh's meaning: every claims statement of examples/*.cq and 400
// generated queries, compiled for DuckDB and run over the .parquet and the .jsonl export of the
// seeds and of 10,000 generated claims (through the views `.sql view FILE` prints), give the
// native engine's rows, in the same order; so do the first 45 per corpus compiled for Spark and
// run on Spark local[2]; pyarrow reads the Parquet back as the claims exported. DuckDB, pyarrow
// and PySpark run in the virtual environment `make test` makes ($CLAIMSH_SQL_PYTHON), Spark on
// Java 17.
import ClaimCorpus
import ClaimQuery
import ClaimTestSupport
import Foundation
import Testing

@Suite struct SQLAgreementTests {
  static let python = ProcessInfo.processInfo.environment["CLAIMSH_SQL_PYTHON"]
  static let folder = Fixtures.root.appendingPathComponent("Tests/ClaimQueryTests/SQL")
  /// Queries per corpus that Spark runs too: the first ones, examples included.
  static let sparkQueries = 45

  @Test(.enabled(if: python != nil, "DuckDB runs from the virtual environment `make test` makes (CLAIMSH_SQL_PYTHON)"))
  func duckDBAndSparkGiveTheNativeRows() throws {
    let data = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: data) }
    let generator = Fixtures.root.appendingPathComponent("Tests/ClaimQueryTests/Bench/gen_claims.py").path
    let gen = try Run.process(try #require(Run.which("python3")), [generator, "10000", "--out", data.path])
    #expect(gen.status == 0, "\(gen.stderr)")
    let lexicon = CorpusLoader.defaultLexicon().lexicon
    let corpora = [
      ("seeds", Fixtures.seedCorpus()),
      ("synthetic", CorpusLoader(lexicon: lexicon).load(paths: [data.appendingPathComponent("n10000/claims.jsonl").path])),
    ]
    var spec: [[String: Any]] = []
    var compiled = 0
    for (name, corpus) in corpora {
      var engine = QueryEngine(corpus: corpus)
      let parquet = data.appendingPathComponent("\(name).parquet")
      let handle = try #require(
        FileManager.default.createFile(atPath: parquet.path, contents: nil) ? FileHandle(forWritingAtPath: parquet.path) : nil)
      try ParquetWriter.write(try engine.cells("claims")) { try handle.write(contentsOf: $0) }
      try handle.close()
      let jsonl = data.appendingPathComponent("\(name).jsonl")
      try Renderer.render(try engine.table("claims"), RenderSpec(mode: .jsonl)).write(to: jsonl, atomically: false, encoding: .utf8)
      var views: [String: [String: String]] = [:]
      for dialect in SQLDialect.allCases {
        let compiler = SQLCompiler(dialect: dialect, lexicon: lexicon)
        views[dialect.rawValue] = [
          "parquet": compiler.view(over: parquet.path, format: .parquet), "jsonl": compiler.view(over: jsonl.path, format: .jsonl),
        ]
      }

      var queries: [[String: Any]] = []
      var onSpark = 0
      func add(_ text: String, engine: inout QueryEngine) throws {
        let native = try engine.table(text)
        let sql = try SQLCompiler(dialect: .duckdb, lexicon: lexicon, definitions: engine.definitions).compile(text)
        let rows = try JSONSerialization.jsonObject(
          with: Data(("[" + native.rows.map { "[" + $0.map(\.json).joined(separator: ",") + "]" }.joined(separator: ",") + "]").utf8))
        var query: [String: Any] = ["query": text, "sql": sql, "columns": native.columns.map(\.name), "rows": rows]
        if onSpark < Self.sparkQueries {
          query["spark"] = try SQLCompiler(dialect: .spark, lexicon: lexicon, definitions: engine.definitions).compile(text)
          onSpark += 1
        }
        queries.append(query)
      }
      try add("claims", engine: &engine)
      // the examples, statement by statement, with their let names
      for statement in try Self.exampleStatements() {
        if statement.hasPrefix("let ") {
          _ = engine.run(statement)
        } else if Self.compiledToSQL(statement), (try? engine.table(statement)) != nil {
          try add(statement, engine: &engine)
        }
      }
      var random = try QueryGenerator(seed: name == "seeds" ? 7 : 11, engine: &engine, lexicon: lexicon)
      var generated = 0
      while generated < 400 {
        let text = random.query()
        guard (try? engine.table(text)) != nil else { continue }  // a query claimsh refuses has no SQL to compare
        try add(text, engine: &engine)
        generated += 1
      }
      compiled += queries.count
      spec.append(["name": name, "parquet": parquet.path, "views": views, "queries": queries])
    }
    #expect(compiled >= 2 * 400)
    let specFile = data.appendingPathComponent("spec.json")
    try JSONSerialization.data(withJSONObject: ["corpora": spec]).write(to: specFile)
    let script = Self.folder.appendingPathComponent("agreement.py").path
    let duckdb = try Run.process(try #require(Self.python), [script, "duckdb", specFile.path])
    #expect(duckdb.status == 0, "\(duckdb.stdout.split(separator: "\n").prefix(12).joined(separator: "\n"))\n\(duckdb.stderr)")
    #expect(duckdb.stdout.contains("\(2 * compiled + 2) of \(2 * compiled + 2) agree on duckdb"))
    let spark = try Run.process(try #require(Self.python), [script, "spark", specFile.path])
    #expect(spark.status == 0, "\(spark.stdout.split(separator: "\n").prefix(12).joined(separator: "\n"))\n\(spark.stderr.suffix(2000))")
    #expect(spark.stdout.contains("\(4 * Self.sparkQueries) of \(4 * Self.sparkQueries) agree on spark"))
  }

  /// The statements of examples/*.cq, one per line, without comments and dot-commands.
  /// Whether SQL covers the statement: a query over claims (or a let name of claims), not over
  /// another collection, not combining claim sets, not reading `story` (claimsh works stories
  /// out; an export does not hold them).
  static func compiledToSQL(_ statement: String) -> Bool {
    guard case .query(let q)? = try? Parser.parseStatement(statement) else { return false }
    let elsewhere: Set<String> = ["docs", "entities", "topics", "stories", "citations", "_"]
    return !elsewhere.contains(q.source.text.lowercased()) && q.combined.isEmpty
      && !q.stages.flatMap(\.fieldNames).contains { $0.text.lowercased() == "story" }
  }

  static func exampleStatements() throws -> [String] {
    let folder = Fixtures.root.appendingPathComponent("examples")
    var statements: [String] = []
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".cq") {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      for line in text.split(separator: "\n") {
        let statement = line.trimmingCharacters(in: .whitespaces)
        if !statement.isEmpty, !statement.hasPrefix("--"), !statement.hasPrefix(".") { statements.append(statement) }
      }
    }
    return statements
  }
}

// The evaluator on six hand-made claims: DESIGN.md's semantics, stage by stage.
//
// Groups: matching (any-of, !=, aliases, contains, matches, in, null, dates); stages (group by,
// where after group by, order, limit, count, distinct, select, let); collections; errors.
import ClaimQuery
import ClaimTestSupport
import Testing

@Suite struct EvaluatorTests {
  func ids(_ query: String) throws -> [Int] {
    var engine = QueryEngine(corpus: Fixtures.smallCorpus())
    let table = try engine.table(query)
    let i = try #require(table.columnIndex("id"))
    return table.rows.map { if case .int(let n) = $0[i] { n } else { -1 } }
  }

  func rows(_ query: String) throws -> [[String]] {
    var engine = QueryEngine(corpus: Fixtures.smallCorpus())
    return try engine.table(query).rows.map { $0.map(\.text) }
  }

  func error(_ query: String) -> Diagnostic? {
    var engine = QueryEngine(corpus: Fixtures.smallCorpus())
    do { _ = try engine.table(query) } catch { return error }
    return nil
  }

  /// An export reads a query's cells: claims from the store, a grouped result as its table,
  /// which is then `_`, as after any statement.
  @Test func cellsAreTheTablesCellsAndTheLastResult() throws {
    for query in ["claims where topic = \"Tomahawk\" select id, source", "claims group by source order by source", "docs select id"] {
      var engine = QueryEngine(corpus: Fixtures.smallCorpus())
      let cells = try engine.cells(query)
      let table = try QueryEngine(corpus: Fixtures.smallCorpus()).tableOf(query)
      #expect(cells.columns.map(\.name) == table.columns.map(\.name))
      #expect((0..<cells.count).map { r in cells.columns.indices.map { cells.value(r, $0).text } } == table.rows.map { $0.map(\.text) })
    }
    var engine = QueryEngine(corpus: Fixtures.smallCorpus())
    _ = try engine.cells("claims group by source order by source")
    #expect(try engine.table("_ count").rows.map { $0.map(\.text) } == [[String(try rows("claims group by source").count)]])
  }

  // MARK: matching

  @Test func listFieldsMatchAnyValue() throws {
    #expect(try ids(#"claims where actor = "Trump""#) == [0, 1, 5])
    #expect(try ids(#"claims where topic = "Tomahawk""#) == [0, 1, 4])
  }

  @Test func notEqualIsNotOfEqual() throws {
    #expect(try ids(#"claims where actor != "Trump""#) == [2, 3, 4])
    #expect(try ids(#"claims where not (actor = "Trump")"#) == [2, 3, 4])
    #expect(try ids(#"claims where speaker != "Zelensky""#) == [1, 3, 4, 5])
  }

  @Test func namesIgnoreCaseAndFollowAliases() throws {
    #expect(try ids(#"claims where actor = "zelenskyy""#) == [0, 2])
    #expect(try ids(#"claims where source = "WSJ""#) == [3, 4, 5])
    #expect(try ids(#"claims where source = "wall street journal""#) == [3, 4, 5])
  }

  @Test func containsMatchesAndIn() throws {
    #expect(try ids(#"claims where text contains "SANCTIONS""#) == [3, 5])
    #expect(try ids(#"claims where cited contains "krem""#) == [4])
    #expect(try ids(#"claims where text matches "^T""#) == [1, 4])
    #expect(try ids(#"claims where hedge in ("denied", "opinion")"#) == [4, 5])
    #expect(try ids(#"claims where hedge not in ("denied", "opinion")"#) == [0, 1, 2, 3])
    #expect(try ids(#"claims where topic in ("sanctions", "tomahawk")"#) == [0, 1, 3, 4, 5])
  }

  @Test func nullsAndEmptyLists() throws {
    #expect(try ids("claims where cited is null") == [1, 3, 5])
    #expect(try ids("claims where speaker is not null") == [0, 2])
    #expect(try ids("claims where date is null") == [5])
  }

  @Test func numbersAndDates() throws {
    #expect(try ids("claims where date >= 2025-10-18") == [3, 4])
    #expect(try ids(#"claims where date = "2025-10-17""#) == [0, 1, 2])
    #expect(try ids("claims where id > 3 or id = 0") == [0, 4, 5])
    #expect(try ids("claims where 3 < id") == [4, 5])
  }

  @Test func andOrAndParentheses() throws {
    #expect(try ids(#"claims where topic = "Tomahawk" and (hedge = "hedged" or hedge = "denied")"#) == [1, 4])
    #expect(try ids(#"claims where actor = "Putin" and topic = "sanctions" and not hedge = "opinion""#) == [3])
  }

  // MARK: stages

  @Test func groupByListFieldsGivesOneGroupPerValue() throws {
    #expect(try rows("claims group by actor") == [["Trump", "3"], ["Putin", "2"], ["Zelensky", "2"]])
  }

  @Test func groupsOrderByCountUnlessOrdered() throws {
    #expect(try rows("claims group by source") == [["Axios", "3"], ["Wall Street Journal", "3"]])
    #expect(try rows("claims group by hedge order by hedge desc limit 2") == [["reported", "2"], ["opinion", "1"]])
  }

  @Test func aggregatesAndWhereOnGroups() throws {
    let r = try rows(
      "claims group by topic with count, count(distinct source) as outlets, min(date) as first, list(hedge) as hedges where outlets >= 2")
    #expect(r == [["Tomahawk", "3", "2", "2025-10-17", "denied; hedged; reported"]])
  }

  @Test func selectOrderLimitCountDistinct() throws {
    #expect(try rows("claims select source, hedge distinct order by source limit 2") == [["Axios", "reported"], ["Axios", "hedged"]])
    #expect(try rows("claims where hedge = \"reported\" count") == [["2"]])
    #expect(try ids("claims order by date desc, id limit 3") == [3, 4, 0])
    #expect(try rows("claims select id as n where n < 2") == [["0"], ["1"]])
  }

  @Test func letBindsAndReuses() throws {
    var engine = QueryEngine(corpus: Fixtures.smallCorpus())
    let (_, outcomes) = engine.run(#"let t = claims where topic = "Tomahawk"; t where hedge != "reported" count; t group by source"#)
    #expect(outcomes.count == 3)
    guard case .bound("t", rows: 3, _) = outcomes[0] else { Issue.record("no binding: \(outcomes[0])"); return }
    guard case .table(let count, _) = outcomes[1], case .table(let groups, _) = outcomes[2] else { Issue.record("no tables"); return }
    #expect(count.rows == [[.int(2)]])
    #expect(groups.rows.map { $0.map(\.text) } == [["Axios", "2"], ["Wall Street Journal", "1"]])
  }

  @Test func collections() throws {
    #expect(try rows("docs select id, claims") == [["a.txt", "3"], ["b.txt", "3"]])
    #expect(try rows(#"entities where kind = "person" select name, claims"#) == [["Trump", "3"], ["Putin", "2"], ["Zelensky", "2"]])
    #expect(try rows("topics select name, claims, sources") == [["Tomahawk", "3", "2"], ["sanctions", "3", "1"]])
  }

  // MARK: errors

  @Test func errorsNameTheSpanAndSuggest() {
    #expect(error(#"claims where actr = "x""#)?.suggestion == "'actor'")

    #expect(error(#"claims where id = "x""#)?.id == .typeMismatch)
    #expect(error(#"claims where actor < "x""#)?.id == .typeMismatch)
    #expect(error(#"claims where text matches "(""#)?.id == .invalidRegex)
    #expect(error("claim count")?.suggestion == "'claims'")
    #expect(error("let docs = claims")?.id == .letShadowsCollection)
    #expect(error("claims group by source where cont > 1")?.suggestion == "'count'")
    #expect(error("claims where speaker = null")?.id == .typeMismatch)
  }

  @Test func aCancelledQueryStops() {
    var engine = QueryEngine(corpus: Fixtures.smallCorpus())
    let flag = Cancellation()
    flag.cancel()
    engine.cancellation = flag
    #expect(throws: Diagnostic.self) { try engine.table("claims where hedge = \"denied\" group by source") }
  }
}

// Values absent from the corpus, and values a claims file stores as they were written.
@Suite struct AbsentAndStoredValueTests {
  @Test func anAbsentValueWarnsAndMatchesNothing() {
    var engine = QueryEngine(corpus: Fixtures.smallCorpus())
    let (_, outcomes) = engine.run(#"claims where actor = "Zelenksy" count; claims where actor != "Zelenksy" count"#)
    let warnings = outcomes.compactMap { if case .warning(let d, _) = $0 { d } else { nil } }
    #expect(warnings.count == 2)
    #expect(warnings.allSatisfy { $0.severity == .warning && $0.id == .unknownValue && $0.suggestion == "\"Zelensky\"" })
    let counts = outcomes.compactMap { if case .table(let t, _) = $0 { t.rows[0][0] } else { nil } }
    #expect(counts == [.int(0), .int(6)])
    #expect(!outcomes.contains { if case .failure = $0 { true } else { false } })
  }

  @Test func aFarValueWarnsWithoutASuggestion() {
    var engine = QueryEngine(corpus: Fixtures.smallCorpus())
    let (_, outcomes) = engine.run(#"claims where actor = "Nobody At All" count"#)
    guard case .warning(let d, _) = outcomes.first else { Issue.record("no warning"); return }
    #expect(d.suggestion == nil)
  }

  /// `Patriot` is an alias of `air defense` in the lexicon; a claims file stores both as written.
  @Test func equalityPicksTheGroupsThatGroupByShows() throws {
    let folder = try Fixtures.temporaryFolder()
    let file = folder.appendingPathComponent("c.jsonl")
    let lines = [
      #"{"id":1,"doc":"d","source":"s","text":"a","actors":["Trump"],"topics":["air defense"]}"#,
      #"{"id":2,"doc":"d","source":"s","text":"b","actors":["Trump"],"topics":["Patriot"]}"#,
      #"{"id":3,"doc":"d","source":"s","text":"c","actors":["Trump"],"topics":["Patriot","drones"]}"#,
    ]
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: false, encoding: .utf8)
    let lexicon = Lexicon.parse("topic: air defense = air defence, Patriot\n", path: "l.tsv").0
    var engine = QueryEngine(corpus: CorpusLoader(lexicon: lexicon).load(paths: [file.path]))
    func groups(_ q: String) throws -> [String] { try engine.table(q).rows.map { $0[0].text } }
    #expect(try groups(#"claims where topic = "air defense" group by topic"#) == ["air defense"])
    #expect(try groups(#"claims where topic = "Patriot" group by topic"#) == ["Patriot", "drones"])
    #expect(try groups(#"claims where topic = "air defence" group by topic"#) == ["air defense"])  // an alias of a stored value
    #expect(try groups(#"claims select text, topic where topic = "air defense" select text"#) == ["a"])  // the table path agrees
    #expect(try groups(#"claims select text, topic where topic = "air defence" select text"#) == ["a"])
  }
}

extension QueryEngine {
  /// `table(query)` on a copy.
  fileprivate func tableOf(_ query: String) throws -> Table {
    var engine = self
    return try engine.table(query)
  }
}

// Properties on generated input: the lexer and parser never trap on any string or on a good
// example with any token dropped; generated trees survive print → parse; and on generated
// claims, `f != x` is exactly `not (f = x)` and a list field matches when any value does.
import ClaimCorpus
@testable import ClaimQuery
import ClaimTestSupport
import PropertyBased
import Testing

@Suite struct PropertyTests {
  // MARK: lexer and parser robustness

  static let alphabet: [Character] = Array("claims where group by ()\",'=!<>;\n-_aZ09 \t.é日😀\\") + ["\u{0}", "\u{1B}"]

  @Test func anyStringLexesAndParsesWithRangesInBounds() async {
    await checkProperty(count: 500, input: Gen<Character?>.element(of: Self.alphabet).array(of: 0...80)) { chars in
      let text = String(chars.compactMap { $0 })
      let source = SourceText(text)
      for token in Lexer.tokens(in: source) {
        #expect(token.range.start >= 0 && token.range.end <= source.bytes.count && token.range.start <= token.range.end)
      }
      for item in Parser.parse(text).items {
        if case .failure(let d, _) = item { #expect(d.range.end <= source.bytes.count) }
      }
    }
  }

  static let goodExamples = GrammarTests.grammarExamples

  @Test(arguments: goodExamples) func droppingAnyTokenNeverTraps(_ example: String) {
    let source = SourceText(example)
    let tokens = Lexer.tokens(in: source).filter { $0.kind != .end }
    for dropped in tokens.indices {
      let kept = tokens.enumerated().filter { $0.offset != dropped }.map { source.slice($0.element.range) }
      let mutated = kept.joined(separator: " ")
      let items = Parser.parse(mutated).items
      #expect(!items.isEmpty || mutated.isEmpty)
      var engine = QueryEngine(corpus: Fixtures.smallCorpus())
      _ = engine.run(mutated)
    }
  }

  // MARK: print → parse

  static let names = ["actor", "topic", "source", "hedge", "id", "date", "x_1"]
  static let stringValues = ["Trump", "a \"quoted\" word", "back\\slash", "", "日本"]

  static func expr(_ seed: [Int]) -> Expr {
    var i = 0
    func next(_ n: Int) -> Int {
      defer { i += 1 }
      return seed.isEmpty ? 0 : abs(seed[i % seed.count]) % n
    }
    func literal() -> Expr {
      switch next(4) {
      case 0: return .literal(.string(stringValues[next(stringValues.count)]), nil)
      case 1: return .literal(.integer(next(1000)), nil)
      case 2: return .literal(.date(Day(number: Int32(20000 + next(500)))), nil)
      default: return .literal(.bool(next(2) == 0), nil)
      }
    }
    func field() -> Expr { .field(Name(names[next(names.count)])) }
    func build(_ depth: Int) -> Expr {
      switch depth == 0 ? next(4) : next(8) {
      case 0: return .compare(CompareOp.allCases[next(CompareOp.allCases.count)], field(), literal())
      case 1: return .inList(field(), (0..<next(3) + 1).map { _ in literal() }, negated: next(2) == 0)
      case 2: return .isNull(field(), negated: next(2) == 0)
      case 3: return .compare(.equal, field(), literal())
      case 4, 5: return (next(2) == 0 ? Expr.and : Expr.or)((0..<next(2) + 2).map { _ in build(depth - 1) })
      default: return .not(build(depth - 1))
      }
    }
    return build(3)
  }

  static func statement(_ seed: [Int]) -> Statement {
    let stages: [Stage] = [
      .where(expr(seed)),
      .groupBy([Name("actor"), Name("source")], [Aggregate(.countDistinct, field: Name("doc"), alias: Name("n")), Aggregate(.count)]),
      .orderBy([OrderKey(Name("n"), descending: true)]), .limit(seed.first.map { abs($0) % 50 } ?? 0, nil),
    ]
    let count = seed.count % (stages.count + 1)
    let query = Query(source: Name(seed.count % 2 == 0 ? "claims" : "deep"), stages: Array(stages.prefix(count)))
    return seed.count % 3 == 0 ? .let(Name("deep"), query) : .query(query)
  }

  @Test func generatedTreesSurvivePrintThenParse() async {
    await checkProperty(count: 400, input: Gen<Int>.int(in: -1000...1000).array(of: 0...12)) { seed in
      let tree = Self.statement(seed)
      let printed = tree.description
      let reparsed = try Parser.parseStatement(printed)
      #expect(reparsed.hasSameStructure(as: tree), "\(printed)")
      #expect(reparsed.description == printed)
    }
  }

  // MARK: semantic laws on generated claims

  static let actors = ["Trump", "Zelensky", "Putin"]
  static let topics = ["Tomahawk", "sanctions"]

  static func corpus(_ seed: [Int]) -> Corpus {
    let claims = seed.enumerated().map { (i, n) -> Claim in
      let a = abs(n)
      return Claim(
        id: i, doc: "d\(a % 3)", source: ["Axios", "Wall Street Journal"][a % 2],
        date: a % 5 == 0 ? nil : Day(number: Int32(20000 + a % 7)),
        text: "claim \(i)", actors: actors.enumerated().filter { (a >> $0.offset) & 1 == 1 }.map(\.element),
        speaker: a % 4 == 0 ? nil : actors[a % 3], cited: a % 3 == 0 ? [] : ["a source"],
        topics: topics.enumerated().filter { (a >> ($0.offset + 3)) & 1 == 1 }.map(\.element),
        kind: "statement", hedge: ["asserted", "hedged", "reported"][a % 3])
    }
    return Corpus(documents: [], claims: claims, lexicon: Fixtures.smallLexicon)
  }

  /// The ids of a query's rows; a failed query fails the check (it never reads as "no rows").
  static func ids(_ engine: inout QueryEngine, _ query: String) throws -> Set<Int> {
    let table = try engine.table(query)
    let column = try #require(table.columnIndex("id"), "\(query)")
    return Set(
      try table.rows.map { row in
        guard case .int(let n) = row[column] else { throw PropertyFailure("\(query): id \(row[column])") }
        return n
      })
  }

  @Test func notEqualIsExactlyNotEqual() async {
    await checkProperty(count: 150, input: Gen<Int>.int(in: 0...10_000).array(of: 1...40)) { seed in
      let corpus = Self.corpus(seed)
      var engine = QueryEngine(corpus: corpus)
      let all = Set(0..<seed.count)
      let checks: [(String, String, (Claim) -> Bool)] = [
        ("actor", "Trump", { $0.actors.contains("Trump") }), ("topic", "sanctions", { $0.topics.contains("sanctions") }),
        ("speaker", "Putin", { $0.speaker == "Putin" }), ("source", "Axios", { $0.source == "Axios" }),
        ("hedge", "hedged", { $0.hedge == "hedged" }),
      ]
      for (field, value, holds) in checks {
        let expected = Set(corpus.claims.filter(holds).map(\.id))
        let present = try Self.ids(&engine, "claims where \(field) = \"\(value)\"")
        let absent = try Self.ids(&engine, "claims where \(field) != \"\(value)\"")
        let negated = try Self.ids(&engine, "claims where not (\(field) = \"\(value)\")")
        #expect(present == expected, "\(field)")
        #expect(absent == negated, "\(field)")
        #expect(present.union(absent) == all && present.isDisjoint(with: absent), "\(field)")
      }
    }
  }

  @Test func listFieldsMatchWhenAnyValueDoes() async {
    await checkProperty(count: 150, input: Gen<Int>.int(in: 0...10_000).array(of: 1...40)) { seed in
      let corpus = Self.corpus(seed)
      var engine = QueryEngine(corpus: corpus)
      let grouped = try engine.table("claims group by actor")
      for actor in Self.actors {
        let expected = Set(corpus.claims.filter { $0.actors.contains(actor) }.map(\.id))
        #expect(try Self.ids(&engine, "claims where actor = \"\(actor.uppercased())\"") == expected)
        let group = grouped.rows.first { $0[0] == .string(actor) }
        #expect(group?[1] == (expected.isEmpty ? nil : .int(expected.count)), "\(actor)")
      }
      let either = Set(corpus.claims.filter { $0.topics.contains("Tomahawk") || $0.actors.contains("Putin") }.map(\.id))
      #expect(try Self.ids(&engine, #"claims where topic = "tomahawks" or actor in ("Putin")"#) == either)
    }
  }

  /// Three ways to one grouping: the dense path (coded keys, any number; counts, min and max), the general
  /// path (forced by `min(id)`, which the dense path does not compute) and the table path (grouping a table
  /// made by `select`). Rows and their order must be the same.
  @Test func denseGeneralAndTableGroupingAgree() async {
    await checkProperty(count: 100, input: Gen<Int>.int(in: 0...10_000).array(of: 1...30)) { seed in
      var engine = QueryEngine(corpus: Self.corpus(seed))
      for (keys, with, columns) in [
        ("actor, topic", "count(distinct source) as n", "actor, topic, n"),
        ("speaker", "count, count(distinct topic) as t", "speaker, count, t"),
        ("topic", "count(distinct actor) as a", "topic, a"),
        ("source", "count(distinct speaker) as s, min(date) as d", "source, s, d"),
        ("hedge, topic", "max(speaker) as m, min(actor) as a, max(date) as l", "hedge, topic, m, a, l"),
        ("speaker", "min(topic) as t, count, max(source) as s, min(hedge) as h", "speaker, t, count, s, h"),
        // three keys and more (several list keys, nulls)
        (
          "source, hedge, topic, speaker", "count, count(distinct actor) as a, min(date) as d, max(topic) as t",
          "source, hedge, topic, speaker, count, a, d, t"
        ),
        ("actor, topic, cited, hedge", "count(distinct source) as s", "actor, topic, cited, hedge, s"),
        ("speaker, actor, source", "min(speaker) as m", "speaker, actor, source, m"),
      ] {
        let dense = try engine.table("claims group by \(keys) with \(with)")
        let general = try engine.table("claims group by \(keys) with \(with), min(id) as first select \(columns)")
        let table = try engine.table("claims select id, actor, topic, speaker, source, date, hedge, cited group by \(keys) with \(with)")
        #expect(dense.rows == table.rows, "\(keys)")
        #expect(dense.rows == general.rows, "\(keys)")
      }
      // keys packed into one number, dates and nulls among them, every aggregate
      for (keys, with) in [
        ("actor, topic, date", "count(distinct source) as n"),
        ("source, speaker, date, topic", "count, min(speaker) as s, max(date) as last, list(topic) as ts"),
        ("date, id, speaker", "count(distinct actor) as a"),
      ] {
        let general = try engine.table("claims group by \(keys) with \(with)")
        let table = try engine.table("claims select id, actor, topic, speaker, source, date group by \(keys) with \(with)")
        #expect(general.rows == table.rows, "\(keys)")
      }
    }
  }

  /// Few rows for many possible groups (each claim its own actor and speaker: 205,200 possible
  /// groups of four keys for 60 rows, 68,400 of three for 30): the grouping hashes instead of
  /// zeroing flat arrays for every group, and answers as the table path does.
  @Test func fewRowsForManyPossibleGroupsGroupAlike() throws {
    let claims = (0..<60).map { i in
      Claim(
        id: i, doc: "d", source: ["Axios", "Reuters"][i % 2], date: nil, text: "claim \(i)", actors: ["actor \(i)"],
        speaker: i == 3 ? nil : "speaker \(i)",
        cited: [], topics: ["topic \(i % 19)", "topic \(i % 7)"], kind: "statement", hedge: "asserted")
    }
    var engine = QueryEngine(corpus: Corpus(documents: [], claims: claims, lexicon: Fixtures.smallLexicon))
    for (condition, keys) in [
      ("", "actor, topic, speaker, source"), (#" where source = "Axios""#, "topic, speaker, actor"), ("", "speaker, topic"),
    ] {
      let with = "count(distinct actor) as a, max(speaker) as m"
      let claimsRows = try engine.table("claims\(condition) group by \(keys) with \(with)")
      let table = try engine.table("claims select actor, topic, speaker, source\(condition) group by \(keys) with \(with)")
      #expect(claimsRows.rows == table.rows, "\(condition) \(keys)")
      #expect(!claimsRows.rows.isEmpty)
    }
  }

  /// `order by text` alone (eight bytes at a time) and with `id` after it (comparisons, whole
  /// texts on ties) order alike: texts that share long beginnings, end early, hold NUL bytes or
  /// are equal, ascending and descending, every row and the first few.
  @Test func textOrderEightBytesAtATimeAgreesWithComparisons() async {
    let pieces = ["Zelensky said that ", "Zelensky said ", "a", "b", "\u{0}", "é", " ", "Trump"]
    await checkProperty(count: 200, input: Gen<String?>.element(of: pieces).array(of: 0...6).array(of: 2...40)) { picked in
      let claims = picked.enumerated().map { i, parts in
        Claim(
          id: i, doc: "d", source: "s", date: nil, text: parts.compactMap { $0 }.joined(), actors: [], speaker: nil, cited: [], topics: [],
          kind: "statement", hedge: "asserted")
      }
      var engine = QueryEngine(corpus: Corpus(documents: [], claims: claims, lexicon: Fixtures.smallLexicon))
      for (order, limit) in [("", ""), (" desc", ""), ("", " limit 30"), (" desc", " limit 30"), ("", " limit 2")] {
        let bytes = try engine.table("claims order by text\(order)\(limit) select id")
        let compared = try engine.table("claims order by text\(order), id\(limit) select id")
        #expect(bytes.rows == compared.rows, "order by text\(order)\(limit)")
      }
    }
  }

  /// `order by text limit k` over many rows (one pass keeping the best k, by first eight bytes
  /// and then whole texts) keeps the rows the table path's sort keeps, in order: texts that
  /// share long beginnings, end early or are equal, ascending and descending, after a `where`.
  @Test func textTopKeepsTheRowsOfTheFullSort() async {
    let pieces = ["Zelensky said that ", "Zelensky said ", "a", "b", "\u{0}", "é", " "]
    await checkProperty(count: 60, input: Gen<String?>.element(of: pieces).array(of: 0...5).array(of: 100...400), Gen<Int>.int(in: 1...12))
    { picked, k in
      let claims = picked.enumerated().map { i, parts in
        Claim(
          id: i, doc: "d", source: ["s", "t"][i % 2], date: nil, text: parts.compactMap { $0 }.joined(), actors: [], speaker: nil,
          cited: [], topics: [], kind: "statement", hedge: "asserted")
      }
      var engine = QueryEngine(corpus: Corpus(documents: [], claims: claims, lexicon: Fixtures.smallLexicon))
      for (condition, order) in [("", ""), ("", " desc"), (#" where source = "t""#, ""), (#" where source = "s""#, " desc")] {
        let top = try engine.table("claims\(condition) order by text\(order) limit \(k) select id")
        let sorted = try engine.table("claims\(condition) select id, text order by text\(order) limit \(k) select id")
        #expect(top.rows == sorted.rows, "\(condition) order by text\(order) limit \(k)")
      }
    }
  }

  /// Text tests over enough claims to run on every core, each core with its own plan (and its
  /// own pattern matcher), keep exactly the rows the table path keeps, in order.
  @Test func textTestsOnEveryCoreKeepTheRowsOfTheTablePath() throws {
    let words = ["Zelensky", "said", "Tomahawk", "missiles", "café", "Trump", "and", "the"]
    var generator = SplitMix64(seed: 7)
    let claims = (0..<(QueryEngine.parallelRows * 2 + 17)).map { i in
      let text = (0..<Int(generator.next() % 7)).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
      return Claim(
        id: i, doc: "d\(i % 5)", source: "s", date: nil, text: text, actors: [], speaker: nil, cited: [], topics: [], kind: "statement",
        hedge: "asserted")
    }
    var engine = QueryEngine(corpus: Corpus(documents: [], claims: claims, lexicon: Fixtures.smallLexicon))
    for test in [
      #"text matches "Tom[a-z]+ m""#, #"text matches "(?i)^zelensky""#, #"text contains "café""#, #"text = "Trump said""#,
      #"not text matches "the$" and doc != "d1""#, #"text > "Trump""#,
    ] {
      let claims = try engine.table("claims where \(test) select id")
      let table = try engine.table("claims select id, text, doc where \(test) select id")
      #expect(claims.rows == table.rows, "\(test)")
      #expect(!claims.rows.isEmpty, "\(test)")
    }
  }

  /// `distinct` on claims (by codes and bytes) and on a table (by values) keep the same rows.
  @Test func distinctByCodesAgreesWithDistinctByValues() async {
    await checkProperty(count: 100, input: Gen<Int>.int(in: 0...10_000).array(of: 1...30)) { seed in
      var engine = QueryEngine(corpus: Self.corpus(seed))
      for fields in ["source", "actor, speaker", "date, topic, hedge", "text", "id, source", "speaker, hedge, source", "hedge, speaker"] {
        let codes = try engine.table("claims select \(fields) distinct")
        let values = try engine.table("claims select id, \(fields) select \(fields) distinct")
        #expect(codes.rows == values.rows, "\(fields)")
      }
      // every claim has its own id: none is dropped
      #expect(try engine.table("claims distinct").rows == engine.table("claims").rows)
    }
  }

  /// `order by text` on claims (eight bytes as a number, then the whole texts) and on a table
  /// (by values) give the same order, with and without a limit.
  @Test func textOrderByBytesAgreesWithTextOrderByValues() async {
    await checkProperty(count: 100, input: Gen<Int>.int(in: 0...10_000).array(of: 1...30), Gen<Int>.int(in: 1...6)) { seed, k in
      // texts alike in their first eight bytes and more, some equal, one short
      var corpus = Self.corpus(seed)
      for i in corpus.claims.indices {
        let n = abs(seed[i])
        corpus.claims[i].text = n % 11 == 0 ? "Same" : "Same first words, \(n % 4) then \(n % 9)"
      }
      corpus = Corpus(documents: [], claims: corpus.claims, lexicon: corpus.lexicon)
      var engine = QueryEngine(corpus: corpus)
      for order in ["text", "text desc", "hedge, text desc", "text, id desc"] {
        for limit in ["", " limit \(k)"] {
          let claims = try engine.table("claims order by \(order)\(limit) select id")
          let table = try engine.table("claims select id, text, hedge order by \(order)\(limit) select id")
          #expect(claims.rows == table.rows, "order by \(order)\(limit)")
        }
      }
    }
    #expect(ClaimOrdering.compare(Array("abcdefgh".utf8)[...], Array("abcdefghi".utf8)[...]) == -1)
    #expect(ClaimOrdering.prefix(Array("\u{FF}".utf8)[...]) > ClaimOrdering.prefix(Array("z".utf8)[...]))
  }

  @Test func packedKeysUnpackToTheirCodes() async {
    await checkProperty(count: 300, input: Gen<Int>.int(in: 0...40).array(of: 1...5), Gen<Int>.int(in: -50...50)) { widths, low in
      let fields = widths.map { w in
        ClaimGrouping.FieldCodes(field: .id, each: { _, _ in }, decode: { .int(Int($0)) }, rank: { $0 }, low: Int64(low), width: Int64(w))
      }
      guard let packing = Packing(fields) else {
        Issue.record("small widths must pack")
        return
      }
      // each field's highest code, lowest code and null, packed and unpacked
      for pick in 0..<3 {
        let codes = widths.map { w in pick == 2 || w == 0 ? Grouping.null : Int64(low) + (pick == 0 ? 0 : Int64(w) - 1) }
        let key = codes.indices.reduce(Int64(0)) { $0 + packing.digit($1, codes[$1]) * packing.place[$1] }
        #expect(packing.unpack(key) == codes, "\(widths) \(codes)")
      }
    }
    let huge = ClaimGrouping.FieldCodes(
      field: .id, each: { _, _ in }, decode: { .int(Int($0)) }, rank: { $0 }, low: 0, width: Int64.max / 4)
    #expect(Packing([huge, huge]) == nil, "keys that do not fit one number take the general path")
    let wide = Packing(spans: [(0, 1 << 20)])!
    #expect(!wide.isFlat(rows: 10), "no flat array of a million keys for ten rows")
    #expect(wide.isFlat(rows: 1 << 20))
    #expect(!Packing(spans: [(0, 1 << 12), (0, 1 << 12)])!.isFlat(rows: 1 << 30), "a flat array is small")
  }

  @Test func dateIndexScanAgreesWithSortingAScan() async {
    await checkProperty(count: 100, input: Gen<Int>.int(in: 0...10_000).array(of: 1...40), Gen<Int>.int(in: 1...8)) { seed, k in
      var engine = QueryEngine(corpus: Self.corpus(seed))
      for (condition, order) in [
        ("date >= 1970-01-02", "date desc, id"), (#"hedge = "hedged""#, "date, id desc"),
        ("date <= 1970-01-05 and date > 1970-01-01", "date desc, hedge"),
      ] {
        let indexed = try engine.table("claims where \(condition) order by \(order) limit \(k) select id")
        let scanned = try engine.table("claims select id, date, hedge where \(condition) order by \(order) limit \(k) select id")
        #expect(indexed.rows == scanned.rows, "\(condition) order by \(order) limit \(k)")
      }
    }
  }

  @Test func dateIndexIsTheSortedOrderOfRows() async {
    await checkProperty(count: 200, input: Gen<Int>.int(in: -3...40).array(of: 0...60), Gen<Int>.int(in: 1...3)) { days, spread in
      // spread 3 puts the days far apart, past the counting sort's range
      let scale: [Int] = [1, 30, 1_000_000]
      let dates: [Int32] = days.map { day in day < 0 ? ClaimStore.noDate : Int32(day * scale[spread - 1]) }
      let sorted: [Int32] = (0..<dates.count).sorted { a, b in (dates[a], a) < (dates[b], b) }.map { Int32($0) }
      #expect(ClaimStore.dateIndex(dates) == sorted)
    }
  }

  @Test func textSearchOverSegmentsFindsWhatANaiveSearchFinds() async {
    await checkProperty(count: 200, input: Gen<Int>.int(in: 0...5).array(of: 0...30), Gen<Int>.int(in: 0...30).array(of: 0...4)) {
      words, cuts in
      // texts of "ab" and "ba" pieces: "aba" matches inside a text, or across two, which must not count
      let texts = words.map { String(repeating: "ab", count: $0 % 3) + String(repeating: "BA", count: $0 / 3) }
      var column = TextColumn()
      for (k, t) in texts.enumerated() {
        if Set(cuts).contains(k) { column.startSegment(capacity: 0) }
        column.append(t)
      }
      let naive = texts.indices.filter { texts[$0].lowercased().contains("aba") }.map { Int32($0) }
      let found = try TextSearch.rows(containing: Array("aba".utf8), in: column, cancellation: nil, at: nil)
      #expect(found == naive)
    }
  }

  @Test func columnStoreAndTablePathsAgree() async {
    await checkProperty(count: 100, input: Gen<Int>.int(in: 0...10_000).array(of: 1...30)) { seed in
      let corpus = Self.corpus(seed)
      var engine = QueryEngine(corpus: corpus)
      let conditions: [(String, (Claim) -> Bool)] = [
        (#"text contains "AIM 1""#, { $0.text.lowercased().contains("aim 1") }), (#"actor = "Trump""#, { $0.actors.contains("Trump") }),
        (#"topic != "sanctions""#, { !$0.topics.contains("sanctions") }), (#"cited is null"#, { $0.cited.isEmpty }),
        (#"speaker in ("Putin", "Trump")"#, { c in c.speaker.map { ["Putin", "Trump"].contains($0) } ?? false }),
        (#"hedge contains "ED""#, { $0.hedge.contains("ed") }),
        ("date >= 1970-01-01", { $0.date != nil }),
      ]
      for (condition, holds) in conditions {
        let direct = try engine.table("claims where \(condition) select id")
        let viaTable = try engine.table("claims select id, text, actor, topic, cited, speaker, hedge, date where \(condition) select id")
        #expect(direct.rows == viaTable.rows, "\(condition)")
        #expect(try Self.ids(&engine, "claims where \(condition)") == Set(corpus.claims.filter(holds).map(\.id)), "\(condition)")
      }
    }
  }
}

/// A property's input broke an assumption the check makes.
struct PropertyFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

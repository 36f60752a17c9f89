/// Runs the query language over a corpus: parse, plan, evaluate, and return typed tables or
/// diagnostics. No terminal I/O: embed it in programs and tests.
///
///     import ClaimQuery
///     let corpus = CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon).load(paths: ["seeds"])
///     var engine = QueryEngine(corpus: corpus)
///     let table = try engine.table("claims where actor = \"Zelensky\" group by source")
public struct QueryEngine: Sendable {
  /// The corpus queried.
  public let corpus: Corpus
  let store: ClaimStore
  /// The `docs`, `entities` and `topics` tables, built on first use and kept (the corpus
  /// never changes under an engine).
  private let collections = CollectionCache()
  /// Results bound with `let`, by name.
  public private(set) var bindings: [String: Binding] = [:]
  /// The query each `let` name was bound to, written over a collection (a name used in it is
  /// replaced by its own query): what the SQL compiler expands a name to.
  public private(set) var definitions: [String: Query] = [:]
  /// The last statement's result: what `_` names.
  public internal(set) var last: Binding? = nil
  /// Polled while a query runs; set it to stop the query.
  public var cancellation: Cancellation?
  /// The running statement's warnings.
  let warnings = WarningLog()

  /// What a `let` name holds: claims (kept as rows of the column store) or a table.
  public enum Binding: Sendable {
    /// Claims, as rows of the store.
    case claims([Int32])
    /// A materialised table.
    case table(Table)
  }

  /// Builds the column store for `corpus`.
  /// - Complexity: O(claims + values).
  public init(corpus: Corpus) {
    self.corpus = corpus
    self.store = ClaimStore(columns: corpus.columns, lexicon: corpus.lexicon)
  }

  /// What one statement of a script did.
  public enum Outcome: Sendable {
    /// A warning about the statement that follows it, which ran (`topic = "X"` when no claim has
    /// topic X: it matches nothing).
    case warning(Diagnostic, SourceRange)
    /// A query's result.
    case table(Table, SourceRange)
    /// `let name = …` bound `rows` rows.
    case bound(String, rows: Int, SourceRange)
    /// The statement failed.
    case failure(Diagnostic, SourceRange)
  }

  /// Runs every statement of `script` in order; a failed statement does not stop the rest.
  public mutating func run(_ script: String) -> (source: SourceText, outcomes: [Outcome]) {
    run(SourceText(script))
  }

  /// Runs every statement of `source` (a script, or a stretch of one that knows its first line).
  public mutating func run(_ source: SourceText) -> (source: SourceText, outcomes: [Outcome]) {
    let (source, items) = Parser.parse(source)
    var outcomes: [Outcome] = []
    for item in items {
      switch item {
      case .failure(let d, let range): outcomes.append(.failure(d, range))
      case .statement(let statement, let range):
        _ = warnings.take()
        do throws(Diagnostic) {
          let outcome = try execute(statement, range: range)
          outcomes += warnings.take().map { .warning($0, range) }
          outcomes.append(outcome)
        } catch {
          outcomes += warnings.take().map { .warning($0, range) }
          outcomes.append(.failure(error, range))
        }
      }
    }
    return (source, outcomes)
  }

  /// Runs one query and returns its table, or throws its first error. Its warnings (a value
  /// the corpus lacks) wait for `takeWarnings()`; `run` gives them as `.warning` outcomes.
  public mutating func table(_ query: String) throws(Diagnostic) -> Table {
    _ = warnings.take()
    let statement = try Parser.parseStatement(query)
    switch try execute(statement, range: SourceRange(start: 0, end: query.utf8.count)) {
    case .table(let t, _): return t
    case .bound(let name, _, _): return try evaluate(Query(source: Name(name)))
    case .failure(let d, _), .warning(let d, _): throw d
    }
  }

  /// The warnings of the last `table` or `cells` call, in order; each is given once.
  public func takeWarnings() -> [Diagnostic] { warnings.take() }

  /// Runs one parsed statement.
  public mutating func execute(_ statement: Statement, range: SourceRange) throws(Diagnostic) -> Outcome {
    switch statement {
    case .query(let q):
      let relation = try relation(q)
      switch relation {
      case .claims(let rows): last = .claims(rows ?? (0..<store.count).map(Int32.init))
      case .table(let t, _): last = .table(t)
      }
      return .table(try result(relation, q), range)
    case .let(let name, let q):
      if Collections.names.contains(name.text.lowercased()) {
        throw Diagnostic(.letShadowsCollection, "'\(name.text)' is a collection; choose another name", at: name.range ?? range)
      }
      let relation = try relation(q)
      definitions[name.text] = Self.expanded(q, definitions)
      switch relation {
      case .claims(let rows):
        let all = rows ?? (0..<store.count).map(Int32.init)
        bindings[name.text] = .claims(all)
        last = .claims(all)
        return .bound(name.text, rows: all.count, range)
      case .table(let t, _):
        bindings[name.text] = .table(t)
        last = .table(t)
        return .bound(name.text, rows: t.rows.count, range)
      }
    }
  }

  /// `query` with a `let` name it starts from replaced by that name's query.
  static func expanded(_ query: Query, _ definitions: [String: Query]) -> Query {
    guard query.combined.isEmpty, let bound = definitions[query.source.text] else { return query }
    return Query(source: bound.source, combined: bound.combined, stages: bound.stages + query.stages)
  }

  /// Evaluates a query to a table.
  public func evaluate(_ query: Query) throws(Diagnostic) -> Table {
    try result(relation(query), query)
  }

  /// The table a query's relation gives.
  func result(_ relation: Relation, _ query: Query) throws(Diagnostic) -> Table {
    switch relation {
    case .claims(let rows): return materialize(rows, fields: Self.claimFields(query))
    case .table(let t, _): return t
    }
  }

  /// A query's result while stages run: claims rows of the store, or a table and its name.
  enum Relation {
    case claims([Int32]?)
    case table(Table, String)
  }

  func relation(_ query: Query) throws(Diagnostic) -> Relation {
    let input = try combined(query)
    let (_, physical) = try plans(query, input)
    // one cancellation point per operator; the operators poll inside their loops too
    let at = query.source.range
    var table: (Table, String)
    switch physical.pipeline {
    case .table(let t, let name, _):
      table = (t, name)
    case .claims(var rows, let operators, let then):
      for op in operators {
        try cancellation.check(at: at)
        rows = try run(op, on: rows)
      }
      guard let (conversion, _) = then else { return .claims(rows) }
      try cancellation.check(at: at)
      table = try convert(rows, by: conversion)
    }
    for op in physical.tableOperators {
      try cancellation.check(at: at)
      table = (try run(op, on: table.0), op.output)
    }
    return .table(table.0, table.1)
  }

  /// The logical plan of `query` (as written, for `.explain`) and the physical plan of its
  /// fused form, over `input`.
  func plans(_ query: Query, _ input: Relation) throws(Diagnostic) -> (LogicalPlan, PhysicalPlan) {
    let logical: LogicalPlan
    switch input {
    case .claims(let rows):
      logical = try Planner.plan(query, source: rows == nil ? .claims : .claimsBinding(query.source.text), schema: Planner.claims)
    case .table(let t, let name):
      logical = try Planner.plan(
        query, source: .table(name), schema: LogicalPlan.Schema(columns: t.columns, isClaims: false, collection: name))
    }
    let allClaims: Bool
    if case .claims(nil) = input { allClaims = true } else { allClaims = false }
    let fused = Fusion.fused(logical, allClaims: allClaims)
    return (fused, PhysicalPlan.plan(fused, input: input, store: store))
  }

  /// The fields claims rows of `query` are materialised with: the stored ones, and `story`
  /// when a stage names it (worked out over all claims, it is left out unless asked for).
  static func claimFields(_ query: Query) -> [ClaimField] {
    query.stages.contains { $0.fieldNames.contains { ClaimField(named: $0.text) == .story } } ? ClaimField.allCases : ClaimField.stored
  }

  /// Runs one claims operator over `rows` (nil: all claims).
  func run(_ op: PhysicalPlan.ClaimsOperator, on rows: [Int32]?) throws(Diagnostic) -> [Int32]? {
    switch op {
    case .firstByDate(let predicate, let keys, let n, let bounds):
      let filter = ClaimFilter(store: store, warnings: warnings, cancellation: cancellation)
      return try DateIndexScan(store: store, cancellation: cancellation).run(
        test: filter.test(try filter.plan(predicate)), keys: keys, limit: n, bounds: bounds)
    case .filter(let predicate, _):
      let filter = ClaimFilter(store: store, warnings: warnings, cancellation: cancellation)
      return try select(filter.plan(predicate), predicate, from: rows)
    case .sort(let keys, let limit):
      return try ClaimOrdering(store: store, cancellation: cancellation).sort(rows, by: keys, limit: limit)
    case .limit(let n):
      let kept = rows ?? (0..<Int32(min(max(0, n), store.count))).map { $0 }
      return Array(kept.prefix(max(0, n)))
    case .distinct(let fields):
      return try ClaimDistinct(store: store, cancellation: cancellation).rows(rows, fields: fields, at: nil)
    }
  }

  /// Makes a table of claims `rows` (nil: all).
  func convert(_ rows: [Int32]?, by conversion: PhysicalPlan.Conversion) throws(Diagnostic) -> (Table, String) {
    switch conversion {
    case .count:
      return (Table(columns: [Column("count", .int)], rows: [[.int(rows?.count ?? store.count)]]), "the count")
    case .group(let plan):
      let table: Table
      switch try GroupStrategy.choose(plan, rows: rows?.count ?? store.count, store: store, cancellation: cancellation) {
      case .dense(let layout):
        table = try DenseGrouping(store: store, cancellation: cancellation).group(rows: rows, layout, at: plan.range)
      case .codes(let keys, let packing, let flat):
        table = try ClaimGrouping(store: store, cancellation: cancellation).group(
          rows: rows, keys: keys, packing: packing, flat: flat, plan)
      }
      return (table, "the grouped claims")
    case .select(let fields, let columns):
      return (Table(columns: columns, rows: materialize(rows, fields: fields).rows), "claims")
    case .materialize(let fields):
      return (materialize(rows, fields: fields), "claims")
    }
  }

  /// Runs one operator of the general path over table `t`.
  func run(_ op: PhysicalPlan.TableOperator, on t: Table) throws(Diagnostic) -> Table {
    let tables = TableEvaluator(matcher: Matcher(lexicon: corpus.lexicon), cancellation: cancellation, warnings: warnings)
    switch op.kind {
    case .filter(let predicate, let range): return try tables.filter(t, predicate, at: range)
    case .group(let keys, let aggregates, let arguments): return tables.group(t, keys: keys, aggregates: aggregates, arguments: arguments)
    case .select(let indices, let columns): return tables.select(t, indices, as: columns)
    case .order(let keys): return tables.order(t, keys)
    case .limit(let n): return Table(columns: t.columns, rows: Array(t.rows.prefix(max(0, n))))
    case .count: return Table(columns: [Column("count", .int)], rows: [[.int(t.rows.count)]])
    case .distinct: return tables.distinct(t)
    }
  }

  /// The query's source, with the claim sets it combines (`a and b`, `a or b`, `a minus b`,
  /// left to right): rows in the store's order.
  func combined(_ query: Query) throws(Diagnostic) -> Relation {
    let first = try source(query.source)
    guard !query.combined.isEmpty else { return first }
    func claims(_ relation: Relation, _ name: Name) throws(Diagnostic) -> [Bool] {
      switch relation {
      case .claims(nil): return [Bool](repeating: true, count: store.count)
      case .claims(let rows?):
        var bits = [Bool](repeating: false, count: store.count)
        for r in rows { bits[Int(r)] = true }
        return bits
      case .table(_, let holds):
        throw Diagnostic(
          .typeMismatch, "'\(name.text)' holds a table (\(holds)); and, or and minus combine sets of claims",
          at: name.range ?? SourceRange(start: 0, end: 0))
      }
    }
    var bits = try claims(first, query.source)
    for term in query.combined {
      try cancellation.check(at: term.name.range)
      let other = try claims(try source(term.name), term.name)
      for r in bits.indices {
        switch term.op {
        case .and: bits[r] = bits[r] && other[r]
        case .or: bits[r] = bits[r] || other[r]
        case .minus: bits[r] = bits[r] && !other[r]
        }
      }
    }
    return .claims(bits.indices.filter { bits[$0] }.map(Int32.init))
  }

  func source(_ name: Name) throws(Diagnostic) -> Relation {
    switch name.text.lowercased() {
    case "claims": return .claims(nil)
    case "_":
      switch last {
      case .claims(let rows): return .claims(rows)
      case .table(let t): return .table(t, "the last result")
      case nil:
        throw Diagnostic(
          .unknownCollection, "no result yet: '_' is the last statement's result", at: name.range ?? SourceRange(start: 0, end: 0))
      }
    case "docs": return .table(collections.table("docs") { Collections.docs(corpus, store) }, "docs")
    case "entities": return .table(collections.table("entities") { Collections.entities(corpus, store) }, "entities")
    case "topics": return .table(collections.table("topics") { Collections.topics(corpus, store) }, "topics")
    case "stories":
      _ = try store.stories.clusters(cancellation, at: name.range)  // built here, where Ctrl-C can stop it
      return .table(collections.table("stories") { StoryTables.stories(StoryTables.details(corpus, store), store) }, "stories")
    case "citations":
      _ = try store.stories.clusters(cancellation, at: name.range)
      return .table(collections.table("citations") { StoryTables.citations(corpus, store) }, "citations")
    default:
      switch bindings[name.text] {
      case .claims(let rows): return .claims(rows)
      case .table(let t): return .table(t, name.text)
      case nil:
        let candidates = Collections.names + bindings.keys.sorted()
        let suggestion = Suggestions.nearest(to: name.text, in: candidates).map { "'\($0)'" }
        throw Diagnostic(
          .unknownCollection, "unknown collection '\(name.text)'", at: name.range ?? SourceRange(start: 0, end: 0),
          suggestion: suggestion, notes: suggestion == nil ? ["collections: \(candidates.joined(separator: ", "))"] : [])
      }
    }
  }

  /// The rows of `plan` (of `predicate`) among `rows` (nil: all claims), in `rows`' order. A
  /// test that reads the texts runs on every core over many rows, each core with a plan of its
  /// own (a pattern's matcher is not shared).
  func select(_ plan: ClaimFilter.Plan, _ predicate: LogicalPlan.Predicate, from rows: [Int32]?) throws(Diagnostic) -> [Int32] {
    let range = predicate.range
    switch plan {
    case .rows(let matching):
      guard let rows else { return matching }
      let keep = ClaimFilter(store: store, warnings: warnings, cancellation: cancellation).test(plan)
      return rows.filter { keep(Int($0)) }
    case .test(let cost, let test):
      let total = rows?.count ?? store.count
      if cost == .text, Self.cores > 1, total >= Self.parallelRows {
        // each core its own plan, its patterns compiled again (ICU's matcher is not shared)
        var tests = [test]
        for _ in 1..<Self.cores {
          let filter = ClaimFilter(store: store, cancellation: cancellation)
          tests.append(filter.test(try filter.plan(predicate.withOwnPatterns())))
        }
        return try Self.selectInParallel(tests, rows: rows, total: total, cancellation: cancellation, at: range)
      }
      var out: [Int32] = []
      for k in 0..<total {
        try cancellation.poll(k, at: range)
        let row = rows.map { Int($0[k]) } ?? k
        if test(row) { out.append(Int32(row)) }
      }
      return out
    }
  }

  /// The claims `rows` (nil: all) as a table of `fields`.
  func materialize(_ rows: [Int32]?, fields: [ClaimField]) -> Table {
    let all = rows ?? (0..<store.count).map(Int32.init)
    return Table(columns: fields.map(\.column), rows: all.map { r in fields.map { store.value($0, Int(r)) } })
  }
}

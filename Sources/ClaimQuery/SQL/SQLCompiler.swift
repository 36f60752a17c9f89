import ClaimCorpus

/// Compiles a query over `claims` to one SQL statement with claimsh's meaning, over a `claims`
/// table with the columns `.export FILE.parquet` writes (one per claim field; actor, cited and
/// topic are lists of text).
///
/// Each stage becomes a common table expression that carries the rows' order in a hidden
/// `__ord` column, so a stable `order by`, `limit` and the final order are claimsh's:
///
///     let sql = try SQLCompiler(dialect: .duckdb, lexicon: lexicon)
///       .compile("claims where actor = \"Zelensky\" group by source")
///
/// Where the engines differ, the SQL says what claimsh means: a comparison is any-of on a list
/// field, never NULL (`coalesce(…, false)`, so `not` keeps claims with no value), `!=` is `not
/// (=)`; `group by` a list field puts a claim once in each distinct value's group, and nowhere
/// when its list is empty; names compare case-insensitively and through the lexicon's aliases
/// (a literal stands for the values written as it is in any case, else for its canonical name:
/// the test is in the SQL, so it holds on any export); nulls sort first.
public struct SQLCompiler: Sendable {
  /// The engine compiled for.
  public let dialect: SQLDialect
  /// Gives each name literal its canonical name.
  public let lexicon: Lexicon
  /// The queries `let` names stand for (`QueryEngine.definitions`).
  public var definitions: [String: Query]

  /// Creates a compiler.
  public init(dialect: SQLDialect, lexicon: Lexicon, definitions: [String: Query] = [:]) {
    self.dialect = dialect
    self.lexicon = lexicon
    self.definitions = definitions
  }

  /// The SQL for one statement; throws the query's first syntax, name or type error.
  public func compile(_ text: String) throws(Diagnostic) -> String {
    let statement = try Parser.parseStatement(text)
    switch statement {
    case .query(let q): return try compile(q)
    case .let(let name, _):
      throw Diagnostic(
        .expectedStage, "'let' binds a result in claimsh; run it, then compile a query that uses '\(name.text)'",
        at: name.range ?? SourceRange(start: 0, end: 0))
    }
  }

  /// The SQL for one query.
  public func compile(_ written: Query) throws(Diagnostic) -> String {
    let query = QueryEngine.expanded(written, definitions)
    guard query.source.text.lowercased() == "claims" else {
      throw Diagnostic(
        .unknownCollection, "SQL is compiled over the exported claims; '\(query.source.text)' is not exported",
        at: query.source.range ?? SourceRange(start: 0, end: 0), notes: ["start the query with 'claims'"])
    }
    if let term = query.combined.first {
      throw Diagnostic(
        .unknownCollection, "'\(term.op.rawValue)' combines claim sets in claimsh; SQL is compiled for one query over the exported claims",
        at: term.name.range ?? SourceRange(start: 0, end: 0), notes: ["write it as one query with where … and/or/not …"])
    }
    if let story = query.stages.flatMap(\.fieldNames).first(where: { ClaimField(named: $0.text) == .story }) {
      throw Diagnostic(
        .unknownField, "'story' is worked out by claimsh over all claims; an export of claims does not hold it",
        at: story.range ?? SourceRange(start: 0, end: 0),
        notes: ["run the query in claimsh, or export its result: .export FILE.parquet QUERY"])
    }
    let plan = try Planner.plan(query, source: .claims, schema: Planner.claims)
    var ctes = ["s0 AS (SELECT *, \(quoted("id")) AS __ord FROM claims)"]
    var name = "s0"
    for node in plan.nodes {
      name = emit(node, from: name, &ctes)
    }
    let columns = plan.schema.columns.map { quoted($0.name) }.joined(separator: ", ")
    return "WITH\n  " + ctes.joined(separator: ",\n  ") + "\nSELECT \(columns) FROM \(name) ORDER BY __ord\(dialect.terminator)\n"
  }

  /// Adds the common table expressions of one stage, reading `previous`; returns the last one's name.
  func emit(_ node: LogicalPlan.Node, from previous: String, _ ctes: inout [String]) -> String {
    func next(_ body: String) -> String {
      let name = "s\(ctes.count)"
      ctes.append("\(name) AS (\(body))")
      return name
    }
    let inputColumns = node.input.columns.map { quoted($0.name) }.joined(separator: ", ")
    switch node.step {
    case .filter(let predicate):
      return next("SELECT * FROM \(previous) WHERE \(sql(predicate, node.input, previous))")
    case .group(_, let keyColumns, let aggregates, let arguments):
      return group(keyColumns, aggregates, arguments, node, from: previous, &ctes)
    case .select(_, let indices):
      let parts = zip(indices, node.output.columns).map { i, c in "\(quoted(node.input.columns[i].name)) AS \(quoted(c.name))" }
      return next("SELECT \(parts.joined(separator: ", ")), __ord FROM \(previous)")
    case .orderBy(let keys, let indices):
      let parts = zip(keys, indices).map { key, i -> String in
        let c = node.input.columns[i]
        // on claims a list sorts by its smallest value (ClaimOrdering); in a table, item by item
        let expression = node.input.isClaims && c.type == .list ? dialect.extreme("min", quoted(c.name)) : quoted(c.name)
        return expression + (key.descending ? " DESC NULLS LAST" : " ASC NULLS FIRST")
      }
      return next("SELECT \(inputColumns), row_number() OVER (ORDER BY \(parts.joined(separator: ", ")), __ord) AS __ord FROM \(previous)")
    case .limit(let n):
      return next("SELECT * FROM \(previous) ORDER BY __ord LIMIT \(max(0, n))")
    case .count:
      return next("SELECT count(*) AS \(quoted("count")), 0 AS __ord FROM \(previous)")
    case .distinct:
      return next("SELECT \(inputColumns), min(__ord) AS __ord FROM \(previous) GROUP BY \(inputColumns)")
    case .topK, .firstByDate, .selectDistinct:
      // the SQL is compiled from the plan as written, but a fused step compiles as its parts
      return node.parts.reduce(previous) { emit($1, from: $0, &ctes) }
    }
  }

  func quoted(_ name: String) -> String { dialect.identifier(name) }
}

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
      throw Diagnostic(.expectedStage, "'let' binds a result in claimsh; run it, then compile a query that uses '\(name.text)'", at: name.range ?? SourceRange(start: 0, end: 0))
    }
  }

  /// The SQL for one query.
  public func compile(_ written: Query) throws(Diagnostic) -> String {
    let query = QueryEngine.expanded(written, definitions)
    guard query.source.text.lowercased() == "claims" else {
      throw Diagnostic(.unknownCollection, "SQL is compiled over the exported claims; '\(query.source.text)' is not exported",
        at: query.source.range ?? SourceRange(start: 0, end: 0), notes: ["start the query with 'claims'"])
    }
    var state = Relation(
      name: "s0", columns: ClaimField.allCases.map(\.column), isClaims: true, collection: "claims")
    var ctes = ["s0 AS (SELECT *, \(quoted("id")) AS __ord FROM claims)"]
    for stage in query.stages {
      try apply(stage, to: &state, ctes: &ctes)
    }
    let columns = state.columns.map { quoted($0.name) }.joined(separator: ", ")
    return "WITH\n  " + ctes.joined(separator: ",\n  ") + "\nSELECT \(columns) FROM \(state.name) ORDER BY __ord\(dialect.terminator)\n"
  }

  /// The table a stage reads: its common table expression, its columns, and whether it still
  /// holds claims (so `where` takes the claim store's rules).
  struct Relation {
    var name: String
    var columns: [Column]
    var isClaims: Bool
    var collection: String
  }

  func apply(_ stage: Stage, to state: inout Relation, ctes: inout [String]) throws(Diagnostic) {
    let previous = state.name
    func next(_ body: String) {
      state.name = "s\(ctes.count)"
      ctes.append("\(state.name) AS (\(body))")
    }
    switch stage {
    case .where(let e):
      next("SELECT * FROM \(previous) WHERE \(try predicate(e, state))")
    case .groupBy(let keys, let aggregates):
      try group(keys, aggregates, &state, &ctes)
    case .select(let items):
      var columns: [Column] = []
      var parts: [String] = []
      for item in items {
        let i = try index(of: item.field, in: state)
        var c = state.columns[i]
        if let alias = item.alias { c.name = alias.text }
        parts.append("\(quoted(state.columns[i].name)) AS \(quoted(c.name))")
        columns.append(c)
      }
      next("SELECT \(parts.joined(separator: ", ")), __ord FROM \(previous)")
      state.columns = columns
      state.isClaims = false
    case .orderBy(let keys):
      var parts: [String] = []
      for key in keys {
        let c = state.columns[try index(of: key.field, in: state)]
        // on claims a list sorts by its smallest value (ClaimOrdering); in a table, item by item
        let expression = state.isClaims && c.type == .list ? dialect.extreme("min", quoted(c.name)) : quoted(c.name)
        parts.append(expression + (key.descending ? " DESC NULLS LAST" : " ASC NULLS FIRST"))
      }
      let columns = state.columns.map { quoted($0.name) }.joined(separator: ", ")
      next("SELECT \(columns), row_number() OVER (ORDER BY \(parts.joined(separator: ", ")), __ord) AS __ord FROM \(previous)")
    case .limit(let n, _):
      next("SELECT * FROM \(previous) ORDER BY __ord LIMIT \(max(0, n))")
    case .count:
      next("SELECT count(*) AS \(quoted("count")), 0 AS __ord FROM \(previous)")
      state.columns = [Column("count", .int)]
      state.isClaims = false
    case .distinct:
      let columns = state.columns.map { quoted($0.name) }.joined(separator: ", ")
      next("SELECT \(columns), min(__ord) AS __ord FROM \(previous) GROUP BY \(columns)")
      state.isClaims = false
    }
  }

  /// The column `name` names, case-insensitively, or the unknown-field diagnostic.
  func index(of name: Name, in state: Relation) throws(Diagnostic) -> Int {
    if let i = state.columns.firstIndex(where: { $0.name == name.text }) ?? state.columns.firstIndex(where: { $0.name.lowercased() == name.text.lowercased() }) {
      return i
    }
    let suggestion = Suggestions.nearest(to: name.text, in: state.columns.map(\.name)).map { "'\($0)'" }
    throw Diagnostic(.unknownField, "unknown field '\(name.text)' in \(state.collection)", at: name.range ?? SourceRange(start: 0, end: 0), suggestion: suggestion,
      notes: suggestion == nil ? ["fields: " + state.columns.map(\.name).joined(separator: ", ")] : [])
  }

  func quoted(_ name: String) -> String { dialect.identifier(name) }
}

/// Turns a query into a `LogicalPlan`: every field, aggregate and comparison resolved against
/// the columns of the stage it is in, with the diagnostics claimsh gives for each (unknown
/// fields with the nearest name, type mismatches, bad patterns), before any row is read.
struct Planner {
  /// The schema `where`, `select` and the other stages start from, by source: the claims'
  /// stored fields (a stage that names `story` adds it, last).
  static let claims = LogicalPlan.Schema(columns: ClaimField.stored.map(\.column), isClaims: true, collection: "claims")

  /// Plans `query`, whose source has already been resolved to `source` and `schema`.
  static func plan(_ query: Query, source: LogicalPlan.Source, schema: LogicalPlan.Schema) throws(Diagnostic) -> LogicalPlan {
    var plan = LogicalPlan(source: source, sourceSchema: schema, nodes: [])
    var current = schema
    for stage in query.stages {
      if current.isClaims, stage.fieldNames.contains(where: { ClaimField(named: $0.text) == .story }),
        !current.columns.contains(where: { $0.name == "story" })
      {
        current.columns.append(ClaimField.story.column)
      }
      let (step, output) = try resolve(stage, current)
      plan.nodes.append(LogicalPlan.Node(stages: [stage], step: step, input: current, output: output))
      current = output
    }
    return plan
  }

  static func resolve(_ stage: Stage, _ input: LogicalPlan.Schema) throws(Diagnostic) -> (LogicalPlan.Step, LogicalPlan.Schema) {
    var output = input
    switch stage {
    case .where(let e):
      return (.filter(try predicate(e, input)), output)
    case .groupBy(let keys, let written):
      let aggregates = written.isEmpty ? [Aggregate(.count)] : written
      let keyColumns = try keys.map { (k) throws(Diagnostic) in try index(of: k, in: input) }
      let arguments = try aggregates.map { (a) throws(Diagnostic) in
        try a.field.map { (f) throws(Diagnostic) in try index(of: f, in: input) }
      }
      let columns = groupedColumns(input.columns, keys: keyColumns, aggregates: aggregates, arguments: arguments)
      output = LogicalPlan.Schema(columns: columns, isClaims: false, collection: "the grouped \(input.collection)")
      return (.group(keys: keys, keyColumns: keyColumns, aggregates: aggregates, arguments: arguments), output)
    case .select(let items):
      let indices = try items.map { (item) throws(Diagnostic) in try index(of: item.field, in: input, asTable: true) }
      output.columns = zip(items, indices).map { item, i in
        var c = input.columns[i]
        if let alias = item.alias { c.name = alias.text }
        return c
      }
      output.isClaims = false
      return (.select(items, indices), output)
    case .orderBy(let keys):
      let indices = try keys.map { (k) throws(Diagnostic) in try index(of: k.field, in: input) }
      return (.orderBy(keys, indices), output)
    case .limit(let n, _):
      return (.limit(n), output)
    case .count:
      return (.count, LogicalPlan.Schema(columns: [Column("count", .int)], isClaims: false, collection: "the count"))
    case .distinct:
      output.isClaims = false
      return (.distinct, output)
    }
  }

  /// The columns `group by` gives: the keys (a list key's values are strings), then one per
  /// aggregate.
  static func groupedColumns(_ input: [Column], keys: [Int], aggregates: [Aggregate], arguments: [Int?]) -> [Column] {
    var columns = keys.map { i -> Column in
      var c = input[i]
      if c.type == .list { c.type = .string }
      return c
    }
    for (a, aggregate) in aggregates.enumerated() {
      switch aggregate.function {
      case .count, .countDistinct: columns.append(Column(aggregate.columnName, .int))
      case .min, .max:
        let c = input[arguments[a]!]
        columns.append(Column(aggregate.columnName, c.type == .list ? .string : c.type, matching: c.matching))
      case .list: columns.append(Column(aggregate.columnName, .list, matching: input[arguments[a]!].matching))
      }
    }
    return columns
  }

  /// The columns `group by` gives over claims, keyed and aggregated by claim fields.
  static func groupedColumns(keys: [ClaimField], aggregates: [Aggregate], arguments: [ClaimField?]) -> [Column] {
    let fields = ClaimField.allCases
    return groupedColumns(
      fields.map(\.column), keys: keys.map { fields.firstIndex(of: $0)! }, aggregates: aggregates,
      arguments: arguments.map { $0.map { fields.firstIndex(of: $0)! } })
  }

  /// `expr` resolved against `schema`: the only place a `where` expression is checked.
  static func predicate(_ expr: Expr, _ schema: LogicalPlan.Schema) throws(Diagnostic) -> LogicalPlan.Predicate {
    switch expr {
    case .and(let items): return .and(try items.map { (e) throws(Diagnostic) in try predicate(e, schema) })
    case .or(let items): return .or(try items.map { (e) throws(Diagnostic) in try predicate(e, schema) })
    case .not(let inner): return .not(try predicate(inner, schema))
    case .field, .literal:
      throw Diagnostic(
        .expectedExpression, "expected a comparison such as \(expr) = \"…\"", at: expr.range ?? SourceRange(start: 0, end: 0))
    case .compare(let op, let lhs, let rhs):
      return .comparison(try Comparison.compare(op, lhs, rhs, in: schema))
    case .inList(let lhs, let items, let negated):
      return .comparison(try Comparison.inList(lhs, items, negated: negated, in: schema))
    case .isNull(let lhs, let negated):
      return .comparison(try Comparison.isNull(lhs, negated: negated, in: schema))
    }
  }

  /// The column `name` names, case-insensitively, or the unknown-field diagnostic (the only
  /// one): for claims rows (grouping, ordering) the nearest field; for a table, and for
  /// `select` and `where` on claims (`asTable`), the nearest column, or the list of columns
  /// when none is near.
  static func index(of name: Name, in schema: LogicalPlan.Schema, asTable: Bool = false) throws(Diagnostic) -> Int {
    let columns = schema.columns
    if let i = columns.firstIndex(where: { $0.name == name.text })
      ?? columns.firstIndex(where: { $0.name.lowercased() == name.text.lowercased() })
    {
      return i
    }
    let suggestion = Suggestions.nearest(to: name.text, in: columns.map(\.name)).map { "'\($0)'" }
    let listed = !(schema.isClaims && !asTable) && suggestion == nil
    throw Diagnostic(
      .unknownField, "unknown field '\(name.text)' in \(schema.collection)", at: name.range ?? SourceRange(start: 0, end: 0),
      suggestion: suggestion,
      notes: listed ? ["fields: " + columns.map(\.name).joined(separator: ", ")] : [])
  }
}

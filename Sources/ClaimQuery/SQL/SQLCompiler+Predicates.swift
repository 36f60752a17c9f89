/// `where` in SQL: `and`, `or` and `not` as they are; each comparison, resolved by the
/// planner, written so that it is never NULL.
extension SQLCompiler {
  /// A resolved `where` expression over `schema`, the rows of the expression `table`.
  func sql(_ predicate: LogicalPlan.Predicate, _ schema: LogicalPlan.Schema, _ table: String) -> String {
    switch predicate {
    case .and(let items): return "(" + items.map { sql($0, schema, table) }.joined(separator: " AND ") + ")"
    case .or(let items): return "(" + items.map { sql($0, schema, table) }.joined(separator: " OR ") + ")"
    case .not(let inner): return "NOT " + sql(inner, schema, table)
    case .comparison(let c):
      let test = comparison(c, schema, table)
      return c.negated ? "NOT \(test)" : test
    }
  }

  /// One comparison, any-of on a list, false where a value is missing.
  func comparison(_ c: Comparison, _ schema: LogicalPlan.Schema, _ table: String) -> String {
    let column = schema.columns[c.column]
    let f = quoted(column.name)
    let isList = column.type == .list
    /// `test` of one value, over a list's items when the column holds lists
    func anyOf(_ test: (String) -> String) -> String {
      "coalesce(\(isList ? dialect.exists(f, test("x")) : test(f)), false)"
    }
    switch c.test {
    case .isNull:
      return isList ? "(\(f) IS NULL OR \(dialect.length(f)) = 0)" : "\(f) IS NULL"
    case .equal(let values):
      switch column.matching {
      case .name:
        let keys = values.map { nameKey($0.text, column: column, schema: schema, table: table) }
        return isList
          ? "coalesce(\(dialect.overlaps(dialect.transform(f, "lower(x)"), dialect.array(keys))), false)"
          : "coalesce(lower(\(f)) IN (\(keys.joined(separator: ", "))), false)"
      case .caseless:
        let texts = values.map { dialect.string($0.text.lowercased()) }.joined(separator: ", ")
        return anyOf { "lower(\($0)) IN (\(texts))" }
      case .exact:
        let literals = values.map { literal($0, for: column) }.joined(separator: ", ")
        return anyOf { "\($0) IN (\(literals))" }
      }
    case .order(let op, let v):
      return anyOf { "\($0) \(op.rawValue) \(literal(v, for: column))" }
    case .contains(let needle):
      return anyOf { "instr(lower(\($0)), \(dialect.string(needle.lowercased()))) > 0" }
    case .matches(let pattern):
      return anyOf { dialect.matches($0, pattern.source) }
    }
  }

  /// The lowercased value a name literal stands for (`Matcher.nameKey`): itself where some value
  /// is written so, in any case, else the lexicon's canonical name. Which values count is
  /// claimsh's: all claims' while the rows are claims, else the current table's.
  func nameKey(_ literal: String, column: Column, schema: LogicalPlan.Schema, table: String) -> String {
    let lower = literal.lowercased()
    guard let canonical = lexicon.canonicalName(literal)?.lowercased(), canonical != lower else { return dialect.string(lower) }
    let f = quoted(column.name)
    let present =
      column.type == .list
      ? dialect.contains(dialect.transform(f, "lower(x)"), dialect.string(lower))
      : "lower(\(f)) = \(dialect.string(lower))"
    return
      "CASE WHEN (SELECT count(*) FROM \(schema.isClaims ? "claims" : table) WHERE \(present)) > 0 THEN \(dialect.string(lower)) "
      + "ELSE \(dialect.string(canonical)) END"
  }

  /// A literal compared with `column`: a date column reads a string as a date.
  func literal(_ v: Value, for column: Column) -> String {
    if column.type == .date, case .string(let s) = v, let d = Day(parsing: s) { return dialect.literal(.date(d)) }
    return dialect.literal(v)
  }
}

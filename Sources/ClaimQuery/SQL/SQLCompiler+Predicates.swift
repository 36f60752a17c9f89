/// `where` in SQL: `and`, `or` and `not` as they are; each comparison checked as claimsh
/// checks it (`Comparison.check`: same names, types and diagnostics) and written so that it is
/// never NULL.
extension SQLCompiler {
  func predicate(_ expr: Expr, _ state: Relation) throws(Diagnostic) -> String {
    switch expr {
    case .and(let items):
      return "(" + (try items.map { (e) throws(Diagnostic) in try predicate(e, state) }).joined(separator: " AND ") + ")"
    case .or(let items):
      return "(" + (try items.map { (e) throws(Diagnostic) in try predicate(e, state) }).joined(separator: " OR ") + ")"
    case .not(let inner):
      return "NOT " + (try predicate(inner, state))
    case .field, .literal:
      throw Diagnostic(.expectedExpression, "expected a comparison such as \(expr) = \"…\"", at: expr.range ?? SourceRange(start: 0, end: 0))
    default:
      let c = try Comparison.check(expr, columns: state.columns, collection: state.collection)
      let test = comparison(c, state)
      return c.negated ? "NOT \(test)" : test
    }
  }

  /// One comparison, any-of on a list, false where a value is missing.
  func comparison(_ c: Comparison, _ state: Relation) -> String {
    let column = state.columns[c.column]
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
        let keys = values.map { nameKey($0.text, column: column, state: state) }
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
  func nameKey(_ literal: String, column: Column, state: Relation) -> String {
    let lower = literal.lowercased()
    guard let canonical = lexicon.canonicalName(literal)?.lowercased(), canonical != lower else { return dialect.string(lower) }
    let f = quoted(column.name)
    let present = column.type == .list
      ? dialect.contains(dialect.transform(f, "lower(x)"), dialect.string(lower))
      : "lower(\(f)) = \(dialect.string(lower))"
    let table = state.isClaims ? "claims" : state.name
    return "CASE WHEN (SELECT count(*) FROM \(table) WHERE \(present)) > 0 THEN \(dialect.string(lower)) ELSE \(dialect.string(canonical)) END"
  }

  /// A literal compared with `column`: a date column reads a string as a date.
  func literal(_ v: Value, for column: Column) -> String {
    if column.type == .date, case .string(let s) = v, let d = Day(parsing: s) { return dialect.literal(.date(d)) }
    return dialect.literal(v)
  }
}

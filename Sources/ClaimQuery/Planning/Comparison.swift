/// A comparison checked against a schema: which column, which operator, which literal(s),
/// and where they are written. Both the column store and generic tables evaluate these, so
/// both see the same errors; the planner makes them (`Planner.predicate`), nothing else does.
struct Comparison: Sendable {
  /// What is tested.
  enum Test: Sendable {
    /// `=`, `!=`, `in`, `not in` (a negated test is `not` of the plain one)
    case equal([Value])
    /// `<`, `<=`, `>`, `>=`
    case order(CompareOp, Value)
    /// `contains`
    case contains(String)
    /// `matches`
    case matches(Pattern)
    /// `is null`
    case isNull
  }

  /// The column's index in the schema.
  var column: Int
  /// The test.
  var test: Test
  /// Whether the result is negated (`!=`, `not in`, `is not null`).
  var negated: Bool
  /// Where the comparison is written: a stop or a failed search points here.
  var range: SourceRange
  /// Where each literal of the test is written, in order (a warning about one points here).
  var literalRanges: [SourceRange] = []

  /// Checks `lhs op rhs` against `columns`; throws a diagnostic naming the span.
  static func compare(_ op: CompareOp, _ lhs: Expr, _ rhs: Expr, in schema: LogicalPlan.Schema) throws(Diagnostic) -> Comparison {
    let expr = Expr.compare(op, lhs, rhs)
    let range = expr.range ?? SourceRange(start: 0, end: 0)
    var (fieldExpr, literalExpr, op) = (lhs, rhs, op)
    if case .literal = lhs, case .field = rhs {
      if op == .contains || op == .matches {
        throw Diagnostic(.typeMismatch, "'\(op.rawValue)' needs the field on its left: field \(op.rawValue) \"text\"", at: range)
      }
      (fieldExpr, literalExpr) = (rhs, lhs)
      op = op.flipped
    }
    let column = try resolve(fieldExpr, in: schema, context: expr)
    let c = schema.columns[column]
    let literal = try literalValue(literalExpr, context: expr)
    let literalRanges = [literalExpr.range ?? range]
    switch op {
    case .equal, .notEqual:
      if literal == .null {
        throw Diagnostic(.typeMismatch, "cannot compare '\(c.name)' with null; use 'is null' or 'is not null'", at: range)
      }
      try checkType(literal, for: c, at: literalExpr)
      return Comparison(column: column, test: .equal([literal]), negated: op == .notEqual, range: range, literalRanges: literalRanges)
    case .less, .lessEqual, .greater, .greaterEqual:
      guard c.type != .list, c.type != .bool else {
        throw Diagnostic(.typeMismatch, "'\(op.rawValue)' needs a number, date or text; '\(c.name)' is a \(c.type.rawValue)", at: range)
      }
      try checkType(literal, for: c, at: literalExpr)
      return Comparison(column: column, test: .order(op, literal), negated: false, range: range, literalRanges: literalRanges)
    case .contains:
      guard c.type == .string || c.type == .list, case .string(let needle) = literal else {
        throw Diagnostic(
          .typeMismatch, "'contains' needs a text field and a string; '\(c.name)' is a \(c.type.rawValue)", at: range)
      }
      return Comparison(column: column, test: .contains(needle), negated: false, range: range, literalRanges: literalRanges)
    case .matches:
      guard c.type == .string || c.type == .list, case .string(let text) = literal else {
        throw Diagnostic(
          .typeMismatch, "'matches' needs a text field and a string pattern; '\(c.name)' is a \(c.type.rawValue)", at: range)
      }
      guard let pattern = Pattern(text) else {
        throw Diagnostic(.invalidRegex, "'\(text)' is not a regular expression", at: literalRanges[0])
      }
      return Comparison(column: column, test: .matches(pattern), negated: false, range: range, literalRanges: literalRanges)
    }
  }

  /// Checks `lhs in (items)` (`not in` when `negated`) against `columns`.
  static func inList(_ lhs: Expr, _ items: [Expr], negated: Bool, in schema: LogicalPlan.Schema) throws(Diagnostic) -> Comparison {
    let expr = Expr.inList(lhs, items, negated: negated)
    let range = expr.range ?? SourceRange(start: 0, end: 0)
    let column = try resolve(lhs, in: schema, context: expr)
    var values: [Value] = []
    for item in items {
      let v = try literalValue(item, context: expr)
      try checkType(v, for: schema.columns[column], at: item)
      values.append(v)
    }
    return Comparison(
      column: column, test: .equal(values), negated: negated, range: range, literalRanges: items.map { $0.range ?? range })
  }

  /// Checks `lhs is null` (`is not null` when `negated`) against `columns`.
  static func isNull(_ lhs: Expr, negated: Bool, in schema: LogicalPlan.Schema) throws(Diagnostic) -> Comparison {
    let expr = Expr.isNull(lhs, negated: negated)
    let column = try resolve(lhs, in: schema, context: expr)
    return Comparison(column: column, test: .isNull, negated: negated, range: expr.range ?? SourceRange(start: 0, end: 0))
  }

  /// The same comparison with a pattern of its own: ICU's matcher is not shared between cores.
  func withOwnPattern() -> Comparison {
    guard case .matches(let pattern) = test else { return self }
    var copy = self
    copy.test = .matches(pattern.recompiled())
    return copy
  }

  /// The column a field expression names (`Planner.index(of:in:)`).
  static func resolve(_ e: Expr, in schema: LogicalPlan.Schema, context: Expr) throws(Diagnostic) -> Int {
    guard case .field(let name) = e else {
      throw Diagnostic(
        .typeMismatch, "a comparison needs a field on one side and a value on the other", at: context.range ?? SourceRange(start: 0, end: 0)
      )
    }
    return try Planner.index(of: name, in: schema, asTable: true)
  }

  static func literalValue(_ e: Expr, context: Expr) throws(Diagnostic) -> Value {
    guard case .literal(let lit, _) = e else {
      let message = "a comparison needs a field on one side and a value on the other"
      if case .field(let name) = e, let range = name.range {
        throw Diagnostic(.typeMismatch, message, at: range, notes: [SQLHabits.unquoted(name.text)])
      }
      throw Diagnostic(.typeMismatch, message, at: context.range ?? SourceRange(start: 0, end: 0))
    }
    switch lit {
    case .string(let s): return .string(s)
    case .integer(let n): return .int(n)
    case .date(let d): return .date(d)
    case .bool(let b): return .bool(b)
    case .null: return .null
    }
  }

  static func checkType(_ v: Value, for c: Column, at e: Expr) throws(Diagnostic) {
    let ok: Bool
    switch (c.type, v) {
    case (.int, .int), (.date, .date), (.bool, .bool), (.string, .string), (.list, .string): ok = true
    case (.date, .string(let s)): ok = Day(parsing: s) != nil
    default: ok = false
    }
    guard ok else {
      let what: String
      switch v {
      case .int: what = "an integer"
      case .date: what = "a date"
      case .bool: what = "a boolean"
      case .string: what = "a string"
      default: what = "null"
      }
      let expected =
        c.type == .list
        ? "strings" : c.type == .int ? "integers" : c.type == .date ? "dates (2025-10-17)" : c.type == .bool ? "true or false" : "strings"
      throw Diagnostic(.typeMismatch, "'\(c.name)' holds \(expected), not \(what)", at: e.range ?? SourceRange(start: 0, end: 0))
    }
  }
}

extension CompareOp {
  /// The operator with its operands swapped: `5 < id` is `id > 5`.
  var flipped: CompareOp {
    switch self {
    case .less: return .greater
    case .lessEqual: return .greaterEqual
    case .greater: return .less
    case .greaterEqual: return .lessEqual
    default: return self
    }
  }
}

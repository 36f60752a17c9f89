/// A comparison checked against a schema: which column, which operator, which literal(s).
/// Both the column store and generic tables evaluate these, so both see the same errors.
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

  /// Checks `expr` (a comparison node) against `columns`; throws a diagnostic naming the span.
  static func check(_ expr: Expr, columns: [Column], collection: String) throws(Diagnostic) -> Comparison {
    switch expr {
    case .compare(let op, let lhs, let rhs):
      var (fieldExpr, literalExpr, op) = (lhs, rhs, op)
      if case .literal = lhs, case .field = rhs {
        if op == .contains || op == .matches {
          throw Diagnostic(
            .typeMismatch, "'\(op.rawValue)' needs the field on its left: field \(op.rawValue) \"text\"",
            at: expr.range ?? SourceRange(start: 0, end: 0))
        }
        (fieldExpr, literalExpr) = (rhs, lhs)
        op = op.flipped
      }
      let column = try resolve(fieldExpr, columns: columns, collection: collection, context: expr)
      let c = columns[column]
      let literal = try literalValue(literalExpr, context: expr)
      switch op {
      case .equal, .notEqual:
        if literal == .null {
          throw Diagnostic(
            .typeMismatch, "cannot compare '\(c.name)' with null; use 'is null' or 'is not null'",
            at: expr.range ?? SourceRange(start: 0, end: 0))
        }
        try checkType(literal, for: c, at: literalExpr)
        return Comparison(column: column, test: .equal([literal]), negated: op == .notEqual)
      case .less, .lessEqual, .greater, .greaterEqual:
        guard c.type != .list, c.type != .bool else {
          throw Diagnostic(
            .typeMismatch, "'\(op.rawValue)' needs a number, date or text; '\(c.name)' is a \(c.type.rawValue)", at: expr.range!)
        }
        try checkType(literal, for: c, at: literalExpr)
        return Comparison(column: column, test: .order(op, literal), negated: false)
      case .contains:
        guard c.type == .string || c.type == .list, case .string(let needle) = literal else {
          throw Diagnostic(
            .typeMismatch, "'contains' needs a text field and a string; '\(c.name)' is a \(c.type.rawValue)", at: expr.range!)
        }
        return Comparison(column: column, test: .contains(needle), negated: false)
      case .matches:
        guard c.type == .string || c.type == .list, case .string(let text) = literal else {
          throw Diagnostic(
            .typeMismatch, "'matches' needs a text field and a string pattern; '\(c.name)' is a \(c.type.rawValue)", at: expr.range!)
        }
        guard let pattern = Pattern(text) else {
          throw Diagnostic(.invalidRegex, "'\(text)' is not a regular expression", at: literalExpr.range!)
        }
        return Comparison(column: column, test: .matches(pattern), negated: false)
      }
    case .inList(let lhs, let items, let negated):
      let column = try resolve(lhs, columns: columns, collection: collection, context: expr)
      var values: [Value] = []
      for item in items {
        let v = try literalValue(item, context: expr)
        try checkType(v, for: columns[column], at: item)
        values.append(v)
      }
      return Comparison(column: column, test: .equal(values), negated: negated)
    case .isNull(let lhs, let negated):
      let column = try resolve(lhs, columns: columns, collection: collection, context: expr)
      return Comparison(column: column, test: .isNull, negated: negated)
    default:
      throw Diagnostic(.expectedExpression, "expected a comparison", at: expr.range ?? SourceRange(start: 0, end: 0))
    }
  }

  /// The column a field expression names.
  static func resolve(_ e: Expr, columns: [Column], collection: String, context: Expr) throws(Diagnostic) -> Int {
    guard case .field(let name) = e else {
      throw Diagnostic(
        .typeMismatch, "a comparison needs a field on one side and a value on the other", at: context.range ?? SourceRange(start: 0, end: 0)
      )
    }
    if let i = columns.firstIndex(where: { $0.name == name.text })
      ?? columns.firstIndex(where: { $0.name.lowercased() == name.text.lowercased() })
    {
      return i
    }
    let suggestion = Suggestions.nearest(to: name.text, in: columns.map(\.name)).map { "'\($0)'" }
    throw Diagnostic(
      .unknownField, "unknown field '\(name.text)' in \(collection)", at: name.range ?? SourceRange(start: 0, end: 0),
      suggestion: suggestion,
      notes: suggestion == nil ? ["fields: " + columns.map(\.name).joined(separator: ", ")] : [])
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

/// The SQL engines a query compiles for, and how each spells literals and names.
public enum SQLDialect: String, CaseIterable, Sendable {
  /// DuckDB (1.3 or later: lambdas are written `lambda x: …`).
  case duckdb

  /// `text` as a string literal. DuckDB reads no backslash escapes: only `'` is doubled.
  func string(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// `name` as a quoted identifier.
  func identifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A literal for `value`; dates as `DATE 'YYYY-MM-DD'`, lists as list literals.
  func literal(_ value: Value) -> String {
    switch value {
    case .null: return "NULL"
    case .bool(let b): return b ? "true" : "false"
    case .int(let n): return String(n)
    case .string(let s): return string(s)
    case .date(let d): return "DATE " + string(d.description)
    case .list(let items): return "[" + items.map(literal).joined(separator: ", ") + "]"
    }
  }

  /// A lambda over one variable, as the dialect writes it.
  func lambda(_ variable: String, _ body: String) -> String {
    "lambda \(variable): \(body)"
  }
}

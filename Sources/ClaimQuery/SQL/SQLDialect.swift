/// The SQL engines a query compiles for, and how each spells what the compiled SQL needs:
/// literals, names, and the functions on lists.
public enum SQLDialect: String, CaseIterable, Sendable {
  /// DuckDB, 1.3 or later (lambdas are written `lambda x: …`).
  case duckdb
  /// Apache Spark SQL, 3.4 or later (`exists`, `transform`, `explode`).
  case spark

  /// `text` as a string literal. DuckDB reads no backslash escapes, so only `'` is doubled;
  /// Spark reads them, so `\` and `'` are escaped.
  func string(_ text: String) -> String {
    switch self {
    case .duckdb: return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    case .spark: return "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
  }

  /// `name` as a quoted identifier.
  func identifier(_ name: String) -> String {
    switch self {
    case .duckdb: return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    case .spark: return "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }
  }

  /// A literal for a scalar `value`; dates as `DATE 'YYYY-MM-DD'`.
  func literal(_ value: Value) -> String {
    switch value {
    case .null: return "NULL"
    case .bool(let b): return b ? "true" : "false"
    case .int(let n): return String(n)
    case .string(let s): return string(s)
    case .date(let d): return "DATE " + string(d.description)
    case .list(let items): return array(items.map(literal))
    }
  }

  /// A list built from `items`.
  func array(_ items: [String]) -> String {
    switch self {
    case .duckdb: return "[" + items.joined(separator: ", ") + "]"
    case .spark: return "array(" + items.joined(separator: ", ") + ")"
    }
  }

  /// A function of one variable `x`.
  func lambda(_ body: String) -> String {
    switch self {
    case .duckdb: return "lambda x: \(body)"
    case .spark: return "x -> \(body)"
    }
  }

  /// Whether `test` (of `x`) holds for some item of `list`; NULL for a NULL list.
  func exists(_ list: String, _ test: String) -> String {
    switch self {
    case .duckdb: return "len(list_filter(\(list), \(lambda(test)))) > 0"
    case .spark: return "exists(\(list), \(lambda(test)))"
    }
  }

  /// `list` with `transform` (of `x`) applied to each item.
  func transform(_ list: String, _ transform: String) -> String {
    switch self {
    case .duckdb: return "list_transform(\(list), \(lambda(transform)))"
    case .spark: return "transform(\(list), \(lambda(transform)))"
    }
  }

  /// Whether the lists share an item.
  func overlaps(_ a: String, _ b: String) -> String {
    switch self {
    case .duckdb: return "list_has_any(\(a), \(b))"
    case .spark: return "arrays_overlap(\(a), \(b))"
    }
  }

  /// Whether `list` holds `item`.
  func contains(_ list: String, _ item: String) -> String {
    switch self {
    case .duckdb: return "list_contains(\(list), \(item))"
    case .spark: return "array_contains(\(list), \(item))"
    }
  }

  /// The number of items of a list that is not NULL.
  func length(_ list: String) -> String {
    switch self {
    case .duckdb: return "len(\(list))"
    case .spark: return "size(\(list))"
    }
  }

  /// `list` without repeats (and, in DuckDB, without NULLs).
  func distinct(_ list: String) -> String {
    switch self {
    case .duckdb: return "list_distinct(\(list))"
    case .spark: return "array_distinct(\(list))"
    }
  }

  /// One row per item of `list`, in a select list.
  func unnest(_ list: String) -> String {
    switch self {
    case .duckdb: return "unnest(\(list))"
    case .spark: return "explode(\(list))"
    }
  }

  /// The smallest or largest item of a list (`function` is `min` or `max`).
  func extreme(_ function: String, _ list: String) -> String {
    switch self {
    case .duckdb: return "list_\(function)(\(list))"
    case .spark: return "array_\(function)(\(list))"
    }
  }

  /// A list sorted ascending.
  func sorted(_ list: String) -> String {
    switch self {
    case .duckdb: return "list_sort(\(list))"
    case .spark: return "array_sort(\(list))"
    }
  }

  /// The aggregate list of the non-NULL values of `column` in a group (items of list
  /// columns, one by one, when `flattened`).
  func collected(_ column: String, flattened: Bool) -> String {
    switch self {
    case .duckdb:
      return flattened
        ? "flatten(list(\(column)) FILTER (WHERE \(column) IS NOT NULL))" : "list(\(column)) FILTER (WHERE \(column) IS NOT NULL)"
    case .spark: return flattened ? "flatten(collect_list(\(column)))" : "collect_list(\(column))"
    }
  }

  /// Whether the regular expression `pattern` matches somewhere in `text`.
  func matches(_ text: String, _ pattern: String) -> String {
    switch self {
    case .duckdb: return "regexp_matches(\(text), \(string(pattern)))"
    case .spark: return "\(text) RLIKE \(string(pattern))"
    }
  }

  /// A date as `YYYY-MM-DD` text.
  func dateText(_ date: String) -> String {
    switch self {
    case .duckdb: return "strftime(\(date), '%Y-%m-%d')"
    case .spark: return "date_format(\(date), 'yyyy-MM-dd')"
    }
  }

  /// What ends a statement: Spark's `sql()` takes none.
  var terminator: String {
    switch self {
    case .duckdb: return ";"
    case .spark: return ""
    }
  }
}

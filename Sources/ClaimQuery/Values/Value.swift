/// A value in a result table: small and closed, like GRDB's `DatabaseValue.Storage` and jq's kinds.
public enum Value: Hashable, Sendable {
  /// No value.
  case null
  /// `true`, `false`
  case bool(Bool)
  /// An integer.
  case int(Int)
  /// Text.
  case string(String)
  /// A calendar date.
  case date(Day)
  /// A list (actor, cited, topic).
  case list([Value])

  /// The value as text for display and CSV: lists joined with `; `, null as empty.
  public var text: String {
    switch self {
    case .null: return ""
    case .bool(let b): return b ? "true" : "false"
    case .int(let n): return String(n)
    case .string(let s): return s
    case .date(let d): return d.description
    case .list(let items): return items.map(\.text).joined(separator: "; ")
    }
  }

  /// The value as JSON text.
  public var json: String {
    var out: [UInt8] = []
    appendJSON(to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the UTF-8 of `json` to `out`.
  func appendJSON(to out: inout [UInt8]) {
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .int(let n): out.append(contentsOf: String(n).utf8)
    case .string(let s): JSONWriter.append(quoted: s, to: &out)
    case .date(let d): JSONWriter.append(quoted: d.description, to: &out)
    case .list(let items):
      out.append(UInt8(ascii: "["))
      for (k, item) in items.enumerated() {
        if k > 0 { out.append(UInt8(ascii: ",")) }
        item.appendJSON(to: &out)
      }
      out.append(UInt8(ascii: "]"))
    }
  }
}

/// The type of a column.
public enum ValueType: String, Hashable, Sendable {
  /// `true`, `false`
  case bool
  /// integers
  case int
  /// text
  case string
  /// dates
  case date
  /// lists of text
  case list
}

extension Value {
  /// Total order for sorting: null first, then by kind, then by value (text by code point).
  static func ascending(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.null, .null): return false
    case (.null, _): return true
    case (_, .null): return false
    case let (.bool(x), .bool(y)): return !x && y
    case let (.int(x), .int(y)): return x < y
    case let (.string(x), .string(y)): return Value.textAscending(x, y)
    case let (.date(x), .date(y)): return x < y
    case let (.list(x), .list(y)):
      for (p, q) in zip(x, y) where p != q { return ascending(p, q) }
      return x.count < y.count
    default: return a.rank < b.rank
    }
  }

  /// Text order by code point (UTF-8 bytes), as SQL engines and Python sort: "Banana" < "apple".
  static func textAscending(_ x: String, _ y: String) -> Bool {
    var a = x
    var b = y
    return a.withUTF8 { p in
      b.withUTF8 { q in
        let n = min(p.count, q.count)
        for i in 0..<n where p[i] != q[i] { return p[i] < q[i] }
        return p.count < q.count
      }
    }
  }

  private var rank: Int {
    switch self {
    case .null: return 0
    case .bool: return 1
    case .int: return 2
    case .date: return 3
    case .string: return 4
    case .list: return 5
    }
  }
}

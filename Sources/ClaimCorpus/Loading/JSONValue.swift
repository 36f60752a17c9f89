/// A parsed JSON value: what a JSON Lines record holds.
public enum JSONValue: Sendable, Equatable {
  /// `null`
  case null
  /// `true`, `false`
  case bool(Bool)
  /// A number, kept as text was written (`17`, `2.5`).
  case number(Double)
  /// A string, escapes decoded.
  case string(String)
  /// `[…]`
  case array([JSONValue])
  /// `{…}`, members in order.
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case let (.bool(a), .bool(b)): return a == b
    case let (.number(a), .number(b)): return a == b
    case let (.string(a), .string(b)): return a == b
    case let (.array(a), .array(b)): return a == b
    case let (.object(a), .object(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// The member `key` of an object, or nil.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// The string, or the number written as text; nil for anything else.
  public var text: String? {
    switch self {
    case .string(let s): return s
    case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    default: return nil
    }
  }

  /// The strings of an array (a lone string counts as an array of one; null as none).
  public var strings: [String] {
    switch self {
    case .array(let items): return items.compactMap(\.text)
    case .string(let s): return [s]
    default: return []
    }
  }
}

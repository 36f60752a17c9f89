/// The canonical printer: lowercase keywords, double-quoted strings, single spaces, and
/// parentheses only where precedence needs them. `parse(print(ast))` has the structure of
/// `ast`, and printing is idempotent.
///
///     Parser.parse("CLAIMS  Where actor='Trump'").statements[0].description
///     // claims where actor = "Trump"
extension Statement: CustomStringConvertible {
  public var description: String {
    switch self {
    case .query(let q): return q.description
    case .let(let name, let q): return "let \(name.text) = \(q)"
    }
  }
}

extension Query: CustomStringConvertible {
  public var description: String {
    ([source.text] + stages.map(\.description)).joined(separator: " ")
  }
}

extension Stage: CustomStringConvertible {
  public var description: String {
    switch self {
    case .where(let e): return "where \(e)"
    case .groupBy(let keys, let aggregates):
      let base = "group by " + keys.map(\.text).joined(separator: ", ")
      return aggregates.isEmpty ? base : base + " with " + aggregates.map(\.description).joined(separator: ", ")
    case .select(let items):
      return "select "
        + items.map { item in item.alias.map { "\(item.field.text) as \($0.text)" } ?? item.field.text }.joined(separator: ", ")
    case .orderBy(let keys):
      return "order by " + keys.map { $0.field.text + ($0.descending ? " desc" : "") }.joined(separator: ", ")
    case .limit(let n, _): return "limit \(n)"
    case .count: return "count"
    case .distinct: return "distinct"
    }
  }
}

extension Aggregate: CustomStringConvertible {
  public var description: String {
    let call: String
    switch function {
    case .count: call = "count"
    case .countDistinct: call = "count(distinct \(field?.text ?? ""))"
    case .min, .max, .list: call = "\(function.rawValue)(\(field?.text ?? ""))"
    }
    return alias.map { "\(call) as \($0.text)" } ?? call
  }
}

extension Literal: CustomStringConvertible {
  public var description: String {
    switch self {
    case .string(let s): return Literal.quoted(s)
    case .integer(let n): return String(n)
    case .date(let d): return d.description
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    }
  }

  /// `text` as a double-quoted string literal.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for c in text {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default: out.append(c)
      }
    }
    return out + "\""
  }
}

extension Expr: CustomStringConvertible {
  /// Binding strength, loosest first.
  private enum Level: Int, Comparable {
    case or, and, not, comparison, primary
    static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
  }

  private var level: Level {
    switch self {
    case .or: return .or
    case .and: return .and
    case .not: return .not
    case .compare, .inList, .isNull: return .comparison
    case .field, .literal: return .primary
    }
  }

  private func printed(atLeast level: Level) -> String {
    self.level < level ? "(\(description))" : description
  }

  public var description: String {
    switch self {
    case .field(let name): return name.text
    case .literal(let lit, _): return lit.description
    case .compare(let op, let l, let r):
      return "\(l.printed(atLeast: .primary)) \(op.rawValue) \(r.printed(atLeast: .primary))"
    case .inList(let l, let items, let negated):
      return "\(l.printed(atLeast: .primary)) \(negated ? "not in" : "in") ("
        + items.map { $0.printed(atLeast: .primary) }.joined(separator: ", ") + ")"
    case .isNull(let e, let negated):
      return "\(e.printed(atLeast: .primary)) is \(negated ? "not null" : "null")"
    case .and(let items): return items.map { $0.printed(atLeast: .not) }.joined(separator: " and ")
    case .or(let items): return items.map { $0.printed(atLeast: .and) }.joined(separator: " or ")
    case .not(let e): return "not " + e.printed(atLeast: .comparison)
    }
  }
}

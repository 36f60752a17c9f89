import ClaimCorpus
import ClaimQuery
import ClaimTestSupport

/// Random queries over claims for the SQL agreement test: comparisons of every kind on every
/// field (any-of lists, `!=`, `in`, `contains`, `matches`, `is null`, dates, ids) joined by
/// `and`, `or` and `not`, then grouping by list and scalar fields with aggregates, `select`,
/// `distinct`, `order by`, `limit` or `count`. Values come from the corpus, some in another
/// case, as an alias, or absent from it.
struct QueryGenerator {
  var random: SplitMix64
  /// Values present in the corpus, by field.
  let values: [String: [String]]
  let lexicon: Lexicon

  static let listFields = ["actor", "cited", "topic"]
  static let nameFields = ["source", "speaker"]
  static let labelFields = ["hedge", "kind"]
  static let nullable = ["speaker", "cited", "actor", "topic", "date", "cue", "quote"]
  static let keys = ["source", "hedge", "kind", "speaker", "actor", "topic", "cited", "date", "doc"]
  static let arguments = ["source", "hedge", "date", "id", "actor", "topic", "speaker", "cited"]
  static let patterns = ["^[A-M]", "(?i)missile", "s$", "^The ", "[0-9]", "ia\\b", "(?i)^(u|r)"]

  /// Reads the values of each field from `engine`'s claims.
  init(seed: UInt64, engine: inout QueryEngine, lexicon: Lexicon) throws {
    random = SplitMix64(seed: seed)
    self.lexicon = lexicon
    var values: [String: [String]] = [:]
    for field in Self.listFields + Self.nameFields + Self.labelFields + ["doc", "date", "text", "cue"] {
      let table = try engine.table("claims group by \(field) order by \(field) limit 400")
      values[field] = table.rows.compactMap { $0[0] == .null ? nil : $0[0].text }.filter { !$0.contains("\"") && !$0.contains("\\") }
    }
    self.values = values
  }

  mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
  mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
  /// A value of `field` as written, or `fallback` when the corpus has none.
  mutating func sample(_ field: String, or fallback: String) -> String {
    let present = values[field] ?? []
    return present.isEmpty ? fallback : pick(present)
  }

  /// A string literal for `field`: a value as written, in another case, an alias, or unknown.
  mutating func value(_ field: String) -> String {
    guard let present = values[field], !present.isEmpty else { return "\"nothing\"" }
    var v = pick(present)
    switch Int.random(in: 0..<10, using: &random) {
    case 0: v = v.lowercased()
    case 1: v = v.uppercased()
    case 2: if let alias = lexicon.lookup(v).first?.aliases.first(where: { !$0.contains("\"") }) { v = alias }
    case 3: v = "No Such " + v
    default: break
    }
    return "\"\(v)\""
  }

  mutating func comparison() -> String {
    switch Int.random(in: 0..<12, using: &random) {
    case 0, 1:
      let f = pick(Self.listFields + Self.nameFields)
      return "\(f) \(chance(0.7) ? "=" : "!=") \(value(f))"
    case 2:
      let f = pick(Self.labelFields)
      return "\(f) \(chance(0.7) ? "=" : "!=") \(value(f))"
    case 3:
      let f = pick(Self.listFields + Self.nameFields + Self.labelFields)
      return "\(f) \(chance(0.7) ? "in" : "not in") (\(value(f)), \(value(f)))"
    case 4:
      let f = pick(["text", "actor", "topic", "cited", "source", "speaker", "quote", "cue"])
      let base = sample(f == "quote" ? "text" : f, or: "an")
      let start = base.isEmpty ? 0 : Int.random(in: 0..<max(1, base.count - 3), using: &random)
      var needle = String(base.dropFirst(start).prefix(Int.random(in: 2...6, using: &random)))
      if chance(0.3) { needle = needle.uppercased() }
      return "\(f) contains \"\(needle.replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: "\\", with: ""))\""
    case 5:
      let f = pick(["text", "actor", "topic", "cited", "source", "speaker"])
      return "\(f) matches \"\(pick(Self.patterns).replacingOccurrences(of: "\\", with: "\\\\"))\""
    case 6:
      return "\(pick(Self.nullable)) is \(chance(0.5) ? "" : "not ")null"
    case 7:
      let d = sample("date", or: "2025-10-17")
      return "date \(pick([">=", "<", "=", "!=", ">", "<="])) \(d)"
    case 8:
      return "id \(pick(["<", ">=", "=", "!="])) \(Int.random(in: 0..<200, using: &random))"
    case 9:
      return "source \(pick(["<", ">="])) \"\(pick(["M", "b", "0", "N"]))\""
    case 10:
      return "doc = \(value("doc"))"
    default:
      return "text = \(value("text"))"
    }
  }

  mutating func expression(_ depth: Int = 0) -> String {
    guard depth < 2, chance(0.45) else { return comparison() }
    switch Int.random(in: 0..<3, using: &random) {
    case 0: return "\(expression(depth + 1)) and \(expression(depth + 1))"
    case 1: return "(\(expression(depth + 1)) or \(expression(depth + 1)))"
    default: return "not (\(expression(depth + 1)))"
    }
  }

  /// `group by` with keys and aggregates, and what the columns are then called.
  mutating func grouping() -> (String, [String]) {
    var keys = [pick(Self.keys)]
    if chance(0.35) {
      let second = pick(Self.keys)
      if !keys.contains(second) { keys.append(second) }
    }
    var text = "group by " + keys.joined(separator: ", ")
    var columns = keys
    if chance(0.6) {
      var aggregates: [String] = []
      for k in 0..<Int.random(in: 1...3, using: &random) {
        let f = pick(Self.arguments)
        let (call, name) = pick([
          ("count", "count"), ("count(distinct \(f))", "a\(k)"), ("min(\(f))", "a\(k)"), ("max(\(f))", "a\(k)"), ("list(\(f))", "a\(k)"),
        ])
        if columns.contains(name) { continue }
        aggregates.append(name == "count" ? call : "\(call) as \(name)")
        columns.append(name)
      }
      if !aggregates.isEmpty { text += " with " + aggregates.joined(separator: ", ") }
    } else {
      columns.append("count")
    }
    return (text, columns)
  }

  mutating func orderBy(_ columns: [String]) -> String {
    var keys: [String] = []
    for _ in 0..<Int.random(in: 1...2, using: &random) {
      let c = pick(columns)
      if !keys.contains(where: { $0.hasPrefix(c + " ") || $0 == c }) { keys.append(chance(0.4) ? c + " desc" : c) }
    }
    return "order by " + keys.joined(separator: ", ")
  }

  /// One query.
  mutating func query() -> String {
    var parts = ["claims"]
    if chance(0.85) { parts.append("where " + expression()) }
    switch Int.random(in: 0..<6, using: &random) {
    case 0, 1:
      let (group, columns) = grouping()
      parts.append(group)
      if chance(0.25), columns.contains("count") { parts.append("where count > \(Int.random(in: 0...3, using: &random))") }
      if chance(0.4) { parts.append(orderBy(columns)) }
      if chance(0.4) { parts.append("limit \(Int.random(in: 1...12, using: &random))") }
    case 2:
      let columns = Array(Set((0..<Int.random(in: 1...3, using: &random)).map { _ in pick(Self.keys + ["id", "text"]) })).sorted()
      parts.append("select " + columns.joined(separator: ", "))
      if chance(0.5) { parts.append("distinct") }
      if chance(0.4) { parts.append(orderBy(columns)) }
      if chance(0.5) { parts.append("limit \(Int.random(in: 1...30, using: &random))") }
    case 3:
      parts.append("count")
    case 4:
      parts.append(orderBy(Self.keys + ["id"]))
      parts.append("limit \(Int.random(in: 1...20, using: &random))")
      parts.append("select id, source, actor")
    default:
      parts.append("select id, hedge, topic")
    }
    return parts.joined(separator: " ")
  }
}

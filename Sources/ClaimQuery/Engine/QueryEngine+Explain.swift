/// `.explain QUERY`: the logical plan (each stage with the columns it gives) and the physical
/// plan (the operator that runs each stage, and why), as text.
///
///     logical plan
///       claims                                   13 columns
///       1 where actor = "Zelensky"               the same 13 columns
///       2 group by source                        source string, count int
///     physical plan
///       1 filter claims: postings of listed values intersected, then row tests
///       2 dense group by: counts in a flat array of 6 groups, one pass
extension QueryEngine {
  /// The plans of one query, or its first syntax, name or type error.
  public func explain(_ text: String) throws(Diagnostic) -> String {
    guard case .query(let query) = try Parser.parseStatement(text) else {
      throw Diagnostic(
        .expectedStage, "'.explain' takes a query; a 'let' binds one", at: SourceRange(start: 0, end: min(3, text.utf8.count)))
    }
    let source = try self.source(query.source)
    let (logical, physical) = try plans(query, source)
    var lines = ["logical plan"]
    lines.append("  " + Self.padded(sourceName(logical.source)) + Self.columns(logical.sourceSchema.columns))
    for (k, node) in logical.nodes.enumerated() {
      let output =
        node.output.columns == node.input.columns ? "the same \(node.output.columns.count) columns" : Self.columns(node.output.columns)
      lines.append("  " + Self.padded("\(k + 1) \(node.stage)") + output)
    }
    lines.append("physical plan")
    for (k, op) in physical.operators.enumerated() {
      lines.append("  \(k + 1) " + Self.describe(op))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func sourceName(_ source: LogicalPlan.Source) -> String {
    switch source {
    case .claims: return "claims"
    case .claimsBinding(let name): return "\(name) (claims bound with let)"
    case .table(let name): return name
    }
  }

  static func padded(_ text: String) -> String {
    text.count >= 40 ? text + "  " : text + String(repeating: " ", count: 42 - text.count)
  }

  /// The columns with their types, or only how many when there are more than six.
  static func columns(_ columns: [Column]) -> String {
    guard columns.count <= 6 else { return "\(columns.count) columns" }
    return columns.map { "\($0.name) \($0.type == .list ? "[string]" : $0.type.rawValue)" }.joined(separator: ", ")
  }

  /// How `ClaimFilter` answers each comparison of `e`, in order, each once.
  static func methods(_ e: Expr) -> [String] {
    var out: [String] = []
    func add(_ m: String) { if !out.contains(m) { out.append(m) } }
    func walk(_ e: Expr) {
      switch e {
      case .and(let items), .or(let items): items.forEach(walk)
      case .not(let inner): walk(inner)
      case .compare(let op, let l, let r):
        let field = [l, r].compactMap { if case .field(let n) = $0 { ClaimField(named: n.text) } else { nil } }.first
        switch (field, op) {
        case (.text?, .contains): add("a parallel scan of the texts")
        case (.text?, .matches):
          let literal = [l, r].compactMap { if case .literal(.string(let p), _) = $0 { Pattern.requiredLiteral(p) } else { nil } }.first
          add(literal.map { "a regular expression on each text holding \"\($0)\"" } ?? "a regular expression on each text")
        case (_, .matches): add("a regular expression on each distinct value, then its postings")
        case (.text?, _): add("a test of each text")
        case (.id?, _), (.date?, _): add("a test of each row's number")
        case (.story?, _): add("a test of each row's story (the stories worked out first, once)")
        case (_, .equal), (_, .notEqual): add("postings of the values named")
        default: add("a test of each distinct value, then its postings")
        }
      case .inList(let l, _, _):
        if case .field(let n) = l, let f = ClaimField(named: n.text), f == .id || f == .date || f == .text || f == .story {
          add("a test of each row's number")
        } else {
          add("postings of the values named")
        }
      case .isNull: add("a test of each row")
      case .field, .literal: break
      }
    }
    walk(e)
    return out
  }

  static func describe(_ op: PhysicalPlan.Operator) -> String {
    switch op {
    case .dateIndexScan(let e, let keys, let n):
      return
        "date index scan: rows in \(keys[0].descending ? "descending" : "ascending") date order from the bounds in '\(e)', tested "
        + "until \(n) rows and their last date are in hand"
    case .filterClaims(let e):
      return "filter claims by '\(e)': " + methods(e).joined(separator: ", ")
    case .sortClaims(let keys, let limit):
      let by = keys.map { $0.field.rawValue + ($0.descending ? " desc" : "") }.joined(separator: ", ")
      return limit.map { "top-\($0) of claims by \(by): one comparison for most rows" }
        ?? "sort claims by \(by): each key read once per row as a number, one stable sort"
    case .limitClaims(let n):
      return "first \(n) claims"
    case .countClaims:
      return "count the claims"
    case .denseGroup(let layout, _, _):
      // the counts come with the first count(distinct)'s pass, else one of their own; each min or max takes one
      let passes =
        max(1, layout.aggregates.filter { $0.function == .countDistinct }.count)
        + layout.aggregates.filter { $0.function == .min || $0.function == .max }.count
      return
        "dense group by \(layout.keyFields.map(\.field.rawValue).joined(separator: ", ")): counts in a flat array of "
        + "\(layout.groups) groups indexed by value ids, "
        + (passes == 1 ? "one pass" : "\(passes) passes")
        + (Packing.isFlat(Int64(layout.groups), rows: 0) ? "" : " (hashed instead when the groups outnumber the rows 32 to 1)")
    case .groupClaims(let keys, _, _, _):
      return
        "group claims by \(keys.map(\.rawValue).joined(separator: ", ")): value codes packed into one number and hashed, groups ordered "
        + "by rank, values decoded once per group"
    case .distinctClaims(let fields):
      return
        "distinct claims by \(fields.map { $0.map(\.rawValue).joined(separator: ", ") } ?? "every field"): codes and bytes hashed, "
        + "the first row of each kept"
    case .selectClaims(let items, _):
      return "the selected fields (\(items.map(\.field.text).joined(separator: ", "))) of the claims as a table"
    case .materialize:
      return "claims as a table"
    case .table(let stage):
      return "\(stage) over the table"
    }
  }
}

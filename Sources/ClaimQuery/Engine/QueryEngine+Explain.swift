/// `.explain QUERY`: the logical plan as the engine runs it (each step, fused ones as one, with
/// the columns it gives) and the physical plan (the operator that runs each step, and how), as
/// text.
///
///     logical plan
///       claims                                    13 columns
///       1 where actor = "Zelensky"                the same 13 columns
///       2 group by source                         source string, count int
///     physical plan
///       1 filter claims where actor = "Zelensky": postings of the values named
///       2 dense group by source: counts in a flat array of 7 groups indexed by value ids, one pass
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
      lines.append("  " + Self.padded("\(k + 1) \(node.written)") + output)
    }
    lines.append("physical plan")
    for (k, line) in describe(physical).enumerated() {
      lines.append("  \(k + 1) " + line)
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

  /// A line for each operator of `physical`, in the order they run.
  func describe(_ physical: PhysicalPlan) -> [String] {
    var lines: [String] = []
    if case .claims(let rows, let operators, let then) = physical.pipeline {
      lines += operators.map(describe)
      switch then?.0 {
      case .count?: lines.append("count the claims")
      case .group(let plan)?: lines.append(GroupStrategy.describe(plan, rows: rows?.count ?? store.count))
      case .select(let fields, _)?:
        lines.append("the selected fields (\(fields.map(\.rawValue).joined(separator: ", "))) of the claims as a table")
      case .materialize?: lines.append("claims as a table")
      case nil: break
      }
    }
    return lines + physical.tableOperators.map { "\($0.written) over the table" }
  }

  /// How `ClaimFilter` answers each comparison of `predicate`, in order, each once.
  func methods(_ predicate: LogicalPlan.Predicate) -> String {
    var out: [String] = []
    for c in predicate.comparisons {
      let m = ClaimFilter.method(c, store: store)
      if !out.contains(m) { out.append(m) }
    }
    return out.joined(separator: ", ")
  }

  func describe(_ op: PhysicalPlan.ClaimsOperator) -> String {
    switch op {
    case .firstByDate(let predicate, let keys, let n, let bounds):
      let from = [bounds.low.map { "from \(Day(number: $0))" }, bounds.high.map { "to \(Day(number: $0))" }].compactMap { $0 }
      return "date index scan: rows in \(keys[0].descending ? "descending" : "ascending") date order"
        + (from.isEmpty ? "" : " " + from.joined(separator: " ")) + ", tested (\(methods(predicate))) until \(n) rows and their "
        + "last date are in hand"
    case .filter(let predicate, let written):
      return "filter claims \(written): " + methods(predicate)
    case .sort(let keys, let limit):
      let by = keys.map { $0.field.rawValue + ($0.descending ? " desc" : "") }.joined(separator: ", ")
      return limit.map { "top-\($0) of claims by \(by): one comparison for most rows" }
        ?? "sort claims by \(by): each key read once per row as a number, one stable sort"
    case .limit(let n):
      return "first \(n) claims"
    case .distinct(let fields):
      return "distinct claims by \(fields.map(\.rawValue).joined(separator: ", ")): codes and bytes hashed, the first row of each kept"
    }
  }
}

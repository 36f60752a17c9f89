/// The logical plan rewritten for the column store: stages that one operator answers together
/// become one fused step, so `.explain`'s logical plan shows what runs. On claims rows only:
///
/// - `where … order by date … limit n` first, on all claims: `firstByDate` (the date index);
/// - `order by … limit n`: `topK`;
/// - `select … distinct`: `selectDistinct` (rows kept by codes before values are made).
///
/// The SQL back end compiles the plan as written; a fused step stands for its parts.
enum Fusion {
  /// `plan` with its fusable stages fused; `allClaims` says the source is every claim (not a
  /// `let` name's subset), which the date index needs.
  static func fused(_ plan: LogicalPlan, allClaims: Bool) -> LogicalPlan {
    let nodes = plan.nodes
    guard nodes.count >= 2 else { return plan }
    var out = plan
    out.nodes = []
    var i = 0
    while i < nodes.count {
      let node = nodes[i]
      guard node.input.isClaims, i + 1 < nodes.count else {
        out.nodes.append(node)
        i += 1
        continue
      }
      switch (node.step, nodes[i + 1].step, i + 2 < nodes.count ? nodes[i + 2].step : nil) {
      case (.filter(let p), .orderBy(let keys, let columns), .limit(let n)?)
      where allClaims && i == 0 && n > 0 && PhysicalPlan.field(columns[0]) == .date:
        out.nodes.append(fuse(nodes[i..<i + 3], .firstByDate(p, keys, columns, limit: n)))
        i += 3
      case (.orderBy(let keys, let columns), .limit(let n), _):
        out.nodes.append(fuse(nodes[i..<i + 2], .topK(keys, columns, limit: n)))
        i += 2
      case (.select(let items, let columns), .distinct, _):
        out.nodes.append(fuse(nodes[i..<i + 2], .selectDistinct(items, columns)))
        i += 2
      default:
        out.nodes.append(node)
        i += 1
      }
    }
    return out
  }

  /// One node for `parts`, answered by `step`.
  static func fuse(_ parts: ArraySlice<LogicalPlan.Node>, _ step: LogicalPlan.Step) -> LogicalPlan.Node {
    LogicalPlan.Node(
      stages: parts.flatMap(\.stages), step: step, input: parts.first!.input, output: parts.last!.output, parts: Array(parts))
  }
}

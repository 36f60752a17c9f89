/// How the engine runs a logical plan: an operator per stage, or one for several stages that
/// an index answers together. The planner picks, from the plan and the store's statistics:
/// the date index for `where … order by date … limit n` on all claims; postings and row tests
/// for `where` on claims (`ClaimFilter`); a top-k sort for `order by … limit n`; dense
/// grouping when the keys' value ids fit flat arrays, else grouping by value codes; `distinct`
/// by codes; and the general path over a table for everything after a `select` or a `group by`.
struct PhysicalPlan {
  /// One operator.
  enum Operator {
    /// `where`, `order by date`, `limit n` on all claims, from the date index.
    case dateIndexScan(Expr, [ClaimOrdering.Key], limit: Int)
    /// `where` on claims: postings intersected, then row tests, cheapest first.
    case filterClaims(Expr)
    /// `order by` on claims, keeping only the first `limit` when one follows.
    case sortClaims([ClaimOrdering.Key], limit: Int?)
    /// `limit` on claims.
    case limitClaims(Int)
    /// `count` on claims.
    case countClaims
    /// `group by` on claims (these keys and the layout's aggregates) into flat arrays indexed
    /// by value ids; by value codes, hashed, when the rows are far fewer than the possible groups
    /// (`Packing.isFlat`).
    case denseGroup(DenseGrouping.Layout, [ClaimField], at: SourceRange?)
    /// `group by` on claims by value codes, hashed.
    case groupClaims([ClaimField], [Aggregate], arguments: [ClaimField?], at: SourceRange?)
    /// `distinct` on claims: the first row of each set equal on these fields (nil: every field
    /// of the claims), by codes and bytes.
    case distinctClaims([ClaimField]?)
    /// `select` on claims: a table of the selected fields only (the items' fields, resolved once).
    case selectClaims([SelectItem], [ClaimField])
    /// Claims become a table (after `distinct`).
    case materialize
    /// A stage of the general path, over a table.
    case table(Stage)
  }

  var operators: [Operator]

  /// Picks the operators for `plan` over `store`; `allClaims` says the source is every claim
  /// (not a `let` name's subset), which the date index needs.
  static func plan(_ plan: LogicalPlan, store: ClaimStore, allClaims: Bool) -> PhysicalPlan {
    var operators: [Operator] = []
    var onClaims = plan.sourceSchema.isClaims
    let nodes = plan.nodes
    /// The step after node `k`, if any.
    func next(_ k: Int) -> LogicalPlan.Step? { k + 1 < nodes.count ? nodes[k + 1].step : nil }
    var i = 0
    while i < nodes.count {
      defer { i += 1 }
      guard onClaims else {
        operators.append(.table(nodes[i].stage))
        continue
      }
      switch nodes[i].step {
      case .filter(let e, _):
        if allClaims, i == 0, case .orderBy(let keys, let columns)? = next(i), case .limit(let n)? = next(i + 1), n > 0,
          case let bound = sortKeys(keys, columns), bound.first?.field == .date
        {
          operators.append(.dateIndexScan(e, bound, limit: n))
          i += 2
        } else {
          operators.append(.filterClaims(e))
        }
      case .orderBy(let keys, let columns):
        if case .limit(let n)? = next(i) {
          operators.append(.sortClaims(sortKeys(keys, columns), limit: n))
          i += 1
        } else {
          operators.append(.sortClaims(sortKeys(keys, columns), limit: nil))
        }
      case .limit(let n):
        operators.append(.limitClaims(n))
      case .count:
        operators.append(.countClaims)
        onClaims = false
      case .group(let names, let keyColumns, let aggregates, let argumentColumns):
        let keys = keyColumns.map(field)
        let arguments = argumentColumns.map { $0.map(field) }
        if let layout = DenseGrouping(store: store, cancellation: nil).layout(keys: keys, aggregates: aggregates, arguments: arguments) {
          operators.append(.denseGroup(layout, keys, at: names.first?.range))
        } else {
          operators.append(.groupClaims(keys, aggregates, arguments: arguments, at: names.first?.range))
        }
        onClaims = false
      case .select(let items, let columns):
        let fields = columns.map(field)
        // `select … distinct` keeps rows by codes first, then makes values for them alone
        if case .distinct? = next(i) {
          operators.append(.distinctClaims(fields))
          i += 1
        }
        operators.append(.selectClaims(items, fields))
        onClaims = false
      case .distinct:
        operators += [.distinctClaims(nil), .materialize]
        onClaims = false
      }
    }
    return PhysicalPlan(operators: operators)
  }

  /// The claim field of column `column` of a claims schema: the planner's claims columns are
  /// `ClaimField.allCases` in order (`story` last, when a stage names it).
  static func field(_ column: Int) -> ClaimField { ClaimField.allCases[column] }

  /// `order by` keys bound to the claim fields of the columns the planner resolved.
  static func sortKeys(_ keys: [OrderKey], _ columns: [Int]) -> [ClaimOrdering.Key] {
    zip(keys, columns).map { ClaimOrdering.Key(field: field($1), descending: $0.descending, range: $0.field.range) }
  }
}

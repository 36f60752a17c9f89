/// How `group by` on claims runs, picked in one place (`choose`) from the plan and the number
/// of rows, once they are known: a flat array costs its size to clear, so few rows for many
/// possible groups are hashed instead (`Packing.isFlat`).
enum GroupStrategy {
  /// Flat arrays indexed by value ids (`DenseGrouping`).
  case dense(DenseGrouping.Layout)
  /// Keys read as codes (`ClaimGrouping`): packed into one number when their spans allow
  /// (`Packing`), that number found by index in a flat array when `flat`, else hashed; codes
  /// too wide to pack are hashed as arrays.
  case codes([ClaimGrouping.FieldCodes], Packing?, flat: Bool)

  /// The strategy for `plan` over `rows` rows.
  static func choose(_ plan: ClaimGroupPlan, rows: Int, store: ClaimStore, cancellation: Cancellation?) throws(Diagnostic)
    -> GroupStrategy
  {
    if let layout = plan.layout, Packing.isFlat(Int64(layout.groups), rows: rows) { return .dense(layout) }
    let grouping = ClaimGrouping(store: store, cancellation: cancellation)
    let codes = try plan.keys.map { (k) throws(Diagnostic) in try grouping.fieldCodes(k) }
    let packing = Packing(codes)
    return .codes(codes, packing, flat: packing?.isFlat(rows: rows) ?? false)
  }

  /// What `.explain` says of `plan`: the strategy for `rows` rows, and when it would change.
  static func describe(_ plan: ClaimGroupPlan, rows: Int) -> String {
    let keys = plan.keys.map(\.rawValue).joined(separator: ", ")
    guard let layout = plan.layout else {
      return "group claims by \(keys): value codes packed into one number and hashed (or indexed when few), groups ordered "
        + "by rank, values decoded once per group"
    }
    // the counts come with the first count(distinct)'s pass, else one of their own; each min or max takes one
    let passes =
      max(1, layout.aggregates.filter { $0.function == .countDistinct }.count)
      + layout.aggregates.filter { $0.function == .min || $0.function == .max }.count
    let dense =
      "dense group by \(keys): counts in a flat array of \(layout.groups) groups indexed by value ids, "
      + (passes == 1 ? "one pass" : "\(passes) passes")
    if Packing.isFlat(Int64(layout.groups), rows: 0) { return dense }
    return dense + " (value codes hashed instead when the groups outnumber the rows 32 to 1"
      + (Packing.isFlat(Int64(layout.groups), rows: rows) ? ")" : ", as for all \(rows) claims)")
  }
}

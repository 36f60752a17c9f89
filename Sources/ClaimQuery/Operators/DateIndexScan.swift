/// `where … order by date [desc], … limit n` on claims, answered from the date index: walk the
/// rows in date order from the end the order asks for, starting at the query's own date bound
/// when it has one, test each, and stop once n rows and the whole last date are in hand; the
/// few rows found are then ordered by every key. Exactly the rows a scan and a sort would give.
struct DateIndexScan {
  let store: ClaimStore
  let cancellation: Cancellation?

  /// The first `limit` of all claims passing `test`, ordered by `keys` (whose first key is
  /// `date`: `Fusion` makes this scan only then), from the days within `bounds`.
  func run(test: (Int) -> Bool, keys: [ClaimOrdering.Key], limit: Int, bounds: Bounds) throws(Diagnostic) -> [Int32] {
    let first = keys[0]
    let order = store.byDate
    let dates = store.dates
    var found: [Int32] = []
    var lastDate: Int32? = nil
    // binary search: the first index whose date is > `day` (or ≥ with `orEqual`)
    func index(after day: Int32, orEqual: Bool) -> Int {
      var lo = 0
      var hi = order.count
      while lo < hi {
        let mid = (lo + hi) / 2
        let d = dates[Int(order[mid])]
        if orEqual ? d < day : d <= day { lo = mid + 1 } else { hi = mid }
      }
      return lo
    }
    if first.descending {
      var i = (bounds.high.map { index(after: $0, orEqual: false) } ?? order.count) - 1
      let stop = bounds.low.map { index(after: $0, orEqual: true) } ?? 0
      while i >= stop {
        try cancellation.poll(i, at: first.range)
        let d = dates[Int(order[i])]
        if found.count >= limit, d != lastDate { break }
        if test(Int(order[i])) {
          found.append(order[i])
          lastDate = d
        }
        i -= 1
      }
    } else {
      var i = bounds.low.map { index(after: $0, orEqual: true) } ?? 0
      let stop = bounds.high.map { index(after: $0, orEqual: false) } ?? order.count
      while i < stop {
        try cancellation.poll(i, at: first.range)
        let d = dates[Int(order[i])]
        if found.count >= limit, d != lastDate { break }
        if test(Int(order[i])) {
          found.append(order[i])
          lastDate = d
        }
        i += 1
      }
    }
    return try ClaimOrdering(store: store, cancellation: cancellation).sort(found.sorted(), by: keys, limit: limit)
  }

  /// The days a scan may start and stop at (day numbers), when the predicate states them.
  struct Bounds: Equatable {
    var low: Int32?
    var high: Int32?
  }

  /// The date bounds a predicate over claims states at its top level: `date >= a and date <= b`.
  static func bounds(of predicate: LogicalPlan.Predicate) -> Bounds {
    var bounds = Bounds()
    let items: [LogicalPlan.Predicate]
    if case .and(let list) = predicate { items = list } else { items = [predicate] }
    for case .comparison(let c) in items where PhysicalPlan.field(c.column) == .date && !c.negated {
      switch c.test {
      case .order(let op, let v):
        guard let day = ClaimFilter.dayNumber(v) else { continue }
        switch op {
        case .greater, .greaterEqual: bounds.low = max(bounds.low ?? day, day)
        case .less, .lessEqual: bounds.high = min(bounds.high ?? day, day)
        default: break
        }
      case .equal(let values) where values.count == 1:
        guard let day = ClaimFilter.dayNumber(values[0]) else { continue }
        (bounds.low, bounds.high) = (max(bounds.low ?? day, day), min(bounds.high ?? day, day))
      default: break
      }
    }
    return bounds
  }
}

/// `where … order by date [desc], … limit n` on claims, answered from the date index: walk the
/// rows in date order from the end the order asks for, starting at the query's own date bound
/// when it has one, test each, and stop once n rows and the whole last date are in hand; the
/// few rows found are then ordered by every key. Exactly the rows a scan and a sort would give.
struct DateIndexScan {
  let store: ClaimStore
  let cancellation: Cancellation?

  /// The first `limit` rows of `rows` (nil: all claims) passing `test`, ordered by `keys`
  /// (whose first key is `date`), or nil when the index cannot serve.
  func run(
    test: (Int) -> Bool, rows: [Int32]?, keys: [ClaimOrdering.Key], limit: Int, bounds: (low: Int32?, high: Int32?)
  ) throws(Diagnostic) -> [Int32]? {
    guard rows == nil, let first = keys.first, first.field == .date, limit > 0 else { return nil }
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

  /// The date bounds a `where` states at its top level: `date >= a and date <= b`.
  static func bounds(of expr: Expr) -> (low: Int32?, high: Int32?) {
    var low: Int32? = nil
    var high: Int32? = nil
    let items: [Expr]
    if case .and(let list) = expr { items = list } else { items = [expr] }
    for item in items {
      guard case .compare(let op, .field(let name), .literal(let lit, _)) = item, name.text.lowercased() == "date" else { continue }
      let day: Int32?
      switch lit {
      case .date(let d): day = d.number
      case .string(let s): day = Day(parsing: s)?.number
      default: day = nil
      }
      guard let day else { continue }
      switch op {
      case .greater, .greaterEqual: low = max(low ?? day, day)
      case .less, .lessEqual: high = min(high ?? day, day)
      case .equal: (low, high) = (max(low ?? day, day), min(high ?? day, day))
      default: break
      }
    }
    return (low, high)
  }
}

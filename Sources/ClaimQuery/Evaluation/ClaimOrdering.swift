/// `order by` on claims rows: keys compared as numbers, ranks of dictionary values, or text.
struct ClaimOrdering {
  let store: ClaimStore

  /// `rows` sorted by `keys`, stably.
  func sort(_ rows: [Int32], by keys: [OrderKey]) throws(Diagnostic) -> [Int32] {
    let grouping = ClaimGrouping(store: store, cancellation: nil)
    let fields = try keys.map { (k) throws(Diagnostic) in try grouping.fieldCodes(k.field) }
    // a row's sort key per field: the rank of its first value (lists: of the smallest value)
    let sortKeys: [[Int64]] = fields.map { f in
      rows.map { r in f.codes(Int(r)).map { $0 == Grouping.null ? Int64.min : f.rank($0) }.min() ?? Int64.min }
    }
    let order = rows.indices.sorted { a, b in
      for (k, key) in zip(keys, sortKeys) where key[a] != key[b] {
        return k.descending ? key[a] > key[b] : key[a] < key[b]
      }
      return a < b
    }
    return order.map { rows[$0] }
  }
}

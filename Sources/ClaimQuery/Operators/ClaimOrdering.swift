/// `order by` on claims rows: each key read once per row as a number (ids, day numbers, the
/// rank of a dictionary value; a list by its smallest value's rank; a text by its first bytes),
/// then one stable sort.
struct ClaimOrdering {
  /// An `order by` key as the planner bound it: a claim field and a direction.
  struct Key: Sendable {
    let field: ClaimField
    let descending: Bool
    /// Where the key is written, for a stop's diagnostic.
    let range: SourceRange?
  }

  let store: ClaimStore
  let cancellation: Cancellation?

  /// `rows` (nil: every claim) sorted by `keys`, stably; only the first `limit` when a
  /// `limit` follows.
  func sort(_ given: [Int32]?, by keys: [Key], limit: Int? = nil) throws(Diagnostic) -> [Int32] {
    // the text alone: eight bytes at a time, the first few (with no list of every row made)
    // or every row
    let textAlone = keys.count == 1 && keys[0].field == .text
    let ordering = TextOrdering(texts: store.texts, cancellation: cancellation)
    if textAlone, let limit, limit < (given?.count ?? store.count) / 8 {
      return try ordering.top(given, limit: limit, descending: keys[0].descending, at: keys[0].range)
    }
    let rows = given ?? Array(0..<Int32(store.count))
    if textAlone {
      let sorted = try ordering.sort(rows, descending: keys[0].descending, at: keys[0].range)
      return limit.map { Array(sorted.prefix(max(0, $0))) } ?? sorted
    }
    var sortKeys: [[Int64]] = []
    for key in keys {
      sortKeys.append(try numbers(key.field, rows))
      try cancellation.check(at: key.range)
    }
    // a text's number is its first eight bytes: equal numbers are told apart by the whole texts
    let isText = keys.map { $0.field == .text }
    func less(_ a: Int, _ b: Int) -> Bool {
      for (k, key) in sortKeys.enumerated() {
        var order = key[a] == key[b] ? 0 : key[a] < key[b] ? -1 : 1
        if order == 0, isText[k] { order = Self.compare(store.texts.bytes(Int(rows[a])), store.texts.bytes(Int(rows[b]))) }
        if order != 0 { return keys[k].descending ? order > 0 : order < 0 }
      }
      return a < b
    }
    if let limit, limit < rows.count / 8 {
      // top-k: keep the best `limit` in order, one comparison for most rows
      var best: [Int] = []
      best.reserveCapacity(limit + 1)
      for i in rows.indices {
        try cancellation.poll(i, at: keys.first?.range)
        guard best.count < limit || less(i, best[best.count - 1]) else { continue }
        let at = best.firstIndex { less(i, $0) } ?? best.count
        best.insert(i, at: at)
        if best.count > limit { best.removeLast() }
      }
      return best.map { rows[$0] }
    }
    let sorted = rows.indices.sorted(by: less).map { rows[$0] }
    return limit.map { Array(sorted.prefix(max(0, $0))) } ?? sorted
  }

  /// Each row's sort number for `field`; nulls first.
  func numbers(_ field: ClaimField, _ rows: [Int32]) throws(Diagnostic) -> [Int64] {
    switch field {
    case .id: return rows.map { Int64(store.ids[Int($0)]) }
    case .story:
      let stories = try store.stories.ids(cancellation)
      return rows.map { stories[Int($0)] == 0 ? Int64.min : Int64(stories[Int($0)]) }
    case .date: return rows.map { store.dates[Int($0)] == ClaimStore.noDate ? Int64.min : Int64(store.dates[Int($0)]) }
    case .actor, .cited, .topic:
      let list = store.list(field)!
      let ranks = list.dictionary.ranks()
      return rows.map { r in list.column.row(Int(r)).map { Int64(ranks[Int($0)]) }.min() ?? Int64.min }
    case .text:
      return rows.map { Self.prefix(store.texts.bytes(Int($0))) }
    default:
      let coded = store.coded(field)!
      let ranks = coded.dictionary.ranks()
      return rows.map { r in coded.codes[Int(r)] < 0 ? Int64.min : Int64(ranks[Int(coded.codes[Int(r)])]) }
    }
  }

  /// The first eight bytes of `text`, big-endian, as a number that sorts as they do.
  static func prefix(_ text: ArraySlice<UInt8>) -> Int64 {
    Int64(bitPattern: text.withUnsafeBufferPointer { TextOrdering.number($0) } ^ (1 << 63))
  }

  /// -1, 0 or 1 as `a` sorts before, with or after `b`, byte by byte (a prefix first).
  static func compare(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
    a.withUnsafeBufferPointer { p in b.withUnsafeBufferPointer { q in TextOrdering.compare(p, q) } }
  }
}

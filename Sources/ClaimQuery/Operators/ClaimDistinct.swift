/// `distinct` on claims rows by their stored codes and bytes: the first row of each set of rows
/// whose fields are equal, in order, with no value made (a `select` then makes values for the
/// rows kept only). A row is hashed once; rows with the same hash are compared field by field.
struct ClaimDistinct {
  let store: ClaimStore
  let cancellation: Cancellation?

  /// The first of each set of `rows` (nil: every claim) equal on `fields`.
  func rows(_ rows: [Int32]?, fields: [ClaimField], at range: SourceRange?) throws(Diagnostic) -> [Int32] {
    if let kept = try coded(rows, fields: fields, at: range) { return kept }
    let stories = fields.contains(.story) ? try store.stories.ids(cancellation) : []
    // the kept rows, and for each, the next kept row with its hash (-1: none)
    var kept: [Int32] = []
    var next: [Int32] = []
    var first: [Int: Int32] = [:]
    let total = rows?.count ?? store.count
    for k in 0..<total {
      try cancellation.poll(k, at: range)
      let row = rows.map { Int($0[k]) } ?? k
      var hasher = Hasher()
      for f in fields { hash(f, row, stories, into: &hasher) }
      let key = hasher.finalize()
      var at = first[key] ?? -1
      var seen = false
      while at >= 0 {
        if fields.allSatisfy({ same($0, Int(kept[Int(at)]), row, stories) }) {
          seen = true
          break
        }
        at = next[Int(at)]
      }
      guard !seen else { continue }
      next.append(first[key] ?? -1)
      first[key] = Int32(kept.count)
      kept.append(Int32(row))
    }
    return kept
  }

  /// `rows` for dictionary-encoded fields whose codes pack into few numbers (`Packing.isFlat`):
  /// each row's codes packed into one number, marked seen in a flat array, no hashing. Nil for
  /// other fields.
  func coded(_ rows: [Int32]?, fields: [ClaimField], at range: SourceRange?) throws(Diagnostic) -> [Int32]? {
    guard !fields.isEmpty else { return nil }
    var columns: [[Int32]] = []
    var spans: [(low: Int64, width: Int64)] = []
    for f in fields {
      guard f.storage == .string, let coded = store.coded(f) else { return nil }
      columns.append(coded.codes)
      spans.append((0, Int64(coded.dictionary.count)))
    }
    let total = rows?.count ?? store.count
    guard let packing = Packing(spans: spans), packing.isFlat(rows: total) else { return nil }
    var seen = [Bool](repeating: false, count: Int(packing.size))
    var kept: [Int32] = []
    for k in 0..<total {
      try cancellation.poll(k, at: range)
      let row = rows.map { Int($0[k]) } ?? k
      var key: Int64 = 0
      for (i, codes) in columns.enumerated() {
        let code = codes[row]  // -1: missing
        key += packing.digit(i, code < 0 ? Grouping.null : Int64(code)) * packing.place[i]
      }
      if !seen[Int(key)] {
        seen[Int(key)] = true
        kept.append(Int32(row))
      }
    }
    return kept
  }

  /// Feeds what row `row` holds in `field` to `hasher`.
  func hash(_ field: ClaimField, _ row: Int, _ stories: [Int32], into hasher: inout Hasher) {
    switch field.storage {
    case .id: hasher.combine(store.ids[row])
    case .story: hasher.combine(stories[row])
    case .date: hasher.combine(store.dates[row])
    case .text: store.texts.bytes(row).withUnsafeBytes { hasher.combine(bytes: $0) }
    case .list:
      let values = store.lists[field.listSlot!].column.row(row)
      hasher.combine(values.count)
      for v in values { hasher.combine(v) }
    case .string: hasher.combine(store.strings[field.stringSlot!].codes[row])
    }
  }

  /// Whether rows `a` and `b` hold the same in `field`.
  func same(_ field: ClaimField, _ a: Int, _ b: Int, _ stories: [Int32]) -> Bool {
    switch field.storage {
    case .id: return store.ids[a] == store.ids[b]
    case .story: return stories[a] == stories[b]
    case .date: return store.dates[a] == store.dates[b]
    case .text: return store.texts.bytes(a).elementsEqual(store.texts.bytes(b))
    case .list:
      let column = store.lists[field.listSlot!].column
      return column.row(a).elementsEqual(column.row(b))
    case .string:
      let codes = store.strings[field.stringSlot!].codes
      return codes[a] == codes[b]
    }
  }
}

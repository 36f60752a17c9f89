import Synchronization

/// The distinct strings of a column, each with an id, and the indexes that resolve a query's
/// literal to ids once per query: by lowercased text, and by lexicon name (aliases).
struct ValueDictionary: Sendable {
  /// The values, by id.
  private(set) var values: [String] = []
  private var ids: [String: Int32] = [:]
  /// Ids by lowercased value; nil when the field is not matched by name.
  private var byLowercased: [String: [Int32]]? = nil
  /// The ranks, sorted for on first use (only `order by`, `min` and `max` need them) and kept.
  private let rankCache = RankCache()

  /// A dictionary of `values`, whose ids are their positions; `names` indexes them by
  /// lowercased text too, for fields matched by name.
  init(values: [String], lexicon: Lexicon, names: Bool = true) {
    self.values = values
    ids.reserveCapacity(values.count)
    for (i, v) in values.enumerated() { ids[v] = Int32(i) }
    if names {
      var index: [String: [Int32]] = [:]
      for (i, v) in values.enumerated() { index[v.lowercased(), default: []].append(Int32(i)) }
      byLowercased = index
    }
  }

  /// An empty dictionary.
  init() {}

  /// How many values there are.
  var count: Int { values.count }

  /// The ids equal to `literal` under `matching`.
  func ids(matching literal: String, _ matching: Matching, lexicon: Lexicon) -> [Int32] {
    switch matching {
    case .exact: return ids[literal].map { [$0] } ?? []
    case .caseless:
      let lower = literal.lowercased()
      return values.indices.filter { values[$0].lowercased() == lower }.map { Int32($0) }
    case .name:
      // the values written as the literal is, in any case; else those its canonical name is
      // (`Matcher.nameKey`: the same rule for tables)
      let byLowercased = byLowercased ?? Dictionary(grouping: values.indices.map { Int32($0) }) { values[Int($0)].lowercased() }
      if let direct = byLowercased[literal.lowercased()] { return direct }
      guard let canonical = lexicon.canonicalName(literal) else { return [] }
      return byLowercased[canonical.lowercased()] ?? []
    }
  }

  /// The ids whose value satisfies `test`.
  func ids(where test: (String) -> Bool) -> [Int32] {
    values.indices.filter { test(values[$0]) }.map { Int32($0) }
  }

  /// For each id, its rank in sorted order (for min, max and order by).
  func ranks() -> [Int32] {
    rankCache.ranks.withLock { ranks in
      if let ranks { return ranks }
      let made = ValueDictionary.ranks(of: values)
      ranks = made
      return made
    }
  }

  /// For each string, its rank in sorted order.
  static func ranks(of values: [String]) -> [Int32] {
    let order = values.indices.sorted { Value.ascending(.string(values[$0]), .string(values[$1])) }
    var rank = [Int32](repeating: 0, count: values.count)
    for (r, id) in order.enumerated() { rank[id] = Int32(r) }
    return rank
  }
}

/// A dictionary's ranks once they are made, shared by its copies (a dictionary's values never
/// change once it is made).
final class RankCache: Sendable {
  let ranks = Mutex<[Int32]?>(nil)
}

/// A list column: each row's values are `values[offsets[row]..<offsets[row + 1]]`, as ids.
struct ListColumn: Sendable {
  /// Where each row's values start; one more entry than rows.
  var offsets: [Int32] = [0]
  /// The ids, row after row.
  var values: [Int32] = []

  /// Appends a row.
  mutating func append(_ ids: [Int32]) {
    values += ids
    offsets.append(Int32(values.count))
  }

  /// The ids of `row`.
  @inline(__always) func row(_ row: Int) -> ArraySlice<Int32> {
    values[Int(offsets[row])..<Int(offsets[row + 1])]
  }

  /// Empty postings lists with room for `sizes` rows each, so that filling them never regrows.
  static func emptyPostings(sizes: [Int]) -> [[Int32]] {
    sizes.map { size in
      var list: [Int32] = []
      list.reserveCapacity(size)
      return list
    }
  }

  /// Sorted row numbers per value id: the postings.
  func postings(valueCount: Int) -> [[Int32]] {
    var sizes = [Int](repeating: 0, count: valueCount)
    for v in values { sizes[Int(v)] += 1 }
    var lists = Self.emptyPostings(sizes: sizes)
    for r in 0..<(offsets.count - 1) {
      for v in row(r) where lists[Int(v)].last != Int32(r) { lists[Int(v)].append(Int32(r)) }
    }
    return lists
  }
}

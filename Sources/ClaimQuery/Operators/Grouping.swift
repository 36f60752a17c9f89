/// Groups being built: rows map to groups by their key codes; aggregates accumulate per group.
///
/// Keys and aggregate arguments are codes (`Int64`): value ids, day numbers or integers, with
/// `Grouping.null` for a missing value. A list field gives a row one key per value, so the row
/// joins one group per value.
struct Grouping {
  /// The code of a missing value.
  static let null = Int64.min

  private(set) var keys: [[Int64]] = []
  private(set) var counts: [Int] = []
  private var index: [[Int64]: Int] = [:]
  private var single: [Int64: Int] = [:]
  /// Packed key → group + 1 (0: none yet), when `Packing.isFlat` (`indexDirectly`).
  private var direct: [Int32] = []

  /// Finds groups of packed keys in `0 ..< size` by index rather than by hashing.
  mutating func indexDirectly(_ size: Int64) { direct = [Int32](repeating: 0, count: Int(size)) }

  /// The group for `key`, created when new.
  mutating func group(_ key: [Int64]) -> Int {
    if key.count == 1 {
      if let g = single[key[0]] { return g }
      single[key[0]] = keys.count
    } else {
      if let g = index[key] { return g }
      index[key] = keys.count
    }
    keys.append(key)
    counts.append(0)
    return keys.count - 1
  }

  /// The group for a key packed into one number (`Packing`), created when new with the codes
  /// `unpack` gives.
  mutating func group(packed: Int64, _ unpack: () -> [Int64]) -> Int {
    if !direct.isEmpty {
      let g = direct[Int(packed)]
      if g > 0 { return Int(g) - 1 }
      direct[Int(packed)] = Int32(keys.count + 1)
    } else {
      if let g = single[packed] { return g }
      single[packed] = keys.count
    }
    keys.append(unpack())
    counts.append(0)
    return keys.count - 1
  }

  /// Counts one more row in group `g`.
  mutating func count(_ g: Int) { counts[g] += 1 }

  /// Every combination of one code from each list: the keys a row joins. A row whose list
  /// field is empty joins no group (one group per value, and it has none).
  static func combinations(_ lists: [[Int64]]) -> [[Int64]] {
    var out: [[Int64]] = [[]]
    for list in lists { out = out.flatMap { prefix in list.map { prefix + [$0] } } }
    return out
  }

  /// The order groups are shown in, as DESIGN.md says, for every way of grouping: by weight
  /// descending (the first `count` or `count(distinct …)` the query asks for, else the group's
  /// size), then by each key's rank ascending (null first). The indices of the groups, ordered.
  static func order(weights: [Int], keyRanks: [[Int]]) -> [Int] {
    weights.indices.sorted { x, y in
      if weights[x] != weights[y] { return weights[x] > weights[y] }
      for key in keyRanks where key[x] != key[y] { return key[x] < key[y] }
      return false
    }
  }

  /// The aggregate whose value weighs a group (`order`): the first `count` or `count(distinct …)`.
  static func weighing(_ aggregates: [Aggregate]) -> Int? {
    aggregates.firstIndex { $0.function == .count || $0.function == .countDistinct }
  }

  /// Grouped rows (the keys' values first, then the aggregates') in `order`'s order; `sizes`
  /// are the groups' sizes. A key's rank is its value's place among the key's values.
  static func ordered(_ rows: [[Value]], sizes: [Int], keyCount: Int, aggregates: [Aggregate]) -> [[Value]] {
    let weights = rows.indices.map { i -> Int in
      if let a = weighing(aggregates), case .int(let n) = rows[i][keyCount + a] { return n }
      return sizes[i]
    }
    let keyRanks = (0..<keyCount).map { k -> [Int] in
      let values = Array(Set(rows.map { $0[k] })).sorted(by: Value.ascending)
      let rank = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
      return rows.map { rank[$0[k]]! }
    }
    return order(weights: weights, keyRanks: keyRanks).map { rows[$0] }
  }
}

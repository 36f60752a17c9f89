/// The fast path of `group by` on the column store: when every key is a dictionary-encoded
/// field, a group is a mixed-radix number of value ids, so counts live in a flat array,
/// `count(distinct f)` in a bitset per group and `min(f)` / `max(f)` in a value id (or day)
/// per group; no hashing, no allocation per row.
struct DenseGrouping {
  let store: ClaimStore
  let cancellation: Cancellation?

  /// A key or argument field as value ids: list fields give several per row, coded fields one
  /// (null is id `cardinality - 1`).
  struct Field {
    let field: ClaimField
    let offsets: [Int32]
    let values: [Int32]
    let cardinality: Int
    let dictionary: ValueDictionary
    /// The id that stands for null in a coded field (whose codes say -1).
    let nullID: Int

    /// The id of value code `code`.
    @inline(__always) func id(_ code: Int32) -> Int { code < 0 ? nullID : Int(code) }

    /// Calls `body` with the field's arrays as buffers (no retain or copy per row).
    @inline(__always) func withBuffers<R>(_ body: (Buffers) -> R) -> R {
      offsets.withUnsafeBufferPointer { o in values.withUnsafeBufferPointer { v in body(Buffers(offsets: o, values: v, nullID: nullID)) } }
    }
  }

  /// A field's arrays as buffers, valid inside `Field.withBuffers`.
  struct Buffers {
    let offsets: UnsafeBufferPointer<Int32>
    let values: UnsafeBufferPointer<Int32>
    let nullID: Int

    /// Calls `body` with each of row `row`'s value ids.
    @inline(__always) func forEachValue(row: Int, _ body: (Int) -> Void) {
      if offsets.isEmpty {
        let code = values[row]
        body(code < 0 ? nullID : Int(code))
      } else {
        for i in Int(offsets[row])..<Int(offsets[row + 1]) { body(Int(values[i])) }
      }
    }
  }

  /// The most bitset words `count(distinct …)` may use.
  static let maximumBitsetWords = 1 << 25

  func field(_ f: ClaimField) -> Field? {
    if let list = store.list(f) {
      return Field(
        field: f, offsets: list.column.offsets, values: list.column.values, cardinality: list.dictionary.count, dictionary: list.dictionary,
        nullID: -1)
    }
    guard let coded = store.coded(f) else { return nil }
    // the codes as they are (shared, not copied); -1 reads as the extra id `count`
    return Field(
      field: f, offsets: [], values: coded.codes, cardinality: coded.dictionary.count + 1, dictionary: coded.dictionary,
      nullID: coded.dictionary.count)
  }

  /// What a dense grouping needs, worked out before any row is read: the key and argument
  /// fields as value ids, and the sizes of the flat arrays.
  struct Layout {
    let keyFields: [Field]
    let aggregates: [Aggregate]
    /// Each aggregate's argument field (nil for `count`).
    let arguments: [ClaimField?]
    /// Each aggregate's argument as value ids (nil for `count`, and for `min` / `max` of `date`,
    /// which compare day numbers).
    let argFields: [Field?]
    /// Each key's place value: a group is the sum of its keys' value ids times their places,
    /// the first key the most significant.
    let places: [Int]
    /// The number of possible groups.
    let groups: Int
    /// Bitset words per group, per aggregate (0 for `count`).
    let words: [Int]
  }

  /// The layout for `keys` and `aggregates`, or nil when this query needs the general path:
  /// dictionary-encoded keys; `count`, and `count(distinct …)`, `min` and `max` of
  /// a dictionary-encoded field (`min` and `max` of `date` too); arrays that fit the limits.
  func layout(keys: [ClaimField], aggregates: [Aggregate], arguments bound: [ClaimField?]) -> Layout? {
    let keyFields = keys.compactMap(field)
    guard keyFields.count == keys.count, !keyFields.isEmpty else { return nil }
    var arguments: [ClaimField?] = []
    var argFields: [Field?] = []
    for (a, argument) in zip(aggregates, bound) {
      switch (a.function, argument) {
      case (.count, nil):
        arguments.append(nil)
        argFields.append(nil)
      case (.min, .date?), (.max, .date?):
        arguments.append(.date)
        argFields.append(nil)
      case (.countDistinct, let f?), (.min, let f?), (.max, let f?):
        guard let ids = field(f) else { return nil }
        arguments.append(f)
        argFields.append(ids)
      default:
        return nil
      }
    }
    // the first key the most significant digit
    guard let (reversed, size) = Packing.places(radices: keyFields.reversed().map { Int64($0.cardinality) }),
      size <= Packing.maximumFlat, size > 0
    else { return nil }
    let (places, groups) = (reversed.reversed().map { Int($0) }, Int(size))
    let words = zip(aggregates, argFields).map { a, f in a.function == .countDistinct ? max(1, (f!.cardinality + 63) / 64) : 0 }
    guard words.reduce(0, { $0 + $1 * groups }) <= Self.maximumBitsetWords else { return nil }
    return Layout(
      keyFields: keyFields, aggregates: aggregates, arguments: arguments, argFields: argFields, places: places, groups: groups, words: words
    )
  }

  /// The grouped table: one pass over `rows` (nil: all claims).
  func group(rows: [Int32]?, _ layout: Layout, at range: SourceRange?) throws(Diagnostic) -> Table {
    let (keyFields, aggregates, argFields, places, groups, words) = (
      layout.keyFields, layout.aggregates, layout.argFields, layout.places, layout.groups, layout.words
    )
    var counts = [Int32](repeating: 0, count: groups)
    var bitsets = words.map { [UInt64](repeating: 0, count: $0 * groups) }
    let total = rows?.count ?? store.count
    let distinct = aggregates.indices.filter { aggregates[$0].function == .countDistinct }
    // one pass over the rows, on raw buffers: value ids in, counts and bits out
    counts.withUnsafeMutableBufferPointer { counts in
      for (n, a) in distinct.enumerated() {
        let w = words[a]
        bitsets[a].withUnsafeMutableBufferPointer { bits in
          argFields[a]!.withBuffers { f in
            if n == 0 {
              // the first pass counts too
              Self.scan(layout, rows: rows, total: total, cancellation: cancellation) { row, g in
                counts[g] += 1
                f.forEachValue(row: row) { v in bits[g * w + v >> 6] |= 1 << UInt64(v & 63) }
              }
            } else {
              Self.scan(layout, rows: rows, total: total, cancellation: cancellation) { row, g in
                f.forEachValue(row: row) { v in bits[g * w + v >> 6] |= 1 << UInt64(v & 63) }
              }
            }
          }
        }
      }
      if distinct.isEmpty { Self.scan(layout, rows: rows, total: total, cancellation: cancellation) { _, g in counts[g] += 1 } }
    }
    let best = aggregates.indices.map { a in
      aggregates[a].function == .min || aggregates[a].function == .max ? self.best(layout, a, rows: rows, total: total) : []
    }
    try cancellation.check(at: range)

    let columns = Planner.groupedColumns(keys: keyFields.map(\.field), aggregates: aggregates, arguments: layout.arguments)
    // each present group's aggregates, as numbers
    let present = (0..<groups).filter { counts[$0] > 0 }
    var numbers = [Int](repeating: 0, count: present.count * aggregates.count)
    for (p, g) in present.enumerated() {
      for a in aggregates.indices {
        switch aggregates[a].function {
        case .count: numbers[p * aggregates.count + a] = Int(counts[g])
        case .countDistinct: break
        default: continue
        }
        guard let f = argFields[a], aggregates[a].function == .countDistinct else { continue }
        var n = 0
        for w in 0..<words[a] { n += bitsets[a][g * words[a] + w].nonzeroBitCount }
        // a null argument is not a value: drop its bit
        if !f.field.isList, f.cardinality - 1 == f.dictionary.count {
          let null = f.cardinality - 1
          if bitsets[a][g * words[a] + null >> 6] & (1 << UInt64(null & 63)) != 0 { n -= 1 }
        }
        numbers[p * aggregates.count + a] = n
      }
    }
    // Grouping.order, on integers
    let weighing = Grouping.weighing(aggregates)
    let weights = present.indices.map { p in weighing.map { numbers[p * aggregates.count + $0] } ?? Int(counts[present[p]]) }
    func keyIDs(_ g: Int) -> [Int] { keyFields.indices.map { g / places[$0] % keyFields[$0].cardinality } }
    let ranks = keyFields.map { $0.dictionary.ranks() }
    func rank(_ k: Int, _ id: Int) -> Int { id < keyFields[k].dictionary.count ? Int(ranks[k][id]) : -1 }
    let keyRanks = keyFields.indices.map { k in present.map { rank(k, $0 / places[k] % keyFields[k].cardinality) } }
    let order = Grouping.order(weights: weights, keyRanks: keyRanks)
    let rows = order.map { p -> [Value] in
      var row: [Value] = zip(keyFields, keyIDs(present[p])).map { f, id in
        id < f.dictionary.count ? .string(f.dictionary.values[id]) : .null
      }
      for a in aggregates.indices {
        switch aggregates[a].function {
        case .min, .max:
          let b = best[a][present[p]]
          if let f = argFields[a] {
            row.append(b < 0 ? .null : .string(f.dictionary.values[Int(b)]))
          } else {
            row.append(b == ClaimStore.noDate ? .null : .date(Day(number: b)))
          }
        default: row.append(.int(numbers[p * aggregates.count + a]))
        }
      }
      return row
    }
    return Table(columns: columns, rows: rows)
  }

  /// Aggregate `a`'s `min` or `max` per group: a value id, the first of the best rank (-1 for
  /// none), or for `date` a day number (`ClaimStore.noDate` for none). One pass over `rows`.
  func best(_ layout: Layout, _ a: Int, rows: [Int32]?, total: Int) -> [Int32] {
    let function = layout.aggregates[a].function
    guard let f = layout.argFields[a] else {
      var days = [Int32](repeating: ClaimStore.noDate, count: layout.groups)
      store.dates.withUnsafeBufferPointer { dates in
        days.withUnsafeMutableBufferPointer { days in
          Self.scan(layout, rows: rows, total: total, cancellation: cancellation) { row, g in
            let d = dates[row]
            guard d != ClaimStore.noDate else { return }
            if days[g] == ClaimStore.noDate || function.prefers(d, over: days[g]) { days[g] = d }
          }
        }
      }
      return days
    }
    var ids = [Int32](repeating: -1, count: layout.groups)
    let ranks = f.dictionary.ranks()
    let values = f.dictionary.count
    ranks.withUnsafeBufferPointer { ranks in
      ids.withUnsafeMutableBufferPointer { ids in
        f.withBuffers { f in
          Self.scan(layout, rows: rows, total: total, cancellation: cancellation) { row, g in
            f.forEachValue(row: row) { v in
              guard v < values else { return }  // null
              let current = ids[g]
              if current < 0 || function.prefers(ranks[v], over: ranks[Int(current)]) { ids[g] = Int32(v) }
            }
          }
        }
      }
    }
    return ids
  }

  /// Calls `body(row, group)` for each row and each group it joins (a row with list keys joins
  /// one group per combination of their values). Stops early when `cancellation` asks
  /// (checked every 65,536 rows); the caller then throws.
  @inline(__always)
  static func scan(_ layout: Layout, rows: [Int32]?, total: Int, cancellation: Cancellation?, _ body: (Int, Int) -> Void) {
    let keys = layout.keyFields
    guard keys.count > 2 else {
      return scan(
        keys[0], keys.count == 2 ? keys[1] : nil, radix: layout.places[0], rows: rows, total: total, cancellation: cancellation, body)
    }
    withBuffers(keys) { keys in
      let places = layout.places
      let coded = keys.indices.filter { keys[$0].offsets.isEmpty }
      let lists = keys.indices.filter { !keys[$0].offsets.isEmpty }
      // the list keys' values, one combination at a time (for two list keys or more)
      func expand(_ l: Int, _ g: Int, _ row: Int) {
        guard l < lists.count else { return body(row, g) }
        let k = lists[l]
        keys[k].forEachValue(row: row) { v in expand(l + 1, g + v * places[k], row) }
      }
      for n in 0..<total {
        if n & 0xFFFF == 0xFFFF, cancellation.shouldStop { return }
        let row = rows.map { Int($0[n]) } ?? n
        var g = 0
        for k in coded { keys[k].forEachValue(row: row) { g += $0 * places[k] } }
        switch lists.count {
        case 0: body(row, g)
        case 1: keys[lists[0]].forEachValue(row: row) { body(row, g + $0 * places[lists[0]]) }
        default: expand(0, g, row)
        }
      }
    }
  }

  /// Calls `body` with the buffers of every field in `fields`, all valid for the call.
  static func withBuffers<R>(_ fields: [Field], _ body: ([Buffers]) -> R) -> R {
    func nest(_ i: Int, _ taken: [Buffers]) -> R {
      guard i < fields.count else { return body(taken) }
      return fields[i].withBuffers { nest(i + 1, taken + [$0]) }
    }
    return nest(0, [])
  }

  /// `scan` for one key or two (`radix`: the second's cardinality), on buffers held directly.
  @inline(__always)
  private static func scan(
    _ first: Field, _ second: Field?, radix: Int, rows: [Int32]?, total: Int, cancellation: Cancellation?, _ body: (Int, Int) -> Void
  ) {
    first.offsets.withUnsafeBufferPointer { o1 in
      first.values.withUnsafeBufferPointer { v1 in
        let o2 = second?.offsets ?? []
        let v2 = second?.values ?? []
        o2.withUnsafeBufferPointer { o2 in
          v2.withUnsafeBufferPointer { v2 in
            let pairs = second != nil
            let secondNull = second?.nullID ?? 0
            for k in 0..<total {
              if k & 0xFFFF == 0xFFFF, cancellation.shouldStop { return }
              let row = rows.map { Int($0[k]) } ?? k
              let (s1, e1) = o1.isEmpty ? (row, row + 1) : (Int(o1[row]), Int(o1[row + 1]))
              guard pairs else {
                for i in s1..<e1 { body(row, first.id(v1[i])) }
                continue
              }
              let (s2, e2) = o2.isEmpty ? (row, row + 1) : (Int(o2[row]), Int(o2[row + 1]))
              for i in s1..<e1 {
                let a = first.id(v1[i]) * radix
                for j in s2..<e2 { body(row, a + (v2[j] < 0 ? secondNull : Int(v2[j]))) }
              }
            }
          }
        }
      }
    }
  }
}

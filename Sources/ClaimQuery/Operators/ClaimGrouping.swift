/// `group by` over the column store: keys and aggregate arguments read as codes, with no
/// string work per row; values are decoded once per group.
struct ClaimGrouping {
  let store: ClaimStore
  let cancellation: Cancellation?

  /// One field read as codes.
  struct FieldCodes {
    let field: ClaimField
    /// Calls `body` with each of a row's codes: a list field's value ids (none for an empty
    /// list), else one code, `Grouping.null` for a missing value. Allocates nothing.
    let each: (Int, (Int64) -> Void) -> Void
    /// The value a code stands for.
    let decode: (Int64) -> Value
    /// A code's place in the order of values (null first).
    let rank: (Int64) -> Int64
    /// Where the codes lie, for packing several keys into one number: every code but null is
    /// in `low ..< low + width`.
    let low: Int64
    let width: Int64

    /// A row's codes, as an array.
    func codes(_ row: Int) -> [Int64] {
      var out: [Int64] = []
      each(row) { out.append($0) }
      return out
    }
  }

  /// `field`, read as codes.
  func fieldCodes(_ field: ClaimField) throws(Diagnostic) -> FieldCodes {
    let s = store
    // the span of numbers that are codes as they are (ids, day numbers, story ids)
    func span(_ numbers: some Sequence<Int64>) -> (low: Int64, width: Int64) {
      var (low, high) = (Int64.max, Int64.min)
      for n in numbers { (low, high) = (min(low, n), max(high, n)) }
      return low > high ? (0, 0) : (low, high - low + 1)
    }
    switch field {
    case .id:
      let (low, width) = span(s.ids.lazy.map(Int64.init))
      let ids = s.ids
      return FieldCodes(field: field, each: { $1(Int64(ids[$0])) }, decode: { .int(Int($0)) }, rank: { $0 }, low: low, width: width)
    case .story:
      let stories = try s.stories.ids(cancellation)
      let (low, width) = span(stories.lazy.filter { $0 != 0 }.map(Int64.init))
      return FieldCodes(
        field: field, each: { $1(stories[$0] == 0 ? Grouping.null : Int64(stories[$0])) },
        decode: { $0 == Grouping.null ? .null : .int(Int($0)) }, rank: { $0 }, low: low, width: width)
    case .date:
      let (low, width) = span(s.dates.lazy.filter { $0 != ClaimStore.noDate }.map(Int64.init))
      let dates = s.dates
      return FieldCodes(
        field: field, each: { $1(dates[$0] == ClaimStore.noDate ? Grouping.null : Int64(dates[$0])) },
        decode: { $0 == Grouping.null ? .null : .date(Day(number: Int32($0))) }, rank: { $0 }, low: low, width: width)
    case .text:
      // texts are not dictionary-encoded: number the distinct ones for this query
      var numbers: [String: Int64] = [:]
      var texts: [String] = []
      var codes = [Int64](repeating: 0, count: s.count)
      for row in 0..<s.count {
        let t = s.text(row)
        if let n = numbers[t] {
          codes[row] = n
        } else {
          numbers[t] = Int64(texts.count)
          codes[row] = Int64(texts.count)
          texts.append(t)
        }
      }
      let ranks = ValueDictionary.ranks(of: texts)
      return FieldCodes(
        field: field, each: { $1(codes[$0]) }, decode: { .string(texts[Int($0)]) }, rank: { Int64(ranks[Int($0)]) },
        low: 0, width: Int64(texts.count))
    case .actor, .cited, .topic:
      let list = s.list(field)!
      let ranks = list.dictionary.ranks()
      // the arrays themselves, not the column: a closure that reads them retains nothing per row
      let (offsets, values) = (list.column.offsets, list.column.values)
      return FieldCodes(
        field: field, each: { row, body in for i in Int(offsets[row])..<Int(offsets[row + 1]) { body(Int64(values[i])) } },
        decode: { $0 == Grouping.null ? .null : .string(list.dictionary.values[Int($0)]) },
        rank: { $0 == Grouping.null ? -1 : Int64(ranks[Int($0)]) },
        low: 0, width: Int64(list.dictionary.count))
    default:
      let coded = s.coded(field)!
      let ranks = coded.dictionary.ranks()
      let codes = coded.codes
      return FieldCodes(
        field: field, each: { $1(codes[$0] < 0 ? Grouping.null : Int64(codes[$0])) },
        decode: { $0 == Grouping.null ? .null : .string(coded.dictionary.values[Int($0)]) },
        rank: { $0 == Grouping.null ? -1 : Int64(ranks[Int($0)]) },
        low: 0, width: Int64(coded.dictionary.count))
    }
  }

  /// Groups `rows` (nil: every claim) by the keys read as `keyFields`, packed by `packing`
  /// (and indexed in a flat array when `flat`) as `GroupStrategy.choose` picked, with the
  /// plan's aggregates and argument fields.
  func group(rows: [Int32]?, keys keyFields: [FieldCodes], packing: Packing?, flat: Bool, _ plan: ClaimGroupPlan)
    throws(Diagnostic) -> Table
  {
    let (aggregates, range) = (plan.aggregates, plan.range)
    var argFields: [FieldCodes?] = []
    for argument in plan.arguments {
      argFields.append(try argument.map { (f) throws(Diagnostic) in try fieldCodes(f) })
    }
    let total = rows?.count ?? store.count
    var grouping = Grouping()
    if flat, let packing { grouping.indexDirectly(packing.size) }
    var distinct: [[Set<Int64>]] = aggregates.map { _ in [] }
    var best: [[Int64?]] = aggregates.map { _ in [] }
    // a row joins group `g`: its count and its aggregates' arguments
    func join(_ g: Int, _ row: Int) {
      grouping.count(g)
      for (a, aggregate) in aggregates.enumerated() {
        guard let arg = argFields[a] else { continue }
        switch aggregate.function {
        case .count: break
        case .countDistinct, .list:
          while distinct[a].count <= g { distinct[a].append([]) }
          arg.each(row) { code in if code != Grouping.null { distinct[a][g].insert(code) } }
        case .min, .max:
          while best[a].count <= g { best[a].append(nil) }
          arg.each(row) { code in
            guard code != Grouping.null else { return }
            if let current = best[a][g] {
              if aggregate.function.prefers(arg.rank(code), over: arg.rank(current)) { best[a][g] = code }
            } else {
              best[a][g] = code
            }
          }
        }
      }
    }
    if let packing {
      // every key packed into one number: no allocation per row, one hash per group joined
      func visit(_ i: Int, _ key: Int64, _ row: Int) {
        guard i < keyFields.count else { return join(grouping.group(packed: key) { packing.unpack(key) }, row) }
        keyFields[i].each(row) { code in visit(i + 1, key + packing.digit(i, code) * packing.place[i], row) }
      }
      for k in 0..<total {
        try cancellation.poll(k, at: range)
        visit(0, 0, rows.map { Int($0[k]) } ?? k)
      }
    } else {
      for k in 0..<total {
        try cancellation.poll(k, at: range)
        let row = rows.map { Int($0[k]) } ?? k
        for key in Grouping.combinations(keyFields.map { $0.codes(row) }) { join(grouping.group(key), row) }
      }
    }
    let columns = Planner.groupedColumns(keys: keyFields.map(\.field), aggregates: aggregates, arguments: argFields.map { $0?.field })
    // Grouping.order, on integers before any value is made
    let countAggregate = Grouping.weighing(aggregates)
    let weights = grouping.keys.indices.map { g -> Int in
      guard let a = countAggregate, aggregates[a].function == .countDistinct else { return grouping.counts[g] }
      return g < distinct[a].count ? distinct[a][g].count : 0
    }
    let ranks = keyFields.indices.map { k in grouping.keys.map { Int(keyFields[k].rank($0[k])) } }
    let order = Grouping.order(weights: weights, keyRanks: ranks)
    var ordered: [[Value]] = []
    ordered.reserveCapacity(order.count)
    for g in order {
      var row = zip(keyFields, grouping.keys[g]).map { $0.decode($1) }
      for (a, aggregate) in aggregates.enumerated() {
        switch aggregate.function {
        case .count: row.append(.int(grouping.counts[g]))
        case .countDistinct: row.append(.int(g < distinct[a].count ? distinct[a][g].count : 0))
        case .min, .max: row.append(g < best[a].count ? best[a][g].map(argFields[a]!.decode) ?? .null : .null)
        case .list:
          let codes = g < distinct[a].count ? distinct[a][g] : []
          row.append(.list(codes.map(argFields[a]!.decode).sorted(by: Value.ascending)))
        }
      }
      ordered.append(row)
    }
    return Table(columns: columns, rows: ordered)
  }
}

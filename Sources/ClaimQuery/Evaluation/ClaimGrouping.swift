/// `group by` over the column store: keys and aggregate arguments read as codes, with no
/// string work per row; values are decoded once per group.
struct ClaimGrouping {
  let store: ClaimStore
  let cancellation: Cancellation?

  /// One field read as codes.
  struct FieldCodes {
    let field: ClaimField
    let codes: (Int) -> [Int64]
    let decode: (Int64) -> Value
    let rank: (Int64) -> Int64
  }

  func fieldCodes(_ name: Name) throws(Diagnostic) -> FieldCodes {
    guard let field = ClaimField(named: name.text) else {
      let suggestion = Suggestions.nearest(to: name.text, in: ClaimField.allCases.map(\.rawValue)).map { "'\($0)'" }
      throw Diagnostic(.unknownField, "unknown field '\(name.text)' in claims", at: name.range ?? SourceRange(start: 0, end: 0), suggestion: suggestion)
    }
    let s = store
    switch field {
    case .id:
      return FieldCodes(field: field, codes: { [Int64(s.ids[$0])] }, decode: { .int(Int($0)) }, rank: { $0 })
    case .story:
      let stories = try s.stories.ids(cancellation)
      return FieldCodes(field: field, codes: { stories[$0] == 0 ? [Grouping.null] : [Int64(stories[$0])] },
        decode: { $0 == Grouping.null ? .null : .int(Int($0)) }, rank: { $0 })
    case .date:
      return FieldCodes(field: field, codes: { s.dates[$0] == ClaimStore.noDate ? [Grouping.null] : [Int64(s.dates[$0])] },
        decode: { $0 == Grouping.null ? .null : .date(Day(number: Int32($0))) }, rank: { $0 })
    case .text:
      // texts are not dictionary-encoded: number the distinct ones for this query
      var numbers: [String: Int64] = [:]
      var texts: [String] = []
      var codes = [Int64](repeating: 0, count: s.count)
      for row in 0..<s.count {
        let t = s.text(row)
        if let n = numbers[t] { codes[row] = n } else {
          numbers[t] = Int64(texts.count)
          codes[row] = Int64(texts.count)
          texts.append(t)
        }
      }
      let ranks = ValueDictionary.ranks(of: texts)
      return FieldCodes(field: field, codes: { [codes[$0]] }, decode: { .string(texts[Int($0)]) }, rank: { Int64(ranks[Int($0)]) })
    case .actor, .cited, .topic:
      let list = s.list(field)!
      let ranks = list.dictionary.ranks()
      return FieldCodes(field: field, codes: { list.column.row($0).map(Int64.init) },
        decode: { $0 == Grouping.null ? .null : .string(list.dictionary.values[Int($0)]) }, rank: { $0 == Grouping.null ? -1 : Int64(ranks[Int($0)]) })
    default:
      let coded = s.coded(field)!
      let ranks = coded.dictionary.ranks()
      return FieldCodes(field: field, codes: { coded.codes[$0] < 0 ? [Grouping.null] : [Int64(coded.codes[$0])] },
        decode: { $0 == Grouping.null ? .null : .string(coded.dictionary.values[Int($0)]) }, rank: { $0 == Grouping.null ? -1 : Int64(ranks[Int($0)]) })
    }
  }

  /// Groups `rows` (nil: every claim) by `keys` with `aggregates` (plain `count` when none).
  func group(rows: [Int32]?, keys: [Name], aggregates: [Aggregate]) throws(Diagnostic) -> Table {
    let keyFields = try keys.map { (k) throws(Diagnostic) in try fieldCodes(k) }
    let aggregates = aggregates.isEmpty ? [Aggregate(.count)] : aggregates
    var argFields: [FieldCodes?] = []
    for a in aggregates {
      argFields.append(try a.field.map { (f) throws(Diagnostic) in try fieldCodes(f) })
    }
    var grouping = Grouping()
    var distinct: [[Set<Int64>]] = aggregates.map { _ in [] }
    var best: [[Int64?]] = aggregates.map { _ in [] }
    let total = rows?.count ?? store.count
    for k in 0..<total {
      try cancellation.poll(k, at: keys.first?.range)
      let row = rows.map { Int($0[k]) } ?? k
      let lists = keyFields.map { $0.codes(row) }
      for key in (lists.count == 1 ? lists[0].map { [$0] } : Grouping.combinations(lists)) {
        let g = grouping.group(key)
        grouping.count(g)
        for (a, aggregate) in aggregates.enumerated() {
          guard let arg = argFields[a] else { continue }
          switch aggregate.function {
          case .count: break
          case .countDistinct, .list:
            while distinct[a].count <= g { distinct[a].append([]) }
            for code in arg.codes(row) where code != Grouping.null { distinct[a][g].insert(code) }
          case .min, .max:
            while best[a].count <= g { best[a].append(nil) }
            for code in arg.codes(row) where code != Grouping.null {
              if let current = best[a][g] {
                let better = aggregate.function == .min ? arg.rank(code) < arg.rank(current) : arg.rank(code) > arg.rank(current)
                if better { best[a][g] = code }
              } else {
                best[a][g] = code
              }
            }
          }
        }
      }
    }
    let columns = Planner.groupedColumns(keys: keyFields.map(\.field), aggregates: aggregates, arguments: argFields.map { $0?.field })
    var rows: [[Value]] = []
    rows.reserveCapacity(grouping.keys.count)
    for g in grouping.keys.indices {
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
      rows.append(row)
    }
    let ordered = Grouping.ordered(rows, sizes: grouping.counts, keyCount: keyFields.count, aggregates: aggregates)
    return Table(columns: columns, rows: ordered)
  }
}

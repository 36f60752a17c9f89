/// Stages over a materialised table: the general path, for `docs`, `entities`, `topics` and
/// for whatever a `group by` or `select` produced. Same semantics as the column store's paths
/// (`Matcher` decides every comparison).
struct TableEvaluator {
  let matcher: Matcher
  let cancellation: Cancellation?
  /// Where a value no row holds is reported.
  var warnings: WarningLog? = nil

  /// `where`, with the predicate the planner resolved against the table's columns; `range`
  /// is where it is written, for a stop.
  func filter(_ table: Table, _ predicate: LogicalPlan.Predicate, at range: SourceRange?) throws(Diagnostic) -> Table {
    let test = compile(predicate, table)
    var out = Table(columns: table.columns)
    for (i, row) in table.rows.enumerated() {
      try cancellation.poll(i, at: range)
      if test(row) { out.rows.append(row) }
    }
    return out
  }

  func compile(_ predicate: LogicalPlan.Predicate, _ table: Table) -> ([Value]) -> Bool {
    switch predicate {
    case .and(let items):
      let tests = items.map { compile($0, table) }
      return { row in tests.allSatisfy { $0(row) } }
    case .or(let items):
      let tests = items.map { compile($0, table) }
      return { row in tests.contains { $0(row) } }
    case .not(let inner):
      let t = compile(inner, table)
      return { !t($0) }
    case .comparison(let c):
      let column = table.columns[c.column]
      let i = c.column
      let m = matcher
      let base: ([Value]) -> Bool
      switch c.test {
      case .equal(let values) where column.matching == .name:
        // a literal names the values written as it is, else those the lexicon says it stands for
        let present = presentValues(column: i, table: table)
        let keys = Set(values.map { matcher.nameKey($0.text, present: present) })
        warnUnknown(values, present: present, column: column, at: c.literalRanges)
        base = { row in m.hasName(row[i], keys) }
      case .equal(let values):
        base = { row in values.contains { m.equal(row[i], $0, column.matching) } }
      case .order(let op, let v): base = { m.order($0[i], op, v) }
      case .contains(let needle): base = { m.contains($0[i], needle) }
      case .matches(let pattern): base = { m.matches($0[i], pattern) }
      case .isNull: base = { m.isNull($0[i]) }
      }
      return c.negated ? { !base($0) } : base
    }
  }

  /// The distinct values of a column by their lowercased text (list items one by one).
  func presentValues(column: Int, table: Table) -> [String: String] {
    var present: [String: String] = [:]
    func add(_ v: Value) { if v != .null, present[v.text.lowercased()] == nil { present[v.text.lowercased()] = v.text } }
    for row in table.rows {
      if case .list(let list) = row[column] { list.forEach(add) } else { add(row[column]) }
    }
    return present
  }

  /// A warning for each entity, topic or source value that no row holds, with the nearest one.
  func warnUnknown(_ values: [Value], present: [String: String], column: Column, at ranges: [SourceRange]) {
    for (k, v) in values.enumerated() where present[matcher.nameKey(v.text, present: present)] == nil {
      let suggestion = Suggestions.nearest(to: v.text, in: present.values.sorted()).map { "\"\($0)\"" }
      warnings?.add(
        Diagnostic(
          .unknownValue, "no \(column.name) \"\(v.text)\" in this table", at: ranges[k], suggestion: suggestion))
    }
  }

  /// `select a, b as c`: the input columns `indices`, as `columns` (named as the query says).
  func select(_ table: Table, _ indices: [Int], as columns: [Column]) -> Table {
    Table(columns: columns, rows: table.rows.map { row in indices.map { row[$0] } })
  }

  /// `order by k [desc], …`: a stable sort by the columns `keys` name.
  func order(_ table: Table, _ keys: [(column: Int, descending: Bool)]) -> Table {
    let sorted = table.rows.enumerated().sorted { a, b in
      for (i, descending) in keys where a.element[i] != b.element[i] {
        return descending ? Value.ascending(b.element[i], a.element[i]) : Value.ascending(a.element[i], b.element[i])
      }
      return a.offset < b.offset
    }
    return Table(columns: table.columns, rows: sorted.map(\.element))
  }

  /// `distinct`: the first of each set of equal rows.
  func distinct(_ table: Table) -> Table {
    var seen: Set<[Value]> = []
    return Table(columns: table.columns, rows: table.rows.filter { seen.insert($0).inserted })
  }

  /// `group by` over table rows; list values give one group each.
  func group(_ table: Table, keys keyIndices: [Int], aggregates: [Aggregate], arguments argIndices: [Int?]) -> Table {
    var groups: [[Value]: Int] = [:]
    var keysInOrder: [[Value]] = []
    var rowsOf: [[Int]] = []
    for (r, row) in table.rows.enumerated() {
      let lists = keyIndices.map { i -> [Value] in
        if case .list(let items) = row[i] { return items }
        return [row[i]]
      }
      var combos: [[Value]] = [[]]
      for list in lists { combos = combos.flatMap { p in list.map { p + [$0] } } }
      for key in combos {
        let g: Int
        if let existing = groups[key] {
          g = existing
        } else {
          g = keysInOrder.count
          groups[key] = g
          keysInOrder.append(key)
          rowsOf.append([])
        }
        if rowsOf[g].last != r { rowsOf[g].append(r) }
      }
    }
    let columns = Planner.groupedColumns(table.columns, keys: keyIndices, aggregates: aggregates, arguments: argIndices)
    var rows: [[Value]] = []
    for g in keysInOrder.indices {
      var row = keysInOrder[g]
      for (a, agg) in aggregates.enumerated() {
        let values =
          argIndices[a].map { i in
            rowsOf[g].flatMap { r -> [Value] in
              if case .list(let items) = table.rows[r][i] { return items }
              return table.rows[r][i] == .null ? [] : [table.rows[r][i]]
            }
          } ?? []
        switch agg.function {
        case .count: row.append(.int(rowsOf[g].count))
        case .countDistinct: row.append(.int(Set(values).count))
        case .min: row.append(values.min(by: Value.ascending) ?? .null)
        case .max: row.append(values.max(by: Value.ascending) ?? .null)
        case .list: row.append(.list(Array(Set(values)).sorted(by: Value.ascending)))
        }
      }
      rows.append(row)
    }
    let ordered = Grouping.ordered(rows, sizes: rowsOf.map(\.count), keyCount: keyIndices.count, aggregates: aggregates)
    return Table(columns: columns, rows: ordered)
  }
}

/// Stages over a materialised table: the general path, for `docs`, `entities`, `topics` and
/// for whatever a `group by` or `select` produced. Same semantics as the column store's paths
/// (`Matcher` decides every comparison).
struct TableEvaluator {
  let matcher: Matcher
  let cancellation: Cancellation?
  /// Where a value no row holds is reported.
  var warnings: WarningLog? = nil

  /// `where expr`.
  func filter(_ table: Table, _ expr: Expr, name: String) throws(Diagnostic) -> Table {
    let test = try compile(expr, table, name: name)
    var out = Table(columns: table.columns)
    for (i, row) in table.rows.enumerated() {
      try cancellation.poll(i, at: expr.range)
      if test(row) { out.rows.append(row) }
    }
    return out
  }

  func compile(_ expr: Expr, _ table: Table, name: String) throws(Diagnostic) -> ([Value]) -> Bool {
    switch expr {
    case .and(let items):
      let tests = try items.map { (e) throws(Diagnostic) in try compile(e, table, name: name) }
      return { row in tests.allSatisfy { $0(row) } }
    case .or(let items):
      let tests = try items.map { (e) throws(Diagnostic) in try compile(e, table, name: name) }
      return { row in tests.contains { $0(row) } }
    case .not(let inner):
      let t = try compile(inner, table, name: name)
      return { !t($0) }
    case .field, .literal:
      throw Diagnostic(
        .expectedExpression, "expected a comparison such as \(expr) = \"…\"", at: expr.range ?? SourceRange(start: 0, end: 0))
    default:
      let c = try Comparison.check(expr, columns: table.columns, collection: name)
      let column = table.columns[c.column]
      let i = c.column
      let m = matcher
      let base: ([Value]) -> Bool
      switch c.test {
      case .equal(let values) where column.matching == .name:
        // a literal names the values written as it is, else those the lexicon says it stands for
        let present = presentValues(column: i, table: table)
        let keys = Set(values.map { matcher.nameKey($0.text, present: present) })
        warnUnknown(values, present: present, column: column, expr: expr)
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
  func warnUnknown(_ values: [Value], present: [String: String], column: Column, expr: Expr) {
    for (k, v) in values.enumerated() where present[matcher.nameKey(v.text, present: present)] == nil {
      let suggestion = Suggestions.nearest(to: v.text, in: present.values.sorted()).map { "\"\($0)\"" }
      warnings?.add(
        Diagnostic(
          .unknownValue, "no \(column.name) \"\(v.text)\" in this table", at: ClaimFilter.literalRange(expr, k), suggestion: suggestion))
    }
  }

  /// `select a, b as c`.
  func select(_ table: Table, _ items: [SelectItem], name: String) throws(Diagnostic) -> Table {
    var indices: [Int] = []
    var columns: [Column] = []
    for item in items {
      let i = try index(of: item.field, in: table, name: name)
      indices.append(i)
      var c = table.columns[i]
      if let alias = item.alias { c.name = alias.text }
      columns.append(c)
    }
    return Table(columns: columns, rows: table.rows.map { row in indices.map { row[$0] } })
  }

  /// `order by k [desc], …`: a stable sort.
  func order(_ table: Table, _ keys: [OrderKey], name: String) throws(Diagnostic) -> Table {
    let indices = try keys.map { (k) throws(Diagnostic) in try index(of: k.field, in: table, name: name) }
    let sorted = table.rows.enumerated().sorted { a, b in
      for (k, i) in zip(keys, indices) where a.element[i] != b.element[i] {
        return k.descending ? Value.ascending(b.element[i], a.element[i]) : Value.ascending(a.element[i], b.element[i])
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
  func group(_ table: Table, keys: [Name], aggregates: [Aggregate], name: String) throws(Diagnostic) -> Table {
    let keyIndices = try keys.map { (k) throws(Diagnostic) in try index(of: k, in: table, name: name) }
    let aggregates = aggregates.isEmpty ? [Aggregate(.count)] : aggregates
    let argIndices = try aggregates.map { (a) throws(Diagnostic) in
      try a.field.map { (f) throws(Diagnostic) in try index(of: f, in: table, name: name) }
    }
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

  func index(of name: Name, in table: Table, name collection: String) throws(Diagnostic) -> Int {
    if let i = table.columnIndex(name.text) { return i }
    let suggestion = Suggestions.nearest(to: name.text, in: table.columns.map(\.name)).map { "'\($0)'" }
    throw Diagnostic(
      .unknownField, "unknown field '\(name.text)' in \(collection)", at: name.range ?? SourceRange(start: 0, end: 0),
      suggestion: suggestion,
      notes: suggestion == nil ? ["fields: " + table.columns.map(\.name).joined(separator: ", ")] : [])
  }
}

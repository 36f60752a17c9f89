/// `group by` in SQL: one unnesting step per list key (so several list keys give every
/// combination, as claimsh does), the grouping, then the groups' order: by count, descending,
/// then by the keys, nulls first (`Grouping.ordered`).
extension SQLCompiler {
  func group(_ keys: [Name], _ aggregates: [Aggregate], _ state: inout Relation, _ ctes: inout [String]) throws(Diagnostic) {
    let aggregates = aggregates.isEmpty ? [Aggregate(.count)] : aggregates
    var source = state.name
    var keyColumns: [Column] = []
    for (k, key) in keys.enumerated() {
      var c = state.columns[try index(of: key, in: state)]
      // a claim joins each distinct value's group once; an empty list joins none
      let value = c.type == .list ? dialect.unnest(dialect.distinct(quoted(c.name))) : quoted(c.name)
      let name = "s\(ctes.count)"
      ctes.append("\(name) AS (SELECT *, \(value) AS __k\(k) FROM \(source))")
      source = name
      if c.type == .list { c.type = .string }
      keyColumns.append(c)
    }
    var select = keyColumns.enumerated().map { k, c in "__k\(k) AS \(quoted(c.name))" }
    var columns = keyColumns
    for aggregate in aggregates {
      let argument = try aggregate.field.map { (f) throws(Diagnostic) in state.columns[try index(of: f, in: state)] }
      let (expression, column) = self.aggregate(aggregate, argument)
      select.append("\(expression) AS \(quoted(column.name))")
      columns.append(column)
    }
    let weight = aggregates.firstIndex { $0.function == .count || $0.function == .countDistinct }.map { quoted(columns[keyColumns.count + $0].name) } ?? "__size"
    select.append("count(*) AS __size")
    let grouped = "s\(ctes.count)"
    let groupBy = keys.isEmpty ? "" : " GROUP BY " + keys.indices.map { "__k\($0)" }.joined(separator: ", ")
    ctes.append("\(grouped) AS (SELECT \(select.joined(separator: ", ")) FROM \(source)\(groupBy))")
    let order = ["\(weight) DESC"] + keyColumns.map { "\(quoted($0.name)) ASC NULLS FIRST" }
    state.name = "s\(ctes.count)"
    ctes.append("\(state.name) AS (SELECT *, row_number() OVER (ORDER BY \(order.joined(separator: ", "))) AS __ord FROM \(grouped))")
    state.columns = columns
    state.isClaims = false
    state.collection = "the grouped \(state.collection)"
  }

  /// One aggregate's SQL and result column. Its values are the argument's, list items one by
  /// one, nulls left out: `count(distinct f)` counts them, `min` and `max` pick one, `list`
  /// gives them distinct and sorted.
  func aggregate(_ aggregate: Aggregate, _ argument: Column?) -> (String, Column) {
    let name = aggregate.columnName
    guard let argument else { return ("count(*)", Column(name, .int)) }
    let f = quoted(argument.name)
    let items = dialect.collected(f, flattened: argument.type == .list)
    switch aggregate.function {
    case .count:
      return ("count(*)", Column(name, .int))
    case .countDistinct:
      return (argument.type == .list ? "coalesce(\(dialect.length(dialect.distinct(items))), 0)" : "count(DISTINCT \(f))", Column(name, .int))
    case .min, .max:
      let type: ValueType = argument.type == .list ? .string : argument.type
      let function = aggregate.function.rawValue
      return (argument.type == .list ? dialect.extreme(function, items) : "\(function)(\(f))", Column(name, type, matching: argument.matching))
    case .list:
      var sorted = dialect.sorted(dialect.distinct(items))
      // claimsh writes a list's dates as text
      if argument.type == .date { sorted = dialect.transform(sorted, dialect.dateText("x")) }
      return ("coalesce(\(sorted), \(dialect.array([])))", Column(name, .list, matching: argument.matching))
    }
  }
}

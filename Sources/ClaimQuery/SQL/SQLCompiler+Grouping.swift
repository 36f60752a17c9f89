/// `group by` in SQL: one unnesting step per list key (so several list keys give every
/// combination, as claimsh does), the grouping, then the groups' order: by count, descending,
/// then by the keys, nulls first (`Grouping.ordered`).
extension SQLCompiler {
  func group(
    _ keyColumns: [Int], _ aggregates: [Aggregate], _ arguments: [Int?], _ node: LogicalPlan.Node, from previous: String,
    _ ctes: inout [String]
  ) -> String {
    var source = previous
    for (k, i) in keyColumns.enumerated() {
      let c = node.input.columns[i]
      // a claim joins each distinct value's group once; an empty list joins none
      let value = c.type == .list ? dialect.unnest(dialect.distinct(quoted(c.name))) : quoted(c.name)
      let name = "s\(ctes.count)"
      ctes.append("\(name) AS (SELECT *, \(value) AS __k\(k) FROM \(source))")
      source = name
    }
    let columns = node.output.columns
    var select = keyColumns.indices.map { k in "__k\(k) AS \(quoted(columns[k].name))" }
    for (a, aggregate) in aggregates.enumerated() {
      select.append(
        "\(self.aggregate(aggregate, arguments[a].map { node.input.columns[$0] })) AS \(quoted(columns[keyColumns.count + a].name))")
    }
    let weight =
      aggregates.firstIndex { $0.function == .count || $0.function == .countDistinct }.map { quoted(columns[keyColumns.count + $0].name) }
      ?? "__size"
    select.append("count(*) AS __size")
    let grouped = "s\(ctes.count)"
    let groupBy = keyColumns.isEmpty ? "" : " GROUP BY " + keyColumns.indices.map { "__k\($0)" }.joined(separator: ", ")
    ctes.append("\(grouped) AS (SELECT \(select.joined(separator: ", ")) FROM \(source)\(groupBy))")
    let order = ["\(weight) DESC"] + columns.prefix(keyColumns.count).map { "\(quoted($0.name)) ASC NULLS FIRST" }
    let name = "s\(ctes.count)"
    ctes.append("\(name) AS (SELECT *, row_number() OVER (ORDER BY \(order.joined(separator: ", "))) AS __ord FROM \(grouped))")
    return name
  }

  /// One aggregate's SQL. Its values are the argument's, list items one by one, nulls left
  /// out: `count(distinct f)` counts them, `min` and `max` pick one, `list` gives them distinct
  /// and sorted.
  func aggregate(_ aggregate: Aggregate, _ argument: Column?) -> String {
    guard let argument else { return "count(*)" }
    let f = quoted(argument.name)
    let items = dialect.collected(f, flattened: argument.type == .list)
    switch aggregate.function {
    case .count:
      return "count(*)"
    case .countDistinct:
      return argument.type == .list ? "coalesce(\(dialect.length(dialect.distinct(items))), 0)" : "count(DISTINCT \(f))"
    case .min, .max:
      let function = aggregate.function.rawValue
      return argument.type == .list ? dialect.extreme(function, items) : "\(function)(\(f))"
    case .list:
      var sorted = dialect.sorted(dialect.distinct(items))
      // claimsh writes a list's dates as text
      if argument.type == .date { sorted = dialect.transform(sorted, dialect.dateText("x")) }
      return "coalesce(\(sorted), \(dialect.array([])))"
    }
  }
}

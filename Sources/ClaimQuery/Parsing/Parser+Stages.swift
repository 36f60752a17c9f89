extension Parser {
  /// stage = "where" , expr | group_by | "select" , select_items | order_by | limit | "count" | "distinct" ;
  mutating func parseStage() throws(Diagnostic) -> Stage {
    let keyword = advance()
    switch keyword.kind {
    case .keyword(.where): return .where(try parseExpr())
    case .keyword(.group): return try parseGroupBy()
    case .keyword(.select): return .select(try parseSelectItems())
    case .keyword(.order): return try parseOrderBy()
    case .keyword(.limit): return try parseLimit()
    case .keyword(.count): return .count(keyword.range)
    case .keyword(.distinct): return .distinct(keyword.range)
    default: throw unexpected("a stage")
    }
  }

  /// group_by = "group" , "by" , name_list , [ "with" , aggregate , { "," , aggregate } ] ;
  mutating func parseGroupBy() throws(Diagnostic) -> Stage {
    try expect(.by, after: "'group'")
    let keys = try parseNameList("a field to group by")
    var aggregates: [Aggregate] = []
    if at(.with) {
      _ = advance()
      aggregates.append(try parseAggregate())
      var progress = LoopProgress()
      while progress.advanced(self), current.kind == .comma {
        _ = advance()
        aggregates.append(try parseAggregate())
      }
    }
    return .groupBy(keys, aggregates)
  }

  /// aggregate = ( "count" , [ "(" , [ "distinct" ] , name , ")" ] | ( "min" | "max" | "list" ) , "(" , name , ")" ) , [ "as" , name ] ;
  mutating func parseAggregate() throws(Diagnostic) -> Aggregate {
    let start = current.range
    let function: Aggregate.Function
    var field: Name? = nil
    switch current.kind {
    case .keyword(.count):
      _ = advance()
      if current.kind == .leftParen {
        _ = advance()
        let distinct = at(.distinct)
        if distinct { _ = advance() }
        field = try parseName("a field to count")
        _ = try expect(.rightParen, "')' to close 'count('")
        function = distinct ? .countDistinct : .count
      } else {
        function = .count
      }
    case .keyword(.min), .keyword(.max), .keyword(.list):
      guard case .keyword(let k) = advance().kind else { fatalError("unreachable") }
      function = k == .min ? .min : k == .max ? .max : .list
      _ = try expect(.leftParen, "'(' after '\(k.rawValue)'")
      field = try parseName("a field for '\(k.rawValue)'")
      _ = try expect(.rightParen, "')' to close '\(k.rawValue)('")
    default:
      var suggestion: String? = nil
      if case .identifier(let word) = current.kind {
        suggestion = Suggestions.nearest(to: word, in: Keyword.aggregates.map(\.rawValue)).map { "'\($0)'" }
      }
      throw unexpected("an aggregate (count, count(distinct f), min(f), max(f), list(f))", suggestion: suggestion)
    }
    let end = tokens[index - 1].range
    var alias: Name? = nil
    if at(.as) {
      _ = advance()
      alias = try parseName("a name after 'as'")
    }
    return Aggregate(function, field: field, alias: alias, range: start.union(end))
  }

  /// select_items = name , [ "as" , name ] , { "," , name , [ "as" , name ] } ;
  mutating func parseSelectItems() throws(Diagnostic) -> [SelectItem] {
    var items: [SelectItem] = []
    var progress = LoopProgress()
    repeat {
      if !items.isEmpty { _ = advance() }
      let field = try parseName("a field to select")
      var alias: Name? = nil
      if at(.as) {
        _ = advance()
        alias = try parseName("a name after 'as'")
      }
      items.append(SelectItem(field, alias: alias))
    } while progress.advanced(self) && current.kind == .comma
    return items
  }

  /// order_by = "order" , "by" , name , [ "asc" | "desc" ] , { "," , name , [ "asc" | "desc" ] } ;
  mutating func parseOrderBy() throws(Diagnostic) -> Stage {
    try expect(.by, after: "'order'")
    var keys: [OrderKey] = []
    var progress = LoopProgress()
    repeat {
      if !keys.isEmpty { _ = advance() }
      let field = try parseName("a field to order by")
      var descending = false
      if at(.desc) { _ = advance(); descending = true } else if at(.asc) { _ = advance() }
      keys.append(OrderKey(field, descending: descending))
    } while progress.advanced(self) && current.kind == .comma
    return .orderBy(keys)
  }

  /// limit = "limit" , integer ;
  mutating func parseLimit() throws(Diagnostic) -> Stage {
    guard case .integer(let n) = current.kind else { throw unexpected("a number of rows after 'limit'") }
    return .limit(n, advance().range)
  }

  /// name_list = name , { "," , name } ;
  mutating func parseNameList(_ what: String) throws(Diagnostic) -> [Name] {
    var names = [try parseName(what)]
    var progress = LoopProgress()
    while progress.advanced(self), current.kind == .comma {
      _ = advance()
      names.append(try parseName(what))
    }
    return names
  }

  /// A name: an identifier, or `count`, which names the count column of a grouped table.
  mutating func parseName(_ what: String) throws(Diagnostic) -> Name {
    switch current.kind {
    case .identifier(let text): return Name(text, range: advance().range)
    case .keyword(.count): return Name("count", range: advance().range)
    default: throw unexpected(what)
    }
  }
}

extension Parser {
  /// expr = or ;
  mutating func parseExpr() throws(Diagnostic) -> Expr {
    try parseOr()
  }

  /// or = and , { "or" , and } ;
  mutating func parseOr() throws(Diagnostic) -> Expr {
    var items = [try parseAnd()]
    var progress = LoopProgress()
    while progress.advanced(self), at(.or) {
      _ = advance()
      items.append(try parseAnd())
    }
    return items.count == 1 ? items[0] : .or(items)
  }

  /// and = not , { "and" , not } ;
  mutating func parseAnd() throws(Diagnostic) -> Expr {
    var items = [try parseNot()]
    var progress = LoopProgress()
    while progress.advanced(self), at(.and) {
      _ = advance()
      items.append(try parseNot())
    }
    return items.count == 1 ? items[0] : .and(items)
  }

  /// not = "not" , not | comparison ;
  mutating func parseNot() throws(Diagnostic) -> Expr {
    guard at(.not) else { return try parseComparison() }
    let not = advance()
    try enterNesting(at: not.range)
    defer { depth -= 1 }
    return .not(try parseNot())
  }

  /// comparison = primary , [ compare_op , primary | ( "contains" | "matches" ) , primary
  ///   | [ "not" ] , "in" , list | "is" , [ "not" ] , "null" ] ;
  mutating func parseComparison() throws(Diagnostic) -> Expr {
    let lhs = try parsePrimary()
    switch current.kind {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
      let op: CompareOp
      switch advance().kind {
      case .equal: op = .equal
      case .notEqual: op = .notEqual
      case .less: op = .less
      case .lessEqual: op = .lessEqual
      case .greater: op = .greater
      default: op = .greaterEqual
      }
      return .compare(op, lhs, try parsePrimary())
    case .keyword(.contains):
      _ = advance()
      return .compare(.contains, lhs, try parsePrimary())
    case .keyword(.matches):
      _ = advance()
      return .compare(.matches, lhs, try parsePrimary())
    case .keyword(.in):
      _ = advance()
      return .inList(lhs, try parseList(), negated: false)
    case .keyword(.not) where peek().kind == .keyword(.in):
      _ = advance()
      _ = advance()
      return .inList(lhs, try parseList(), negated: true)
    case .keyword(.is):
      _ = advance()
      let negated = at(.not)
      if negated { _ = advance() }
      try expect(.null, after: negated ? "'is not'" : "'is'")
      return .isNull(lhs, negated: negated)
    case .identifier(let word):
      let operators = ["contains", "matches", "in", "is"]
      if let near = Suggestions.nearest(to: word, in: operators) {
        throw unexpected("an operator (=, !=, <, <=, >, >=, contains, matches, in, is)", suggestion: "'\(near)'")
      }
      return lhs
    default:
      return lhs
    }
  }

  /// list = "(" , [ primary , { "," , primary } ] , ")" ;
  mutating func parseList() throws(Diagnostic) -> [Expr] {
    let open = try expect(.leftParen, "'(' to open the list")
    var items: [Expr] = []
    var progress = LoopProgress()
    while progress.advanced(self) {
      if current.kind == .rightParen && items.isEmpty { break }
      items.append(try parsePrimary())
      guard current.kind == .comma else { break }
      _ = advance()
    }
    guard current.kind == .rightParen else {
      throw unexpected("',' or ')' to close 'in (' opened at \(place(of: open))")
    }
    _ = advance()
    return items
  }

  /// primary = string | integer | date | "true" | "false" | "null" | name | "(" , expr , ")" ;
  mutating func parsePrimary() throws(Diagnostic) -> Expr {
    let token = current
    switch token.kind {
    case .string(let s): _ = advance(); return .literal(.string(s), token.range)
    case .integer(let n): _ = advance(); return .literal(.integer(n), token.range)
    case .date(let d): _ = advance(); return .literal(.date(d), token.range)
    case .keyword(.true): _ = advance(); return .literal(.bool(true), token.range)
    case .keyword(.false): _ = advance(); return .literal(.bool(false), token.range)
    case .keyword(.null): _ = advance(); return .literal(.null, token.range)
    case .identifier(let name): _ = advance(); return .field(Name(name, range: token.range))
    case .keyword(.count): _ = advance(); return .field(Name("count", range: token.range))
    case .leftParen:
      _ = advance()
      try enterNesting(at: token.range)
      defer { depth -= 1 }
      let inner = try parseExpr()
      guard current.kind == .rightParen else {
        throw unexpected("')' to close '(' opened at \(place(of: token))")
      }
      _ = advance()
      return inner
    default:
      throw unexpected("a field, a value or '('", id: .expectedExpression)
    }
  }

  /// "column 12", or "line 2, column 12" when `token` is on another line than the current one.
  func place(of token: QueryToken) -> String {
    let (line, column) = source.location(of: token.range.start)
    return line == source.line(of: current.range.start) ? "column \(column)" : "line \(line), column \(column)"
  }

  mutating func enterNesting(at range: SourceRange) throws(Diagnostic) {
    depth += 1
    if depth > Parser.maximumNesting {
      throw Diagnostic(.nestingTooDeep, "expressions nested more than \(Parser.maximumNesting) deep", at: range)
    }
  }
}

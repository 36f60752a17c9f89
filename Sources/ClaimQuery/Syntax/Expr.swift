/// A comparison operator.
public enum CompareOp: String, Hashable, Sendable, CaseIterable {
  /// `=`
  case equal = "="
  /// `!=`
  case notEqual = "!="
  /// `<`
  case less = "<"
  /// `<=`
  case lessEqual = "<="
  /// `>`
  case greater = ">"
  /// `>=`
  case greaterEqual = ">="
  /// `contains`: case-insensitive substring
  case contains
  /// `matches`: regular expression
  case matches
}

/// An expression in `where`: comparisons joined by `and`, `or`, `not`.
public indirect enum Expr: Hashable, Sendable {
  /// `actor`: a field of the rows being filtered
  case field(Name)
  /// `"Zelensky"`, `20`, `2025-10-17`, `true`
  case literal(Literal, SourceRange?)
  /// `lhs = rhs`, `lhs contains rhs`, `lhs matches rhs`
  case compare(CompareOp, Expr, Expr)
  /// `lhs in (a, b)`, `lhs not in (a, b)`
  case inList(Expr, [Expr], negated: Bool)
  /// `lhs is null`, `lhs is not null`
  case isNull(Expr, negated: Bool)
  /// `a and b and c`: one flat list
  case and([Expr])
  /// `a or b or c`: one flat list
  case or([Expr])
  /// `not a`
  case not(Expr)

  /// Where the expression stands, from its first to its last token, when parsed.
  public var range: SourceRange? {
    switch self {
    case .field(let name): return name.range
    case .literal(_, let range): return range
    case .compare(_, let l, let r): return Expr.span(l.range, r.range)
    case .inList(let l, let items, _): return Expr.span(l.range, items.last?.range)
    case .isNull(let e, _), .not(let e): return e.range
    case .and(let items), .or(let items): return Expr.span(items.first?.range, items.last?.range)
    }
  }

  static func span(_ a: SourceRange?, _ b: SourceRange?) -> SourceRange? {
    switch (a, b) {
    case let (a?, b?): return a.union(b)
    default: return a ?? b
    }
  }
}

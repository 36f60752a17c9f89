/// Comparing trees by structure: parsed nodes carry ranges, nodes built in code do not, and
/// tests compare the two without them.
extension Statement {
  /// The statement with every range removed.
  public var withoutRanges: Statement {
    switch self {
    case .query(let q): return .query(q.withoutRanges)
    case .let(let n, let q): return .let(n.withoutRange, q.withoutRanges)
    }
  }

  /// Whether the two statements are the same tree, ranges aside.
  public func hasSameStructure(as other: Statement) -> Bool {
    withoutRanges == other.withoutRanges
  }
}

extension Name {
  /// The name without its range.
  public var withoutRange: Name { Name(text) }
}

extension Query {
  /// The query with every range removed.
  public var withoutRanges: Query {
    Query(source: source.withoutRange, stages: stages.map(\.withoutRanges))
  }
}

extension Stage {
  /// The stage with every range removed.
  public var withoutRanges: Stage {
    switch self {
    case .where(let e): return .where(e.withoutRanges)
    case .groupBy(let keys, let aggs):
      return .groupBy(
        keys.map(\.withoutRange), aggs.map { Aggregate($0.function, field: $0.field?.withoutRange, alias: $0.alias?.withoutRange) })
    case .select(let items): return .select(items.map { SelectItem($0.field.withoutRange, alias: $0.alias?.withoutRange) })
    case .orderBy(let keys): return .orderBy(keys.map { OrderKey($0.field.withoutRange, descending: $0.descending) })
    case .limit(let n, _): return .limit(n, nil)
    case .count: return .count(nil)
    case .distinct: return .distinct(nil)
    }
  }
}

extension Expr {
  /// The expression with every range removed.
  public var withoutRanges: Expr {
    switch self {
    case .field(let n): return .field(n.withoutRange)
    case .literal(let l, _): return .literal(l, nil)
    case .compare(let op, let l, let r): return .compare(op, l.withoutRanges, r.withoutRanges)
    case .inList(let l, let items, let negated): return .inList(l.withoutRanges, items.map(\.withoutRanges), negated: negated)
    case .isNull(let e, let negated): return .isNull(e.withoutRanges, negated: negated)
    case .and(let items): return .and(items.map(\.withoutRanges))
    case .or(let items): return .or(items.map(\.withoutRanges))
    case .not(let e): return .not(e.withoutRanges)
    }
  }
}

extension Stage {
  /// The field names the stage reads.
  public var fieldNames: [Name] {
    switch self {
    case .where(let e): return e.fieldNames
    case .groupBy(let keys, let aggregates): return keys + aggregates.compactMap(\.field)
    case .select(let items): return items.map(\.field)
    case .orderBy(let keys): return keys.map(\.field)
    case .limit, .count, .distinct: return []
    }
  }
}

extension Expr {
  /// The field names the expression reads.
  public var fieldNames: [Name] {
    switch self {
    case .field(let name): return [name]
    case .literal: return []
    case .compare(_, let l, let r): return l.fieldNames + r.fieldNames
    case .inList(let l, let items, _): return l.fieldNames + items.flatMap(\.fieldNames)
    case .isNull(let e, _), .not(let e): return e.fieldNames
    case .and(let items), .or(let items): return items.flatMap(\.fieldNames)
    }
  }
}

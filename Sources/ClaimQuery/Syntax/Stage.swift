/// An aggregate in `group by … with`.
public struct Aggregate: Hashable, Sendable {
  /// Which function.
  public enum Function: String, Hashable, Sendable {
    /// `count`: rows in the group
    case count
    /// `count(distinct f)`: distinct values of `f` in the group
    case countDistinct = "count distinct"
    /// `min(f)`
    case min
    /// `max(f)`
    case max
    /// `list(f)`: the distinct values of `f`, sorted
    case list
  }

  /// The function.
  public var function: Function
  /// Its argument; nil for plain `count`.
  public var field: Name?
  /// The column name given with `as`.
  public var alias: Name?
  /// Where it stands.
  public var range: SourceRange?

  /// Creates an aggregate.
  public init(_ function: Function, field: Name? = nil, alias: Name? = nil, range: SourceRange? = nil) {
    self.function = function
    self.field = field
    self.alias = alias
    self.range = range
  }

  /// The result column's name: the alias, else `count`, `count_distinct_f`, `min_f`, `max_f`, `list_f`.
  public var columnName: String {
    if let alias { return alias.text }
    switch function {
    case .count: return "count"
    case .countDistinct: return "count_distinct_\(field?.text ?? "")"
    case .min, .max, .list: return "\(function.rawValue)_\(field?.text ?? "")"
    }
  }
}

/// A column in `select`, with an optional new name.
public struct SelectItem: Hashable, Sendable {
  /// The column.
  public var field: Name
  /// The name given with `as`.
  public var alias: Name?

  /// Creates an item.
  public init(_ field: Name, alias: Name? = nil) {
    self.field = field
    self.alias = alias
  }
}

/// A key in `order by`.
public struct OrderKey: Hashable, Sendable {
  /// The column.
  public var field: Name
  /// Whether `desc` was given.
  public var descending: Bool

  /// Creates a key.
  public init(_ field: Name, descending: Bool = false) {
    self.field = field
    self.descending = descending
  }
}

/// A stage: it turns one table into the next.
public enum Stage: Hashable, Sendable {
  /// `where topic = "Tomahawk"`
  case `where`(Expr)
  /// `group by actor, topic with count(distinct source) as outlets`
  case groupBy([Name], [Aggregate])
  /// `select id, source, date`
  case select([SelectItem])
  /// `order by count desc, source`
  case orderBy([OrderKey])
  /// `limit 20`
  case limit(Int, SourceRange?)
  /// `count`
  case count(SourceRange?)
  /// `distinct`
  case distinct(SourceRange?)
}

/// How two claim sets combine: `a and b` (in both), `a or b` (in either), `a minus b` (in
/// the first, not the second).
public enum SetOperator: String, Hashable, Sendable {
  /// `a and b`: the claims in both.
  case and
  /// `a or b`: the claims in either.
  case or
  /// `a minus b`: the claims in `a`, not in `b`.
  case minus
}

/// A set operator and the name of the claim set it brings in: `and b`.
public struct SetTerm: Hashable, Sendable {
  /// How the set combines with what comes before it.
  public var op: SetOperator
  /// The claim set's name: a `let` name, `claims` or `_`.
  public var name: Name

  /// Creates a term.
  public init(_ op: SetOperator, _ name: Name) {
    self.op = op
    self.name = name
  }
}

/// A collection or `let` name (or claim sets combined: `a minus b`) followed by stages.
public struct Query: Hashable, Sendable {
  /// `claims`, `docs`, `entities`, `topics`, `stories`, `citations`, a `let` name, or `_`.
  public var source: Name
  /// The claim sets combined with the source, left to right.
  public var combined: [SetTerm]
  /// The stages, left to right.
  public var stages: [Stage]

  /// Creates a query.
  public init(source: Name, combined: [SetTerm] = [], stages: [Stage] = []) {
    self.source = source
    self.combined = combined
    self.stages = stages
  }
}

/// A statement: a query, or `let name = query`.
public enum Statement: Hashable, Sendable {
  /// `claims where …`
  case query(Query)
  /// `let deep = claims where …`
  case `let`(Name, Query)
}

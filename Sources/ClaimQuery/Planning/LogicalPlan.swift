/// A query with every name and type resolved once, stage by stage, before anything runs: the
/// columns each stage reads and writes, each comparison checked against them. The engine runs
/// it (through `PhysicalPlan`) and the SQL back end compiles it, so both read one meaning.
struct LogicalPlan: Sendable {
  /// Where the rows come from.
  enum Source: Sendable, Equatable {
    /// All claims.
    case claims
    /// A `let` name that holds claims.
    case claimsBinding(String)
    /// `docs`, `entities`, `topics`, or a `let` name that holds a table.
    case table(String)
  }

  /// The rows between two stages: their columns, whether they are still claims (rows of the
  /// column store, where `where`, `order by` and `group by` have their own operators), and
  /// the name diagnostics use for them.
  struct Schema: Sendable, Equatable {
    var columns: [Column]
    var isClaims: Bool
    var collection: String
  }

  /// A `where` expression resolved: comparisons checked against the schema.
  indirect enum Predicate: Sendable {
    case and([Predicate])
    case or([Predicate])
    case not(Predicate)
    case comparison(Comparison)
  }

  /// One stage, resolved.
  enum Step: Sendable {
    /// `where`: the expression as written and resolved.
    case filter(Expr, Predicate)
    /// `group by`: key and aggregate argument columns (indices into the input).
    case group(keys: [Name], keyColumns: [Int], aggregates: [Aggregate], arguments: [Int?])
    /// `select`: the input columns taken, in order.
    case select([SelectItem], [Int])
    /// `order by`: the input columns sorted by.
    case orderBy([OrderKey], [Int])
    /// `limit`
    case limit(Int)
    /// `count`
    case count
    /// `distinct`
    case distinct
  }

  /// A stage with the rows it reads and writes.
  struct Node: Sendable {
    var stage: Stage
    var step: Step
    var input: Schema
    var output: Schema
  }

  var source: Source
  var sourceSchema: Schema
  var nodes: [Node]

  /// The result's columns.
  var schema: Schema { nodes.last?.output ?? sourceSchema }
}

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

    /// The comparisons, left to right.
    var comparisons: [Comparison] {
      switch self {
      case .and(let items), .or(let items): return items.flatMap(\.comparisons)
      case .not(let inner): return inner.comparisons
      case .comparison(let c): return [c]
      }
    }

    /// Where the predicate is written: from its first comparison to its last.
    var range: SourceRange? {
      let all = comparisons
      guard let first = all.first, let last = all.last else { return nil }
      return first.range.union(last.range)
    }

    /// The same predicate with patterns of its own, for one more core.
    func withOwnPatterns() -> Predicate {
      switch self {
      case .and(let items): return .and(items.map { $0.withOwnPatterns() })
      case .or(let items): return .or(items.map { $0.withOwnPatterns() })
      case .not(let inner): return .not(inner.withOwnPatterns())
      case .comparison(let c): return .comparison(c.withOwnPattern())
      }
    }
  }

  /// One stage, resolved; or, after `Fusion`, several stages one operator answers together.
  enum Step: Sendable {
    /// `where`
    case filter(Predicate)
    /// `group by`: key and aggregate argument columns (indices into the input); the keys as
    /// written say where a stop in grouping points.
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
    /// `order by … limit n` on claims, fused: the first n kept while sorting (top-k).
    case topK([OrderKey], [Int], limit: Int)
    /// `where … order by date … limit n` on all claims, fused: the date index read in order
    /// from the bounds the predicate states, until n rows pass.
    case firstByDate(Predicate, [OrderKey], [Int], limit: Int)
    /// `select … distinct` on claims, fused: rows kept by codes before any value is made.
    case selectDistinct([SelectItem], [Int])
  }

  /// A stage with the rows it reads and writes.
  struct Node: Sendable {
    /// The stages as written (several for a fused step).
    var stages: [Stage]
    var step: Step
    var input: Schema
    var output: Schema
    /// For a fused step, the nodes it stands for, in order; empty otherwise.
    var parts: [Node] = []

    /// The stages as written, as one line.
    var written: String { stages.map(\.description).joined(separator: " ") }
  }

  var source: Source
  var sourceSchema: Schema
  var nodes: [Node]

  /// The result's columns.
  var schema: Schema { nodes.last?.output ?? sourceSchema }
}

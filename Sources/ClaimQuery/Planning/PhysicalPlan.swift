/// How the engine runs a logical plan (after `Fusion`): an operator per step, built from the
/// columns, fields and predicates the planner resolved (no operator sees a name or an
/// expression). Claims rows run through claims operators (the date index, postings and row
/// tests, top-k, distinct by codes); a conversion makes them a table (count, group by, select,
/// or every field); tables run through the general path. The pipeline holds its input, so an
/// operator is only ever given the rows it takes.
struct PhysicalPlan {
  /// An operator from claims rows to claims rows.
  enum ClaimsOperator {
    /// `where … order by date … limit n` on all claims, from the date index within `bounds`.
    case firstByDate(LogicalPlan.Predicate, [ClaimOrdering.Key], limit: Int, bounds: DateIndexScan.Bounds)
    /// `where`: postings intersected, then row tests, cheapest first (`ClaimFilter`).
    case filter(LogicalPlan.Predicate, written: String)
    /// `order by`, keeping only the first `limit` when one is fused in.
    case sort([ClaimOrdering.Key], limit: Int?)
    /// `limit`
    case limit(Int)
    /// `distinct` (or the rows `select … distinct` keeps): the first row of each set equal on
    /// these fields, by codes and bytes.
    case distinct([ClaimField])
  }

  /// The operator that makes a table of claims rows.
  enum Conversion {
    /// `count`
    case count
    /// `group by` (the strategy picked when the rows are known: `GroupStrategy.choose`).
    case group(ClaimGroupPlan)
    /// `select`: these fields, as these columns.
    case select([ClaimField], [Column])
    /// Every field (after `distinct`).
    case materialize([ClaimField])
  }

  /// An operator over a table, with the stage it runs as written (for `.explain`).
  struct TableOperator {
    /// What it does.
    enum Kind {
      /// `where`, with where it is written (for a stop).
      case filter(LogicalPlan.Predicate, at: SourceRange?)
      /// `group by`: key and argument columns.
      case group(keys: [Int], aggregates: [Aggregate], arguments: [Int?])
      /// `select`: these input columns, as these columns.
      case select([Int], [Column])
      /// `order by`
      case order([(column: Int, descending: Bool)])
      /// `limit`
      case limit(Int)
      /// `count`
      case count
      /// `distinct`
      case distinct
    }

    var kind: Kind
    /// The stage as written.
    var written: String
    /// The rows it gives, named for diagnostics ("the grouped docs").
    var output: String
  }

  /// The operators, with their input.
  enum Pipeline {
    /// Claims rows (nil: all), the claims operators, then, when the result is a table, the
    /// conversion and the table operators after it.
    case claims([Int32]?, [ClaimsOperator], then: (Conversion, [TableOperator])?)
    /// A table and its name, through table operators.
    case table(Table, String, [TableOperator])
  }

  var pipeline: Pipeline

  /// The operators of the general path, after claims rows become a table (or from the start).
  var tableOperators: [TableOperator] {
    switch pipeline {
    case .claims(_, _, let then): return then?.1 ?? []
    case .table(_, _, let operators): return operators
    }
  }

  /// Picks the operators for `plan` (fused) over `input` in `store`.
  static func plan(_ plan: LogicalPlan, input: QueryEngine.Relation, store: ClaimStore) -> PhysicalPlan {
    let nodes = plan.nodes
    switch input {
    case .table(let t, let name):
      return PhysicalPlan(pipeline: .table(t, name, nodes.flatMap(tableOperators)))
    case .claims(let rows):
      var operators: [ClaimsOperator] = []
      for (k, node) in nodes.enumerated() {
        if let op = claimsOperator(node) { operators.append(op) }
        if let conversion = conversion(node, store: store) {
          return PhysicalPlan(pipeline: .claims(rows, operators, then: (conversion, nodes[(k + 1)...].flatMap(tableOperators))))
        }
      }
      return PhysicalPlan(pipeline: .claims(rows, operators, then: nil))
    }
  }

  /// The claims operator of a step on claims (before its conversion, when it makes one), if any.
  static func claimsOperator(_ node: LogicalPlan.Node) -> ClaimsOperator? {
    switch node.step {
    case .filter(let p): return .filter(p, written: node.written)
    case .firstByDate(let p, let keys, let columns, let n):
      return .firstByDate(p, sortKeys(keys, columns), limit: n, bounds: DateIndexScan.bounds(of: p))
    case .orderBy(let keys, let columns): return .sort(sortKeys(keys, columns), limit: nil)
    case .topK(let keys, let columns, let n): return .sort(sortKeys(keys, columns), limit: n)
    case .limit(let n): return .limit(n)
    case .selectDistinct(_, let columns): return .distinct(columns.map(field))
    case .distinct: return .distinct(node.input.columns.indices.map(field))
    case .group, .select, .count: return nil
    }
  }

  /// The conversion a step on claims makes, or nil when it keeps claims rows.
  static func conversion(_ node: LogicalPlan.Node, store: ClaimStore) -> Conversion? {
    switch node.step {
    case .count: return .count
    case .group(let names, let keyColumns, let aggregates, let argumentColumns):
      let keys = keyColumns.map(field)
      let arguments = argumentColumns.map { $0.map(field) }
      return .group(
        ClaimGroupPlan(
          keys: keys, aggregates: aggregates, arguments: arguments, range: names.first?.range,
          layout: DenseGrouping(store: store, cancellation: nil).layout(keys: keys, aggregates: aggregates, arguments: arguments)))
    case .select(_, let columns), .selectDistinct(_, let columns): return .select(columns.map(field), node.output.columns)
    case .distinct: return .materialize(node.input.columns.indices.map(field))
    case .filter, .firstByDate, .orderBy, .topK, .limit: return nil
    }
  }

  /// The operators of a step over a table (`Fusion` fuses steps on claims only; a fused step
  /// stands for its parts).
  static func tableOperators(_ node: LogicalPlan.Node) -> [TableOperator] {
    let kind: TableOperator.Kind
    switch node.step {
    case .filter(let p): kind = .filter(p, at: p.range)
    case .group(_, let keys, let aggregates, let arguments): kind = .group(keys: keys, aggregates: aggregates, arguments: arguments)
    case .select(_, let columns): kind = .select(columns, node.output.columns)
    case .orderBy(let keys, let columns): kind = .order(zip(keys, columns).map { ($1, $0.descending) })
    case .limit(let n): kind = .limit(n)
    case .count: kind = .count
    case .distinct: kind = .distinct
    case .topK, .firstByDate, .selectDistinct: return node.parts.flatMap(tableOperators)
    }
    return [TableOperator(kind: kind, written: node.written, output: node.output.collection)]
  }

  /// The claim field of column `column` of a claims schema: the planner's claims columns are
  /// `ClaimField.allCases` in order (`story` last, when a stage names it).
  static func field(_ column: Int) -> ClaimField { ClaimField.allCases[column] }

  /// `order by` keys bound to the claim fields of the columns the planner resolved.
  static func sortKeys(_ keys: [OrderKey], _ columns: [Int]) -> [ClaimOrdering.Key] {
    zip(keys, columns).map { ClaimOrdering.Key(field: field($1), descending: $0.descending, range: $0.field.range) }
  }
}

/// `group by` on claims as the planner bound it: key and argument fields, and the flat-array
/// layout when the keys' value ids fit one (`DenseGrouping.layout`).
struct ClaimGroupPlan {
  var keys: [ClaimField]
  var aggregates: [Aggregate]
  /// Each aggregate's argument field (nil for `count`).
  var arguments: [ClaimField?]
  /// Where the keys are written, for a stop's diagnostic.
  var range: SourceRange?
  var layout: DenseGrouping.Layout?
}

/// A result read cell by cell: its columns, its row count, and each value on demand. An
/// export of millions of claims reads them from the column store this way instead of building
/// a table of them first.
public struct ResultCells: Sendable {
  /// The columns.
  public let columns: [Column]
  /// The number of rows.
  public let count: Int
  /// The value at a row and a column index.
  public let value: @Sendable (Int, Int) -> Value

  /// Cells of an existing table.
  public init(_ table: Table) {
    columns = table.columns
    count = table.rows.count
    let rows = table.rows
    value = { rows[$0][$1] }
  }

  /// Cells computed by `value`.
  public init(columns: [Column], count: Int, value: @escaping @Sendable (Int, Int) -> Value) {
    self.columns = columns
    self.count = count
    self.value = value
  }
}

extension QueryEngine {
  /// A query's result as cells: claims straight from the store, anything else as its table,
  /// each run once. Its warnings wait for `takeWarnings()`.
  public mutating func cells(_ query: String) throws(Diagnostic) -> ResultCells {
    _ = warnings.take()
    guard case .query(let q) = try Parser.parseStatement(query) else { return ResultCells(try table(query)) }
    let relation = try relation(q)
    guard case .claims(let rows) = relation else {
      let table = try result(relation, q)
      last = .table(table)
      return ResultCells(table)
    }
    let store = self.store
    let fields = Self.claimFields(q)
    guard let rows else { return ResultCells(columns: fields.map(\.column), count: store.count) { store.value(fields[$1], $0) } }
    return ResultCells(columns: fields.map(\.column), count: rows.count) { store.value(fields[$1], Int(rows[$0])) }
  }
}

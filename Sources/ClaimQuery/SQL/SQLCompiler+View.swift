/// The statement that makes the `claims` table the compiled SQL reads, over a file that
/// `.export` wrote: Parquet carries its own types; for JSON Lines the columns are declared, so
/// an engine does not guess them from a sample (a column that is null in the first rows, a
/// date read as text).
extension SQLCompiler {
  /// The export formats a view can read.
  public enum ExportFormat: String, Sendable {
    /// `.parquet`
    case parquet
    /// `.jsonl`
    case jsonl
  }

  /// `CREATE … VIEW claims` over the export at `path`.
  public func view(over path: String, format: ExportFormat) -> String {
    let columns = Planner.claims.columns
    switch (dialect, format) {
    case (.duckdb, .parquet):
      return "CREATE OR REPLACE VIEW claims AS SELECT * FROM read_parquet(\(dialect.string(path)));\n"
    case (.duckdb, .jsonl):
      let spec = columns.map { "\(dialect.string($0.name)): \(dialect.string(type(of: $0)))" }.joined(separator: ", ")
      return
        "CREATE OR REPLACE VIEW claims AS SELECT * FROM read_json(\(dialect.string(path)), format = 'newline_delimited', columns = "
        + "{\(spec)});\n"
    case (.spark, .parquet):
      return "CREATE OR REPLACE TEMPORARY VIEW claims USING parquet OPTIONS (path \(dialect.string(path)))\n"
    case (.spark, .jsonl):
      let spec = columns.map { "\(quoted($0.name)) \(type(of: $0))" }.joined(separator: ", ")
      return
        "CREATE OR REPLACE TEMPORARY VIEW claims (\(spec)) USING json OPTIONS (path \(dialect.string(path)), dateFormat 'yyyy-MM-dd')\n"
    }
  }

  /// A claims column's SQL type in the dialect.
  func type(of column: Column) -> String {
    switch (column.type, dialect) {
    case (.int, _): return "BIGINT"
    case (.date, _): return "DATE"
    case (.bool, _): return "BOOLEAN"
    case (.string, .duckdb): return "VARCHAR"
    case (.string, .spark): return "STRING"
    case (.list, .duckdb): return "VARCHAR[]"
    case (.list, .spark): return "ARRAY<STRING>"
    }
  }
}

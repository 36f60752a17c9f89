import ClaimCorpus

extension Renderer {
  /// The rows a streamed piece holds (`stream`).
  public static let pieceRows = 16_384

  /// Writes `cells` under `spec` to `write` piece by piece, each piece rendered on any core and
  /// written in order: the same bytes as `render` of the whole table, without ever holding the
  /// table or its text (an export of ten million claims), `pieceRows` rows at a time. CSV,
  /// JSON, JSON Lines and Markdown stream; the terminal's table is rendered whole. Stops at the
  /// first error `write` throws, and throws it; stops when `shouldStop` says so (Ctrl-C, a
  /// time limit), and throws `CancellationError`.
  public static func stream(
    _ cells: ResultCells, _ spec: RenderSpec, pieceRows: Int = Renderer.pieceRows, shouldStop: @Sendable () -> Bool = { false },
    to write: ([UInt8]) throws -> Void
  ) throws {
    guard [.csv, .json, .jsonl, .markdown].contains(spec.mode) else {
      return try write(Array(render(piece(cells, rows: 0..<cells.count), spec).utf8))
    }
    let pieceRows = max(pieceRows, 1)
    let starts = Array(stride(from: 0, to: max(cells.count, 1), by: pieceRows))
    var failure: (any Error)? = nil
    parallelMap(
      starts,
      { start in
        guard !shouldStop() else { return [] }
        let rows = start..<min(start + pieceRows, cells.count)
        let table = piece(cells, rows: rows)
        let (first, last) = (rows.lowerBound == 0, rows.upperBound == cells.count)
        switch spec.mode {
        case .csv: return CSVRenderer.bytes(table, spec, header: first)
        case .markdown: return Array(MarkdownRenderer.render(table, spec, header: first).utf8)
        default: return json(table, lines: spec.mode == .jsonl, opening: first, closing: last)
        }
      },
      inOrder: { (bytes: [UInt8]) in
        guard failure == nil else { return }
        if shouldStop() {
          failure = CancellationError()
          return
        }
        do { try write(bytes) } catch { failure = error }
      })
    if let failure { throw failure }
  }

  /// Rows `rows` of `cells`, as a table.
  static func piece(_ cells: ResultCells, rows: Range<Int>) -> Table {
    Table(columns: cells.columns, rows: rows.map { r in cells.columns.indices.map { cells.value(r, $0) } })
  }
}

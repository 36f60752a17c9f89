/// How to render a table: the output mode and, for `table` mode, the screen it must fit.
public struct RenderSpec: Sendable, Hashable {
  /// The output formats of `.mode`.
  public enum Mode: String, Sendable, CaseIterable {
    /// Aligned columns that fit a width, with a row count.
    case table
    /// One JSON array of objects.
    case json
    /// One JSON object per line.
    case jsonl
    /// RFC 4180 CSV with a header row.
    case csv
    /// A GitHub-flavoured Markdown table.
    case markdown
    /// A concordance of claims, CQP style: the match in its context, a line each
    /// (`QueryEngine.concordance`; other rows print as a table).
    case kwic
  }

  /// The format.
  public var mode: Mode
  /// The widest line, in display columns (table mode); nil for no limit (a file or a pipe,
  /// where sqlite3 and DuckDB write whole values too).
  public var width: Int?
  /// At most this many rows are shown (table mode); nil shows all.
  public var maxRows: Int?
  /// Whether to draw a bar beside `count` columns (table mode).
  public var bars: Bool
  /// Whether to use ANSI colour.
  public var color: Bool
  /// Whether the text goes to a terminal: then CSV and Markdown neutralise control and bidi
  /// characters too (table mode always does; JSON escapes them as `\u` sequences, which
  /// keeps the data exact). Off a terminal the text is data and is written exactly.
  public var terminal: Bool
  /// Whether a CSV cell that begins with `=`, `+`, `-`, `@`, tab or carriage return gets a `'`
  /// before it, so a spreadsheet does not run it as a formula (OWASP's advice on CSV
  /// injection); numbers are never touched.
  public var guardFormulas: Bool

  /// Creates a spec.
  public init(
    mode: Mode = .table, width: Int? = 100, maxRows: Int? = nil, bars: Bool = false, color: Bool = false, terminal: Bool = false,
    guardFormulas: Bool = true
  ) {
    self.mode = mode
    self.width = width
    self.maxRows = maxRows
    self.bars = bars
    self.color = color
    self.terminal = terminal
    self.guardFormulas = guardFormulas
  }
}

/// Renders tables: pure functions of (table, spec).
public enum Renderer {
  /// The text for `table` under `spec`, ending with a newline (empty for an empty jsonl).
  public static func render(_ table: Table, _ spec: RenderSpec) -> String {
    switch spec.mode {
    case .table: return TableRenderer.render(table, spec)
    case .json, .jsonl: return json(table, lines: spec.mode == .jsonl)
    case .csv: return CSVRenderer.render(table, spec)
    case .markdown: return MarkdownRenderer.render(table, spec)
    case .kwic:
      // a concordance needs the corpus (the engine draws it); without one, the table
      var view = spec
      view.mode = .table
      return TableRenderer.render(table, view)
    }
  }

  /// The rows as JSON objects: one per line (`lines`), else one array.
  static func json(_ table: Table, lines: Bool) -> String {
    String(decoding: json(table, lines: lines, opening: true, closing: true), as: UTF8.self)
  }

  /// The rows as JSON objects, as UTF-8. In an array, a piece that is not `opening` goes on
  /// from the rows before it (a comma first), and only the `closing` one ends the array.
  static func json(_ table: Table, lines: Bool, opening: Bool, closing: Bool) -> [UInt8] {
    let names = table.columns.map { Array((JSONWriter.quoted($0.name) + ":").utf8) }
    var out: [UInt8] = lines || !opening ? [] : [UInt8(ascii: "[")]
    for (r, row) in table.rows.enumerated() {
      // room for the rest, judged from the first rows: the text is not copied as it grows
      if r == 64 { out.reserveCapacity(out.count / 64 * table.rows.count * 11 / 10) }
      if !lines && (r > 0 || !opening) { out.append(contentsOf: ",\n ".utf8) }
      out.append(UInt8(ascii: "{"))
      for (k, value) in row.enumerated() {
        if k > 0 { out.append(UInt8(ascii: ",")) }
        out.append(contentsOf: names[k])
        value.appendJSON(to: &out)
      }
      out.append(UInt8(ascii: "}"))
      if lines { out.append(0x0A) }
    }
    if !lines && closing { out.append(contentsOf: "]\n".utf8) }
    return out
  }
}

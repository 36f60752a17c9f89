/// RFC 4180 CSV, with Unix line ends (as DuckDB and most tools write it, so `tail -1` gives a
/// clean value): a header row, fields quoted when they hold a comma, quote or line break,
/// lists joined with `; `. Text is written exactly, but on a terminal (control and bidi
/// characters neutralised there); a text cell that a spreadsheet would run as a formula is
/// guarded with a leading `'` unless the spec says not to.
enum CSVRenderer {
  static func render(_ table: Table, _ spec: RenderSpec) -> String {
    String(decoding: bytes(table, spec), as: UTF8.self)
  }

  /// The CSV as UTF-8: the header row (unless `header` is false, for a piece after the first),
  /// then the rows.
  static func bytes(_ table: Table, _ spec: RenderSpec, header: Bool = true) -> [UInt8] {
    var out: [UInt8] = []
    if header {
      for (k, column) in table.columns.enumerated() {
        if k > 0 { out.append(UInt8(ascii: ",")) }
        append(column.name, to: &out)
      }
      out.append(0x0A)
    }
    for (r, row) in table.rows.enumerated() {
      // room for the rest, judged from the first rows: the text is not copied as it grows
      if r == 64 { out.reserveCapacity(out.count / 64 * table.rows.count * 11 / 10) }
      for (k, value) in row.enumerated() {
        if k > 0 { out.append(UInt8(ascii: ",")) }
        var text = value.text
        if spec.guardFormulas, !isNumber(value), isFormula(text) { text = "'" + text }
        append(spec.terminal ? TerminalSafe.escape(text, keepLayout: true) : text, to: &out)
      }
      out.append(0x0A)
    }
    return out
  }

  /// Appends one field's UTF-8 to `out`: as it is, or quoted (its quotes doubled) when it
  /// holds a comma, a quote or a line break.
  static func append(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
      let quote = UInt8(ascii: "\"")
      guard bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == quote || $0 == 0x0A || $0 == 0x0D }) else {
        return out.append(contentsOf: bytes)
      }
      out.append(quote)
      for b in bytes {
        out.append(b)
        if b == quote { out.append(quote) }
      }
      out.append(quote)
    }
  }

  /// Whether a spreadsheet would read `text` as a formula: it begins with `=`, `+`, `-`, `@`,
  /// a tab or a carriage return.
  static func isFormula(_ text: String) -> Bool {
    guard let first = text.utf8.first else { return false }
    return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
      || first == 0x09 || first == 0x0D
  }

  static func isNumber(_ value: Value) -> Bool {
    if case .int = value { return true }
    return false
  }
}

/// A GitHub-flavoured Markdown table; pipes escaped, line breaks as spaces; control and bidi
/// characters neutralised on a terminal.
enum MarkdownRenderer {
  /// The table, its header and rule first unless `header` is false (a piece after the first).
  static func render(_ table: Table, _ spec: RenderSpec, header: Bool = true) -> String {
    func cell(_ text: String) -> String {
      let flat = text.replacingAll("\r\n", with: " ").replacingAll("\n", with: " ")
      return (spec.terminal ? TerminalSafe.escape(flat) : flat).replacingAll("|", with: "\\|")
    }
    var out = ""
    if header {
      out += "| " + table.columns.map { cell($0.name) }.joined(separator: " | ") + " |\n"
      out += "|" + table.columns.map { $0.type == .int ? " ---: |" : " --- |" }.joined() + "\n"
    }
    for row in table.rows { out += "| " + row.map { cell($0.text) }.joined(separator: " | ") + " |\n" }
    return out
  }
}

extension String {
  /// The string with every `target` replaced.
  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}

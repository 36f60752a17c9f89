/// RFC 4180 CSV: a header row, fields quoted when they hold a comma, quote or line break,
/// lists joined with `; `, control characters other than line breaks escaped.
enum CSVRenderer {
  static func render(_ table: Table) -> String {
    var out = table.columns.map { field($0.name) }.joined(separator: ",") + "\r\n"
    for row in table.rows {
      out += row.map { field(TerminalSafe.escape($0.text, keepLayout: true)) }.joined(separator: ",") + "\r\n"
    }
    return out
  }

  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }
}

/// A GitHub-flavoured Markdown table; pipes escaped, line breaks as spaces.
enum MarkdownRenderer {
  static func render(_ table: Table) -> String {
    func cell(_ text: String) -> String {
      TerminalSafe.escape(text.replacingAll("\n", with: " ")).replacingAll("|", with: "\\|")
    }
    var out = "| " + table.columns.map { cell($0.name) }.joined(separator: " | ") + " |\n"
    out += "|" + table.columns.map { $0.type == .int ? " ---: |" : " --- |" }.joined() + "\n"
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

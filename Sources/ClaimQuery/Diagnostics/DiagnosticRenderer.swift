/// Renders diagnostics as text: the message, the location, the source line with the whole span
/// underlined, and the hint after the carets. Pure: the same input gives the same text.
///
///     error: unknown field 'actr' in claims
///      --> line 1, column 14
///     1 | claims where actr = "Zelensky"
///       |              ^^^^ did you mean 'actor'?
public enum DiagnosticRenderer {
  /// The widest source line shown; longer lines are windowed around the span with `…`.
  public static let maximumWidth = 78

  /// Renders `diagnostics` against `source`; `file` names the script ("line 3 of q.cq").
  public static func render(_ diagnostics: [Diagnostic], in source: SourceText, file: String? = nil, color: Bool = false) -> String {
    diagnostics.map { render($0, in: source, file: file, color: color) }.joined(separator: "\n")
  }

  static func render(_ d: Diagnostic, in source: SourceText, file: String?, color: Bool) -> String {
    let (line, column) = source.location(of: d.range.start)
    let red = color ? (d.severity == .warning ? "\u{1B}[1;33m" : "\u{1B}[1;31m") : ""
    let bold = color ? "\u{1B}[1m" : ""
    let blue = color ? "\u{1B}[1;34m" : ""
    let reset = color ? "\u{1B}[0m" : ""
    let place = file.map { "line \(line) of \($0), column \(column)" } ?? "line \(line), column \(column)"
    var out = "\(red)\(d.severity.rawValue)\(reset)\(bold): \(d.message)\(reset)\n \(blue)-->\(reset) \(place)\n"

    // the span on this line, in characters; an empty span (end of input) gets one caret
    let text = source.lineText(line).map { $0 == "\t" ? " " : $0 }
    let lineEnd = source.lineStart(line) + source.lineText(line).utf8.count
    let endOffset = min(max(d.range.end, d.range.start), lineEnd)
    let endColumn = source.location(of: endOffset).column
    var first = column - 1
    var width = max(1, endColumn - column)
    var shown = text
    var prefix = ""
    if shown.count > maximumWidth {
      let start = max(0, min(first - 20, shown.count - maximumWidth + 1))
      let end = min(shown.count, start + maximumWidth - 2)
      prefix = start > 0 ? "…" : ""
      shown = Array(shown[start..<end]) + (end < text.count ? ["…"] : [])
      first = first - start + prefix.count
      width = min(width, max(1, shown.count - first))
    }
    let gutter = String(line)
    let pad = String(repeating: " ", count: gutter.count)
    let visible = prefix + String(shown)
    out += "\(blue)\(gutter) |\(reset) \(visible)\n"
    let lead = String(repeating: " ", count: max(0, displayColumns(String(visible.prefix(first)))))
    let carets = String(repeating: "^", count: max(1, displayColumns(String(Array(visible).dropFirst(first).prefix(width)))))
    out += "\(blue)\(pad) |\(reset) \(lead)\(red)\(carets)\(reset)"
    if let hint = d.hint { out += " \(hint)" }
    for note in d.notes { out += "\n\(pad) = \(note)" }
    return out
  }

  static func displayColumns(_ text: String) -> Int { DisplayWidth.of(text) }
}

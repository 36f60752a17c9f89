/// Table mode: aligned columns that fit the width, long text cut with `…`, numbers on the
/// right, a bar beside counts when asked, and a last line that counts the rows and says what
/// the view leaves out ("showing 40 of 1,203 rows", "4 of 13 columns shown").
enum TableRenderer {
  static let separator = " │ "
  static let minimumWidth = 10
  static let barWidth = 20

  static func render(_ table: Table, _ spec: RenderSpec) -> String {
    let shownRows = spec.maxRows.map { Array(table.rows.prefix($0)) } ?? table.rows
    var cells = shownRows.map { row in row.map { TerminalSafe.escape($0.text) } }
    var headers = table.columns.map { TerminalSafe.escape($0.name) }
    var rightAligned = table.columns.map { $0.type == .int }

    // a bar beside the count column of a grouped table (a lone count has no distribution to show)
    if spec.bars, table.columns.count > 1, let countColumn = table.columns.lastIndex(where: { $0.name == "count" && $0.type == .int }) {
      let counts = shownRows.map { row -> Int in if case .int(let n) = row[countColumn] { return n } else { return 0 } }
      let largest = max(1, counts.max() ?? 1)
      headers.append("")
      rightAligned.append(false)
      for (i, n) in counts.enumerated() { cells[i].append(bar(n, of: largest)) }
    }

    var widths = headers.indices.map { c in
      max(DisplayWidth.of(headers[c]), cells.map { DisplayWidth.of($0[c]) }.max() ?? 0)
    }
    // cap the widest columns at one width, as high as still fits; drop columns that cannot fit
    let natural = widths
    var shown = headers.count
    func floor(_ c: Int) -> Int { min(natural[c], max(minimumWidth, DisplayWidth.of(headers[c]))) }
    func fits(_ cap: Int) -> Bool {
      (0..<shown).reduce(0) { $0 + max(floor($1), min(natural[$1], cap)) } + separator.count * max(0, shown - 1) <= (spec.width ?? .max)
    }
    while shown > 1 && !fits(0) { shown -= 1 }
    var low = 0
    var high = natural.prefix(shown).max() ?? 0
    while low < high {
      let mid = (low + high + 1) / 2
      if fits(mid) { low = mid } else { high = mid - 1 }
    }
    for c in 0..<shown { widths[c] = max(floor(c), min(natural[c], low)) }

    var lines: [String] = []
    let bold = spec.color ? "\u{1B}[1m" : ""
    let reset = spec.color ? "\u{1B}[0m" : ""
    lines.append(bold + (0..<shown).map { pad(headers[$0], widths[$0], right: rightAligned[$0]) }.joined(separator: separator) + reset)
    lines.append((0..<shown).map { String(repeating: "─", count: widths[$0]) }.joined(separator: "─┼─"))
    for row in cells {
      lines.append((0..<shown).map { pad(row[$0], widths[$0], right: rightAligned[$0]) }.joined(separator: separator))
    }
    var footer = table.rows.count == 1 ? "1 row" : "\(grouped(table.rows.count)) rows"
    if shownRows.count < table.rows.count { footer = "showing \(grouped(shownRows.count)) of \(grouped(table.rows.count)) rows (.maxrows off shows all)" }
    let columnCount = table.columns.count + (headers.count > table.columns.count ? 1 : 0)
    if shown < columnCount {
      let visible = min(shown, table.columns.count)
      footer += ", \(visible) of \(table.columns.count) columns shown (.mode json shows all)"
    }
    lines.append(footer)
    return lines.map { trimmedRight($0) }.joined(separator: "\n") + "\n"
  }

  /// `text` cut or padded to exactly `width` display columns.
  static func pad(_ text: String, _ width: Int, right: Bool) -> String {
    var t = text
    var columns = DisplayWidth.of(t)
    if columns > width {
      var out = ""
      var used = 0
      for c in t {
        let w = DisplayWidth.of(c)
        if used + w > width - 1 { break }
        out.append(c)
        used += w
      }
      t = out + "…"
      columns = used + 1
    }
    let gap = String(repeating: " ", count: max(0, width - columns))
    return right ? gap + t : t + gap
  }

  /// A bar of `n` out of `largest`, in eighths of a block.
  static func bar(_ n: Int, of largest: Int) -> String {
    let eighths = Int((Double(n) / Double(largest) * Double(barWidth * 8)).rounded())
    let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: eighths / 8) + blocks[eighths % 8]
  }

  /// `1203` as `1,203`.
  static func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return out
  }

  /// `s` without its trailing spaces (found from the end, so a padded line costs its padding).
  static func trimmedRight(_ s: String) -> String {
    let bytes = s.utf8
    var end = bytes.endIndex
    while end > bytes.startIndex, bytes[bytes.index(before: end)] == 0x20 { end = bytes.index(before: end) }
    return String(s[..<end])
  }
}

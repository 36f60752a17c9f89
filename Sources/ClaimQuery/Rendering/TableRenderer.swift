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

    // each cell's width, worked out once
    let cellWidths = cells.map { $0.map { DisplayWidth.of($0) } }
    let headerWidths = headers.map { DisplayWidth.of($0) }
    var widths = headers.indices.map { c in max(headerWidths[c], cellWidths.map { $0[c] }.max() ?? 0) }
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

    // written as bytes: each cell and its padding appended, each line without trailing spaces
    var out: [UInt8] = []
    func line(_ texts: [String], _ textWidths: [Int], before: String = "", after: String = "") {
      out.append(contentsOf: before.utf8)
      for c in 0..<shown {
        if c > 0 { out.append(contentsOf: separator.utf8) }
        guard textWidths[c] <= widths[c] else {
          out.append(contentsOf: pad(texts[c], widths[c], right: rightAligned[c]).utf8)
          continue
        }
        let gap = repeatElement(UInt8(ascii: " "), count: widths[c] - textWidths[c])
        if rightAligned[c] { out.append(contentsOf: gap) }
        out.append(contentsOf: texts[c].utf8)
        if !rightAligned[c] { out.append(contentsOf: gap) }
      }
      out.append(contentsOf: after.utf8)
      while out.last == UInt8(ascii: " ") { out.removeLast() }
      out.append(0x0A)
    }
    line(headers, headerWidths, before: spec.color ? "\u{1B}[1m" : "", after: spec.color ? "\u{1B}[0m" : "")
    out.append(contentsOf: (0..<shown).map { String(repeating: "─", count: widths[$0]) }.joined(separator: "─┼─").utf8)
    out.append(0x0A)
    for (r, row) in cells.enumerated() {
      // room for the rest, judged from the first rows: the text is not copied as it grows
      if r == 64 { out.reserveCapacity(out.count / 64 * cells.count * 11 / 10) }
      line(row, cellWidths[r])
    }
    var footer = table.rows.count == 1 ? "1 row" : "\(grouped(table.rows.count)) rows"
    if shownRows.count < table.rows.count {
      footer = "showing \(grouped(shownRows.count)) of \(grouped(table.rows.count)) rows (.maxrows off shows all)"
    }
    let columnCount = table.columns.count + (headers.count > table.columns.count ? 1 : 0)
    if shown < columnCount {
      let visible = min(shown, table.columns.count)
      footer += ", \(visible) of \(table.columns.count) columns shown (.mode json shows all)"
    }
    out.append(contentsOf: footer.utf8)
    out.append(0x0A)
    return String(decoding: out, as: UTF8.self)
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
}

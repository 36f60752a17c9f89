import ClaimCorpus

extension QueryEngine {
  /// `.story ID`: one story as text at most `width` columns wide (for the shell to print): its
  /// outlets in the order they reported it (dated first, then the rest in load order), what
  /// each says with its hedges and the outlets it cites, who cites whom, and each conflict with
  /// the words of each claim that state its values. Nil when there is no such story.
  public func storyReport(_ id: Int, width: Int = 80) -> String? {
    guard id >= 1, let d = StoryTables.details(corpus, store, ids: id...id).first else { return nil }
    let width = max(width, 40)
    let rows = d.story.rows.map(Int.init)
    let source = store.coded(.source)!, hedge = store.coded(.hedge)!
    func value(_ c: CodedColumn, _ row: Int) -> String { c.codes[row] < 0 ? "" : c.dictionary.values[Int(c.codes[row])] }
    var out: [String] = []
    let dates = [d.firstDate, d.lastDate].compactMap { $0?.description }
    out.append(
      "Story \(id): \(d.outlets.count) outlets, \(d.story.docs.count) documents, \(rows.count) claims"
        + (dates.isEmpty ? "" : ", " + Array(Set(dates)).sorted().joined(separator: " to ")))
    out += Self.wrap("“\(store.text(Int(d.story.title)))”", width: width, indent: "  ")
    // outlets in the order they reported: their first dated claim, else their first claim
    let firstRow = Dictionary(rows.map { (value(source, $0), $0) }, uniquingKeysWith: min)
    let firstDay = Dictionary(
      rows.filter { store.dates[$0] != ClaimStore.noDate }.map { (value(source, $0), store.dates[$0]) }, uniquingKeysWith: min)
    let order = d.outlets.sorted { a, b in
      switch (firstDay[a], firstDay[b]) {
      case let (x?, y?) where x != y: return x < y
      case (_?, nil): return true
      case (nil, _?): return false
      default: return firstRow[a]! < firstRow[b]!
      }
    }
    out.append("")
    out.append("Timeline")
    for (k, outlet) in order.enumerated() {
      let mine = rows.filter { value(source, $0) == outlet }
      let day = firstDay[outlet].map { Day(number: $0).description } ?? "undated"
      out.append("  \(k + 1). \(outlet)  \(day)\(k == 0 ? "  first to report" : "")")
      let hedges = d.hedges.first { $0.outlet == outlet }?.counts.map { "\($0.hedge) \($0.count)" }.joined(separator: ", ") ?? ""
      var cites: [String: Int] = [:]
      for r in mine { for c in Set(StoryTables.citedOutlets(store, r, corpus.lexicon)) { cites[c, default: 0] += 1 } }
      let citing = cites.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
      out += Self.wrap(
        "\(mine.count) claims: \(hedges)" + (citing.isEmpty ? "; cites no outlet" : "; cites " + citing.joined(separator: ", ")),
        width: width, indent: "     ")
      for r in mine.prefix(3) {
        out += Self.wrap(
          "- [\(value(hedge, r))] \(store.text(r)) (claim \(store.ids[r]))", width: width, indent: "       ", first: "     ", limit: 3)
      }
      if mine.count > 3 { out.append("     … and \(mine.count - 3) more: claims where story = \(id) and source = \"\(outlet)\"") }
    }
    out.append("")
    out.append("Who cites whom")
    var edges: [(String, String, Int)] = []
    for outlet in order {
      var counts: [String: Int] = [:]
      for r in rows where value(source, r) == outlet {
        for c in Set(StoryTables.citedOutlets(store, r, corpus.lexicon)) where c != outlet { counts[c, default: 0] += 1 }
      }
      for (to, n) in counts.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) { edges.append((outlet, to, n)) }
    }
    if edges.isEmpty { out.append("  no outlet cites another") }
    for (from, to, n) in edges {
      out += Self.wrap("\(from) → \(to) (\(n) claim\(n == 1 ? "" : "s"))", width: width, indent: "    ", first: "  ")
    }
    out += Self.wrap(
      "Carried on their own (a claim citing no outlet) by \(d.independent.count) of \(d.outlets.count) outlets", width: width, indent: "  ",
      first: "  ")
    out.append("")
    out.append(d.conflicts.isEmpty ? "No conflicts found" : "Conflicts")
    for conflict in d.conflicts {
      out.append("  " + (conflict.kind == .venue ? "venue" : "\(conflict.kind.rawValue) of \(conflict.subject)"))
      for v in conflict.values {
        let row = store.ids.firstIndex(of: v.claim) ?? -1
        let text = row >= 0 ? store.text(row) : ""
        out += Self.wrap(
          "\(v.value): \(v.outlet), claim \(v.claim): \(Self.excerpt(text, v.span))", width: width, indent: "        ", first: "    ")
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The words around `span` of `text`, the span in «»: about 70 characters.
  static func excerpt(_ text: String, _ span: TextSpan) -> String {
    let bytes = Array(text.utf8)
    guard span.start >= 0, span.end <= bytes.count, span.start <= span.end else { return "“\(text)”" }
    func piece(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
    var before = piece(0..<span.start), after = piece(span.end..<bytes.count), within = piece(span.start..<span.end)
    // whole words of context, about 35 characters each side; a long span is cut after 90
    if before.count > 35 { before = "…" + before.suffix(35).drop { $0 != " " } }
    if after.count > 35 { after = String(after.prefix(35).reversed().drop { $0 != " " }.reversed()) + "…" }
    if within.count > 90 { within = String(within.prefix(90).reversed().drop { $0 != " " }.reversed()) + "…" }
    return "“\(before)«\(within)»\(after)”"
  }

  /// `text` wrapped at spaces to `width` columns: the first line after `first` (or `indent`),
  /// the others after `indent`; at most `limit` lines, the last ending in "…" when cut.
  static func wrap(_ text: String, width: Int, indent: String, first: String? = nil, limit: Int = .max) -> [String] {
    var lines: [String] = []
    var line = first ?? indent
    var start = true
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let w = DisplayWidth.of(String(word))
      if !start && DisplayWidth.of(line) + 1 + w > width {
        lines.append(line)
        line = indent
        start = true
      }
      line += (start ? "" : " ") + word
      start = false
    }
    lines.append(line)
    guard lines.count > limit else { return lines }
    var kept = Array(lines.prefix(limit))
    kept[limit - 1] += " …"
    return kept
  }
}

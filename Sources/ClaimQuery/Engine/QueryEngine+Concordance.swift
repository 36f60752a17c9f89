import CFastScan
import ClaimCorpus

extension QueryEngine {
  /// A claims result as a concordance (`.mode kwic`), CQP style: one line per claim with its
  /// source and date, then the words before the match, the match in «», and the words after;
  /// ▏ and ▕ mark where the claim starts and ends inside its document's text. The match is
  /// what the statement looked for in the claim (`text contains`, a name compared with `=` or
  /// `in`, with its aliases), else the claim's hedge cue, else its first words. A result
  /// without a `text` column is printed as a table.
  public func concordance(_ table: Table, statement: String?, width: Int?) -> String {
    guard let textColumn = table.columns.firstIndex(where: { $0.name == "text" }) else {
      return Renderer.render(table, RenderSpec(mode: .table, width: width)) + "(kwic shows rows with a text column, such as claims)\n"
    }
    let column = { (name: String) in table.columns.firstIndex { $0.name == name } }
    let (idColumn, docColumn, sourceColumn, dateColumn, cueColumn) = (
      column("id"), column("doc"), column("source"), column("date"), column("cue")
    )
    let terms = statement.map { searchTerms($0) } ?? []
    let documents = Dictionary(corpus.documents.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
    let sourceWidth = min(20, table.rows.map { r in sourceColumn.map { DisplayWidth.of(r[$0].text) } ?? 0 }.max() ?? 0)
    let meta = sourceWidth + (dateColumn == nil ? 0 : 11) + 1
    // the words before the match take a fixed width, so the matches line up; on a terminal the
    // words after it take what is left of the line after the match and the claim's id
    let side = max(12, ((width ?? 140) - meta - (width == nil ? 16 : 34)) / 2)
    var lines: [String] = []
    for row in table.rows {
      let text = row[textColumn].text
      guard !text.isEmpty else { continue }
      // the document's text around the claim, when the claim is found in it
      var before = "", after = ""
      if let docColumn, case .string(let doc) = row[docColumn], let body = documents[doc], let found = Self.firstRange(of: text, in: body) {
        before = String(body[..<found.lowerBound].suffix(200)) + "▏"
        after = "▕" + String(body[found.upperBound...].prefix(200))
      }
      let cue = cueColumn.flatMap { if case .string(let c) = row[$0] { c } else { nil } }
      // what the statement looked for first; else the hedge cue; else the first words
      var found = match(in: text, lookingFor: terms)
      if found.lowerBound == text.startIndex, !terms.contains(where: { text.range(of: $0, options: .caseInsensitive) != nil }), let cue {
        found = match(in: text, lookingFor: [cue])
      }
      let left = Self.flattened(before + text[..<found.lowerBound])
      let right = Self.flattened(text[found.upperBound...] + after)
      var line = ""
      if let sourceColumn { line += TableRenderer.pad(row[sourceColumn].text, sourceWidth, right: false) + " " }
      if let dateColumn { line += TableRenderer.pad(row[dateColumn].text, 10, right: false) + " " }
      let shownLeft = DisplayWidth.of(left) > side ? "…" + Self.tail(left, side - 1) : left
      line += String(repeating: " ", count: max(0, side - DisplayWidth.of(shownLeft))) + shownLeft
      let suffix = idColumn.map { "  (claim \(row[$0].text))" } ?? ""
      var matched = Self.flattened(text[found])
      if let width, DisplayWidth.of(matched) > width / 3 { matched = TableRenderer.pad(matched, width / 3, right: false) }
      line += "«" + matched + "»"
      let rest = width.map { max(0, $0 - DisplayWidth.of(line) - DisplayWidth.of(suffix)) } ?? side
      line += (rest > 1 ? TableRenderer.pad(right, rest, right: false) : "") + suffix
      lines.append(TerminalSafe.escape(line))
    }
    return lines.map { $0 + "\n" }.joined() + (table.rows.count == 1 ? "1 row\n" : "\(table.rows.count) rows\n")
  }

  /// What a statement looks for in a claim's text: the strings compared with `text contains`,
  /// and the names compared with `=` or `in` on the name fields, with the lexicon's aliases.
  func searchTerms(_ statement: String) -> [String] {
    guard case .query(let query)? = try? Parser.parseStatement(statement) else { return [] }
    // the queries of the let names it starts from or combines look for something too
    let named = ([query.source] + query.combined.map(\.name)).compactMap { definitions[$0.text] }
    return Self.searchTerms(query) + named.flatMap(Self.searchTerms)
  }

  /// What one query looks for (see `searchTerms(_:)`).
  static func searchTerms(_ query: Query) -> [String] {
    var terms: [String] = []
    func visit(_ e: Expr) {
      switch e {
      case .compare(let op, .field(let f), .literal(.string(let s), _)):
        if op == .contains { terms.append(s) } else if op == .equal, f.text.lowercased() != "text" { terms.append(s) }
      case .inList(.field(let f), let items, false) where f.text.lowercased() != "text":
        for case .literal(.string(let s), _) in items { terms.append(s) }
      case .and(let items), .or(let items): items.forEach(visit)
      default: return
      }
    }
    for case .where(let e) in query.stages { visit(e) }
    return terms
  }

  /// The first place in `text` where a term (or one of its aliases) stands, longest first; else
  /// the first four words.
  func match(in text: String, lookingFor terms: [String]) -> Range<String.Index> {
    Self.match(in: text, terms: terms.flatMap { [$0] + corpus.lexicon.lookup($0).flatMap { [$0.name] + $0.aliases } })
  }

  static func match(in text: String, terms: [String]) -> Range<String.Index> {
    var best: Range<String.Index>? = nil
    for term in Set(terms) where !term.isEmpty {
      guard let r = text.range(of: term, options: .caseInsensitive) else { continue }
      if best == nil || r.lowerBound < best!.lowerBound || (r.lowerBound == best!.lowerBound && r.upperBound > best!.upperBound) {
        best = r
      }
    }
    if let best { return best }
    var end = text.startIndex
    var words = 0
    while end < text.endIndex, words < 4 {
      end = text[end...].firstIndex(of: " ").map { text.index(after: $0) } ?? text.endIndex
      words += 1
    }
    let trimmed = text[..<end].trimmingCharacters(in: .whitespaces)
    return text.startIndex..<text.index(text.startIndex, offsetBy: trimmed.count)
  }

  /// Text on one line: line breaks and tabs as spaces, runs of spaces as one.
  static func flattened(_ s: some StringProtocol) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(s.utf8.count)
    var pendingSpace = false
    for b in s.utf8 {
      if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
        pendingSpace = true
        continue
      }
      // a run of spaces is one space, kept at the start (the words before it) and between words
      if pendingSpace { bytes.append(0x20) }
      pendingSpace = false
      bytes.append(b)
    }
    if pendingSpace { bytes.append(0x20) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Where `needle` first stands in `haystack`, byte for byte: a claim's text in its document.
  static func firstRange(of needle: String, in haystack: String) -> Range<String.Index>? {
    var (needle, haystack) = (needle, haystack)
    guard !needle.isEmpty,
      let start = haystack.withUTF8({ h in
        needle.withUTF8 { n -> Int? in
          guard let hp = h.baseAddress, let np = n.baseAddress else { return nil }
          let at = claimsh_find(hp, h.count, np, n.count)
          return at < h.count ? at : nil
        }
      })
    else { return nil }
    let lower = haystack.utf8.index(haystack.utf8.startIndex, offsetBy: start)
    return lower..<haystack.utf8.index(lower, offsetBy: needle.utf8.count)
  }

  /// The last `width` display columns of `s`.
  static func tail(_ s: String, _ width: Int) -> String {
    var out = ""
    var used = 0
    for c in s.reversed() {
      let w = DisplayWidth.of(c)
      if used + w > width { break }
      out.insert(c, at: out.startIndex)
      used += w
    }
    return out
  }
}

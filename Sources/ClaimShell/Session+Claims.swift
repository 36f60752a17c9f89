import ClaimQuery

/// `.claim ID` and `.doc ID`: why a claim has the fields it has, and what a document holds.
extension Session {
  /// The claim fields `.claim` shows in its first lines, not in its table.
  static let claimHeaderFields: Set<String> = ["id", "doc", "source", "date", "text"]

  /// The claim, its sentence in context, each field with its evidence and rule, and the
  /// attribution candidates the model weighed for the sentence.
  func showClaim(_ argument: (word: String, range: Range<Int>)?, fail: (String) -> DotResult) -> DotResult {
    guard let argument, let id = Int(argument.word) else { return fail("expected a claim id (a number), e.g. .claim 12") }
    guard let claim = engine.corpus.claim(id: id) else {
      return fail("no claim \(id); ids run from 0 to \(max(0, engine.corpus.claimCount - 1))")
    }
    let doc = engine.corpus.documents.first { $0.id == claim.doc }
    var text = "claim \(claim.id) in \(claim.doc) (source \(claim.source)\(claim.date.map { ", \($0)" } ?? ""))\n"
    if let doc, let index = doc.sentences.firstIndex(where: { Self.folded($0.text) == Self.folded(claim.text) }) {
      text += "sentence \(index + 1) of \(doc.sentences.count):\n"
      if index > 0 { text += "    " + TerminalSafe.escape(doc.sentences[index - 1].text) + "\n" }
      text += "  ▶ " + TerminalSafe.escape(doc.sentences[index].text) + "\n"
      if index + 1 < doc.sentences.count { text += "    " + TerminalSafe.escape(doc.sentences[index + 1].text) + "\n" }
    } else {
      text += "  ▶ " + TerminalSafe.escape(claim.text) + "\n"
    }
    var rows: [[Value]] = []
    func add(_ field: String, _ value: String?) {
      let evidence = claim.evidence.filter { $0.field == field && (value == nil || $0.value == value) }
      if evidence.isEmpty {
        rows.append([
          .string(field), value.map(Value.string) ?? .null, .null, .string(claim.evidence.isEmpty ? "(from a claims file)" : ""),
        ])
      }
      for e in evidence {
        let quoted = doc.map { "“" + $0.text.slice(e.span) + "” @\(e.span.start)–\(e.span.end)" }
        rows.append([.string(field), .string(value ?? e.value), quoted.map(Value.string) ?? .null, .string(e.rule)])
      }
    }
    // every field the lines above do not show, in the schema's order: a field with evidence
    // once per value it has, each with its evidence; one without, once, null or not
    for spec in ClaimSchema.fields where !Self.claimHeaderFields.contains(spec.name) {
      switch spec.storage {
      case .list: for value in spec.list(claim) { add(spec.name, value) }
      case .string where spec.hasEvidence: if let value = spec.string(claim) { add(spec.name, value) }
      case .string: rows.append([.string(spec.name), spec.string(claim).map(Value.string) ?? .null, .null, .null])
      case .id, .date, .text: continue
      }
    }
    let table = Table(
      columns: [Column("field", .string), Column("value", .string), Column("evidence", .string), Column("rule", .string)], rows: rows)
    var view = spec
    view.mode = .table
    view.maxRows = nil
    text += "\n" + Renderer.render(table, view)
    if let doc, let sentence = doc.sentences.first(where: { Self.folded($0.text) == Self.folded(claim.text) }) {
      let candidates = ClaimExtractor(lexicon: engine.corpus.lexicon).candidateReports(doc, sentence: sentence.span)
      if !candidates.isEmpty {
        text +=
          "\nattribution candidates the model weighed (the rules' own show above):\n"
          + Renderer.render(Self.candidateTable(candidates), view)
      }
    }
    out(text)
    return .done
  }

  /// The candidates of `.claim` as a table: cue, source, construction, score, outcome, and the
  /// features that weighed most.
  static func candidateTable(_ candidates: [CandidateReport]) -> Table {
    Table(
      columns: [
        Column("cue", .string), Column("source", .string), Column("construction", .string), Column("score", .string),
        Column("outcome", .string), Column("why", .string),
      ],
      rows: candidates.map { c in
        [
          .string(c.cue), c.source.isEmpty ? .null : .string(c.source), .string(c.construction), .string(String(format: "%.2f", c.score)),
          .string(c.outcome), .string(c.reasons.joined(separator: ", ")),
        ]
      })
  }

  /// The document's header and text, debris lines marked with the rule that caught them.
  func showDocument(_ argument: (word: String, range: Range<Int>)?, fail: (String) -> DotResult) -> DotResult {
    guard let argument else { return fail("expected a document id, e.g. .doc 000_da5c6891e5e95d21.txt") }
    let docs = engine.corpus.documents
    let word = argument.word
    let doc: Document
    if let exact = docs.first(where: { $0.id == word }) {
      doc = exact
    } else {
      let matches = docs.filter { $0.id.hasPrefix(word) }
      if matches.count > 1 {
        // several documents start so: list them, as a shell lists what a prefix completes to
        out(Renderer.render(Self.documentList(matches), spec))
        return fail("'\(word)' is the start of \(matches.count) document ids; give more of one")
      }
      guard let found = matches.first ?? Int(word).flatMap({ docs.indices.contains($0) ? docs[$0] : nil }) else {
        let suggestion = Suggestions.nearest(to: word, in: docs.map(\.id))
        return fail("no document '\(word)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
      }
      doc = found
    }
    var text = "\(doc.id): \(doc.title.map { TerminalSafe.escape($0) } ?? "(no title)")\n"
    text +=
      "source \(doc.source), date \(doc.date?.description ?? "unknown"), \(doc.sentences.count) sentences, \(doc.debris.count) "
      + "debris spans\n\n"
    let dim = spec.color ? "\u{1B}[2m" : ""
    let reset = spec.color ? "\u{1B}[0m" : ""
    var offset = 0
    for line in doc.text.split(separator: "\n", omittingEmptySubsequences: false) {
      let span = TextSpan(start: offset, end: offset + line.utf8.count)
      offset = span.end + 1
      let debris = doc.debris.filter { $0.span.overlaps(span) }
      let body = TerminalSafe.escape(String(line))
      if debris.isEmpty {
        text += "  " + body + "\n"
      } else {
        let rules = Set(debris.map(\.rule)).sorted().joined(separator: ", ")
        text += dim + "✂ " + body + "  [" + rules + "]" + reset + "\n"
      }
    }
    out(text)
    return .done
  }

  /// Documents as rows of id, source, date and title.
  static func documentList(_ docs: [Document]) -> Table {
    Table(
      columns: [Column("id", .string), Column("source", .string), Column("date", .date), Column("title", .string)],
      rows: docs.map { [.string($0.id), .string($0.source), $0.date.map(Value.date) ?? .null, $0.title.map(Value.string) ?? .null] })
  }

  static func folded(_ s: String) -> String {
    s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

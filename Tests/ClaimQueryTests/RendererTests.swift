// Renderers as pure functions of (table, spec): widths, truncation, counts, escapes, formats.
@testable import ClaimQuery
import ClaimTestSupport
import PropertyBased
import Testing

@Suite struct RendererTests {
  let table = Table(
    columns: [Column("name", .string), Column("count", .int), Column("tags", .list)],
    rows: [
      [.string("Zelensky"), .int(12), .list([.string("a"), .string("b")])],
      [.string("a long name that will not fit in a narrow table at all"), .int(3), .list([])],
      [.string("日本"), .int(1000), .null],
    ])

  @Test func tableFitsTheWidthAndCountsRows() {
    let text = Renderer.render(table, RenderSpec(mode: .table, width: 40))
    let lines = text.split(separator: "\n")
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
    #expect(lines.last == "3 rows")
    #expect(text.contains("…"))
    #expect(lines[2].hasPrefix("Zelensky"))
    #expect(lines[4].contains(" 1000"))
  }

  @Test func rowsLeftOutAreSaid() {
    let text = Renderer.render(table, RenderSpec(mode: .table, width: 80, maxRows: 2))
    #expect(text.hasSuffix("showing 2 of 3 rows (.maxrows off shows all)\n"))
  }

  @Test func columnsLeftOutAreSaid() {
    let text = Renderer.render(table, RenderSpec(mode: .table, width: 16))
    #expect(text.contains("of 3 columns shown"))
  }

  @Test func barsScaleToTheLargestCount() {
    let t = Table(
      columns: [Column("source", .string), Column("count", .int)], rows: [[.string("a"), .int(10)], [.string("b"), .int(5)]])
    let lines = Renderer.render(t, RenderSpec(mode: .table, width: 80, bars: true)).split(separator: "\n")
    #expect(lines[2].hasSuffix(String(repeating: "█", count: 20)))
    #expect(lines[3].hasSuffix(String(repeating: "█", count: 10)))
    let lone = Table(columns: [Column("count", .int)], rows: [[.int(44)]])
    #expect(!Renderer.render(lone, RenderSpec(mode: .table, width: 80, bars: true)).contains("█"))
  }

  @Test func controlCharactersAreNeutralised() {
    let t = Table(columns: [Column("text", .string)], rows: [[.string("evil\u{1B}[2J\u{7}text\nnext")]])
    let out = Renderer.render(t, RenderSpec(mode: .table))
    #expect(!out.contains("\u{1B}"))
    #expect(out.contains("evil^[[2J^Gtext^Jnext"))
    #expect(!Renderer.render(t, RenderSpec(mode: .csv, terminal: true)).contains("\u{1B}"))
    #expect(!Renderer.render(t, RenderSpec(mode: .markdown, terminal: true)).contains("\u{1B}"))
    #expect(Renderer.render(t, RenderSpec(mode: .jsonl)).contains("\\u001b"))
  }

  @Test func bidiControlsAreNeutralisedOnATerminal() {
    let t = Table(columns: [Column("text", .string)], rows: [[.string("a\u{202E}evil\u{202C} \u{2066}b\u{2069}")]])
    for spec in [
      RenderSpec(mode: .table), RenderSpec(mode: .csv, terminal: true), RenderSpec(mode: .markdown, terminal: true),
      RenderSpec(mode: .jsonl),
    ] {
      let out = Renderer.render(t, spec)
      #expect(!out.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }, "\(spec.mode)")
    }
    #expect(Renderer.render(t, RenderSpec(mode: .table)).contains("a\\u{202e}evil"))
  }

  @Test func filesGetTheTextExactly() {
    let text = "line one\r\nline\ttwo \u{1B}[1m \u{202E}"
    let t = Table(columns: [Column("text", .string)], rows: [[.string(text)]])
    #expect(Renderer.render(t, RenderSpec(mode: .csv)) == "text\n\"\(text)\"\n")
    #expect(Renderer.render(t, RenderSpec(mode: .markdown)).contains("line one line\ttwo \u{1B}[1m \u{202E}"))
  }

  @Test func csvGuardsFormulaCellsUnlessAskedNotTo() {
    let t = Table(
      columns: [Column("title", .string), Column("n", .int)],
      rows: [
        [.string("=HYPERLINK(\"x\")"), .int(-3)], [.string("+1"), .int(1)], [.string("-2"), .int(2)], [.string("@sum"), .int(3)],
        [.string("\tx"), .int(4)], [.string("\rx"), .int(5)], [.string("a=b"), .int(6)],
      ])
    #expect(
      Renderer.render(t, RenderSpec(mode: .csv))
        == "title,n\n\"'=HYPERLINK(\"\"x\"\")\",-3\n'+1,1\n'-2,2\n'@sum,3\n'\tx,4\n\"'\rx\",5\na=b,6\n")
    #expect(Renderer.render(t, RenderSpec(mode: .csv, guardFormulas: false)).hasPrefix("title,n\n\"=HYPERLINK"))
  }

  @Test func csvQuotesWhatItMust() {
    let t = Table(
      columns: [Column("a", .string), Column("b", .list)], rows: [[.string("x, \"y\""), .list([.string("p"), .string("q")])]])
    #expect(Renderer.render(t, RenderSpec(mode: .csv)) == "a,b\n\"x, \"\"y\"\"\",p; q\n")
  }

  @Test func jsonAndJsonLines() {
    let t = Table(
      columns: [Column("n", .int), Column("d", .date), Column("l", .list)],
      rows: [[.int(1), .date(Day(parsing: "2025-10-17")!), .list([.string("x")])], [.null, .null, .list([])]])
    #expect(
      Renderer.render(t, RenderSpec(mode: .jsonl)) == "{\"n\":1,\"d\":\"2025-10-17\",\"l\":[\"x\"]}\n{\"n\":null,\"d\":null,\"l\":[]}\n")
    #expect(Renderer.render(t, RenderSpec(mode: .json)).hasPrefix("[{\"n\":1"))
  }

  @Test func markdown() {
    let t = Table(columns: [Column("a", .string), Column("n", .int)], rows: [[.string("x|y"), .int(2)]])
    #expect(Renderer.render(t, RenderSpec(mode: .markdown)) == "| a | n |\n| --- | ---: |\n| x\\|y | 2 |\n")
  }

  @Test func displayWidths() {
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("日本") == 4)
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("😀") == 2)
    #expect(DisplayWidth.of("“Zelensky” — «Тест»") == 19)
    #expect(DisplayWidth.of("🇺🇸") == 2 && DisplayWidth.of("👨\u{200D}👩") == 2)
    #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)
  }

  /// Scalars that combine into graphemes in every way that matters to a width.
  static let tricky: [Unicode.Scalar] = [
    "a", "Z", " ", "\r", "\n", "\u{7F}", "é", "\u{301}", "\u{483}", "\u{34F}", "—", "“", "”", "…",
    "\u{200B}", "\u{200C}", "\u{200D}", "\u{202E}", "\u{2028}", "\u{FE0F}", "©", "‼", "😀", "👨", "👩",
    "\u{1F1FA}", "\u{1F1F8}", "\u{1F3FB}", "日", "\u{1100}", "\u{1161}",
    "\u{11A8}", "\u{915}", "\u{93F}", "\u{E31}", "Д", "\u{1E9E}", "\u{20DD}", "€", "▏", "▕", "─",
  ]

  @Test func widthsSummedByScalarAgreeWithWidthsByGrapheme() async {
    await checkProperty(count: 2000, input: Gen<Unicode.Scalar?>.element(of: Self.tricky).array(of: 0...12)) { picked in
      let scalars = picked.compactMap { $0 }
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars)
      #expect(DisplayWidth.of(text) == DisplayWidth.graphemeWidths(text), "\(scalars.map { String($0.value, radix: 16) })")
    }
    // a joiner makes one grapheme of two pictographs that are not emoji: too rare to be drawn
    #expect(DisplayWidth.of("©\u{200D}‼") == DisplayWidth.graphemeWidths("©\u{200D}‼"))
  }

  /// A result streamed piece by piece is byte for byte the whole table rendered, in every
  /// format that streams, for any number of rows and any piece size (headers once, the JSON
  /// array's commas across pieces, an empty result).
  @Test func aStreamedResultIsTheWholeRendering() async {
    let cells = Gen<Unicode.Scalar?>.element(of: ["a", ",", "\"", "=", "\n", "|", "é"]).array(of: 0...4)
    await checkProperty(count: 300, input: cells.array(of: 0...40), Gen<Int>.int(in: 1...7)) { rows, pieceRows in
      let table = Table(
        columns: [Column("n", .int), Column("s", .string), Column("l", .list)],
        rows: rows.enumerated().map { k, scalars in
          let text = String(String.UnicodeScalarView(scalars.compactMap { $0 }))
          return [k % 3 == 0 ? .null : .int(k), .string(text), .list(text.isEmpty ? [] : [.string(text)])]
        })
      for mode in [RenderSpec.Mode.csv, .json, .jsonl, .markdown, .table] {
        var streamed: [UInt8] = []
        try Renderer.stream(ResultCells(table), RenderSpec(mode: mode), pieceRows: pieceRows) { streamed += $0 }
        #expect(
          String(decoding: streamed, as: UTF8.self) == Renderer.render(table, RenderSpec(mode: mode)), "\(mode) in pieces of \(pieceRows)")
      }
    }
  }

  @Test func aStreamStopsAtTheFirstWriteThatFails() {
    struct Full: Error {}
    let table = Table(columns: [Column("n", .int)], rows: (0..<100).map { [.int($0)] })
    var writes = 0
    #expect(throws: Full.self) {
      try Renderer.stream(ResultCells(table), RenderSpec(mode: .csv), pieceRows: 10) { _ in
        writes += 1
        if writes == 3 { throw Full() }
      }
    }
    #expect(writes == 3)
  }

  @Test func aStreamStopsWhenAskedAndThrowsCancellation() {
    let table = Table(columns: [Column("n", .int)], rows: (0..<100).map { [.int($0)] })
    final class Flag: @unchecked Sendable { var stop = false }
    let flag = Flag()
    var writes = 0
    #expect(throws: CancellationError.self) {
      try Renderer.stream(ResultCells(table), RenderSpec(mode: .jsonl), pieceRows: 10, shouldStop: { flag.stop }) { _ in
        writes += 1
        if writes == 2 { flag.stop = true }
      }
    }
    #expect(writes == 2)
  }
}

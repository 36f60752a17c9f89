// Scripts and dot-commands through a Session: statuses, `line N of FILE`, carets under bad
// arguments, .read nesting, .export written whole, .claim and .doc explanations.
@testable import ClaimShell
import ClaimQuery
import ClaimTestSupport
import Foundation
import Testing

@Suite(.serialized) struct SessionTests {
  func session(_ corpus: Corpus = Fixtures.smallCorpus(), mode: RenderSpec.Mode = .csv) -> (Session, Capture) {
    capturedSession(corpus, mode: mode)
  }

  @Test func scriptsFailWhenAStatementFailsAndNameTheLine() {
    let (s, c) = session()
    #expect(s.runScript("claims count", file: nil))
    #expect(!s.runScript("claims count\n\nclaims wher", file: "x.cq"))
    #expect(c.err.contains("--> line 3 of x.cq, column 8"))
  }

  @Test func multiLineStatementsKeepTheirLineNumbers() {
    let (s, c) = session()
    #expect(!s.runScript("claims count\nclaims where topc in (\n  \"Tomahawk\")", file: "y.cq"))
    #expect(c.err.contains("--> line 2 of y.cq, column 14"))
    #expect(c.err.contains("did you mean 'topic'?"))
  }

  @Test func anAbsentValueWarnsAndTheStatementRuns() {
    let (s, c) = session()
    #expect(s.runScript("claims count\nclaims where topic in (\n  \"Tomahwk\") count", file: "y.cq"))
    #expect(c.err.contains("warning: no topic \"Tomahwk\" in this corpus\n --> line 3 of y.cq, column 3"))
    #expect(c.err.contains("did you mean \"Tomahawk\"?"))
    #expect(c.out.hasSuffix("count\n0\n"))
  }

  @Test func aPipelineGoesOnOverLinesThatStartWithAStage() {
    let (s, c) = session()
    #expect(s.runScript("claims\n  where topic = \"Tomahawk\"\n\n  -- how many\n  count\nclaims wher", file: "z.cq") == false)
    #expect(c.out == "count\n3\n")
    #expect(c.err.contains("--> line 6 of z.cq, column 8"))
  }

  @Test func dotCommandArgumentsGetACaret() {
    let (s, c) = session()
    #expect(!s.runScript(".mode tabel", file: nil))
    #expect(c.err.contains("unknown mode 'tabel'"))
    #expect(c.err.contains("      ^^^^^ did you mean 'table'?"))
    #expect(!s.runScript(".fieldz", file: nil))
    #expect(c.err.contains("did you mean '.fields'?"))
    #expect(!s.runScript(".values hedg", file: nil))
    #expect(c.err.contains("did you mean 'hedge'?"))
  }

  @Test func modeTimerFieldsValuesNamesStats() {
    let (s, c) = session()
    #expect(s.runScript(".mode jsonl\nclaims where id = 0 select id\n.timer on\nclaims count\n.timer off", file: nil))
    #expect(c.out.contains("{\"id\":0}"))
    #expect(c.err.contains("Run Time:"))
    #expect(s.runScript(".fields docs\n.values hedge\nlet t = claims where id < 2\n.names\n.stats", file: nil))
    #expect(c.out.contains("{\"field\":\"sentences\",\"type\":\"int\",\"matching\":\"exact\"}"))
    #expect(c.out.contains("{\"hedge\":\"reported\",\"count\":2}"))
    #expect(c.out.contains("{\"name\":\"t\",\"holds\":\"claims\",\"rows\":2}"))
    #expect(c.out.contains("{\"what\":\"claims\",\"count\":6}"))
  }

  @Test func theTimerTimesExportsAndNotOtherCommands() throws {
    let dir = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (s, c) = session()
    #expect(s.runScript(".timer on\n.mode csv\n.export \(dir.appendingPathComponent("c.csv").path) claims", file: nil))
    #expect(c.err.components(separatedBy: "Run Time:").count == 2, "one line, for .export: \(c.err)")
  }

  @Test func readRunsScriptsAndIsCapped() throws {
    let dir = try Fixtures.temporaryFolder()
    let inner = dir.appendingPathComponent("inner.cq").path
    try "claims count\n".write(toFile: inner, atomically: false, encoding: .utf8)
    let (s, c) = session()
    #expect(s.runScript(".read \(inner)", file: nil))
    #expect(c.out.contains("count\n6"))
    let loop = dir.appendingPathComponent("loop.cq").path
    try ".read \(loop)\n".write(toFile: loop, atomically: false, encoding: .utf8)
    #expect(!s.runScript(".read \(loop)", file: nil))
    #expect(c.err.contains(".read nested more than 25 deep"))
  }

  @Test func exportWritesWholeFilesByExtension() throws {
    let dir = try Fixtures.temporaryFolder()
    let (s, c) = session()
    let csv = dir.appendingPathComponent("out.csv").path
    #expect(s.runScript(".export \(csv) claims where hedge = \"reported\" select id, hedge", file: nil))
    #expect(try String(contentsOfFile: csv, encoding: .utf8) == "id,hedge\n0,reported\n2,reported\n")
    _ = s.runScript("claims where id = 5 select id", file: nil)
    let jsonl = dir.appendingPathComponent("last.jsonl").path
    #expect(s.runScript(".export \(jsonl)", file: nil))
    #expect(try String(contentsOfFile: jsonl, encoding: .utf8) == "{\"id\":5}\n")
    #expect(!s.runScript(".export \(dir.path)/x.pdf", file: nil))
    #expect(c.err.contains("name it .jsonl, .csv, .json or .parquet"))
    #expect(!s.runScript(".export /proc/nonexistent/dir/out.json", file: nil))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  @Test func aDotCommandsQueryIsReportedAtItsPlaceInTheScript() throws {
    let dir = try Fixtures.temporaryFolder()
    let (s, c) = session(Fixtures.seedCorpus())
    // a value the corpus lacks: the export runs (nothing matches) and says so, as the statement would
    let export = ".export \(dir.appendingPathComponent("z.csv").path) claims where actor = "
    #expect(s.runScript("claims count\n" + export + #""Zelenksy""#, file: "x.cq"))
    #expect(c.err.contains(#"warning: no actor "Zelenksy" in this corpus"#))
    #expect(c.err.contains("--> line 2 of x.cq, column \(export.utf8.count + 1)"))
    #expect(c.err.contains(#"did you mean "Zelensky"?"#))
    #expect(!s.runScript("\n\n.explain claims where actr = 1", file: "y.cq"))
    #expect(c.err.contains("--> line 3 of y.cq, column 23"))
    #expect(c.err.contains("3 | .explain claims where actr = 1\n"))
    #expect(!s.runScript(".print\n.sql spark claims wher", file: "z.cq"))
    #expect(c.err.contains("--> line 2 of z.cq, column 19"))
  }

  /// A Ctrl-C or a time limit that stopped the last statement does not stop the next
  /// dot-command that runs a query: it has its own, as a statement has.
  @Test func aDotCommandsQueryIsNotStoppedByTheLastStatementsInterrupt() throws {
    let dir = try Fixtures.temporaryFolder()
    let (s, c) = session(Fixtures.seedCorpus())
    let csv = dir.appendingPathComponent("t.csv").path
    #expect(s.runScript("claims count", file: nil))
    Interrupts.cancellation.cancel()  // as Ctrl-C does, after the statement ended
    #expect(s.runScript(".export \(csv) claims where text matches \"Tomahawk\" select id", file: nil), "\(c.err)")
    #expect(try String(contentsOfFile: csv, encoding: .utf8).hasPrefix("id\n"))
    Interrupts.cancellation.cancel()
    #expect(s.runScript(".story 1", file: nil), "\(c.err)")
    #expect(!c.err.contains("interrupted"))
  }

  /// A result too large to render whole in a data format goes out piece by piece, as the same
  /// bytes.
  @Test func aLargeResultStreamsAsTheSameText() throws {
    let claims = (0..<(Renderer.pieceRows + 100)).map { i in
      Claim(
        id: i, doc: "d", source: i % 2 == 0 ? "Axios" : "=cmd", date: nil, text: "claim, \"\(i)\"", actors: [], speaker: nil, cited: [],
        topics: [], kind: "statement", hedge: "asserted")
    }
    let corpus = Corpus(documents: [], claims: claims, lexicon: Fixtures.smallLexicon)
    for mode in [RenderSpec.Mode.csv, .json, .jsonl, .markdown] {
      let (s, c) = session(corpus, mode: mode)
      #expect(s.runScript("claims select id, source, text", file: nil))
      var engine = QueryEngine(corpus: corpus)
      #expect(c.out == Renderer.render(try engine.table("claims select id, source, text"), RenderSpec(mode: mode)), "\(mode)")
    }
  }

  @Test func claimShowsEvidenceAndDocMarksDebris() {
    let (s, c) = session(Fixtures.seedCorpus(), mode: .table)
    #expect(s.runScript(".claim 1", file: nil))
    #expect(c.out.contains("sentence 2 of 23"))
    #expect(c.out.contains("speaker.speech-noun"))
    #expect(c.out.contains("“President Zelensky”"))
    #expect(s.runScript(".doc 004", file: nil))
    #expect(c.out.contains("✂ Follow us on social  [debris.share]"))
    #expect(!s.runScript(".claim 9999", file: nil))
    #expect(c.err.contains("no claim 9999"))
  }

  @Test func claimListsTheCandidatesTheModelWeighed() throws {
    let corpus = Fixtures.seedCorpus()
    let chosen = try #require(corpus.claims.first { $0.evidence.contains { $0.field == "cited" && $0.rule.hasPrefix("cited.model.") } })
    let (s, c) = session(corpus, mode: .table)
    #expect(s.runScript(".claim \(chosen.id)", file: nil))
    #expect(c.out.contains("attribution candidates the model weighed"))
    #expect(c.out.contains("│ cited "))
    #expect(c.out.contains("below threshold"))
  }

  @Test func helpListsEveryCommand() {
    let (s, c) = session()
    #expect(s.runScript(".help", file: nil))
    for command in DotCommand.all { #expect(c.out.contains(".\(command.name)")) }
    #expect(s.runScript(".help export", file: nil))
    #expect(c.out.contains(".export FILE [QUERY]\n    write QUERY's result"))
  }

  @Test func explainPrintsTheLogicalAndPhysicalPlans() {
    let (s, c) = session(Fixtures.seedCorpus())
    #expect(s.runScript(#".explain claims where actor = "Zelensky" group by source"#, file: nil))
    #expect(c.out.contains("  2 group by source                         source string, count int\n"))
    #expect(c.out.contains("  2 dense group by source: counts in a flat array of 6 groups"))
    #expect(
      s.runScript(".explain claims group by source, hedge with count(distinct actor) as a, min(date) as d, max(speaker) as m", file: nil))
    #expect(c.out.contains("  1 dense group by source, hedge: counts in a flat array of 30 groups indexed by value ids, 3 passes\n"))
    #expect(c.out.contains(#"  1 filter claims where actor = "Zelensky": postings of the values named"#))
    #expect(s.runScript(#".explain claims where text contains "missile" and date > 2025-01-01 count"#, file: nil))
    #expect(c.out.contains("a parallel scan of the texts, a test of each row's number"))
    #expect(s.runScript(".explain claims where date >= 2025-10-01 order by date desc limit 5", file: nil))
    #expect(c.out.contains("  1 date index scan: rows in descending date order from 2025-10-01"))
    // fusion is a rewrite of the logical plan: the stages one operator runs are one step
    #expect(c.out.contains("  1 where date >= 2025-10-01 order by date desc limit 5  "))
    #expect(s.runScript(".explain claims order by date limit 3 select source distinct", file: nil))
    #expect(c.out.contains("  1 order by date limit 3                   the same 13 columns\n"))
    #expect(c.out.contains("  2 select source distinct                  source string\n"))
    #expect(c.out.contains("  1 top-3 of claims by date"))
    #expect(c.out.contains("  2 distinct claims by source: codes and bytes hashed"))
    #expect(s.runScript(".explain claims group by actor with list(hedge) as hedges select actor", file: nil))
    #expect(c.out.contains("group claims by actor: value codes packed into one number and hashed"))
    #expect(c.out.contains("  2 select actor over the table"))
    // the planner finds a misspelt field in the last stage before any row is read
    #expect(!s.runScript(".explain claims where actor = \"Zelensky\" select sorce", file: nil))
    #expect(c.err.contains("unknown field 'sorce' in claims"))
  }

  @Test func aDocumentIdPrefixOfSeveralDocumentsListsThem() {
    let (s, c) = session(Fixtures.seedCorpus(), mode: .csv)
    #expect(!s.runScript(".doc 00", file: nil))
    #expect(c.err.contains("'00' is the start of 5 document ids; give more of one"))
    #expect(c.out.hasPrefix("id,source,date,title\n000_da5c6891e5e95d21.txt,"))
    #expect(c.out.components(separatedBy: "\n").filter { $0.hasPrefix("00") }.count == 5)
    c.out = ""
    #expect(s.runScript(".doc 001", file: nil))
    #expect(c.out.hasPrefix("001_36774a3e7c9eb5fb.txt: Trump tells Zelensky"))
  }

  @Test func helpWrapsAtTheTerminalWidth() {
    let (s, c) = session()
    s.spec.width = 60
    #expect(s.runScript(".help", file: nil))
    let lines = c.out.split(separator: "\n")
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 }, "\(lines.filter { DisplayWidth.of($0) > 60 })")
    #expect(c.out.contains(".save FILE"))
    // too narrow for the summaries' column: each goes under its command, indented
    #expect(c.out.contains(".save FILE\n    write the corpus as a snapshot that --corpus and .load\n    read back"))
    c.out = ""
    s.spec.width = 80
    #expect(s.runScript(".help", file: nil))
    #expect(
      c.out.contains(
        ".save FILE                           write the corpus as a snapshot that\n" + String(repeating: " ", count: 37) + "--corpus"))
    c.out = ""
    s.spec.width = 40
    #expect(s.runScript(".help save", file: nil))
    #expect(
      c.out
        == ".save FILE\n    write the corpus as a snapshot that\n    --corpus and .load read back at\n    once, without extracting again\n")
    #expect(c.out.split(separator: "\n").allSatisfy { $0.count <= 40 })
  }
}

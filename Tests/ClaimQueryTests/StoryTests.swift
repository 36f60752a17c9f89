// Stories on the seeds (five outlets, one meeting, a venue they disagree on), the `story` field,
// citations, claim-set algebra with `_`, the concordance and `.story`'s report; and the
// grouping itself on small made-up corpora whose answer is known.
@testable import ClaimCorpus
@testable import ClaimQuery
import ClaimTestSupport
import Foundation
import Testing

@Suite struct StoryTests {
  static func engine() -> QueryEngine { QueryEngine(corpus: Fixtures.seedCorpus()) }

  static func int(_ table: Table) -> Int? {
    if case .int(let n)? = table.rows.first?.first { return n }
    return nil
  }

  @Test func theSeedsMeetingIsOneStoryWithItsVenueConflict() throws {
    var e = Self.engine()
    let stories = try e.table("stories where outlets >= 3")
    try #require(stories.rows.count == 1)
    let row = stories.rows[0]
    let column = { (name: String) in stories.columns.firstIndex { $0.name == name }! }
    #expect(row[column("outlets")] == .int(5))
    guard case .list(let conflicts) = row[column("conflicts")] else { Issue.record("conflicts is not a list"); return }
    let venue = try #require(conflicts.map(\.text).first { $0.hasPrefix("venue:") })
    #expect(venue.contains("Mar-a-Lago") && venue.contains("White House"), "\(venue)")
    let name = try #require(conflicts.map(\.text).first { $0.hasPrefix("name of Zelensky") })
    #expect(name.contains("Vladimir Zelensky") && name.contains("Volodymyr Zelensky") && name.contains("Zelenskyy"), "\(name)")
    #expect(
      !conflicts.map(\.text).contains { $0.hasPrefix("name of United States") || $0.contains(" He (") },
      "pronouns and places are not names: \(conflicts)")
    // the story's claim count is what `story =` finds
    let claims = try #require(Self.int(try e.table("claims where story = 1 count")))
    #expect(row[column("claims")] == .int(claims))
    #expect(claims >= 5)
  }

  @Test func storyIsAFieldOnlyWhenAQueryNamesIt() throws {
    var e = Self.engine()
    #expect(!(try e.table("claims limit 1")).columns.contains { $0.name == "story" })
    #expect((try e.table("claims where story = 1 limit 1")).columns.last?.name == "story")
    let grouped = try e.table("claims group by story")
    #expect(grouped.columns.map(\.name) == ["story", "count"])
    let total = grouped.rows.reduce(0) { sum, row in if case .int(let n) = row[1] { sum + n } else { sum } }
    #expect(total == 123)
    #expect(Self.int(try e.table("claims where story is null count")) == 123 - Self.int(try e.table("claims where story = 1 count"))!)
    #expect(Self.int(try e.table("claims where story > 1 count")) == 0)
    // SQL cannot see it: the export does not hold it
    #expect(throws: Diagnostic.self) { try SQLCompiler(dialect: .duckdb, lexicon: e.corpus.lexicon).compile("claims where story = 1") }
  }

  @Test func citationsNameTheOutletsClaimsRestOn() throws {
    var e = Self.engine()
    let t = try e.table("citations")
    #expect(t.columns.map(\.name) == ["from", "to", "claims", "stories"])
    let edges = t.rows.map { "\($0[0].text)→\($0[1].text)" }
    #expect(edges.contains("002_c897fcf79e1402cc→Axios"))
    #expect(edges.contains("002_c897fcf79e1402cc→Politico"))
    #expect(edges.contains("003_b454cb9a9035aaa2→Wall Street Journal"))
    #expect(!edges.contains { $0.hasSuffix("→sources") }, "an anonymous source is not an outlet")
  }

  @Test func claimSetsCombineAsTheirFiltersDo() throws {
    var e = Self.engine()
    _ = e.run("let a = claims where actor = \"Trump\"\nlet b = claims where topic = \"Tomahawk\"")
    func count(_ q: String) throws -> Int { try #require(Self.int(try e.table(q))) }
    #expect(try count("a and b count") == (try count(#"claims where actor = "Trump" and topic = "Tomahawk" count"#)))
    #expect(try count("a or b count") == (try count(#"claims where actor = "Trump" or topic = "Tomahawk" count"#)))
    #expect(try count("a minus b count") == (try count(#"claims where actor = "Trump" and not topic = "Tomahawk" count"#)))
    #expect(try count("a minus b or b count") == (try count("a or b count")))
    // `_` is the last result
    _ = try e.table(#"claims where hedge = "reported""#)
    #expect(try count("_ and a count") == (try count(#"claims where hedge = "reported" and actor = "Trump" count"#)))
    #expect(throws: Diagnostic.self) { try e.table("docs and a") }
  }

  @Test func theConcordanceMarksWhatTheQueryLookedFor() throws {
    var e = Self.engine()
    let query = #"claims where text contains "missile" limit 5"#
    let text = e.concordance(try e.table(query), statement: query, width: 120)
    let lines = text.split(separator: "\n").dropLast()
    #expect(lines.count == 5)
    for line in lines {
      #expect(line.lowercased().contains("«missile»"), "\(line)")
      #expect(line.contains("(claim "))
    }
    // the marks line up
    #expect(Set(lines.map { $0.distance(from: $0.startIndex, to: $0.firstIndex(of: "«")!) }).count == 1)
    // a name compared with = is found by its aliases too
    let names = e.concordance(
      try e.table(#"claims where actor = "Zelensky" limit 3"#), statement: #"claims where actor = "Zelensky" limit 3"#, width: 120)
    #expect(
      names.split(separator: "\n").dropLast().allSatisfy {
        $0.contains("«Zelensk") || $0.contains("«President") || $0.contains("«Ukrainian")
      }, "\(names)")
  }

  @Test func theStoryReportFitsEightyColumns() throws {
    let e = Self.engine()
    let report = try #require(e.storyReport(1, width: 80))
    for part in ["Timeline", "Who cites whom", "Conflicts", "«Mar-a-Lago»", "«White House»", "first to report"] {
      #expect(report.contains(part), "no \(part)")
    }
    for line in report.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80, "\(line)") }
    #expect(e.storyReport(2) == nil)
    #expect(e.storyReport(0) == nil)
  }

  /// Claim columns made from (doc, date, actors, text) rows.
  static func columns(_ rows: [(doc: String, day: String?, actors: [String], text: String)]) -> ClaimColumns {
    ClaimColumns(
      claims: rows.enumerated().map { k, r in
        Claim(
          id: k, doc: r.doc, source: r.doc, date: r.day.flatMap { Day(parsing: $0) }, text: r.text, actors: r.actors, kind: "statement",
          hedge: "asserted")
      })
  }

  @Test func documentsOnOneEventGroupAndOthersDoNot() {
    let c = Self.columns([
      ("a", "2025-03-01", ["Acme"], "Acme agreed to buy Widgetco for four billion dollars after weeks of talks."),
      ("a", "2025-03-01", ["Widgetco"], "Widgetco shareholders welcomed the takeover offer."),
      ("b", "2025-03-02", ["Acme", "Widgetco"], "The Widgetco takeover by Acme values the company at four billion dollars."),
      ("c", "2025-03-02", ["Orchestra"], "The city orchestra opened its spring season with a new symphony."),
      ("d", "2025-06-30", ["Acme", "Widgetco"], "Acme completed the Widgetco takeover, four billion dollars, regulators said."),
    ])
    let stories = StoryClusters.build(c)!
    #expect(stories.stories.count == 1)
    let docs = Set(stories.stories[0].docs.map { c.string(.doc).values[Int($0)] })
    // d is four months later: another event, however alike
    #expect(docs == ["a", "b"])
    #expect(stories.storyOfRow[3] == -1 && stories.storyOfRow[4] == -1)
    #expect(stories.storyOfRow[0] == 0 && stories.storyOfRow[2] == 0)
  }

  @Test func eachStorysReportIsItsRowOfStories() throws {
    let rows: [(doc: String, day: String?, actors: [String], text: String)] = [
      ("a", "2025-03-01", ["Acme"], "Acme agreed to buy Widgetco for four billion dollars after weeks of talks."),
      ("b", "2025-03-02", ["Acme", "Widgetco"], "The Widgetco takeover by Acme values the company at four billion dollars."),
      ("c", "2025-03-03", ["Orchestra"], "The city orchestra opened its spring season with a new symphony by Ravel."),
      ("d", "2025-03-04", ["Orchestra"], "A new symphony by Ravel opened the city orchestra's spring season."),
      ("e", "2025-03-04", ["Orchestra"], "The orchestra's spring season opened with the new Ravel symphony, the city said."),
    ]
    let columns = Self.columns(rows)
    let claims = (0..<columns.count).map(columns.claim)
    var e = QueryEngine(corpus: Corpus(documents: [], claims: claims, lexicon: Lexicon()))
    let stories = try e.table("stories")
    try #require(stories.rows.count == 2)
    for (k, row) in stories.rows.enumerated() {
      // the report works out its own story only: it must agree with the whole table's row
      let head = try #require(e.storyReport(k + 1)?.split(separator: "\n").first)
      #expect(head.hasPrefix("Story \(k + 1): \(row[4].text) outlets, \(row[3].text) documents, \(row[2].text) claims"), "\(head)")
    }
    #expect(e.storyReport(3) == nil)
  }

  @Test func theConcordanceFindsAClaimInItsDocumentByteForByte() {
    let body = "Café “news”.\r\nThe claim — here.  Next"
    #expect(QueryEngine.firstRange(of: "The claim — here.", in: body).map { String(body[$0]) } == "The claim — here.")
    #expect(QueryEngine.firstRange(of: "absent", in: body) == nil && QueryEngine.firstRange(of: "", in: body) == nil)
    #expect(QueryEngine.firstRange(of: body + "!", in: body) == nil)
    // line breaks (CRLF too) and tabs are spaces, and a run of them one
    #expect(QueryEngine.flattened(" a\r\n\tb  c ") == " a b c " && QueryEngine.flattened("\n\n") == " " && QueryEngine.flattened("") == "")
  }

  @Test func aVenueIsWhereAnEventTookPlace() {
    let c = Self.columns([
      ("a", nil, ["Trump"], "The meeting took place behind closed doors at Mar-a-Lago last week."),
      ("b", nil, ["Trump"], "Zelensky had gone to the White House hoping for missiles, but left the summit unhappy."),
      ("b", nil, ["Trump"], "At the core of the meeting was a plea for a shift in the U.S. approach."),
      ("c", nil, ["Trump"], "The talks in Washington's view failed."),
    ])
    let conflicts = StoryConflicts.venues(StoryConflicts.tokenized([0, 1, 2, 3], c), c, Lexicon())
    #expect(conflicts.count == 1)
    #expect(conflicts.first?.values.map(\.value) == ["Mar-a-Lago", "White House"])
    #expect(conflicts.first?.values.map(\.outlet) == ["a", "b"])
  }

  @Test func countsAndDatesThatDifferAreConflicts() {
    let c = Self.columns([
      ("a", nil, ["Trump"], "The summit on Oct. 17 ended with a promise of 1,500 km missiles and 300 troops."),
      ("b", nil, ["Trump"], "Their meeting on October 16 covered missiles with a range of 2,500 km and 300 troops."),
      ("c", nil, ["Trump"], "On 17 October the talks were tense."),
    ])
    let dates = StoryConflicts.dates(StoryConflicts.tokenized([0, 1, 2], c), c)
    #expect(dates.first?.values.map(\.value) == ["October 17", "October 16"])
    #expect(dates.first?.summary.hasPrefix("date: October 17 (a, claim 0) | October 16 (b, claim 1)") == true)
    let numbers = StoryConflicts.numbers(StoryConflicts.tokenized([0, 1, 2], c), c)
    // km differ; troops agree
    #expect(numbers.map(\.subject) == ["km"])
    #expect(numbers.first?.values.map(\.value) == ["1,500 km", "2,500 km"])
  }

  @Test func buildingStoriesStopsWhenAskedAndIsLeftForLater() throws {
    let columns = Fixtures.seedCorpus().columns
    #expect(StoryClusters.build(columns) { true } == nil)
    let index = StoryIndex(columns: columns)
    let stopped = Cancellation()
    stopped.cancel()
    #expect(throws: Diagnostic.self) { try index.clusters(stopped) }
    // nothing half-built was kept: the next query builds them
    #expect(try index.clusters(Cancellation()).stories.count == 1)
  }

  @Test func anOutletHedgingWhatAnotherAssertsIsAConflictAndReportedSpeechIsNot() {
    let text = "Acme will close the Widgetco plant in Leeds next March, cutting 500 factory jobs."
    func claim(_ id: Int, _ outlet: String, _ hedge: String, speaker: String? = nil, _ words: String) -> Claim {
      Claim(
        id: id, doc: outlet, source: outlet, date: nil, text: words, actors: ["Acme"], speaker: speaker, topics: ["jobs"],
        kind: "statement", hedge: hedge)
    }
    let asserted = claim(0, "a", "asserted", text)
    let hedged = claim(1, "b", "hedged", "Acme may close the Widgetco plant in Leeds next March, cutting 500 factory jobs.")
    let said = claim(
      1, "b", "reported", speaker: "Acme", "Acme said it will close the Widgetco plant in Leeds next March, cutting 500 factory jobs.")
    let conflicts = StoryConflicts.hedges([0, 1], ClaimColumns(claims: [asserted, hedged]))
    #expect(conflicts.map(\.summary) == ["hedge of Acme on jobs: asserted (a, claim 0) | hedged (b, claim 1)"])
    // what Acme is reported to say is Acme's own assertion, carried as made
    #expect(StoryConflicts.hedges([0, 1], ClaimColumns(claims: [asserted, said])).isEmpty)
  }

  @Test func aFirstNameIsOneTheLexiconKnowsOrASpellingOfOne() {
    let lexicon = CorpusLoader.defaultLexicon().lexicon
    #expect(StoryConflicts.isFirstName("Vladimir", of: "Zelensky", lexicon))
    #expect(StoryConflicts.isFirstName("Volodymyr", of: "Zelensky", lexicon))
    #expect(!StoryConflicts.isFirstName("Dogged", of: "Zelensky", lexicon))
    // a person the lexicon gives no full name: any word of two letters or more
    #expect(StoryConflicts.isFirstName("Jane", of: "Nobody Known", Lexicon()))
  }
}

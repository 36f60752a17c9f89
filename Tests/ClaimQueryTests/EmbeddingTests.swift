// Embedding claimsh in another program, exactly as the README shows it.
import ClaimQuery
import ClaimTestSupport
import Testing

@Suite struct EmbeddingTests {
  @Test func loadACorpusRunAQueryGetATable() throws {
    let corpus = CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon).load(paths: [Fixtures.seeds])
    var engine = QueryEngine(corpus: corpus)
    let table = try engine.table(#"claims where actor = "Zelensky" and topic = "Tomahawk" group by source"#)
    #expect(table.columns.map(\.name) == ["source", "count"])
    #expect(table.rows.count >= 3)
    #expect(table.rows.allSatisfy { if case .int(let n) = $0[1] { n > 0 } else { false } })
  }

  @Test func diagnosticsComeBackAsValues() {
    var engine = QueryEngine(corpus: Fixtures.seedCorpus())
    let (source, outcomes) = engine.run("claims where actr = 1; claims count")
    guard case .failure(let d, _) = outcomes[0], case .table(let t, _) = outcomes[1] else {
      Issue.record("unexpected outcomes \(outcomes)")
      return
    }
    #expect(d.id == .unknownField)
    #expect(DiagnosticRenderer.render([d], in: source).contains("did you mean 'actor'?"))
    #expect(t.rows.count == 1)
  }

  @Test func aTableKeepsItsWarningsUntilTheyAreTaken() throws {
    var engine = QueryEngine(corpus: Fixtures.seedCorpus())
    let table = try engine.table(#"claims where actor = "Zelenksy" count"#)
    #expect(table.rows == [[.int(0)]])
    let warnings = engine.takeWarnings()
    #expect(warnings.map(\.message) == [#"no actor "Zelenksy" in this corpus"#])
    #expect(warnings.first?.severity == .warning)
    #expect(engine.takeWarnings().isEmpty)
    // a later query starts with none of an earlier one's
    _ = try engine.table(#"claims where topic = "Tomahwak" count"#)
    _ = try engine.table("claims count")
    #expect(engine.takeWarnings().isEmpty)
  }
}

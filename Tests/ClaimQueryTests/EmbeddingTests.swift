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
}

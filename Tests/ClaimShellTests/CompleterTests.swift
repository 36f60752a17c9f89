// Tab completion as a pure function: keywords, fields, collections, let names, dot-commands
// and values inside strings, alias-aware.
@testable import ClaimShell
import ClaimQuery
import ClaimTestSupport
import Testing

@Suite struct CompleterTests {
  static let engine: QueryEngine = {
    var e = QueryEngine(corpus: Fixtures.smallCorpus())
    _ = e.run(#"let deep = claims where topic = "Tomahawk""#)
    return e
  }()

  func complete(_ line: String) -> [String] {
    Completer(engine: Self.engine).complete(line, cursor: line.utf8.count).candidates
  }

  @Test func collectionsAndLetNamesAtTheStart() {
    #expect(complete("") == ["citations", "claims", "deep", "docs", "entities", "let", "stories", "topics"])
    #expect(complete("cl") == ["claims"])
    #expect(complete("de") == ["deep"])
  }

  @Test func fileArgumentsCompleteFromTheFolders() {
    var completer = Completer(engine: Self.engine)
    let tree = [".": ["examples/", "seeds/", "README.md", ".git/"], "examples/": ["who.cq", "why.cq", "out/"], "seeds/": []]
    completer.entries = { tree[$0] ?? [] }
    #expect(completer.complete(".read ex", cursor: 8).candidates == ["examples/"])
    #expect(completer.complete(".read ex", cursor: 8).appendSpace == false)
    #expect(completer.complete(".read examples/w", cursor: 16).candidates == ["examples/who.cq", "examples/why.cq"])
    let one = completer.complete(".save examples/o", cursor: 16)
    #expect(one.candidates == ["examples/out/"] && one.start == 6)
    #expect(completer.complete(".load ", cursor: 6).candidates == ["README.md", "examples/", "seeds/"])
    #expect(completer.complete(".load .g", cursor: 8).candidates == [".git/"])
    #expect(completer.complete(".export R", cursor: 9).appendSpace)
  }

  @Test func fieldsOfTheCollection() {
    #expect(complete("claims where act") == ["actor"])
    #expect(complete("docs where so") == ["source"])
    #expect(complete("claims group by to") == ["topic"])
    #expect(complete("deep where hed") == ["hedge"])
  }

  @Test func keywordsAllowedHere() {
    #expect(complete("claims wh") == ["where"])
    #expect(complete("claims where actor c") == ["contains"])
    #expect(complete(#"claims where actor = "Trump" a"#) == ["and"])
    #expect(complete("claims gr") == ["group"])
    #expect(complete("claims group b") == ["by"])
    #expect(complete("claims where speaker is n") == ["not", "null"])
  }

  @Test func valuesInsideStringsAreAliasAware() {
    #expect(complete(#"claims where actor = "Zel"#) == [#""Zelensky"#])
    #expect(complete(#"claims where actor = "zel"#) == [#""Zelensky"#])
    #expect(complete(#"claims where actor = "Volo"#) == [#""Volodymyr Zelensky"#])
    #expect(complete(#"claims where topic in ("sanctions", "Tom"#) == [#""Tomahawk"#])
    #expect(complete(#"claims where source = 'Ax"#) == ["'Axios"])
    let result = Completer(engine: Self.engine).complete(#"claims where actor = "Zel"#, cursor: 25)
    #expect(result.start == 21)
    #expect(!result.appendSpace)
  }

  @Test func dotCommandsAndTheirArguments() {
    #expect(complete(".he") == [".help"])
    #expect(complete(".mode j") == ["json", "jsonl"])
    #expect(complete(".fields d") == ["deep", "docs"])
    #expect(complete(".values hed") == ["hedge"])
  }

  @Test func explainAndSQLCompleteTheirQueries() {
    #expect(complete(".explain claims where act") == ["actor"])
    #expect(complete(".sql ") == ["citations", "claims", "deep", "docs", "duckdb", "entities", "spark", "stories", "topics", "view"])
    #expect(complete(".sql sp") == ["spark"])
    #expect(complete(".sql spark claims where top") == ["topic"])
    #expect(complete(#".sql duckdb claims where actor = "Zel"#) == [#""Zelensky"#])
    let line = ".sql duckdb deep where act"
    #expect(Completer(engine: Self.engine).complete(line, cursor: line.utf8.count).start == line.utf8.count - 3)
    var completer = Completer(engine: Self.engine)
    completer.entries = { $0 == "." ? ["claims.parquet", "claims.jsonl", "seeds/"] : [] }
    #expect(completer.complete(".sql view cl", cursor: 12).candidates == ["claims.jsonl", "claims.parquet"])
  }

  @Test func commonPrefix() {
    #expect(Completer.commonPrefix(["json", "jsonl"]) == "json")
    #expect(Completer.commonPrefix(["a"]) == "a")
  }
}

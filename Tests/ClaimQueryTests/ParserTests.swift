// The parser: canonical printing of a table of inputs, structure comparison without ranges,
// and scripts with several bad statements.
@testable import ClaimQuery
import Testing

struct ParseCase: Sendable, CustomTestStringConvertible {
  let id, source, printed: String
  var testDescription: String { id }

  static let all: [ParseCase] = [
    ParseCase(id: "collection", source: "claims", printed: "claims"),
    ParseCase(id: "keywords any case", source: #"claims  WHERE actor='Trump'"#, printed: #"claims where actor = "Trump""#),
    ParseCase(id: "precedence", source: "claims where a = 1 or b = 2 and not c = 3", printed: "claims where a = 1 or b = 2 and not c = 3"),
    ParseCase(
      id: "parentheses kept where needed", source: "claims where (a = 1 or b = 2) and c = 3",
      printed: "claims where (a = 1 or b = 2) and c = 3"),
    ParseCase(id: "parentheses dropped where not", source: "claims where ((a = 1))", printed: "claims where a = 1"),
    ParseCase(id: "flat and", source: "claims where a = 1 and b = 2 and c = 3", printed: "claims where a = 1 and b = 2 and c = 3"),
    ParseCase(
      id: "grouped and keeps its group", source: "claims where a = 1 and (b = 2 and c = 3)",
      printed: "claims where a = 1 and (b = 2 and c = 3)"),
    ParseCase(id: "not of and", source: "claims where not (a = 1 and b = 2)", printed: "claims where not (a = 1 and b = 2)"),
    ParseCase(
      id: "in", source: #"claims where topic in ("A",'B') and x not in (1)"#, printed: #"claims where topic in ("A", "B") and x not in (1)"#
    ),
    ParseCase(
      id: "is null", source: "claims where speaker is not null and cue IS NULL", printed: "claims where speaker is not null and cue is null"
    ),
    ParseCase(
      id: "contains matches", source: #"claims where text contains "x" or quote matches "^a""#,
      printed: #"claims where text contains "x" or quote matches "^a""#),
    ParseCase(
      id: "group with", source: "claims group by actor,topic with count(distinct source) as outlets, min(date), count",
      printed: "claims group by actor, topic with count(distinct source) as outlets, min(date), count"),
    ParseCase(
      id: "order limit", source: "claims order by count desc, source asc limit 5", printed: "claims order by count desc, source limit 5"),
    ParseCase(
      id: "select distinct count", source: "docs select id, source as outlet distinct count",
      printed: "docs select id, source as outlet distinct count"),
    ParseCase(id: "let", source: "let deep = claims where x = 2025-10-17", printed: "let deep = claims where x = 2025-10-17"),
    ParseCase(id: "escapes", source: #"claims where text = "say \"hi\"\n""#, printed: #"claims where text = "say \"hi\"\n""#),
    ParseCase(id: "literal on the left", source: "claims where 5 < id", printed: "claims where 5 < id"),
  ]
}

@Suite struct ParserTests {
  @Test(arguments: ParseCase.all) func parses(_ c: ParseCase) throws {
    #expect(try Parser.parseStatement(c.source).description == c.printed)
  }

  @Test(arguments: ParseCase.all) func printingIsIdempotentAndRoundTrips(_ c: ParseCase) throws {
    let tree = try Parser.parseStatement(c.source)
    let again = try Parser.parseStatement(tree.description)
    #expect(again.hasSameStructure(as: tree))
    #expect(again.description == tree.description)
  }

  @Test func treesCarryRanges() throws {
    let tree = try Parser.parseStatement(#"claims where actor = "Zelensky""#)
    guard case .query(let q) = tree, case .where(.compare(.equal, .field(let field), .literal(_, let literal))) = q.stages[0] else {
      Issue.record("unexpected tree \(tree)")
      return
    }
    #expect(q.source.range == SourceRange(start: 0, end: 6))
    #expect(field.range == SourceRange(start: 13, end: 18))
    #expect(literal == SourceRange(start: 21, end: 31))
    #expect(
      tree.hasSameStructure(
        as: .query(
          Query(source: Name("claims"), stages: [.where(.compare(.equal, .field(Name("actor")), .literal(.string("Zelensky"), nil)))]))))
  }

  @Test func eachBadStatementIsReportedOnce() {
    let (_, items) = Parser.parse("claims count\nclaims wher x\nclaims where (\nclaims where a = ; docs\nclaims limit")
    let failures = items.compactMap { if case .failure(let d, _) = $0 { d } else { nil } }
    let statements = items.compactMap { if case .statement(let s, _) = $0 { s.description } else { nil } }
    #expect(statements == ["claims count", "docs"])
    // the newline after "(" does not end that statement: it runs to the ";"
    #expect(failures.map(\.id) == [.expectedStage, .expectedToken, .expectedToken])
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = "claims where " + String(repeating: "(", count: 5000) + "a = 1" + String(repeating: ")", count: 5000)
    let (_, items) = Parser.parse(deep)
    guard case .failure(let d, _) = items.first else { Issue.record("no failure"); return }
    #expect(d.id == .nestingTooDeep)
    let nots = "claims where " + String(repeating: "not ", count: 5000) + "a = 1"
    guard case .failure(let d2, _) = Parser.parse(nots).items.first else { Issue.record("no failure"); return }
    #expect(d2.id == .nestingTooDeep)
  }
}

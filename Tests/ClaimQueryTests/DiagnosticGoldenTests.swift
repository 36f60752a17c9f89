// Rendered errors and warnings, carets included, for every kind of error, against a golden file
// of "### query" / "### error" blocks (jq's tests/jq.test style). RECORD_SNAPSHOTS=1 re-records.
import ClaimQuery
import ClaimTestSupport
import Foundation
import Testing

@Suite struct DiagnosticGoldenTests {
  static let file = Fixtures.root.appendingPathComponent("Tests/ClaimQueryTests/Golden/errors.golden")
  static let queryMarker = "### query\n"
  static let errorMarker = "\n### error\n"

  /// The queries of the golden file, in order.
  static func queries() throws -> [String] {
    let text = try String(contentsOf: file, encoding: .utf8)
    return text.components(separatedBy: queryMarker).dropFirst().map { block in
      block.components(separatedBy: errorMarker)[0]
    }
  }

  /// What claimsh reports for a query on the seeds.
  static func rendered(_ query: String, engine: inout QueryEngine) -> String {
    let (source, outcomes) = engine.run(query)
    let reported = outcomes.compactMap { outcome -> Diagnostic? in
      switch outcome {
      case .failure(let d, _), .warning(let d, _): return d
      default: return nil
      }
    }
    return reported.isEmpty ? "(no error)" : DiagnosticRenderer.render(reported, in: source)
  }

  @Test func renderedErrorsMatchTheGoldenFile() throws {
    var engine = QueryEngine(corpus: Fixtures.seedCorpus())
    let queries = try Self.queries()
    #expect(queries.count >= 25)
    let actual = queries.map { q in Self.queryMarker + q + Self.errorMarker + Self.rendered(q, engine: &engine) + "\n" }.joined()
    try Golden.check(actual, against: Self.file)
  }

  /// Interrupts and time limits depend on timing; `CancellationTests` (ClaimShellTests) covers them.
  @Test func everyErrorKindButInterruptsHasACase() throws {
    var engine = QueryEngine(corpus: Fixtures.seedCorpus())
    var seen: Set<QueryError> = []
    for q in try Self.queries() {
      for outcome in engine.run(q).outcomes {
        if case .failure(let d, _) = outcome { seen.insert(d.id) }
        if case .warning(let d, _) = outcome { seen.insert(d.id) }
      }
    }
    #expect(Set(QueryError.allCases).subtracting(seen) == [.interrupted, .timedOut])
  }
}

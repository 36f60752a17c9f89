// The shell's statement runner on the seeds: exit statuses for scripts.
@testable import ClaimShell
import ClaimQuery
import ClaimTestSupport
import Testing

@Suite struct SessionTests {
  @Test func scriptsFailWhenAStatementFails() {
    var session = Session(engine: QueryEngine(corpus: Fixtures.smallCorpus()), spec: RenderSpec(mode: .jsonl))
    #expect(session.run("claims count", file: nil) == .success)
    #expect(session.run("claims count\nclaims wher", file: "x.cq") == .failure)
  }
}

// Time limits (`.timeout`), as a user meets them: a statement, an export and the building of the
// stories each stop at the limit with an error that names it, leave nothing half done (no file
// written, no stories kept), and the next statement runs with a limit of its own.
@testable import ClaimQuery
@testable import ClaimShell
import ClaimTestSupport
import Foundation
import Testing

@Suite(.serialized) struct CancellationTests {
  func session() -> (Session, Capture) {
    let (s, capture) = capturedSession(Fixtures.seedCorpus())
    s.cancellation = Cancellation()  // its own: other suites' sessions, running at once, start and stop the process's
    return (s, capture)
  }

  /// A pattern that backtracks for minutes on every sentence.
  static let endless = #"claims where text matches "(\w+\s?)+$" count"#

  @Test func aStatementStopsAtItsTimeLimit() {
    let (s, c) = session()
    #expect(s.runScript(".timeout 0.2", file: nil))
    #expect(!s.runScript(Self.endless, file: nil))
    #expect(c.err.contains("error: the statement ran past its time limit of 0.2 s (.timeout)"), "\(c.err)")
    #expect(s.runScript("claims count", file: nil))
    #expect(c.out.hasSuffix("count\n123\n"))
  }

  @Test func anExportStopsAtItsTimeLimitAndWritesNothing() throws {
    let (s, c) = session()
    let path = try Fixtures.temporaryFolder().appendingPathComponent("endless.csv").path
    #expect(s.runScript(".timeout 0.2", file: nil))
    #expect(!s.runScript(".export \(path) " + Self.endless.replacingOccurrences(of: " count", with: ""), file: nil))
    #expect(c.err.contains("ran past its time limit of 0.2 s (.timeout)"), "\(c.err)")
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(s.runScript(".export \(path) claims where hedge = \"reported\"", file: nil))
    #expect(FileManager.default.fileExists(atPath: path))
  }

  @Test func storyBuildingStopsAtTheTimeLimitAndIsLeftToTheNextQuery() {
    let (s, c) = session()
    #expect(s.runScript(".timeout 0.000001", file: nil))
    #expect(!s.runScript("stories count", file: nil))
    #expect(c.err.contains("ran past its time limit of 0.000001 s (.timeout)"), "\(c.err)")
    #expect(!s.engine.store.stories.isBuilt)
    #expect(s.runScript(".timeout off", file: nil))
    #expect(s.runScript("stories count", file: nil))
    #expect(s.engine.store.stories.isBuilt)
  }
}

// The sqlite3 habits of issue 13 through a Session: .bail stops a script at its first error,
// .mode, .timer and .bail with no argument print the setting, .story and kwic print text.
@testable import ClaimShell
import ClaimQuery
import ClaimTestSupport
import Foundation
import Testing

@Suite struct SqliteHabitTests {
  func session(mode: RenderSpec.Mode = .csv) -> (Session, Capture) {
    capturedSession(Fixtures.seedCorpus(), mode: mode)
  }

  @Test func bailStopsAScriptAtItsFirstError() {
    let (s, c) = session()
    #expect(!s.runScript("claims count\nclaims where nosuchfield = 1\nclaims count", file: "b.cq"))
    #expect(c.out.components(separatedBy: "count\n").count - 1 == 2, "without bail the script goes on")
    let (t, d) = session()
    #expect(!t.runScript(".bail on\nclaims count\nclaims where nosuchfield = 1\nclaims count", file: "b.cq"))
    #expect(d.out == "count\n123\n")
    #expect(d.err.contains("line 3 of b.cq"))
  }

  @Test func settingsPrintThemselvesWithNoArgument() {
    let (s, c) = session(mode: .jsonl)
    #expect(s.runScript(".mode\n.timer\n.bail\n.mode kwic\n.mode", file: nil))
    #expect(c.out == "mode: jsonl\ntimer: off\nbail: off\nmode: kwic\n")
  }

  @Test func storyAndKwicPrintText() {
    let (s, c) = session(mode: .kwic)
    #expect(s.runScript(".story 1\nclaims where topic = \"Tomahawk\" limit 2", file: nil))
    #expect(c.out.hasPrefix("Story 1: 5 outlets"))
    #expect(c.out.contains("«Tomahawk"))
    #expect(!s.runScript(".story 9", file: nil))
    #expect(c.err.contains("no story 9; ids run from 1 to 1"))
  }

  @Test func dotCommandsTakeUniquePrefixesAndSqliteWordsGetAPointer() {
    let (s, c) = session()
    #expect(s.runScript(".q\nclaims count", file: nil))
    #expect(c.out.isEmpty, ".q quits before the statement")
    #expect(!s.runScript(".s", file: nil))
    #expect(c.err.contains("'.s' could be .save, .sql, .stats, .story"))
    #expect(s.runScript(".tables\n.schema\n.print a heading  with spaces", file: nil))
    #expect(c.out.contains("claimsh has collections, not tables"))
    #expect(c.out.contains(".fields [COLLECTION]"))
    #expect(c.out.hasSuffix("a heading  with spaces\n"))
  }

  @Test func maxrowsLimitsTablesAndOutputAndOnceWriteFiles() throws {
    let (s, c) = session(mode: .table)
    #expect(s.runScript(".maxrows 2\n.maxrows\nclaims select id limit 5", file: nil))
    #expect(c.out.contains("maxrows: 2\n"))
    #expect(c.out.contains("showing 2 of 5 rows (.maxrows off shows all)"))
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let once = folder.appendingPathComponent("once.txt").path, all = folder.appendingPathComponent("all.txt").path
    c.out = ""
    #expect(
      s.runScript(
        ".mode csv\n.once \(once)\nclaims count\nclaims where story = 1 count\n.output \(all)\nclaims select id limit 3\n.print "
          + "done\n.output\nclaims count",
        file: nil))
    #expect(try String(contentsOfFile: once, encoding: .utf8) == "count\n123\n")
    // the file gets every row: no row limit off the screen
    #expect(try String(contentsOfFile: all, encoding: .utf8) == "id\n0\n1\n2\ndone\n")
    #expect(c.out == "count\n122\ncount\n123\n")
  }
}

// The interactive loop with a scripted LineReader: prompts, continuation, dot-commands,
// Ctrl-C, end of input, and history written as each entry is entered.
@testable import ClaimShell
import ClaimQuery
import ClaimTestSupport
import Foundation
import Testing

/// A LineReader that replays lines (nil for Ctrl-C) and records prompts and history.
final class ScriptedReader: LineReader {
  var lines: [String?]
  var prompts: [String] = []
  var history: [String] = []
  var wasInterrupted = false

  init(_ lines: [String?]) { self.lines = lines }

  func readLine(prompt: String) -> String? {
    prompts.append(prompt)
    guard !lines.isEmpty else {
      wasInterrupted = false
      return nil
    }
    let line = lines.removeFirst()
    wasInterrupted = line == nil
    return line
  }

  func addHistory(_ entry: String) { history.append(entry) }
}

@Suite(.serialized) struct ReplTests {
  func run(_ lines: [String?], historyFile: String? = nil) throws -> (reader: ScriptedReader, out: String, err: String, history: String) {
    let dir = try Fixtures.temporaryFolder()
    let path = historyFile ?? dir.appendingPathComponent("state/claimsh/history").path
    nonisolated(unsafe) var out = ""
    nonisolated(unsafe) var err = ""
    let session = Session(corpus: Fixtures.smallCorpus(), spec: RenderSpec(mode: .csv), out: { out += $0 }, err: { err += $0 + "\n" })
    let reader = ScriptedReader(lines)
    var repl = Repl(session: session, history: History(path: path))
    repl.run(reader: reader)
    let history = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return (reader, out, err, history)
  }

  @Test func promptsContinueWhileAParenthesisIsOpen() throws {
    let r = try run(["claims where hedge in (", #""denied") count"#, "claims count"])
    #expect(r.reader.prompts == ["claimsh> ", "   ...> ", "claimsh> ", "claimsh> "])
    #expect(r.out.contains("count\n1\n"))
    #expect(r.out.contains("count\n6\n"))
    #expect(r.history == "claims where hedge in ( \"denied\") count\nclaims count\n")
  }

  @Test func ctrlCAbandonsThePendingLines() throws {
    let r = try run(["claims where (", nil, "claims count"])
    #expect(r.reader.prompts == ["claimsh> ", "   ...> ", "claimsh> ", "claimsh> "])
    #expect(r.out.contains("^C"))
    #expect(r.out.contains("count\n6\n"))
    #expect(!r.history.contains("claims where ("))
  }

  @Test func dotCommandsRunAndQuitLeaves() throws {
    let r = try run([".mode jsonl", "claims where id = 1 select id", ".quit", "claims count"])
    #expect(r.out.contains("{\"id\":1}"))
    #expect(!r.out.contains("count"))
    #expect(r.history.split(separator: "\n") == [".mode jsonl", "claims where id = 1 select id", ".quit"])
  }

  @Test func errorsDoNotEndTheSession() throws {
    let r = try run(["claims wher", "claims count"])
    #expect(r.err.contains("did you mean 'where'?"))
    #expect(r.out.contains("count\n6\n"))
  }

  @Test func anUnwritableHistoryWarnsOnce() throws {
    let r = try run(["claims count", "claims count"], historyFile: "/proc/claimsh-no-such-dir/history")
    #expect(r.err.components(separatedBy: "cannot write the history file").count == 2)
    #expect(r.out.components(separatedBy: "count\n6").count == 3)
  }

  @Test func historyLoadsIntoTheEditor() throws {
    let dir = try Fixtures.temporaryFolder()
    let path = dir.appendingPathComponent("history").path
    try "claims count\ndocs\n".write(toFile: path, atomically: false, encoding: .utf8)
    let r = try run([], historyFile: path)
    #expect(r.reader.history == ["claims count", "docs"])
  }
}

// The interactive shell as a person uses it: claimsh in tmux, keys sent with send-keys, the
// screen read with capture-pane: completion, history, typed non-ASCII text, Ctrl-C at the
// prompt and during a query. Skipped, with a message, where tmux is missing (`make test`
// installs it). Also: two shells at once both keep all their history lines.
import ClaimTestSupport
import Foundation
import Testing

@Suite(.serialized, .enabled(if: Run.which("tmux") != nil, "tmux is not installed; `make test` installs it"))
struct InteractiveShellTests {
  /// A tmux server of its own, with claimsh in a 120×40 pane.
  final class Pane {
    let socket = "claimsh-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    let state: URL

    /// claimsh on `corpus`, with no locale in its environment unless `locale` (it must choose
    /// a UTF-8 one itself for libedit to take typed non-ASCII text).
    init(corpus: String = "seeds", locale: String? = nil, pager: String = "") throws {
      state = try Fixtures.temporaryFolder()
      // no pager unless a test asks for one: a long result must not wait in less
      let environment =
        "env -u LANG -u LC_ALL -u LC_CTYPE \(locale.map { "LANG=\($0) " } ?? "")XDG_STATE_HOME=\(state.path) NO_COLOR=1 "
        + "CLAIMSH_PAGER='\(pager)'"
      let command = "cd \(Fixtures.root.path) && \(environment) \(Fixtures.binary) --corpus \(corpus); sleep 5"
      try Run.detached(Run.which("tmux")!, ["-u", "-L", socket, "new-session", "-d", "-s", "s", "-x", "120", "-y", "40", command])
    }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
      try Run.process(Run.which("tmux")!, ["-L", socket] + args).stdout
    }

    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", "s"] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "s", "-l", text]) }
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "s"]) }
    /// The screen's lines, trailing blank lines dropped.
    func lines() throws -> [String] {
      var lines = try screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
      return lines
    }

    /// Waits up to 10 s for `text` on the screen.
    func waitFor(_ text: String) throws -> Bool {
      for _ in 0..<100 {
        if try screen().contains(text) { return true }
        usleep(100_000)
      }
      return false
    }

    /// Waits up to 10 s for a line that `matches`.
    func waitForLine(_ matches: (String) -> Bool) throws -> Bool {
      for _ in 0..<100 {
        if try lines().contains(where: matches) { return true }
        usleep(100_000)
      }
      return false
    }

    /// The CPU time claimsh has used, in clock ticks (/proc/PID/stat's utime + stime), or nil
    /// when it is not running: the pane runs `sh -c '…claimsh…; sleep 5'`, claimsh its child.
    func claimshTicks() throws -> Int? {
      let shell = try tmux(["display-message", "-p", "-t", "s", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
      guard let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8) else { return nil }
      for child in children.split(separator: " ") {
        guard let stat = try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8), stat.contains("(claimsh)"),
          let close = stat.lastIndex(of: ")")
        else { continue }
        // after "(comm)": state, then 10 fields, then utime and stime (fields 14 and 15)
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
      }
      return nil
    }

    /// Waits up to 10 s until claimsh is busy running a statement: a fifth of a second of CPU
    /// time used within half a second (at the prompt it uses none).
    func waitForAQueryRunning() throws -> Bool {
      for _ in 0..<20 {
        guard let before = try claimshTicks() else { return false }
        usleep(500_000)
        guard let after = try claimshTicks() else { return false }
        if after - before >= 20 { return true }
      }
      return false
    }

    /// Waits up to 10 s for `file` to hold something, and returns it.
    func waitForFile(_ file: URL) -> String {
      for _ in 0..<100 {
        if let text = try? String(contentsOf: file, encoding: .utf8), !text.isEmpty { return text }
        usleep(100_000)
      }
      return ""
    }

    func close() { _ = try? tmux(["kill-server"]) }
  }

  @Test func completionHistoryCtrlCAndCtrlD() throws {
    let pane = try Pane()
    defer { pane.close() }
    let prompt = try pane.waitFor("claimsh>")
    let first = try pane.screen()
    #expect(prompt, "no prompt: \(first)")
    #expect(try pane.screen().contains("5 documents, 123 claims, 0 warnings"))

    try pane.type("claims where act")
    try pane.keys("Tab")
    #expect(try pane.waitFor("claims where actor"), "Tab does not complete the field")
    try pane.type(#"= "zel"#)
    try pane.keys("Tab")
    #expect(try pane.waitFor(#"actor = "Zelensky"#), "Tab does not complete the value")
    try pane.type(#"" count"#)
    try pane.keys("Enter")
    #expect(try pane.waitFor("1 row"))
    #expect(
      try pane.lines().contains { line in
        let cell = line.trimmingCharacters(in: .whitespaces)
        return !cell.isEmpty && cell.allSatisfy(\.isNumber)
      })

    try pane.type("claims where (")
    try pane.keys("Enter")
    #expect(try pane.waitFor("   ...>"), "no continuation prompt")
    try pane.keys("C-c")
    #expect(try pane.waitFor("^C"))
    try pane.keys("Up")
    let recalled = try pane.waitForLine { $0 == #"claimsh> claims where actor = "Zelensky" count"# }
    let afterUp = try pane.screen()
    #expect(recalled, "Up does not recall the last statement: \(afterUp)")
    try pane.keys("C-u")
    try pane.keys("C-d")
    let history = pane.waitForFile(pane.state.appendingPathComponent("claimsh/history"))
    #expect(history == "claims where actor = \"Zelensky\" count\n")
  }

  @Test func outputLongerThanTheScreenGoesThroughThePager() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let paged = folder.appendingPathComponent("paged.txt").path
    let pane = try Pane(pager: "cat >> \(paged)")
    defer { pane.close() }
    #expect(try pane.waitFor("claimsh>"))
    try pane.type("claims count")
    try pane.keys("Enter")
    #expect(try pane.waitFor("123"))
    try pane.type(".story 1")
    try pane.keys("Enter")
    // the pager's file fills when the report is done (the prompt seen now could be the last one)
    var text = ""
    for _ in 0..<100 where !text.contains("Conflicts") {
      usleep(100_000)
      text = (try? String(contentsOfFile: paged, encoding: .utf8)) ?? ""
    }
    #expect(text.hasPrefix("Story 1: 5 outlets"), "the long report went to the pager")
    #expect(!text.contains("123"), "a short result stays on the screen")
    #expect(!(try pane.screen()).contains("Timeline"))
  }

  @Test func ctrlCCancelsAndTheShellGoesOn() throws {
    let pane = try Pane()
    defer { pane.close() }
    #expect(try pane.waitFor("claimsh>"))
    try pane.keys("C-c")
    #expect(try pane.waitFor("^C"))
    try pane.type("claims count")
    try pane.keys("Enter")
    #expect(try pane.waitFor("123"))
  }

  @Test func typedNonASCIITextRunsAsTypedAndCompletes() throws {
    let folder = try Fixtures.temporaryFolder()
    let records = """
      {"id": "n1", "source": "日本新聞", "text": "Zelensky said the café talks failed."}
      {"id": "n2", "source": "Le Monde", "text": "Trump said the talks went nowhere."}
      """
    try records.write(to: folder.appendingPathComponent("n.jsonl"), atomically: false, encoding: .utf8)
    let pane = try Pane(corpus: folder.appendingPathComponent("n.jsonl").path)
    defer { pane.close() }
    #expect(try pane.waitFor("claimsh>"))
    // "é t" is in one text; were the é dropped, " t" would be in both
    try pane.type(#"claims where text contains "é t" select source"#)
    try pane.keys("Enter")
    let ran = try pane.waitFor("1 row")
    let afterCafe = try pane.screen()
    #expect(ran, "café did not reach the query: \(afterCafe)")
    // typed before the next prompt is drawn, the keys would be echoed by the terminal ahead of it
    #expect(try pane.waitForLine { $0.trimmingCharacters(in: .whitespaces) == "claimsh>" })
    try pane.type(#"claims where source = "日"#)
    #expect(try pane.waitFor(#"claims where source = "日"#))  // on the screen, as a person would wait
    try pane.keys("Tab")
    let completed = try pane.waitFor(#"source = "日本新聞"#)
    let afterTab = try pane.screen()
    #expect(completed, "Tab does not complete after non-ASCII text: \(afterTab)")
    try pane.type(#"" count"#)
    try pane.keys("Enter")
    #expect(try pane.waitForLine { $0.trimmingCharacters(in: .whitespaces) == "1" }, "the completed statement did not count 1")
    try pane.keys("C-d")
    let history = pane.waitForFile(pane.state.appendingPathComponent("claimsh/history"))
    #expect(history.contains(#"claims where text contains "é t" select source"#))
    #expect(history.contains(#"claims where source = "日本新聞" count"#))
  }

  /// A pattern that backtracks for minutes on every sentence: Ctrl-C stops it inside the match,
  /// once, and the prompt is back at once.
  @Test func ctrlCStopsARunningQuery() throws {
    let pane = try Pane()
    defer { pane.close() }
    #expect(try pane.waitFor("claimsh>"))
    try pane.type(".timer on")
    try pane.keys("Enter")
    try pane.type(#"claims where text matches "(\w+\s?)+$" count"#)
    try pane.keys("Enter")
    #expect(try pane.waitForAQueryRunning(), "the query is not running")
    #expect(try !pane.screen().contains("Run Time"), "the query ended before Ctrl-C")
    let pressed = Date()
    try pane.keys("C-c")
    let stopped = try pane.waitFor("Run Time")
    let afterCtrlC = try pane.screen()
    #expect(stopped, "Ctrl-C did not stop the query: \(afterCtrlC)")
    let back = Date().timeIntervalSince(pressed)
    #expect(back < 2, "back at the prompt \(back) s after Ctrl-C")
    let screen = try pane.screen()
    #expect(screen.components(separatedBy: "interrupted").count - 1 == 1, "\(screen)")
    try pane.type("claims count")
    try pane.keys("Enter")
    #expect(try pane.waitFor("123"), "the shell does not go on after Ctrl-C")
  }

  /// Ctrl-\ during a query (claimsh busy on it) ends claimsh at once (the pane's command is then
  /// the `sleep` after it).
  @Test func ctrlBackslashEndsTheShellDuringAQuery() throws {
    let pane = try Pane()
    defer { pane.close() }
    #expect(try pane.waitFor("claimsh>"))
    try pane.type(#"claims where text matches "(\w+\s?)+$" count"#)
    try pane.keys("Enter")
    #expect(try pane.waitForAQueryRunning(), "the query is not running")
    try pane.keys("C-\\")
    var command = ""
    for _ in 0..<50 where command != "sleep" {
      usleep(100_000)
      command = try pane.tmux(["display-message", "-p", "-t", "s", "#{pane_current_command}"]).trimmingCharacters(
        in: .whitespacesAndNewlines)
    }
    #expect(command == "sleep", "claimsh still runs after Ctrl-\\ (\(command))")
  }

  /// After the terminal is resized, the next table fits the new width.
  @Test func tablesFitTheTerminalAfterAResize() throws {
    let pane = try Pane()
    defer { pane.close() }
    #expect(try pane.waitFor("claimsh>"))
    try pane.tmux(["resize-window", "-t", "s", "-x", "70", "-y", "40"])
    for _ in 0..<100
    where try pane.tmux(["display-message", "-p", "-t", "s", "#{pane_width}"]).trimmingCharacters(in: .whitespacesAndNewlines) != "70" {
      usleep(100_000)
    }
    try pane.type("claims select id, source, text limit 3")
    try pane.keys("Enter")
    #expect(try pane.waitFor("3 rows"))
    let table = try pane.lines().filter { $0.contains("│") }
    #expect(table.count >= 4)
    #expect(table.allSatisfy { $0.count <= 70 }, "\(table)")
    #expect(table.contains { $0.count >= 60 }, "the table does not use the new width: \(table)")
  }

  @Test(.enabled(if: Run.which("script") != nil, "script (util-linux) is not installed"))
  func twoShellsAtOnceKeepAllTheirHistory() async throws {
    let state = try Fixtures.temporaryFolder()
    let script = Run.which("script")!
    let binary = Fixtures.binary
    let root = Fixtures.root.path
    await withTaskGroup(of: Void.self) { group in
      for shell in 1...2 {
        group.addTask {
          let input = (1...20).map { "claims where actor = \"Trump\" limit \(shell)\($0)" }.joined(separator: "\n") + "\n"
          _ = try? Run.process(
            script, ["-qec", "cd \(root) && \(binary) --corpus seeds", "/dev/null"], input: input,
            environment: ["XDG_STATE_HOME": state.path])
        }
      }
    }
    let history = try String(contentsOf: state.appendingPathComponent("claimsh/history"), encoding: .utf8)
    let lines = history.split(separator: "\n")
    #expect(lines.count == 40)
    for shell in 1...2 { for i in 1...20 { #expect(lines.contains("claims where actor = \"Trump\" limit \(shell)\(i)")) } }
  }
}

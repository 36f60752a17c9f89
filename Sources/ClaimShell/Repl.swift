import ClaimQuery
import Foundation

/// The interactive loop: lines from the line editor go through the `InputLoop` that scripts use
/// (the continuation prompt shows while a parenthesis or string is open; a stage line extends
/// the statement that ran last); each complete entry goes to the history file at once. Ctrl-C
/// abandons the pending lines; Ctrl-D on an empty line leaves.
struct Repl {
  let session: Session
  var history: History
  /// Long output goes through it (nil: no paging).
  var pager: Pager? = nil
  /// Prompts.
  static let prompt = "claimsh> "
  static let continuation = "   ...> "

  mutating func run(reader: (any LineReader)? = nil) {
    var reader =
      reader
      ?? EditLineReader { [session] line, cursor in
        let completer = Completer(engine: session.engine)
        return completer.complete(line, cursor: cursor)
      }
    for entry in history.load() { reader.addHistory(entry) }
    var loop = InputLoop(interactive: true)
    var typed: [String] = []  // the lines of the entry being typed, for the history
    while true {
      guard let line = reader.readLine(prompt: loop.isPending ? Self.continuation : Self.prompt) else {
        if reader.wasInterrupted {
          session.out("^C\n")
          loop.abandon()
          typed = []
          continue
        }
        session.out("\n")
        return
      }
      let units = loop.feed(line, number: 1)
      if loop.isPending || !units.isEmpty { typed.append(line) }
      guard !units.isEmpty else { continue }
      remember(typed.joined(separator: "\n").trimmingCharacters(in: .whitespaces), &reader)
      typed = []
      for unit in units {
        let result = runPaged(unit)
        if result == .quit { return }
        if result == .failed, case .statement = unit { loop.forgetLast() }
      }
    }
  }

  /// Runs a unit; its output goes through the pager when it is longer than the screen.
  func runPaged(_ unit: InputLoop.Unit) -> DotResult {
    guard let pager, let rows = Terminal.height() else { return session.run(unit, file: nil) }
    session.held = ""
    let result = session.run(unit, file: nil)
    let text = session.held ?? ""
    session.held = nil
    pager.show(text, rows: rows - 1, screen: session.screen)
    return result
  }

  mutating func remember(_ entry: String, _ reader: inout any LineReader) {
    reader.addHistory(entry)
    if let warning = history.append(entry) { session.err(warning) }
  }
}

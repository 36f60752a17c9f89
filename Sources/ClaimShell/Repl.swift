import ClaimQuery
import Foundation

/// The interactive loop, SQLite's `process_input` for a terminal: a `.` line is a dot-command
/// when nothing is pending; other lines accumulate until the statement is complete (the
/// continuation prompt shows while a parenthesis or string is open); each complete entry goes
/// to the history file at once. Ctrl-C abandons the pending lines; Ctrl-D on an empty line leaves.
struct Repl {
  let session: Session
  var history: History
  /// Prompts.
  static let prompt = "claimsh> "
  static let continuation = "   ...> "

  mutating func run(reader: (any LineReader)? = nil) {
    var reader = reader ?? EditLineReader { [session] line, cursor in
      let completer = Completer(engine: session.engine)
      return completer.complete(line, cursor: cursor)
    }
    for entry in history.load() { reader.addHistory(entry) }
    var pending: [String] = []
    while true {
      guard let line = reader.readLine(prompt: pending.isEmpty ? Self.prompt : Self.continuation) else {
        if reader.wasInterrupted {
          session.out("^C\n")
          pending = []
          continue
        }
        session.out("\n")
        return
      }
      if pending.isEmpty {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { continue }
        if trimmed.hasPrefix(".") {
          remember(trimmed, &reader)
          if session.dotCommand(trimmed, file: nil, line: 1) == .quit { return }
          continue
        }
      }
      pending.append(line)
      let statement = pending.joined(separator: "\n")
      guard Completeness.of(statement).isComplete else { continue }
      pending = []
      remember(statement, &reader)
      session.execute(statement, file: nil)
      if Interrupts.cancellation.isCancelled { session.err("interrupted") }
    }
  }

  mutating func remember(_ entry: String, _ reader: inout any LineReader) {
    reader.addHistory(entry)
    if let warning = history.append(entry) { session.err(warning) }
  }
}

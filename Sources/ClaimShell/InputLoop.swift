import ClaimQuery
import Foundation

/// The one input loop of the REPL and of scripts, SQLite's `process_input`: lines go in one at a
/// time, and out come dot-commands and whole statements, each with the line it starts on.
///
/// - A `.` line is a dot-command when no statement is pending.
/// - Other lines accumulate until nothing is open (no string, no parenthesis).
/// - A line that starts with a stage keyword (`where`, `group`, `count`…, `with`) goes on with
///   the statement above it. In a script the loop holds a complete statement until the next
///   line shows whether it goes on; at a prompt the statement has already run, so the stage
///   extends it and the whole statement runs again.
///
/// Each line is scanned once (`Completeness` is incremental), so a script's time is linear in
/// its length.
struct InputLoop {
  /// What the loop hands on.
  enum Unit: Equatable {
    /// A dot-command line, and its line number.
    case dotCommand(String, line: Int)
    /// A statement's text (its lines joined), and the line it starts on.
    case statement(String, firstLine: Int)
  }

  /// Whether the lines come from a terminal (no lookahead) or a script.
  let interactive: Bool
  private var pending: [String] = []
  private var pendingStart = 1
  private var state = Completeness()
  /// At a prompt, the last statement that ran, for a stage line to extend.
  private var last: String? = nil

  /// A loop for a script, or for a prompt when `interactive`.
  init(interactive: Bool) {
    self.interactive = interactive
  }

  /// Whether a statement is pending (the prompt shows `...>`).
  var isPending: Bool { !pending.isEmpty }

  /// Takes line `number`; returns what is ready to run.
  mutating func feed(_ line: String, number: Int) -> [Unit] {
    var ready: [Unit] = []
    if !pending.isEmpty && state.isComplete {
      // a script's complete statement, held to see whether this line goes on with it
      if Self.isBlankOrComment(line) || Self.continues(line) {
        append(line)
        return []
      }
      ready.append(flush())
    }
    if !pending.isEmpty {
      append(line)
      if state.isComplete && interactive { ready.append(flush()) }
      return ready
    }
    switch Self.firstVisible(line) {
    case nil: return ready
    case 0x2E:  // "."
      ready.append(.dotCommand(line.trimmingCharacters(in: .whitespaces), line: number))
      return ready
    default: break
    }
    pendingStart = interactive ? 1 : number
    if interactive, let last, Self.continues(line) {
      pending = [last]
      state = Completeness.of(last)
    }
    append(line)
    if state.isComplete && interactive { ready.append(flush()) }
    return ready
  }

  /// The end of the input: what is still pending.
  mutating func finish() -> [Unit] {
    pending.isEmpty ? [] : [flush()]
  }

  /// Drops the pending lines (Ctrl-C at a prompt).
  mutating func abandon() {
    pending = []
    state = Completeness()
  }

  /// Forgets the last statement, so that a stage line does not extend one that failed.
  mutating func forgetLast() { last = nil }

  private mutating func append(_ line: String) {
    pending.append(line)
    state.scanLine(line)
  }

  private mutating func flush() -> Unit {
    let text = pending.joined(separator: "\n")
    pending = []
    state = Completeness()
    if interactive { last = text }
    return .statement(text, firstLine: pendingStart)
  }

  /// Whether `line` starts with a stage keyword.
  static func continues(_ line: String) -> Bool {
    Lexer.continuesStatement(Array(line.utf8), at: 0)
  }

  static func isBlankOrComment(_ line: String) -> Bool {
    guard let first = firstVisible(line) else { return true }
    return first == 0x2D && line.trimmingCharacters(in: .whitespaces).hasPrefix("--")
  }

  /// The first byte of `line` after its leading whitespace, or nil for a blank line. Spaces and
  /// tabs are skipped byte by byte (every statement passes here); a line that starts with other
  /// whitespace goes through Foundation's Unicode trimming.
  static func firstVisible(_ line: String) -> UInt8? {
    for byte in line.utf8 where byte != 0x20 && byte != 0x09 {
      guard byte >= 0x80 || (byte >= 0x09 && byte <= 0x0D) else { return byte }
      return line.trimmingCharacters(in: .whitespaces).utf8.first
    }
    return nil
  }
}

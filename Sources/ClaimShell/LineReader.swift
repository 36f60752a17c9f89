import CEditLine
import Glibc

/// Where the interactive shell gets its lines: libedit on a terminal, a script in tests.
public protocol LineReader {
  /// The next line typed after `prompt`, without its newline; nil at end of input.
  mutating func readLine(prompt: String) -> String?
  /// Remembers a line for up-arrow and Ctrl-R.
  mutating func addHistory(_ line: String)
}

/// libedit's readline-compatible editor.
public struct EditLineReader: LineReader {
  /// Creates a reader; libedit reads the terminal on standard input.
  public init() {}

  public mutating func readLine(prompt: String) -> String? {
    guard let raw = CEditLine.readline(prompt) else { return nil }
    defer { free(raw) }
    return String(cString: raw)
  }

  public mutating func addHistory(_ line: String) {
    _ = CEditLine.add_history(line)
  }
}

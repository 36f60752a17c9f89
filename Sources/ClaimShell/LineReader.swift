import CEditLine
import Glibc

/// Where the interactive shell gets its lines: libedit on a terminal, a script in tests.
public protocol LineReader {
  /// The next line typed after `prompt`, without its newline; nil at end of input or after
  /// Ctrl-C (then `wasInterrupted` is true).
  mutating func readLine(prompt: String) -> String?
  /// Whether the last `readLine` ended because of Ctrl-C.
  var wasInterrupted: Bool { get }
  /// Remembers an entry for Up, Down and Ctrl-R.
  mutating func addHistory(_ entry: String)
}

/// libedit's readline-compatible editor, with tab completion from a `Completer`.
public struct EditLineReader: LineReader {
  /// Starts libedit on the terminal; `completer` answers Tab.
  public init(completer: @escaping (String, Int) -> Completer.Result) {
    EditLineReader.completer = completer
    claimsh_editline_setup(
      EditLineReader.name, { text, start, end in EditLineReader.complete(text, start, end) }, EditLineReader.wordBreaks,
      { file in TerminalKeys.next(file) })
  }

  public mutating func readLine(prompt: String) -> String? {
    Interrupts.clearLineInterrupt()
    if EditLineReader.endOfInputIsPending() { return nil }
    guard let raw = CEditLine.readline(prompt) else { return nil }
    defer { free(raw) }
    return String(cString: raw)
  }

  public var wasInterrupted: Bool { Interrupts.lineInterrupted.load(ordering: .relaxed) }

  public mutating func addHistory(_ entry: String) {
    _ = CEditLine.add_history(entry)
  }

  /// Whether Ctrl-D was typed ahead while a statement ran. Between lines the terminal is in
  /// canonical mode, where the kernel keeps that Ctrl-D as an end-of-file mark that libedit,
  /// reading in raw mode, would never see: stdin is readable but holds no bytes.
  static func endOfInputIsPending() -> Bool {
    var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
    guard poll(&fd, 1, 0) == 1, fd.revents & Int16(POLLIN) != 0 else { return false }
    var available: Int32 = 0
    guard ioctl(0, UInt(FIONREAD), &available) == 0, available == 0 else { return false }
    var byte: UInt8 = 0
    return read(0, &byte, 1) == 0
  }

  nonisolated(unsafe) static var completer: ((String, Int) -> Completer.Result)?
  nonisolated(unsafe) static let name = UnsafePointer(strdup("claimsh")!)
  /// Quotes are not word breaks, so a value completes inside its string.
  nonisolated(unsafe) static let wordBreaks = strdup(" \t\n(),=<>!;")

  /// libedit's completion hook: candidates for the word before the cursor, as a malloc'd,
  /// NULL-terminated array whose first entry replaces the word.
  static func complete(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    claimsh_editline_completion_settings(0)
    guard let completer, let buffer = claimsh_editline_buffer() else { return nil }
    let line = String(cString: buffer)
    // libedit edits wide characters: its cursor and `start` count characters, our offsets bytes
    func bytes(_ characters: Int) -> Int { String(String.UnicodeScalarView(line.unicodeScalars.prefix(characters))).utf8.count }
    let cursor = bytes(Int(claimsh_editline_point()))
    let result = completer(line, cursor)
    guard !result.candidates.isEmpty else { return nil }
    claimsh_editline_completion_settings(result.appendSpace ? 32 : 0)
    // libedit replaces from `start`, which may be past our word's start (it drops an opening quote)
    let skip = max(0, bytes(Int(start)) - result.start)
    let candidates = result.candidates.map { String(decoding: Array($0.utf8).dropFirst(skip), as: UTF8.self) }
    let prefix = Completer.commonPrefix(candidates)
    let entries = candidates.count == 1 ? [prefix] : [prefix] + candidates
    // libedit frees the array and its strings with free(): allocate them with malloc. It also
    // reads matches[2] to tell a single match, so the array ends in two NULLs.
    let raw = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 2))!
    let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 2)
    for (i, entry) in entries.enumerated() { array[i] = strdup(entry) }
    array[entries.count] = nil
    array[entries.count + 1] = nil
    return array
  }
}

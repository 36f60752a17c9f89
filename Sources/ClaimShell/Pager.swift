import Foundation
import Glibc

/// Shows output longer than the screen through a pager, on a terminal: `$CLAIMSH_PAGER`, else
/// `$PAGER`, else `less -FRX` (an empty setting turns paging off), run by `/bin/sh` in the
/// shell's own process group so that it reads the keyboard. Shorter output, or a pager that
/// cannot start, goes straight to the screen.
struct Pager {
  /// The command line, for `/bin/sh -c`.
  let command: String

  /// The pager the environment names, or nil when it turns paging off.
  static func fromEnvironment(_ environment: [String: String]) -> Pager? {
    let command = environment["CLAIMSH_PAGER"] ?? environment["PAGER"] ?? "less -FRX"
    return command.trimmingCharacters(in: .whitespaces).isEmpty ? nil : Pager(command: command)
  }

  /// Writes `text`: through the pager when it has more lines than `rows` (the screen's height
  /// less the prompt's line), else with `screen`.
  func show(_ text: String, rows: Int, screen: (String) -> Void) {
    guard !text.isEmpty else { return }
    let lines = text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
    guard lines >= rows, run(text) else { return screen(text) }
  }

  /// Runs the pager with `text` on its standard input and waits for it; false when it could not
  /// start.
  func run(_ text: String) -> Bool {
    var pipe: [Int32] = [0, 0]
    guard Glibc.pipe(&pipe) == 0 else { return false }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipe[0], 0)
    posix_spawn_file_actions_addclose(&actions, pipe[0])
    posix_spawn_file_actions_addclose(&actions, pipe[1])
    let arguments: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { (s: String) in strdup(s) }
    defer { arguments.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, arguments + [nil], environ)
    close(pipe[0])
    guard spawned == 0 else {
      close(pipe[1])
      return false
    }
    // a pager quit before the end closes the pipe: that ends the writing, not claimsh
    let previous = signal(SIGPIPE, SIG_IGN)
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let n = bytes[written...].withUnsafeBytes { write(pipe[1], $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      written += n
    }
    close(pipe[1])
    signal(SIGPIPE, previous)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return true
  }
}

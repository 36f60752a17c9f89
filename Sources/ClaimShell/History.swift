import Foundation

/// The history file: `$XDG_STATE_HOME/claimsh/history` (default `~/.local/state/claimsh/history`),
/// one entry per line. Each entry is appended as it is entered, with one `write` to a file
/// opened for appending, so a crash loses nothing and two shells at once both keep every line.
struct History {
  /// The file's path.
  let path: String
  /// Whether a failure to write was already reported (one warning, not one per line).
  private(set) var warned = false

  /// The history file for `environment`.
  static func defaultPath(_ environment: [String: String]) -> String {
    if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/claimsh/history" }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.local/state/claimsh/history"
  }

  /// The entries saved so far, oldest first (empty when there is no file yet).
  func load() -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  /// Appends `entry` (newlines folded to spaces); returns a warning the first time it fails.
  mutating func append(_ entry: String) -> String? {
    let line = entry.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
    let directory = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
    var ok = fd >= 0
    if ok {
      let bytes = Array(line.utf8)
      ok = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
      close(fd)
    }
    guard !ok, !warned else { return nil }
    warned = true
    return "warning: cannot write the history file \(path): \(String(cString: strerror(errno))); history is kept for this session only"
  }
}

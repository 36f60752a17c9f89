import ClaimCorpus
import Foundation

/// Paths the user types: `~` expanded, and files read only when they are regular files.
enum Paths {
  /// `path` with a leading `~` or `~/` made the home folder (`~user` is left as it is).
  ///
  ///     Paths.expandingTilde("~/corpus.claimsh")   // "/root/corpus.claimsh"
  static func expandingTilde(_ path: String, home: String? = ProcessInfo.processInfo.environment["HOME"]) -> String {
    guard path == "~" || path.hasPrefix("~/") else { return path }
    let base = home.flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return base + path.dropFirst()
  }

  /// Whether anything is at `path`.
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  /// The text of the regular file at `path` (a FIFO is not waited on), or why it cannot be read.
  static func readText(_ path: String) -> Result<String, RegularFile.Problem> {
    RegularFile.contents(path).map { String(decoding: $0, as: UTF8.self) }
  }
}

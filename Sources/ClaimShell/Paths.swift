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

  /// The bytes of the regular file at `path`, or nil (a FIFO is not waited on).
  static func regularFileContents(_ path: String) -> Data? {
    (try? RegularFile.contents(path).get()).map { Data($0) }
  }

  /// Why `path` cannot be read as a file.
  static func whyUnreadable(_ path: String) -> String {
    switch RegularFile.contents(path) {
    case .success: return "unreadable"
    case .failure(let problem): return problem.message
    }
  }
}

import ClaimCorpus
import Foundation

/// Paths and loaders shared by the test targets.
public enum Fixtures {
  /// The package's root folder, found from this file's path.
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `seeds/` in the package.
  public static var seeds: String { root.appendingPathComponent("seeds").path }

  /// The seeds loaded with the default lexicon.
  public static func seedCorpus() -> Corpus {
    CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon).load(paths: [seeds])
  }

  /// A fresh empty folder under the system's temporary folder.
  public static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("claimsh-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

extension Fixtures {
  /// The built `claimsh` beside the test bundle (`swift test` builds it), or `$CLAIMSH_BIN`.
  public static var binary: String {
    if let path = ProcessInfo.processInfo.environment["CLAIMSH_BIN"] { return path }
    let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [dir, dir.deletingLastPathComponent()] {
      let path = candidate.appendingPathComponent("claimsh").path
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return root.appendingPathComponent(".build/debug/claimsh").path
  }

  /// Runs the built `claimsh` with `arguments` in the package's root folder.
  public static func claimsh(_ arguments: [String], input: String? = nil, environment: [String: String]? = nil) throws -> ProcessResult {
    FileManager.default.changeCurrentDirectoryPath(root.path)
    return try Run.process(binary, arguments, input: input, environment: environment)
  }
}

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

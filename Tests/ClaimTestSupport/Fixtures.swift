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
    _ = FileManager.default.changeCurrentDirectoryPath(root.path)
    return try Run.process(binary, arguments, input: input, environment: environment)
  }
}

extension Fixtures {
  /// A small lexicon for hand-made claims.
  public static let smallLexicon = Lexicon.parse(
    """
    person: Zelensky = Zelenskyy, Volodymyr Zelensky
    person: Trump = Donald Trump
    person: Putin
    outlet: Wall Street Journal = WSJ, the Journal
    topic: Tomahawk = Tomahawks
    topic: sanctions
    """, path: "small.lex"
  ).0

  /// Six hand-made claims over two documents, covering lists, nulls, dates and aliases.
  public static func smallCorpus() -> Corpus {
    let d1 = Day(parsing: "2025-10-17")
    let d2 = Day(parsing: "2025-10-20")
    let claims = [
      Claim(
        id: 0, doc: "a.txt", source: "Axios", date: d1, text: "Zelensky asked for Tomahawks.", actors: ["Zelensky", "Trump"],
        speaker: "Zelensky", cited: ["Axios"], topics: ["Tomahawk"], kind: "reported", hedge: "reported", cue: "asked"),
      Claim(
        id: 1, doc: "a.txt", source: "Axios", date: d1, text: "Trump reportedly refused.", actors: ["Trump"],
        cited: [], topics: ["Tomahawk"], kind: "statement", hedge: "hedged", cue: "reportedly"),
      Claim(
        id: 2, doc: "a.txt", source: "Axios", date: d1, text: "“We need missiles,” he said.", actors: ["Zelensky"],
        speaker: "Zelensky", cited: ["Zelensky"], topics: [], kind: "quote", hedge: "reported", cue: "said", quote: "We need missiles"),
      Claim(
        id: 3, doc: "b.txt", source: "Wall Street Journal", date: d2, text: "Sanctions hurt Russia.", actors: ["Putin"],
        topics: ["sanctions"], kind: "statement", hedge: "asserted"),
      Claim(
        id: 4, doc: "b.txt", source: "Wall Street Journal", date: d2, text: "The Kremlin denied the report.", actors: [],
        cited: ["the Kremlin"], topics: ["sanctions", "Tomahawk"], kind: "reported", hedge: "denied", cue: "denied"),
      Claim(
        id: 5, doc: "b.txt", source: "Wall Street Journal", date: nil, text: "Sanctions should bite.", actors: ["Putin", "Trump"],
        topics: ["sanctions"], kind: "analysis", hedge: "opinion", cue: "should"),
    ]
    let docs = [
      Document(id: "a.txt", path: "a.txt", source: "Axios", date: d1, text: ""),
      Document(id: "b.txt", path: "b.txt", source: "Wall Street Journal", date: d2, text: ""),
    ]
    return Corpus(documents: docs, claims: claims, lexicon: smallLexicon)
  }
}

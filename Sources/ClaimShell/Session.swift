import ClaimQuery

/// A loaded corpus and the settings statements run with.
struct Session {
  var corpus: Corpus
  var mode: String

  /// Runs each non-empty line of `script`; reports failures with their line.
  mutating func runScript(_ script: String, name: String) -> ExitStatus {
    var status = ExitStatus.success
    for (n, line) in script.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let statement = line.trimmingCharacters(in: .whitespaces)
      if statement.isEmpty || statement.hasPrefix("--") { continue }
      if !execute(statement, location: "line \(n + 1) of \(name)") { status = .failure }
    }
    return status
  }

  /// Runs one statement; false when it failed.
  mutating func execute(_ statement: String, location: String? = nil) -> Bool {
    let word = statement.trimmingCharacters(in: .whitespaces).lowercased()
    switch word {
    case "claims":
      for claim in corpus.claims {
        print(mode == "jsonl" ? claim.json : "\(claim.id)\t\(claim.source)\t\(claim.hedge)\t\(claim.text)")
      }
      return true
    case "docs":
      let counts = Dictionary(grouping: corpus.claims, by: \.doc).mapValues(\.count)
      for doc in corpus.documents {
        print(mode == "jsonl" ? doc.json(claimCount: counts[doc.id] ?? 0) : "\(doc.id)\t\(doc.source)\t\(doc.title ?? "")")
      }
      return true
    default:
      Terminal.error("error\(location.map { " at \($0)" } ?? ""): unknown statement '\(statement)'; expected 'claims' or 'docs'")
      return false
    }
  }
}

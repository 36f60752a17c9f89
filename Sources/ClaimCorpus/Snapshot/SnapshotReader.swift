/// Reads a snapshot that `.save` wrote (`.claimsh`, or any file that opens with the snapshot's
/// magic bytes): its documents and their claims, with evidence, and nothing to extract. A
/// broken snapshot is reported with what is wrong and at which byte, and gives nothing.
enum SnapshotReader: CorpusReader {
  static let extensions: Set<String> = ["claimsh"]

  static func read(_ input: CorpusLoader.Input, into out: inout CorpusLoader.Output, maxRecord: Int) -> Bool {
    switch CorpusSnapshot.read(input.path) {
    case .success(let snapshot):
      out.documents = snapshot.documents
      out.columns = ClaimColumnsBuilder(columns: snapshot.columns)
      out.claims = snapshot.claims
      out.extracted = true
    case .failure(let failure):
      out.warnings.append(
        LoadWarning(path: input.path, message: "skipped: a broken snapshot (\(failure.message), at byte \(failure.offset))"))
    }
    return true
  }
}

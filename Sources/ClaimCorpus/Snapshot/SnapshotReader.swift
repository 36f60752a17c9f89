/// Reads a snapshot that `.save` wrote (`.claimsh`, or any file that opens with the snapshot's
/// magic bytes): its documents and their claims, with evidence, and nothing to extract. A
/// broken snapshot is reported with what is wrong and at which byte, one that another version
/// of claimsh wrote (another format or other fields) as such; either gives nothing.
enum SnapshotReader: CorpusReader {
  static let extensions: Set<String> = ["claimsh"]

  static func read(_ input: CorpusLoader.Input, into out: inout CorpusLoader.Output, maxRecord: Int) -> Bool {
    switch CorpusSnapshot.read(input.path) {
    case .success(let snapshot):
      out.documents = snapshot.documents
      out.columns = ClaimColumnsBuilder(columns: snapshot.columns)
      out.claims = snapshot.claims
      out.extracted = true
    case .failure(let failure) where failure.madeByAnotherVersion:
      out.warnings.append(
        LoadWarning(
          path: input.path,
          message: "skipped: a snapshot made by another version of claimsh (\(failure.message)); load its articles and .save it again"))
    case .failure(let failure):
      out.warnings.append(
        LoadWarning(path: input.path, message: "skipped: a broken snapshot (\(failure.message), at byte \(failure.offset))"))
    }
    return true
  }
}

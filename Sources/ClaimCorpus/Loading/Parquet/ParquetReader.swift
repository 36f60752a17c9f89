import Glibc

/// Reads a Parquet file of claims (claimsh's `.export`, or what DuckDB, Spark or pyarrow write
/// with the same columns) or of documents (`id`, `title`, `source`, `date`, `text`): columns
/// are known by the names a JSON Lines record's members have (`ClaimSchema`), list fields may be
/// lists or single strings, dates DATE or text. Row groups are decoded on every core. A file
/// that cannot be read is reported with what is wrong and where; the rest of the corpus loads.
enum ParquetReader: CorpusReader {
  static let extensions: Set<String> = ["parquet"]

  /// Reads `input.path` into `out`; false when the file cannot be opened. Texts are not held to
  /// `maxRecord`: a column is read a row group at a time, never a whole file's text at once.
  static func read(_ input: CorpusLoader.Input, into out: inout CorpusLoader.Output, maxRecord _: Int) -> Bool {
    guard case .success(let fd) = RegularFile.open(input.path) else { return false }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return false }
    let size = Int(info.st_size)
    guard size > 0 else {
      out.warnings.append(LoadWarning(path: input.path, message: "skipped: empty"))
      return true
    }
    guard let image = FileImage(descriptor: fd, size: size) else { return false }
    do throws(ParquetFailure) {
      try readEnds(image)
      let metadata = try ParquetMetadata.read(image.bytes)
      let names = Set(metadata.leaves.map { $0.path[0] })
      if ClaimRecord.isClaim(keys: names) {
        try readClaims(image, metadata, input, into: &out)
      } else {
        try readDocuments(image, metadata, input, into: &out)
      }
    } catch {
      out.warnings.append(
        LoadWarning(path: input.path, message: "skipped: not a readable Parquet file (\(error.message), at byte \(error.offset))"))
      out.documents = []
      out.columns = nil
    }
    return true
  }

  /// Reads the ends of the file into `image`: the magic number, and the footer with its length.
  static func readEnds(_ image: FileImage) throws(ParquetFailure) {
    let size = image.bytes.count
    try read(image, 0..<min(size, 4))
    try read(image, max(0, size - 8)..<size)
    guard size >= 12 else { return }
    let length = (0..<4).reduce(0) { $0 | Int(image.bytes[size - 8 + $1]) << (8 * $1) }
    if length <= size - 12 { try read(image, (size - 8 - length)..<(size - 8)) }
  }

  /// Reads `range` of the file into `image`, or says that the file is shorter than it was.
  static func read(_ image: FileImage, _ range: Range<Int>) throws(ParquetFailure) {
    guard image.read(range) else {
      throw ParquetFailure(
        message:
          "the file was cut short while it was read: bytes \(range.lowerBound) to \(range.upperBound) of its \(image.bytes.count) are gone",
        offset: range.lowerBound)
    }
  }

  /// The bytes of a row group's column chunks.
  static func span(_ group: ParquetMetadata.RowGroup) -> Range<Int> {
    guard let first = group.chunks.map(\.start).min(), let end = group.chunks.map({ $0.start + $0.size }).max() else { return 0..<0 }
    return first..<end
  }

  /// What a leaf column gives a claim: `ClaimLineParser.Member` by its top-level name.
  typealias Member = ClaimLineParser.Member

  static func readClaims(_ image: FileImage, _ metadata: ParquetMetadata, _ input: CorpusLoader.Input, into out: inout CorpusLoader.Output)
    throws(ParquetFailure)
  {
    // the leaves that are read, each with the member it fills
    var used: [(leaf: Int, member: Member)] = []
    for (k, leaf) in metadata.leaves.enumerated() {
      let member = leaf.path[0].utf8.withContiguousStorageIfAvailable { Member($0) } ?? .other
      guard member != .other else { continue }
      let readable = leaf.physical == .byteArray || (member == .date && leaf.physical == .int32 && leaf.isDate)
      guard readable else {
        out.warnings.append(
          LoadWarning(
            path: input.path,
            message: "column \(leaf.path.joined(separator: ".")) (\(leaf.physical)) is not read: claimsh reads text columns and DATE"))
        continue
      }
      if case .list = member {
      } else if leaf.maxRepetition > 0 {
        out.warnings.append(
          LoadWarning(
            path: input.path,
            message: "column \(leaf.path.joined(separator: ".")) is a list where claimsh has one value; its first value is read"))
      }
      used.append((k, member))
    }
    let groups = metadata.rowGroups
    nonisolated(unsafe) let bytes = image.bytes
    let leaves = metadata.leaves
    let columns = used
    var builder = ClaimColumnsBuilder()
    builder.reserveCapacity(rows: groups.reduce(0) { $0 + $1.rows })
    var failure: ParquetFailure? = nil
    parallelMap(Array(groups.indices)) { g -> Result<ClaimColumnsBuilder, ParquetFailure> in
      do throws(ParquetFailure) {
        // each row group's bytes read in, made into columns, and given back
        try read(image, span(groups[g]))
        defer { image.release(span(groups[g])) }
        return .success(ClaimColumnsBuilder(columns: try ParquetRowGroup.columns(bytes, groups[g], leaves, columns)))
      } catch {
        return .failure(error)
      }
    } inOrder: { result in
      switch result {
      case .success(let chunk): if failure == nil { builder.merge(chunk) }
      case .failure(let problem): failure = failure ?? problem
      }
    }
    if let failure { throw failure }
    if builder.count == 0 { out.warnings.append(LoadWarning(path: input.path, message: "skipped: no rows")) }
    out.documents += builder.documents(path: input.path)
    out.columns = builder
  }

  static func readDocuments(
    _ image: FileImage, _ metadata: ParquetMetadata, _ input: CorpusLoader.Input, into out: inout CorpusLoader.Output
  ) throws(ParquetFailure) {
    let used = metadata.leaves.indices.filter { k in
      let leaf = metadata.leaves[k]
      return DocumentSchema.allNames.contains(leaf.path[0]) && leaf.maxRepetition == 0
        && (leaf.physical == .byteArray || (leaf.physical == .int32 && leaf.isDate))
    }
    guard used.contains(where: { DocumentSchema.text.names.contains(metadata.leaves[$0].path[0]) }) else {
      out.warnings.append(LoadWarning(path: input.path, message: "skipped: neither claims nor documents (no text column)"))
      return
    }
    var row = 0
    let file = image.bytes
    for group in metadata.rowGroups {
      try read(image, span(group))
      defer { image.release(span(group)) }
      var walks: [ParquetRowGroup.LevelWalk] = []
      for k in used {
        walks.append(ParquetRowGroup.LevelWalk(try ParquetColumnChunk(file, group.chunks[k], metadata.leaves[k]), metadata.leaves[k]))
      }
      for _ in 0..<group.rows {
        row += 1
        var members: [String: String] = [:]
        for c in walks.indices {
          let (chunk, leaf) = (walks[c].chunk, walks[c].leaf)
          try walks[c].first { v in
            let text =
              leaf.physical == .int32
              ? Day(number: chunk.numbers[v]).description : chunk.withValue(v, file) { String(decoding: $0, as: UTF8.self) }
            members[leaf.path[0]] = text
          }
        }
        if let document = DocumentSchema.document(id: "\(input.id):\(row)", path: "\(input.path):\(row)", { members[$0] }) {
          out.documents.append(document)
        } else {
          out.warnings.append(LoadWarning(path: input.path, line: row, message: "no \"text\" value; skipped"))
        }
      }
    }
    if row == 0 { out.warnings.append(LoadWarning(path: input.path, message: "skipped: no rows")) }
  }
}

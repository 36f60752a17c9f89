import Glibc

/// Reads a plain-text article (`.txt`, `.text`, `.md`, or no extension): an optional
/// `key: value` header (`DocumentHeader`) over the folder's `metadata.tsv`, the rest the text;
/// with no title given, a short first line is the title. Text that is not UTF-8 is read as
/// Windows-1252 and said so; an empty or binary file is reported and skipped, and one over the
/// size limit is skipped before it is read. A snapshot (`.save`) under any of these names is
/// known by its first bytes and read as one.
enum TextReader: CorpusReader {
  static let extensions: Set<String> = ["txt", "text", "md", ""]

  static func read(_ input: CorpusLoader.Input, into out: inout CorpusLoader.Output, maxRecord: Int) -> Bool {
    var info = stat()
    if stat(input.path, &info) == 0, Int(info.st_size) > maxRecord {
      if CorpusSnapshot.isSnapshot(input.path) { return SnapshotReader.read(input, into: &out, maxRecord: maxRecord) }
      // told before reading: a huge file is never read into memory
      out.warnings.append(
        LoadWarning(path: input.path, message: "skipped: \(info.st_size) bytes is more than the \(maxRecord)-byte limit for one article"))
      return true
    }
    guard let data = CorpusLoader.contents(of: input.path) else { return false }
    if data.starts(with: CorpusSnapshot.signature) { return SnapshotReader.read(input, into: &out, maxRecord: maxRecord) }
    let text: String
    switch TextDecoding.decode(data) {
    case .utf8(let t): text = t
    case .windows1252(let t):
      text = t
      out.warnings.append(LoadWarning(path: input.path, message: "not UTF-8; decoded as Windows-1252"))
    case .binary:
      out.warnings.append(LoadWarning(path: input.path, message: "skipped: binary, not text"))
      return true
    case .empty:
      out.warnings.append(LoadWarning(path: input.path, message: "skipped: empty"))
      return true
    }
    let (header, body) = DocumentHeader.split(text)
    var values = input.metadata.filter { DocumentSchema.metadataNames.contains($0.key) }.merging(header) { _, headerValue in headerValue }
    values[DocumentSchema.text.name] = body
    guard var document = DocumentSchema.document(id: input.id, path: input.path, { values[$0] }) else { return true }
    document.title = document.title ?? firstLine(body)
    out.documents.append(document)
    return true
  }

  /// The first non-empty line, as a title, when it is short enough to be one.
  static func firstLine(_ text: String) -> String? {
    let bytes = text.utf8
    var start = bytes.startIndex
    while start < bytes.endIndex {
      let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
      if end > start, bytes.distance(from: start, to: end) <= 800 {
        let line = String(decoding: bytes[start..<end], as: UTF8.self).trimmingSpaces()
        if !line.isEmpty { return line.count <= 200 ? line : nil }
      } else if end > start {
        return nil
      }
      start = end < bytes.endIndex ? bytes.index(after: end) : end
    }
    return nil
  }
}

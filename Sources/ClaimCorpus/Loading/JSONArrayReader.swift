import Glibc

/// Reads a file that holds one JSON array of records, documents or claims (what a `.json`
/// export usually is), to the same effect as the same records as JSON Lines. The whole array
/// is parsed at once, so it has a size limit; an array that does not parse is reported with
/// the line and column where it breaks, and gives nothing.
enum JSONArrayReader {
  /// The largest array read; larger data belongs in JSON Lines, read a block at a time.
  static let maxBytes = 256 << 20

  /// Reads the array in the file at `input.path`; false when the file cannot be read.
  /// A record whose text is longer than `maxRecord` bytes, the limit for one article, is
  /// reported and skipped.
  static func read(input: CorpusLoader.Input, into out: inout CorpusLoader.Output, maxRecord: Int) -> Bool {
    var info = stat()
    if stat(input.path, &info) == 0, Int(info.st_size) > maxBytes {
      out.warnings.append(
        LoadWarning(
          path: input.path,
          message: "skipped: a JSON array of \(info.st_size) bytes is over the \(maxBytes)-byte limit; write it as JSON Lines"))
      return true
    }
    guard let bytes = CorpusLoader.contents(of: input.path) else { return false }
    let items: [JSONValue]
    do {
      guard case .array(let array) = try JSONParser.parse(bytes[...]) else { return true }
      items = array
    } catch {
      let (line, column) = location(of: error.offset, in: bytes)
      out.warnings.append(LoadWarning(path: input.path, line: line, message: "malformed JSON: \(error.message) at column \(column)"))
      return true
    }
    let isClaims = items.first { if case .object = $0 { true } else { false } }.map(ClaimRecord.isClaim) ?? false
    var builder = ClaimColumnsBuilder()
    for (k, item) in items.enumerated() {
      guard case .object = item else {
        out.warnings.append(LoadWarning(path: input.path, message: "record \(k + 1): expected a JSON object"))
        continue
      }
      if let text = item["text"]?.text, text.utf8.count > maxRecord {
        out.warnings.append(
          LoadWarning(
            path: input.path,
            message: "record \(k + 1): skipped: a text of \(text.utf8.count) bytes is more than the \(maxRecord)-byte limit for one article"
          ))
        continue
      }
      if isClaims, let claim = ClaimRecord.claim(item) {
        builder.append(claim)
      } else if let doc = DocumentSchema.document(id: "\(input.id):\(k + 1)", path: "\(input.path):\(k + 1)", { item[$0]?.text }) {
        out.documents.append(doc)
      } else {
        out.warnings.append(LoadWarning(path: input.path, message: "record \(k + 1): no \"text\" field; skipped"))
      }
    }
    if items.isEmpty { out.warnings.append(LoadWarning(path: input.path, message: "skipped: an empty JSON array")) }
    if isClaims {
      out.documents += builder.documents(path: input.path)
      out.columns = builder
    }
    return true
  }

  /// The 1-based line and column (in bytes) of `offset`.
  static func location(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    let before = bytes[..<min(offset, bytes.count)]
    let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
    return (before.count { $0 == 0x0A } + 1, offset - lineStart + 1)
  }
}

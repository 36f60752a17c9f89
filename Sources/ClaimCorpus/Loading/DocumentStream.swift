/// Documents read from a stream (standard input, for `claimsh --corpus -`) as JSON Lines
/// records, a window at a time, so that a stream of any length is read in bounded memory. A
/// record's `id` is its id, else `stdin:LINE`; a line that is not a document is reported
/// with its line number and skipped.
public final class DocumentStream {
  private let bytes: ByteStream
  private let name: String
  private var lineNumber = 0

  /// Reads descriptor `fd`, called `name` in warnings; nil when it cannot be read.
  public init?(descriptor fd: Int32, name: String) {
    guard let bytes = ByteStream(descriptor: fd) else { return nil }
    self.bytes = bytes
    self.name = name
  }

  /// The next documents, at most `count` (none at the end of the stream), and a warning for
  /// each line that is not one; a line over `maxRecord` bytes is skipped.
  public func next(_ count: Int, maxRecord: Int) -> (documents: [Document], warnings: [LoadWarning]) {
    var documents: [Document] = []
    var warnings: [LoadWarning] = []
    while documents.count < count, let line = bytes.line(limit: maxRecord + 1) {
      lineNumber += 1
      let here = "\(name):\(lineNumber)"
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      guard line.count <= maxRecord else {
        warnings.append(LoadWarning(path: here, message: "skipped: a record over the \(maxRecord)-byte limit"))
        // the rest of that line
        while let rest = bytes.line(limit: maxRecord + 1), rest.count > maxRecord {}
        continue
      }
      let read = JSONLinesReader.document(line[...], path: here)
      guard case .success(var document) = read else {
        if case .failure(let problem) = read { warnings.append(LoadWarning(path: here, message: problem.message)) }
        continue
      }
      if document.id.isEmpty { document.id = here }
      if document.source.isEmpty { document.source = document.id }
      documents.append(document)
    }
    return (documents, warnings)
  }
}

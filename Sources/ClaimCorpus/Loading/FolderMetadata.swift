/// A folder's `metadata.tsv`: per-file title, source and date, for articles without a header.
///
///     file	title	source	date
///     000_da5c6891e5e95d21.txt	Trump refuses Tomahawks	000_da5c6891e5e95d21	2025-10-18
///
/// The first row names the columns (`file` first; then any of title, source, date, url,
/// author); empty cells say nothing; lines starting with `#` are comments.
enum FolderMetadata {
  /// The file name of the sidecar.
  static let fileName = "metadata.tsv"

  static func parse(_ text: String, path: String) -> ([String: [String: String]], [LoadWarning]) {
    var rows: [String: [String: String]] = [:]
    var warnings: [LoadWarning] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("#") ? "" : $0 }
    let headerIndex = lines.firstIndex { !$0.trimmingSpaces().isEmpty } ?? 0
    guard lines.indices.contains(headerIndex),
      case let header = lines[headerIndex].split(separator: "\t", omittingEmptySubsequences: false).map({ $0.trimmingSpaces().lowercased() }
      ),
      header.first == "file"
    else {
      return ([:], [LoadWarning(path: path, line: headerIndex + 1, message: "expected a header row starting with 'file'")])
    }
    for (n, line) in lines.enumerated().dropFirst(headerIndex + 1) where !line.trimmingSpaces().isEmpty {
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
      guard cells.count <= header.count else {
        warnings.append(LoadWarning(path: path, line: n + 1, message: "\(cells.count) cells, but the header has \(header.count)"))
        continue
      }
      var fields: [String: String] = [:]
      for (k, cell) in zip(header, cells).dropFirst() where !cell.isEmpty { fields[k] = cell }
      rows[cells[0]] = fields
    }
    return (rows, warnings)
  }
}

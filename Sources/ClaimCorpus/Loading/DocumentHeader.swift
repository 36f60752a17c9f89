/// The optional `key: value` header of a plain-text article, ended by a blank line.
///
///     title: Trump and Zelensky meet
///     source: Axios
///     date: 2025-10-17
///
///     The article's text…
struct DocumentHeader {
  /// The known keys: the document's metadata fields and their aliases (`DocumentSchema`).
  static let keys = DocumentSchema.metadataNames

  /// The header's fields (lowercased keys) and the text after it; no fields when the text has no header.
  static func split(_ text: String) -> (fields: [String: String], body: String) {
    let bytes = text.utf8
    var fields: [String: String] = [:]
    var index = bytes.startIndex
    while index < bytes.endIndex, fields.count <= 20 {
      let lineEnd = bytes[index...].firstIndex(of: 0x0A) ?? bytes.endIndex
      let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
      let line = String(decoding: bytes[index..<lineEnd], as: UTF8.self)
      if line.trimmingSpaces().isEmpty {
        if fields.isEmpty { return ([:], text) }
        return (fields, String(decoding: bytes[next...], as: UTF8.self))
      }
      guard bytes.distance(from: index, to: lineEnd) < 2000, let colon = line.firstIndex(of: ":") else { return ([:], text) }
      let key = line[..<colon].trimmingSpaces().lowercased()
      guard keys.contains(key) else { return ([:], text) }
      fields[key] = line[line.index(after: colon)...].trimmingSpaces()
      index = next
    }
    if fields.isEmpty || index < bytes.endIndex { return ([:], text) }
    return (fields, "")
  }
}

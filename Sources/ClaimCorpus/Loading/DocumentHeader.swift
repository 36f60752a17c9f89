/// The optional `key: value` header of a plain-text article, ended by a blank line.
///
///     title: Trump and Zelensky meet
///     source: Axios
///     date: 2025-10-17
///
///     The article's text…
struct DocumentHeader {
  /// The known keys.
  static let keys: Set<String> = ["title", "source", "url", "author", "date", "outlet", "published"]

  /// The header's fields (lowercased keys) and the text after it; no fields when the text has no header.
  static func split(_ text: String) -> (fields: [String: String], body: String) {
    var fields: [String: String] = [:]
    var consumed = text.startIndex
    var lines = 0
    var index = text.startIndex
    while index < text.endIndex {
      let lineEnd = text[index...].firstIndex(of: "\n") ?? text.endIndex
      let line = text[index..<lineEnd]
      let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
      if line.trimmingSpaces().isEmpty {
        if fields.isEmpty { return ([:], text) }
        consumed = next
        break
      }
      guard let colon = line.firstIndex(of: ":") else { return ([:], text) }
      let key = line[..<colon].trimmingSpaces().lowercased()
      guard keys.contains(key) else { return ([:], text) }
      fields[key] = line[line.index(after: colon)...].trimmingSpaces()
      lines += 1
      index = next
      consumed = next
      if lines > 20 { return ([:], text) }
    }
    if fields.isEmpty { return ([:], text) }
    return (fields, String(text[consumed...]))
  }
}

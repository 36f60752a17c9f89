/// Tells claims-file records from document records, and reads documents from JSON Lines
/// records (claims themselves are read by `JSONParser.parseClaim`).
enum ClaimRecord {
  /// Whether a record looks like a claim rather than a document.
  static func isClaim(_ record: JSONValue) -> Bool {
    record["hedge"] != nil || record["actors"] != nil || record["actor"] != nil || record["speaker"] != nil
  }

  static func document(_ r: JSONValue, fallbackID: String, path: String) -> Document? {
    guard let text = r["text"]?.text ?? r["body"]?.text ?? r["content"]?.text else { return nil }
    let id = r["id"]?.text ?? fallbackID
    return Document(
      id: id, path: path, title: r["title"]?.text ?? r["headline"]?.text, source: r["source"]?.text ?? r["outlet"]?.text,
      date: (r["date"]?.text ?? r["published"]?.text).flatMap { Day(parsing: $0) }, author: r["author"]?.text,
      url: r["url"]?.text, text: text)
  }
}

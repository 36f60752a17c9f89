/// Tells claims-file records from document records, and reads both from parsed JSON (the
/// claims of a JSON Lines file are read faster, straight from its bytes, by `ClaimLineParser`,
/// to the same effect).
enum ClaimRecord {
  /// Whether a record looks like a claim rather than a document.
  static func isClaim(_ record: JSONValue) -> Bool {
    record["hedge"] != nil || record["actors"] != nil || record["actor"] != nil || record["speaker"] != nil
  }

  /// The claim a parsed record means: strings and numbers are text, the last of a repeated
  /// member counts (`actor` and `actors` are one member), lists keep their strings and numbers
  /// once each; a missing doc is "", a missing source the doc, a missing kind "statement" and
  /// hedge "asserted".
  static func claim(_ record: JSONValue) -> Claim? {
    guard case .object(let members) = record else { return nil }
    var fields: [String: JSONValue] = [:]
    for (key, value) in members { fields[["actor": "actors", "topic": "topics"][key] ?? key] = value }
    func list(_ key: String) -> [String] {
      var seen: [String] = []
      for s in fields[key]?.strings ?? [] where !seen.contains(s) { seen.append(s) }
      return seen
    }
    let doc = fields["doc"]?.text
    return Claim(
      id: 0, doc: doc ?? "", source: fields["source"]?.text ?? doc ?? "", date: fields["date"]?.text.flatMap { Day(parsing: $0) },
      text: fields["text"]?.text ?? "", actors: list("actors"), speaker: fields["speaker"]?.text, cited: list("cited"),
      topics: list("topics"), kind: fields["kind"]?.text ?? ClaimKind.statement.rawValue, hedge: fields["hedge"]?.text ?? Hedge.asserted.rawValue,
      cue: fields["cue"]?.text, quote: fields["quote"]?.text)
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

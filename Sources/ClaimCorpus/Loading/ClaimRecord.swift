/// Reads a claim from a JSON Lines record of a claims file (claimsh's own export, or the
/// benchmark's: `actor`/`actors`, `topic`/`topics`, `cited` as a list or a string).
enum ClaimRecord {
  /// Whether a record looks like a claim rather than a document.
  static func isClaim(_ record: JSONValue) -> Bool {
    record["hedge"] != nil || record["actors"] != nil || record["actor"] != nil || record["speaker"] != nil
  }

  static func claim(_ r: JSONValue, id: Int) -> Claim {
    let doc = r["doc"]?.text ?? ""
    return Claim(
      id: id, doc: doc, source: r["source"]?.text ?? doc, date: r["date"]?.text.flatMap { Day(parsing: $0) },
      text: r["text"]?.text ?? "", actors: (r["actor"] ?? r["actors"])?.strings ?? [],
      speaker: r["speaker"]?.text, cited: r["cited"]?.strings ?? [], topics: (r["topic"] ?? r["topics"])?.strings ?? [],
      kind: r["kind"]?.text ?? ClaimKind.statement.rawValue, hedge: r["hedge"]?.text ?? Hedge.asserted.rawValue,
      cue: r["cue"]?.text, quote: r["quote"]?.text)
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

extension Claim {
  /// The claim as one JSON object with every DESIGN.md field, in this order:
  /// `id, doc, source, date, text, actor, speaker, cited, topic, kind, hedge, cue, quote`.
  public var json: String {
    JSONWriter.object([
      ("id", String(id)), ("doc", JSONWriter.quoted(doc)), ("source", JSONWriter.quoted(source)),
      ("date", JSONWriter.optional(date?.description)), ("text", JSONWriter.quoted(text)),
      ("actor", JSONWriter.array(actors)), ("speaker", JSONWriter.optional(speaker)),
      ("cited", JSONWriter.array(cited)), ("topic", JSONWriter.array(topics)), ("kind", JSONWriter.quoted(kind)),
      ("hedge", JSONWriter.quoted(hedge)), ("cue", JSONWriter.optional(cue)), ("quote", JSONWriter.optional(quote)),
    ])
  }
}

extension Document {
  /// The document as one JSON object: `id, path, title, source, date, sentences, debris, claims`.
  public func json(claimCount: Int) -> String {
    JSONWriter.object([
      ("id", JSONWriter.quoted(id)), ("path", JSONWriter.quoted(path)), ("title", JSONWriter.optional(title)),
      ("source", JSONWriter.quoted(source)), ("date", JSONWriter.optional(date?.description)),
      ("sentences", String(sentences.count)), ("debris", String(debris.count)), ("claims", String(claimCount)),
    ])
  }
}

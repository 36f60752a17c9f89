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

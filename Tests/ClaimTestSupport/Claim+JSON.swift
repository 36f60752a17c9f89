import ClaimCorpus

extension Claim {
  /// The claim as one JSON object with every field of `ClaimSchema`, in its order (what the
  /// tests write as a claims file and compare after a reload):
  /// `id, doc, source, date, text, actor, speaker, cited, topic, kind, hedge, cue, quote`.
  public var json: String {
    JSONWriter.object(
      ClaimSchema.fields.map { spec in
        switch spec.storage {
        case .id: return (spec.name, String(id))
        case .date: return (spec.name, JSONWriter.optional(date?.description))
        case .text: return (spec.name, JSONWriter.quoted(text))
        case .string: return (spec.name, JSONWriter.optional(spec.string(self)))
        case .list: return (spec.name, JSONWriter.array(spec.list(self)))
        }
      })
  }
}

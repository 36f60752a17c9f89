/// The fields of `claims`, in DESIGN.md's order, with their types and matching rules.
enum ClaimField: String, CaseIterable, Sendable {
  case id, doc, source, date, text, actor, speaker, cited, topic, kind, hedge, cue, quote

  /// The field as a result column.
  var column: Column {
    switch self {
    case .id: return Column("id", .int)
    case .date: return Column("date", .date)
    case .actor, .cited, .topic: return Column(rawValue, .list, matching: .name)
    case .source, .speaker: return Column(rawValue, .string, matching: .name)
    case .doc: return Column("doc", .string)
    case .text, .kind, .hedge, .cue, .quote: return Column(rawValue, .string, matching: .caseless)
    }
  }

  /// Whether the field holds a list (any-of matching; one group per value).
  var isList: Bool { self == .actor || self == .cited || self == .topic }

  /// The field named `name`, case-insensitively.
  init?(named name: String) { self.init(rawValue: name.lowercased()) }
}

/// Tells claims-file records from document records, and reads claims from parsed JSON (the
/// claims of a JSON Lines file are read faster, straight from its bytes, by `ClaimLineParser`,
/// to the same effect; documents are read by `DocumentSchema`).
enum ClaimRecord {
  /// Whether a record looks like a claim rather than a document.
  static func isClaim(_ record: JSONValue) -> Bool {
    guard case .object(let members) = record else { return false }
    return isClaim(keys: Set(members.map(\.0)))
  }

  /// Whether a record with these member names (or a table with these columns) holds claims.
  static func isClaim(keys: Set<String>) -> Bool {
    !keys.isDisjoint(with: ["hedge", "actors", "actor", "speaker"])
  }

  /// The claim a parsed record means: strings and numbers are text, the last of a repeated
  /// member counts (`actor` and `actors` are one member), lists keep their strings and numbers
  /// once each; a missing doc is "", a missing source the doc, a missing kind "statement" and
  /// hedge "asserted".
  static func claim(_ record: JSONValue) -> Claim? {
    guard case .object(let members) = record else { return nil }
    var canonical: [String: String] = [:]
    for spec in ClaimSchema.fields { for name in [spec.name] + spec.aliases { canonical[name] = spec.name } }
    var fields: [String: JSONValue] = [:]
    for (key, value) in members { fields[canonical[key] ?? key] = value }
    var claim = Claim(
      id: 0, doc: "", source: "", date: fields["date"]?.text.flatMap { Day(parsing: $0) }, text: fields["text"]?.text ?? "",
      kind: ClaimKind.statement.rawValue, hedge: Hedge.asserted.rawValue)
    for spec in ClaimSchema.fields {
      switch spec.storage {
      case .string:
        var value = fields[spec.name]?.text
        if value == nil, case .field(let other) = spec.missing { value = fields[other.rawValue]?.text }
        if value == nil, case .value(let v) = spec.missing { value = v }
        if value == nil, case .field(let other) = spec.missing,
          case .value(let v) = ClaimSchema.fields[ClaimSchema.index(of: other)].missing
        {
          value = v
        }
        spec.set(&claim, string: value)
      case .list:
        var seen: [String] = []
        for s in fields[spec.name]?.strings ?? [] where !seen.contains(s) { seen.append(s) }
        spec.set(&claim, list: seen)
      case .id, .date, .text:
        continue
      }
    }
    return claim
  }
}

/// The claim fields as code names them: each entry of `ClaimSchema.fields` is one of these, so
/// code that treats a field on its own names it here, and a renamed field is a compile error
/// rather than a crash at first use.
public enum ClaimFieldName: String, CaseIterable, Sendable {
  case id, doc, source, date, text, actor, speaker, cited, topic, kind, hedge, cue, quote
}

/// One claim field, as the whole program sees it: its name, how it is stored, how `=` matches
/// it, whether extraction keeps evidence for it, what a claims file that lacks it gives, and
/// how to read and write it on a `Claim`.
public struct ClaimFieldSpec: Sendable {
  /// How a field is stored and typed.
  public enum Storage: Sendable, Equatable {
    /// The claim's id (an integer).
    case id
    /// The document's date.
    case date
    /// The claim's sentence: text that rarely repeats, not dictionary-encoded.
    case text
    /// A string that repeats, dictionary-encoded; null allowed.
    case string
    /// A list of strings (any-of matching, one group per value).
    case list
  }

  /// How `=` compares a literal with the field's values.
  public enum Equality: Sendable, Equatable {
    /// Exactly.
    case exact
    /// Case-insensitively and through the lexicon's aliases.
    case name
    /// Case-insensitively.
    case caseless
  }

  /// What a claims-file record without the field holds (string fields).
  public enum Missing: Sendable, Equatable {
    /// Null.
    case null
    /// This value.
    case value(String)
    /// The value of another field of the record (a missing `source` is the `doc`).
    case field(ClaimFieldName)
  }

  /// Reads and writes a field on a `Claim`.
  public enum Access: Sendable {
    /// `id`, `date` and `text`: the claim's own typed properties.
    case typed
    /// A string field (nil: null).
    case string(get: @Sendable (Claim) -> String?, set: @Sendable (inout Claim, String?) -> Void)
    /// A list field.
    case list(get: @Sendable (Claim) -> [String], set: @Sendable (inout Claim, [String]) -> Void)
  }

  /// The field, as code names it.
  public let key: ClaimFieldName
  /// The name, as queries, JSON and Parquet spell it.
  public var name: String { key.rawValue }
  /// Other names a claims-file record may use for it (`actors` for `actor`).
  public let aliases: [String]
  /// How it is stored.
  public let storage: Storage
  /// How `=` matches it.
  public let equality: Equality
  /// Whether extraction records evidence for its values.
  public let hasEvidence: Bool
  /// What a record without it holds.
  public let missing: Missing
  /// How it is read from and written to a `Claim`.
  public let access: Access

  init(
    _ key: ClaimFieldName, aliases: [String] = [], _ storage: Storage, _ equality: Equality = .exact, evidence: Bool = false,
    missing: Missing = .null,
    _ access: Access = .typed
  ) {
    self.key = key
    self.aliases = aliases
    self.storage = storage
    self.equality = equality
    self.hasEvidence = evidence
    self.missing = missing
    self.access = access
  }

  /// The value of a string field in `claim`.
  public func string(_ claim: Claim) -> String? {
    if case .string(let get, _) = access { return get(claim) }
    return nil
  }

  /// The values of a list field in `claim`.
  public func list(_ claim: Claim) -> [String] {
    if case .list(let get, _) = access { return get(claim) }
    return []
  }

  /// Sets a string field in `claim`.
  public func set(_ claim: inout Claim, string value: String?) {
    if case .string(_, let set) = access { set(&claim, value) }
  }

  /// Sets a list field in `claim`.
  public func set(_ claim: inout Claim, list values: [String]) {
    if case .list(_, let set) = access { set(&claim, values) }
  }
}

/// The claim fields of DESIGN.md, in their order. Columns, snapshots, claims files (JSON Lines
/// and JSON), the JSON writer, Parquet and SQL, the query engine's fields, `.fields` and
/// completion all read this list: a new field is a line here, a property of `Claim`, and the
/// extraction that fills it.
public enum ClaimSchema {
  /// Every field.
  public static let fields: [ClaimFieldSpec] = [
    ClaimFieldSpec(.id, .id),
    ClaimFieldSpec(.doc, .string, missing: .value(""), .string(get: { $0.doc }, set: { $0.doc = $1 ?? "" })),
    ClaimFieldSpec(.source, .string, .name, missing: .field(.doc), .string(get: { $0.source }, set: { $0.source = $1 ?? "" })),
    ClaimFieldSpec(.date, .date),
    ClaimFieldSpec(.text, .text, .caseless),
    ClaimFieldSpec(.actor, aliases: ["actors"], .list, .name, evidence: true, .list(get: { $0.actors }, set: { $0.actors = $1 })),
    ClaimFieldSpec(.speaker, .string, .name, evidence: true, .string(get: { $0.speaker }, set: { $0.speaker = $1 })),
    ClaimFieldSpec(.cited, .list, .name, evidence: true, .list(get: { $0.cited }, set: { $0.cited = $1 })),
    ClaimFieldSpec(.topic, aliases: ["topics"], .list, .name, evidence: true, .list(get: { $0.topics }, set: { $0.topics = $1 })),
    ClaimFieldSpec(
      .kind, .string, .caseless, missing: .value(ClaimKind.statement.rawValue),
      .string(get: { $0.kind }, set: { $0.kind = $1 ?? ClaimKind.statement.rawValue })),
    ClaimFieldSpec(
      .hedge, .string, .caseless, evidence: true, missing: .value(Hedge.asserted.rawValue),
      .string(get: { $0.hedge }, set: { $0.hedge = $1 ?? Hedge.asserted.rawValue })),
    ClaimFieldSpec(.cue, .string, .caseless, .string(get: { $0.cue }, set: { $0.cue = $1 })),
    ClaimFieldSpec(.quote, .string, .caseless, evidence: true, .string(get: { $0.quote }, set: { $0.quote = $1 })),
  ]

  /// The string fields, in order: the slots of `ClaimColumns.strings`.
  public static let strings = fields.filter { $0.storage == .string }
  /// The list fields, in order: the slots of `ClaimColumns.lists`.
  public static let lists = fields.filter { $0.storage == .list }

  /// The place of field `key` in `fields`, which holds every name once (`ClaimSchemaTests`).
  public static func index(of key: ClaimFieldName) -> Int { positions[key]! }
  private static let positions = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.key, $0) })

  /// The slot of field `key` in `strings`, when it is a string field.
  public static func stringSlot(_ key: ClaimFieldName) -> Int? { strings.firstIndex { $0.key == key } }
  /// The slot of field `key` in `lists`, when it is a list field.
  public static func listSlot(_ key: ClaimFieldName) -> Int? { lists.firstIndex { $0.key == key } }
}

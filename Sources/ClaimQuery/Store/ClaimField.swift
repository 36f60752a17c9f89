import ClaimCorpus

/// A field of the claims collection: one of `ClaimSchema.fields`, by its position there, or
/// `story`, which the engine works out over all claims (`StoryClusters`) the first time a
/// query names it, and which the claims' columns leave out until one does.
struct ClaimField: Hashable, Sendable {
  /// How a field is stored: as `ClaimSchema` says, or worked out (`story`).
  enum Storage: Hashable, Sendable {
    case id, date, text, string, list
    /// The claim's story: an integer, null for a claim in none.
    case story
  }

  /// The field's position in `allCases` (in `ClaimSchema.fields` for a stored field).
  let index: Int
  /// Its name.
  let rawValue: String
  /// How it is stored, and its slot among the string or list columns: worked out once, since
  /// reading a claim's value (`ClaimStore.value`) asks for them per row.
  let storage: Storage
  let stringSlot: Int?
  let listSlot: Int?
  /// How `=` compares a literal with its values.
  let equality: ClaimFieldSpec.Equality

  /// The fields a claims file holds, in the schema's order: the columns `claims` gives.
  static let stored = ClaimSchema.fields.indices.map(ClaimField.init(index:))
  /// The field the engine works out, after the stored ones.
  static let story = ClaimField(index: stored.count, name: "story", storage: .story, equality: .exact)
  /// Every field: the stored ones, then `story`.
  static let allCases = stored + [story]

  /// The fields some operators treat on their own.
  static let id = ClaimField(.id), date = ClaimField(.date), text = ClaimField(.text)
  static let actor = ClaimField(.actor), cited = ClaimField(.cited), topic = ClaimField(.topic)
  static let doc = ClaimField(.doc), source = ClaimField(.source), kind = ClaimField(.kind)
  static let hedge = ClaimField(.hedge), cue = ClaimField(.cue), quote = ClaimField(.quote)

  /// The stored field `key`.
  init(_ key: ClaimFieldName) { self.init(index: ClaimSchema.index(of: key)) }

  /// The field named `name`, case-insensitively.
  init?(named name: String) {
    let lower = name.lowercased()
    if lower == "story" {
      self = .story
      return
    }
    guard let i = ClaimSchema.fields.firstIndex(where: { $0.name == lower }) else { return nil }
    self.init(index: i)
  }

  init(index: Int) {
    let spec = ClaimSchema.fields[index]
    let storage: Storage
    switch spec.storage {
    case .id: storage = .id
    case .date: storage = .date
    case .text: storage = .text
    case .string: storage = .string
    case .list: storage = .list
    }
    self.init(
      index: index, name: spec.name, storage: storage, equality: spec.equality, stringSlot: ClaimSchema.stringSlot(spec.key),
      listSlot: ClaimSchema.listSlot(spec.key))
  }

  private init(
    index: Int, name: String, storage: Storage, equality: ClaimFieldSpec.Equality, stringSlot: Int? = nil, listSlot: Int? = nil
  ) {
    self.index = index
    rawValue = name
    self.storage = storage
    self.equality = equality
    self.stringSlot = stringSlot
    self.listSlot = listSlot
  }

  /// The field as a result column.
  var column: Column {
    let matching: Matching
    switch equality {
    case .exact: matching = .exact
    case .name: matching = .name
    case .caseless: matching = .caseless
    }
    switch storage {
    case .id, .story: return Column(rawValue, .int, matching: matching)
    case .date: return Column(rawValue, .date, matching: matching)
    case .text, .string: return Column(rawValue, .string, matching: matching)
    case .list: return Column(rawValue, .list, matching: matching)
    }
  }

  /// Whether the field holds a list (any-of matching; one group per value).
  var isList: Bool { storage == .list }
}

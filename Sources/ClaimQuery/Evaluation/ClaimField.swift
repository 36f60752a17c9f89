/// A field of the claims collection: one of `ClaimSchema.fields`, by its position there.
struct ClaimField: Hashable, Sendable {
  /// The field's position in `ClaimSchema.fields`.
  let index: Int
  /// How it is stored, and its slot among the string or list columns: worked out once, since
  /// reading a claim's value (`ClaimStore.value`) asks for them per row.
  let storage: ClaimFieldSpec.Storage
  let stringSlot: Int?
  let listSlot: Int?

  /// Every field, in the schema's order.
  static let allCases = ClaimSchema.fields.indices.map(ClaimField.init(index:))

  /// The fields some operators treat on their own.
  static let id = ClaimField(named: "id")!, date = ClaimField(named: "date")!, text = ClaimField(named: "text")!
  static let actor = ClaimField(named: "actor")!, cited = ClaimField(named: "cited")!, topic = ClaimField(named: "topic")!
  static let doc = ClaimField(named: "doc")!, source = ClaimField(named: "source")!, kind = ClaimField(named: "kind")!, hedge = ClaimField(named: "hedge")!, cue = ClaimField(named: "cue")!, quote = ClaimField(named: "quote")!

  /// The field named `name`, case-insensitively.
  init?(named name: String) {
    let lower = name.lowercased()
    guard let i = ClaimSchema.fields.firstIndex(where: { $0.name == lower }) else { return nil }
    self.init(index: i)
  }

  init(index: Int) {
    self.index = index
    let spec = ClaimSchema.fields[index]
    storage = spec.storage
    stringSlot = ClaimSchema.stringSlot(spec.name)
    listSlot = ClaimSchema.listSlot(spec.name)
  }

  /// Its description in the schema.
  var spec: ClaimFieldSpec { ClaimSchema.fields[index] }
  /// Its name.
  var rawValue: String { spec.name }

  /// The field as a result column.
  var column: Column {
    let matching: Matching
    switch spec.equality {
    case .exact: matching = .exact
    case .name: matching = .name
    case .caseless: matching = .caseless
    }
    switch storage {
    case .id: return Column(rawValue, .int, matching: matching)
    case .date: return Column(rawValue, .date, matching: matching)
    case .text, .string: return Column(rawValue, .string, matching: matching)
    case .list: return Column(rawValue, .list, matching: matching)
    }
  }

  /// Whether the field holds a list (any-of matching; one group per value).
  var isList: Bool { storage == .list }
}

/// A field of the claims collection: one of `ClaimSchema.fields`, by its position there.
struct ClaimField: Hashable, Sendable {
  /// The field's position in `ClaimSchema.fields`.
  let index: Int

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
    index = i
  }

  init(index: Int) { self.index = index }

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
    switch spec.storage {
    case .id: return Column(rawValue, .int, matching: matching)
    case .date: return Column(rawValue, .date, matching: matching)
    case .text, .string: return Column(rawValue, .string, matching: matching)
    case .list: return Column(rawValue, .list, matching: matching)
    }
  }

  /// Whether the field holds a list (any-of matching; one group per value).
  var isList: Bool { spec.storage == .list }
  /// Its slot in the string columns, for a dictionary-encoded string field.
  var stringSlot: Int? { ClaimSchema.stringSlot(rawValue) }
  /// Its slot in the list columns, for a list field.
  var listSlot: Int? { ClaimSchema.listSlot(rawValue) }
}

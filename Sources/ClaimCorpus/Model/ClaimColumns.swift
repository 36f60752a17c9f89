/// A string field stored as codes into its distinct values.
public struct StringColumn: Sendable {
  /// Each row's code; -1 for null.
  public var codes: [Int32] = []
  /// The distinct values, by code.
  public var values: [String] = []
}

/// A list-of-strings field stored as offsets and codes into its distinct values.
public struct StringListColumn: Sendable {
  /// Where each row's codes start; one more entry than rows.
  public var offsets: [Int32] = [0]
  /// The codes, row after row.
  public var codes: [Int32] = []
  /// The distinct values, by code.
  public var values: [String] = []
}

/// Claims stored column by column: what a claims file loads into, without a `Claim` per row,
/// and what the query engine's store is built from.
public struct ClaimColumns: Sendable {
  /// How many claims.
  public var count = 0
  /// Their ids.
  public var ids: [Int] = []
  /// Day numbers; `Int32.min` for none.
  public var dates: [Int32] = []
  /// Their texts.
  public var texts = TextColumn()
  /// The string fields, by their slot in `ClaimSchema.strings`.
  public var strings = [StringColumn](repeating: StringColumn(), count: ClaimSchema.strings.count)
  /// The list fields, by their slot in `ClaimSchema.lists`.
  public var lists = [StringListColumn](repeating: StringListColumn(), count: ClaimSchema.lists.count)

  /// The missing date.
  public static let noDate = Int32.min

  /// Creates empty columns.
  public init() {}

  /// The columns of `claims`.
  public init(claims: [Claim]) {
    var builder = ClaimColumnsBuilder()
    for c in claims { builder.append(c) }
    self = builder.build()
    ids = claims.map(\.id)
  }

  /// The column of string field `key` (`ClaimSchema.strings`).
  public func string(_ key: ClaimFieldName) -> StringColumn {
    guard let slot = ClaimSchema.stringSlot(key) else { preconditionFailure("'\(key)' is not a string field") }
    return strings[slot]
  }

  /// The column of list field `key` (`ClaimSchema.lists`).
  public func list(_ key: ClaimFieldName) -> StringListColumn {
    guard let slot = ClaimSchema.listSlot(key) else { preconditionFailure("'\(key)' is not a list field") }
    return lists[slot]
  }

  /// The text of claim `row`.
  public func text(_ row: Int) -> String { texts.text(row) }

  /// Claim `row` as a `Claim`, without evidence.
  public func claim(_ row: Int) -> Claim {
    var claim = Claim(
      id: ids[row], doc: "", source: "", date: dates[row] == Self.noDate ? nil : Day(number: dates[row]), text: text(row),
      kind: ClaimKind.statement.rawValue, hedge: Hedge.asserted.rawValue)
    for (slot, spec) in ClaimSchema.strings.enumerated() {
      let c = strings[slot]
      spec.set(&claim, string: c.codes[row] < 0 ? nil : c.values[Int(c.codes[row])])
    }
    for (slot, spec) in ClaimSchema.lists.enumerated() {
      let c = lists[slot]
      spec.set(&claim, list: c.codes[Int(c.offsets[row])..<Int(c.offsets[row + 1])].map { c.values[Int($0)] })
    }
    return claim
  }
}

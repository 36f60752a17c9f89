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
  /// Every text's UTF-8 bytes, one after another.
  public var textBytes: [UInt8] = []
  /// Where each text starts; one more entry than claims.
  public var textOffsets: [Int] = [0]
  /// The string fields.
  public var doc = StringColumn(), source = StringColumn(), speaker = StringColumn(), kind = StringColumn()
  /// The string fields.
  public var hedge = StringColumn(), cue = StringColumn(), quote = StringColumn()
  /// The list fields.
  public var actor = StringListColumn(), cited = StringListColumn(), topic = StringListColumn()

  /// The missing date.
  public static let noDate = Int32.min

  /// Creates empty columns.
  public init() {}

  /// The columns of `claims`.
  public init(claims: [Claim]) {
    var builder = ClaimColumnsBuilder()
    for c in claims { builder.append(c) }
    self = builder.columns
  }

  /// The text of claim `row`.
  public func text(_ row: Int) -> String {
    String(decoding: textBytes[textOffsets[row]..<textOffsets[row + 1]], as: UTF8.self)
  }

  /// Claim `row` as a `Claim`, without evidence.
  public func claim(_ row: Int) -> Claim {
    func string(_ c: StringColumn) -> String? { c.codes[row] < 0 ? nil : c.values[Int(c.codes[row])] }
    func list(_ c: StringListColumn) -> [String] { c.codes[Int(c.offsets[row])..<Int(c.offsets[row + 1])].map { c.values[Int($0)] } }
    return Claim(
      id: ids[row], doc: string(doc) ?? "", source: string(source) ?? "", date: dates[row] == Self.noDate ? nil : Day(number: dates[row]),
      text: text(row), actors: list(actor), speaker: string(speaker), cited: list(cited), topics: list(topic),
      kind: string(kind) ?? ClaimKind.statement.rawValue, hedge: string(hedge) ?? Hedge.asserted.rawValue, cue: string(cue), quote: string(quote))
  }
}

/// Builds `ClaimColumns` row by row, interning strings as they come; builders made in
/// parallel merge in order.
public struct ClaimColumnsBuilder: Sendable {
  /// The columns so far.
  public private(set) var columns = ClaimColumns()
  private var interned: [[String: Int32]] = Array(repeating: [:], count: 10)
  private var lastCodes: [Int32] = Array(repeating: -1, count: 10)

  /// An empty builder.
  public init() {}

  /// The interning slot of each string field.
  enum Slot: Int { case doc, source, speaker, kind, hedge, cue, quote, actor, cited, topic }

  static func code(_ value: String?, _ table: inout [String: Int32], _ values: inout [String], last: inout Int32) -> Int32 {
    guard let value else { return -1 }
    // claims come in documents: the same doc, source, kind and hedge row after row
    if last >= 0, values[Int(last)] == value { return last }
    let c = code(value, &table, &values)
    last = c
    return c
  }

  static func code(_ value: String?, _ table: inout [String: Int32], _ values: inout [String]) -> Int32 {
    guard let value else { return -1 }
    if let c = table[value] { return c }
    let c = Int32(values.count)
    values.append(value)
    table[value] = c
    return c
  }

  /// Appends one claim.
  public mutating func append(_ c: Claim) {
    beginRow(id: c.id, date: c.date?.number ?? ClaimColumns.noDate)
    columns.textBytes += c.text.utf8
    endText()
    setStrings(doc: c.doc, source: c.source, speaker: c.speaker, kind: c.kind, hedge: c.hedge, cue: c.cue, quote: c.quote)
    appendList(c.actors, .actor)
    appendList(c.cited, .cited)
    appendList(c.topics, .topic)
  }

  /// Starts a row: its id and date; the text follows (`appendText`), then the strings and lists.
  mutating func beginRow(id: Int, date: Int32) {
    columns.count += 1
    columns.ids.append(id)
    columns.dates.append(date)
  }

  /// Appends bytes of the current row's text.
  mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) { columns.textBytes.append(contentsOf: bytes) }

  /// Ends the current row's text.
  mutating func endText() { columns.textOffsets.append(columns.textBytes.count) }

  mutating func setStrings(doc: String?, source: String?, speaker: String?, kind: String?, hedge: String?, cue: String?, quote: String?) {
    columns.doc.codes.append(Self.code(doc, &interned[Slot.doc.rawValue], &columns.doc.values, last: &lastCodes[Slot.doc.rawValue]))
    columns.source.codes.append(Self.code(source, &interned[Slot.source.rawValue], &columns.source.values, last: &lastCodes[Slot.source.rawValue]))
    columns.speaker.codes.append(Self.code(speaker, &interned[Slot.speaker.rawValue], &columns.speaker.values, last: &lastCodes[Slot.speaker.rawValue]))
    columns.kind.codes.append(Self.code(kind ?? ClaimKind.statement.rawValue, &interned[Slot.kind.rawValue], &columns.kind.values, last: &lastCodes[Slot.kind.rawValue]))
    columns.hedge.codes.append(Self.code(hedge ?? Hedge.asserted.rawValue, &interned[Slot.hedge.rawValue], &columns.hedge.values, last: &lastCodes[Slot.hedge.rawValue]))
    columns.cue.codes.append(Self.code(cue, &interned[Slot.cue.rawValue], &columns.cue.values, last: &lastCodes[Slot.cue.rawValue]))
    columns.quote.codes.append(Self.code(quote, &interned[Slot.quote.rawValue], &columns.quote.values, last: &lastCodes[Slot.quote.rawValue]))
  }

  mutating func appendList(_ values: [String], _ slot: Slot) {
    func add(_ column: inout StringListColumn, _ table: inout [String: Int32]) {
      let start = column.codes.count
      for v in values {
        let c = Self.code(v, &table, &column.values)
        if !column.codes[start...].contains(c) { column.codes.append(c) }
      }
      column.offsets.append(Int32(column.codes.count))
    }
    switch slot {
    case .actor: add(&columns.actor, &interned[slot.rawValue])
    case .cited: add(&columns.cited, &interned[slot.rawValue])
    default: add(&columns.topic, &interned[slot.rawValue])
    }
  }

  /// The builders' rows in order, in one builder: capacity is reserved once for all of them.
  public static func concatenate(_ parts: [ClaimColumnsBuilder]) -> ClaimColumnsBuilder {
    guard var result = parts.first else { return ClaimColumnsBuilder() }
    let rest = parts.dropFirst()
    let rows = parts.reduce(0) { $0 + $1.columns.count }
    let text = parts.reduce(0) { $0 + $1.columns.textBytes.count }
    result.columns.ids.reserveCapacity(rows)
    result.columns.dates.reserveCapacity(rows)
    result.columns.textBytes.reserveCapacity(text)
    result.columns.textOffsets.reserveCapacity(rows + 1)
    for path in [\ClaimColumns.doc, \.source, \.speaker, \.kind, \.hedge, \.cue, \.quote] as [WritableKeyPath<ClaimColumns, StringColumn>] {
      result.columns[keyPath: path].codes.reserveCapacity(rows)
    }
    for path in [\ClaimColumns.actor, \.cited, \.topic] as [WritableKeyPath<ClaimColumns, StringListColumn>] {
      result.columns[keyPath: path].offsets.reserveCapacity(rows + 1)
      result.columns[keyPath: path].codes.reserveCapacity(parts.reduce(0) { $0 + $1.columns[keyPath: path].codes.count })
    }
    for part in rest { result.merge(part) }
    return result
  }

  /// Appends every row of `other`, after this builder's, mapping its codes to this one's.
  public mutating func merge(_ other: ClaimColumnsBuilder) {
    if columns.count == 0 && interned.allSatisfy(\.isEmpty) {
      self = other
      return
    }
    let o = other.columns
    columns.count += o.count
    columns.ids += o.ids
    columns.dates += o.dates
    let base = columns.textBytes.count
    columns.textBytes += o.textBytes
    columns.textOffsets += o.textOffsets.dropFirst().map { $0 + base }
    func mergeStrings(_ theirs: StringColumn, _ table: inout [String: Int32], _ mine: inout StringColumn) {
      let map = theirs.values.map { Self.code($0, &table, &mine.values) }
      mine.codes += theirs.codes.map { $0 < 0 ? -1 : map[Int($0)] }
    }
    func mergeLists(_ theirs: StringListColumn, _ table: inout [String: Int32], _ mine: inout StringListColumn) {
      let map = theirs.values.map { Self.code($0, &table, &mine.values) }
      let base = Int32(mine.codes.count)
      mine.codes += theirs.codes.map { map[Int($0)] }
      mine.offsets += theirs.offsets.dropFirst().map { $0 + base }
    }
    mergeStrings(o.doc, &interned[Slot.doc.rawValue], &columns.doc)
    mergeStrings(o.source, &interned[Slot.source.rawValue], &columns.source)
    mergeStrings(o.speaker, &interned[Slot.speaker.rawValue], &columns.speaker)
    mergeStrings(o.kind, &interned[Slot.kind.rawValue], &columns.kind)
    mergeStrings(o.hedge, &interned[Slot.hedge.rawValue], &columns.hedge)
    mergeStrings(o.cue, &interned[Slot.cue.rawValue], &columns.cue)
    mergeStrings(o.quote, &interned[Slot.quote.rawValue], &columns.quote)
    mergeLists(o.actor, &interned[Slot.actor.rawValue], &columns.actor)
    mergeLists(o.cited, &interned[Slot.cited.rawValue], &columns.cited)
    mergeLists(o.topic, &interned[Slot.topic.rawValue], &columns.topic)
  }
}

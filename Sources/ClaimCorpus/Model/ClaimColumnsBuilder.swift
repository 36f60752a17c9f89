import Dispatch

/// Builds `ClaimColumns` row by row, interning each string field's values as they come (from
/// a claims file's bytes, or from extracted claims); builders made in parallel merge in order.
public struct ClaimColumnsBuilder: Sendable {
  /// The rows so far: codes, dates and texts (not ids); the distinct values stay in
  /// `interners` until `build()`.
  private var rows = ClaimColumns()
  private var interners = [ByteInterner](repeating: ByteInterner(), count: Slot.allCases.count)
  /// The code each string field got last: claims come in documents, the same doc, source,
  /// kind and hedge row after row.
  private var lastCodes = [Int32](repeating: -1, count: Slot.allCases.count)

  /// An empty builder.
  public init() {}

  /// A builder holding the rows of `columns` (their values interned again: a value given twice
  /// becomes one).
  init(columns: ClaimColumns) {
    rows = columns
    rows.ids = []
    for slot in Slot.scalars {
      let map = columns[keyPath: Self.column(slot)].values.map { interners[slot.rawValue].code($0) }
      if map != Array(0..<Int32(map.count)) {
        rows[keyPath: Self.column(slot)].codes = rows[keyPath: Self.column(slot)].codes.map { $0 < 0 ? -1 : map[Int($0)] }
      }
      rows[keyPath: Self.column(slot)].values = []
    }
    for slot in Slot.lists {
      let map = columns[keyPath: Self.list(slot)].values.map { interners[slot.rawValue].code($0) }
      if map != Array(0..<Int32(map.count)) {
        rows[keyPath: Self.list(slot)].codes = rows[keyPath: Self.list(slot)].codes.map { map[Int($0)] }
      }
      rows[keyPath: Self.list(slot)].values = []
    }
  }

  /// How many rows.
  public var count: Int { rows.count }

  /// A string or list field, each with its own values: the string fields of `ClaimSchema`
  /// first, then the list fields.
  struct Slot: Hashable, Sendable {
    let rawValue: Int

    /// The string fields, first in `allCases`.
    static let scalars = ClaimSchema.strings.indices.map(Slot.init)
    /// The list fields.
    static let lists = ClaimSchema.lists.indices.map { Slot(rawValue: ClaimSchema.strings.count + $0) }
    /// Every slot.
    static let allCases = scalars + lists
    /// The document id and the source, which the documents of a claims file are made from.
    static let doc = Slot(.doc), source = Slot(.source), speaker = Slot(.speaker), kind = Slot(.kind)
    static let hedge = Slot(.hedge), cue = Slot(.cue), quote = Slot(.quote)
    static let actor = Slot(.actor), cited = Slot(.cited), topic = Slot(.topic)

    /// The slot of field `key`, a string or list field.
    init(_ key: ClaimFieldName) {
      if let k = ClaimSchema.stringSlot(key) {
        rawValue = k
      } else if let k = ClaimSchema.listSlot(key) {
        rawValue = ClaimSchema.strings.count + k
      } else {
        preconditionFailure("'\(key)' has no slot: it is neither a string nor a list field")
      }
    }

    init(rawValue: Int) { self.rawValue = rawValue }

    /// Whether it is a list field.
    var isList: Bool { rawValue >= ClaimSchema.strings.count }
    /// Its index in `ClaimColumns.lists`.
    var listIndex: Int { rawValue - ClaimSchema.strings.count }
    /// The field.
    var spec: ClaimFieldSpec { isList ? ClaimSchema.lists[listIndex] : ClaimSchema.strings[rawValue] }
  }

  /// The columns, every distinct value made a `String` once; ids are row numbers.
  public func build() -> ClaimColumns {
    var columns = rows
    columns.ids = Array(0..<rows.count)
    for slot in Slot.scalars { columns[keyPath: Self.column(slot)].values = interners[slot.rawValue].strings() }
    for slot in Slot.lists { columns[keyPath: Self.list(slot)].values = interners[slot.rawValue].strings() }
    return columns
  }

  /// One document per distinct `doc`, in order of first appearance, with the source and date
  /// of its first claim and no text: what `docs` lists for a claims file. Only those values
  /// are made `String`s.
  func documents(path: String) -> [Document] {
    func string(_ slot: Slot, _ code: Int32) -> String {
      interners[slot.rawValue].withValue(Int(code)) { String(decoding: $0, as: UTF8.self) }
    }
    var seen = [Bool](repeating: false, count: interners[Slot.doc.rawValue].count)
    var documents: [Document] = []
    let docs = rows.strings[Slot.doc.rawValue].codes
    let sources = rows.strings[Slot.source.rawValue].codes
    for row in 0..<rows.count where docs[row] >= 0 && !seen[Int(docs[row])] {
      let code = docs[row]
      seen[Int(code)] = true
      let source = sources[row] < 0 ? nil : string(.source, sources[row])
      let date = rows.dates[row] == ClaimColumns.noDate ? nil : Day(number: rows.dates[row])
      documents.append(Document(id: string(.doc, code), path: path, source: source, date: date, text: ""))
    }
    return documents
  }

  private static func column(_ slot: Slot) -> WritableKeyPath<ClaimColumns, StringColumn> { \ClaimColumns.strings[slot.rawValue] }

  private static func list(_ slot: Slot) -> WritableKeyPath<ClaimColumns, StringListColumn> { \ClaimColumns.lists[slot.listIndex] }

  /// Appends one extracted claim.
  public mutating func append(_ c: Claim) {
    beginRow(date: c.date?.number ?? ClaimColumns.noDate)
    rows.texts.append(c.text)
    for (slot, get) in zip(Slot.scalars, Self.strings) {
      appendCode(get(c).map { intern($0, slot) } ?? -1, slot)
    }
    for (slot, get) in zip(Slot.lists, Self.lists) {
      for v in get(c) { addToList(intern(v, slot), slot) }
    }
    endLists()
  }

  /// How each string and list field is read from a claim (taken out of the schema once).
  private static let strings: [@Sendable (Claim) -> String?] = ClaimSchema.strings.map { spec in
    if case .string(let get, _) = spec.access { return get }
    return { _ in nil }
  }
  private static let lists: [@Sendable (Claim) -> [String]] = ClaimSchema.lists.map { spec in
    if case .list(let get, _) = spec.access { return get }
    return { _ in [] }
  }

  /// What each string field gives when a record lacks it (`ClaimSchema`): another slot's
  /// value, or a value, or null.
  static let missing: [(field: Slot?, value: String?)] = Slot.scalars.map { slot in
    switch slot.spec.missing {
    case .null: return (nil, nil)
    case .value(let v): return (nil, v)
    case .field(let key):
      let other = Slot(key)
      if case .value(let v) = other.spec.missing { return (other, v) }
      return (other, nil)
    }
  }

  /// The slot whose value a missing string field takes, or -1.
  private static let missingField = missing.map { $0.field?.rawValue ?? -1 }

  /// Appends one record read by `ClaimLineParser` from `line`; a missing field takes what
  /// `ClaimSchema` says (a missing doc is "", a missing source the doc, a missing kind
  /// "statement" and hedge "asserted").
  mutating func append(_ f: ClaimFields, line: UnsafeBufferPointer<UInt8>) {
    beginRow(date: f.date)
    if let text = f.text {
      f.withBytes(text, in: line) { rows.texts.append($0) }
    } else {
      rows.texts.append(UnsafeBufferPointer(start: nil, count: 0))
    }
    for slot in Slot.scalars {
      var piece = f.scalars[slot.rawValue]
      if piece == nil, Self.missingField[slot.rawValue] >= 0 { piece = f.scalars[Self.missingField[slot.rawValue]] }
      let code: Int32
      if let piece {
        code = f.withBytes(piece, in: line) { intern($0, slot) }
      } else {
        code = Self.missing[slot.rawValue].value.map { intern($0, slot) } ?? -1
      }
      appendCode(code, slot)
    }
    for item in f.items { addToList(f.withBytes(item.value, in: line) { intern($0, item.list) }, item.list) }
    endLists()
  }

  private mutating func beginRow(date: Int32) {
    rows.count += 1
    rows.dates.append(date)
  }

  private mutating func intern(_ value: UnsafeBufferPointer<UInt8>, _ slot: Slot) -> Int32 {
    let last = lastCodes[slot.rawValue]
    let code = interners[slot.rawValue].code(value, hint: last)
    lastCodes[slot.rawValue] = code
    return code
  }

  private mutating func intern(_ value: String, _ slot: Slot) -> Int32 {
    var value = value
    return value.withUTF8 { intern($0, slot) }
  }

  private mutating func appendCode(_ code: Int32, _ slot: Slot) {
    rows.strings[slot.rawValue].codes.append(code)
  }

  /// Adds `code` to the current row of list `slot`, unless the row has it.
  private mutating func addToList(_ code: Int32, _ slot: Slot) {
    func add(_ column: inout StringListColumn) {
      if !column.codes[Int(column.offsets[column.offsets.count - 1])...].contains(code) { column.codes.append(code) }
    }
    add(&rows.lists[slot.listIndex])
  }

  /// Ends the current row of every list.
  private mutating func endLists() {
    func end(_ column: inout StringListColumn) { column.offsets.append(Int32(column.codes.count)) }
    for k in rows.lists.indices { end(&rows.lists[k]) }
  }

  /// Puts the texts of the rows appended next in a segment of their own, with room for `bytes` bytes.
  mutating func startTextSegment(capacity bytes: Int) { rows.texts.startSegment(capacity: bytes) }

  /// Makes room for about `rows` more rows, so that merging many builders into this one
  /// copies each row once.
  mutating func reserveCapacity(rows more: Int) {
    rows.dates.reserveCapacity(rows.count + more)
    for slot in Slot.scalars { rows[keyPath: Self.column(slot)].codes.reserveCapacity(rows.count + more) }
    for slot in Slot.lists { rows[keyPath: Self.list(slot)].offsets.reserveCapacity(rows.count + more + 1) }
  }

  /// Appends every row of `other`, after this builder's, mapping its codes to this one's; the
  /// texts are shared, not copied.
  public mutating func merge(_ other: ClaimColumnsBuilder) {
    if rows.count == 0 && rows.dates.capacity == 0 && interners.allSatisfy({ $0.count == 0 }) {
      self = other
      return
    }
    let o = other.rows
    // their value codes in ours: interning, in order
    let maps = Slot.allCases.map { slot in
      let theirs = other.interners[slot.rawValue]
      return (0..<theirs.count).map { code in theirs.withValue(code) { interners[slot.rawValue].code($0) } }
    }
    rows.count += o.count
    rows.texts.append(contentsOf: o.texts)
    // then the columns, each on its own (moved out of `rows`, so each has one owner), on every core
    let paths = Slot.allCases.map {
      Slot.scalars.contains($0) ? Self.column($0).appending(path: \.codes) : Self.list($0).appending(path: \.codes)
    }
    let offsetPaths = Slot.lists.map { Self.list($0).appending(path: \.offsets) }
    var columns = paths.map { path in
      defer { rows[keyPath: path] = [] }
      return rows[keyPath: path]
    }
    var offsets = offsetPaths.map { path in
      defer { rows[keyPath: path] = [] }
      return rows[keyPath: path]
    }
    let codeBases = Slot.lists.map { Int32(columns[$0.rawValue].count) }
    let theirColumns = paths.map { o[keyPath: $0] }
    let theirOffsets = offsetPaths.map { o[keyPath: $0] }
    columns.withUnsafeMutableBufferPointer { columns in
      offsets.withUnsafeMutableBufferPointer { offsets in
        nonisolated(unsafe) let (columns, offsets) = (columns, offsets)
        DispatchQueue.concurrentPerform(iterations: columns.count + offsets.count) { k in
          if k < columns.count {
            let map = maps[k]
            let theirs = theirColumns[k]
            if Slot.allCases[k].rawValue < Slot.scalars.count {
              columns[k].append(contentsOf: theirs.lazy.map { $0 < 0 ? -1 : map[Int($0)] })
            } else {
              columns[k].append(contentsOf: theirs.lazy.map { map[Int($0)] })
            }
          } else {
            let l = k - columns.count
            let base = codeBases[l]
            offsets[l].append(contentsOf: theirOffsets[l].dropFirst().lazy.map { $0 + base })
          }
        }
      }
    }
    for (path, column) in zip(paths, columns) { rows[keyPath: path] = column }
    for (path, column) in zip(offsetPaths, offsets) { rows[keyPath: path] = column }
    rows.dates.append(contentsOf: o.dates)
  }
}

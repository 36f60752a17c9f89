/// One leaf column of a Parquet file being written: its levels and plain-encoded values,
/// cut into data pages at row boundaries.
struct ParquetColumn {
  /// Parquet's physical types, by their Thrift codes.
  enum Physical: Int32 {
    case boolean = 0, int32 = 1, int64 = 2, byteArray = 6
  }

  /// A finished data page: its level and value counts and its body.
  struct Page {
    var levelCount: Int
    var body: [UInt8]
  }

  let column: Column
  /// The page body size past which a page ends at the next row boundary.
  static let pageBytes = 1 << 20

  private(set) var pages: [Page] = []
  private var repetition: [UInt8] = []
  private var definition: [UInt8] = []
  private var values: [UInt8] = []
  private var bits = 0

  init(_ column: Column) { self.column = column }

  /// The physical type the column's values are written as.
  var physical: Physical {
    switch column.type {
    case .bool: return .boolean
    case .int: return .int64
    case .date: return .int32
    case .string, .list: return .byteArray
    }
  }

  /// The highest definition level: 1 for a nullable value; 3 for a nullable list of nullable
  /// strings (list, its repeated group, the element).
  var maxDefinition: Int { column.type == .list ? 3 : 1 }
  /// The highest repetition level: 1 for a list.
  var maxRepetition: Int { column.type == .list ? 1 : 0 }

  /// Adds one row's value.
  mutating func append(_ value: Value) {
    guard column.type == .list else {
      definition.append(appendPlain(value) ? 1 : 0)
      if values.count >= Self.pageBytes { finishPage() }
      return
    }
    switch value {
    case .null:
      repetition.append(0)
      definition.append(0)
    case .list(let items) where items.isEmpty:
      repetition.append(0)
      definition.append(1)
    case .list(let items):
      for (k, item) in items.enumerated() {
        repetition.append(k == 0 ? 0 : 1)
        if case .null = item {
          definition.append(2)
        } else {
          definition.append(3)
          string(item.text)
        }
      }
    default:
      repetition.append(0)
      definition.append(3)
      string(value.text)
    }
    if values.count >= Self.pageBytes { finishPage() }
  }

  /// Ends the current page, when it holds anything.
  mutating func finishPage() {
    guard !definition.isEmpty else { return }
    var body: [UInt8] = []
    if maxRepetition > 0 { body += LevelEncoder.encode(repetition, maxLevel: maxRepetition) }
    body += LevelEncoder.encode(definition, maxLevel: maxDefinition)
    body += values
    pages.append(Page(levelCount: definition.count, body: body))
    repetition.removeAll(keepingCapacity: true)
    definition.removeAll(keepingCapacity: true)
    values.removeAll(keepingCapacity: true)
    bits = 0
  }

  /// Forgets the pages written out.
  mutating func clearPages() { pages.removeAll() }

  /// Adds the value in Parquet's plain encoding (booleans bit-packed) and says whether there
  /// was one: false for a null or a value of another type.
  private mutating func appendPlain(_ value: Value) -> Bool {
    switch (column.type, value) {
    case (_, .null): return false
    case (.int, .int(let n)): values += Self.littleEndian(UInt64(bitPattern: Int64(n)), bytes: 8)
    case (.date, .date(let d)): values += Self.littleEndian(UInt64(UInt32(bitPattern: d.number)), bytes: 4)
    case (.bool, .bool(let b)):
      if bits % 8 == 0 { values.append(0) }
      if b { values[values.count - 1] |= 1 << (bits % 8) }
      bits += 1
    case (.string, _): string(value.text)
    default: return false
    }
    return true
  }

  private mutating func string(_ text: String) {
    let utf8 = Array(text.utf8)
    values += Self.littleEndian(UInt64(utf8.count), bytes: 4)
    values += utf8
  }

  static func littleEndian(_ v: UInt64, bytes: Int) -> [UInt8] {
    (0..<bytes).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) }
  }
}

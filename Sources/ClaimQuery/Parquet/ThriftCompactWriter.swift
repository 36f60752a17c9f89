/// Writes Apache Thrift's compact protocol, the encoding of Parquet's page headers and footer:
/// field headers carry the id as a delta from the previous field's, integers are zigzag
/// varints, and a boolean field's value is its type code.
struct ThriftCompactWriter {
  /// The compact protocol's type codes.
  enum FieldType: UInt8 {
    case boolTrue = 1, boolFalse = 2, i32 = 5, i64 = 6, binary = 8, list = 9, structure = 12
  }

  private(set) var bytes: [UInt8] = []
  /// The last field id written in each open struct, innermost last.
  private var lastField: [Int16] = [0]

  /// Writes an `i32` field.
  mutating func field(_ id: Int16, i32 value: Int32) {
    header(id, .i32)
    varint(zigzag(Int64(value)))
  }

  /// Writes an `i64` field.
  mutating func field(_ id: Int16, i64 value: Int64) {
    header(id, .i64)
    varint(zigzag(value))
  }

  /// Writes a string (binary) field.
  mutating func field(_ id: Int16, string value: String) {
    header(id, .binary)
    binary(Array(value.utf8))
  }

  /// Writes a boolean field.
  mutating func field(_ id: Int16, bool value: Bool) {
    header(id, value ? .boolTrue : .boolFalse)
  }

  /// Writes a struct field whose fields `body` writes.
  mutating func field(_ id: Int16, struct body: (inout ThriftCompactWriter) -> Void) {
    header(id, .structure)
    structure(body)
  }

  /// Writes a list-of-i32 field.
  mutating func field(_ id: Int16, i32s values: [Int32]) {
    header(id, .list)
    listHeader(values.count, .i32)
    for v in values { varint(zigzag(Int64(v))) }
  }

  /// Writes a list-of-strings field.
  mutating func field(_ id: Int16, strings values: [String]) {
    header(id, .list)
    listHeader(values.count, .binary)
    for v in values { binary(Array(v.utf8)) }
  }

  /// Writes a list-of-structs field, one struct per element, written by `body`.
  mutating func field<T>(_ id: Int16, structs elements: [T], _ body: (inout ThriftCompactWriter, T) -> Void) {
    header(id, .list)
    listHeader(elements.count, .structure)
    for e in elements { structure { body(&$0, e) } }
  }

  /// Writes a struct's fields and its stop byte (also the top-level struct of a message).
  mutating func structure(_ body: (inout ThriftCompactWriter) -> Void) {
    lastField.append(0)
    body(&self)
    bytes.append(0)
    lastField.removeLast()
  }

  private mutating func header(_ id: Int16, _ type: FieldType) {
    let delta = Int(id) - Int(lastField[lastField.count - 1])
    if delta > 0 && delta <= 15 {
      bytes.append(UInt8(delta) << 4 | type.rawValue)
    } else {
      bytes.append(type.rawValue)
      varint(zigzag(Int64(id)))
    }
    lastField[lastField.count - 1] = id
  }

  private mutating func listHeader(_ count: Int, _ type: FieldType) {
    if count < 15 {
      bytes.append(UInt8(count) << 4 | type.rawValue)
    } else {
      bytes.append(0xF0 | type.rawValue)
      varint(UInt64(count))
    }
  }

  private mutating func binary(_ value: [UInt8]) {
    varint(UInt64(value.count))
    bytes += value
  }

  private mutating func varint(_ value: UInt64) {
    var v = value
    while v >= 0x80 {
      bytes.append(UInt8(v & 0x7F) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  private func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }
}

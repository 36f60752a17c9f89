/// Reads Apache Thrift's compact protocol, the encoding of Parquet's footer and page headers,
/// from untrusted bytes: every read is bounds-checked and nesting is limited, so a damaged file
/// gives a `ParquetFailure`, never a crash.
struct ThriftCompactReader {
  /// The compact protocol's type codes.
  enum FieldType: UInt8 {
    case boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7, binary = 8
    case list = 9, set = 10, map = 11, structure = 12
  }

  let bytes: UnsafeBufferPointer<UInt8>
  /// The next byte to read.
  private(set) var offset: Int
  /// How deep structs and lists may nest.
  static let maxDepth = 32

  init(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int = 0) {
    self.bytes = bytes
    self.offset = offset
  }

  func failure(_ message: String) -> ParquetFailure { ParquetFailure(message: message, offset: offset) }

  mutating func byte() throws(ParquetFailure) -> UInt8 {
    guard offset < bytes.count else { throw failure("the metadata ends early") }
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func varint() throws(ParquetFailure) -> UInt64 {
    var value: UInt64 = 0
    for shift in stride(from: 0, to: 64, by: 7) {
      let b = try byte()
      value |= UInt64(b & 0x7F) << UInt64(shift)
      if b < 0x80 { return value }
    }
    throw failure("a varint longer than 10 bytes")
  }

  mutating func i64() throws(ParquetFailure) -> Int64 {
    let v = try varint()
    return Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1)
  }

  mutating func i32() throws(ParquetFailure) -> Int32 {
    let v = try i64()
    guard let n = Int32(exactly: v) else { throw failure("an i32 out of range") }
    return n
  }

  /// A binary value's bytes, as a range of `bytes`.
  mutating func binary() throws(ParquetFailure) -> Range<Int> {
    let n = try varint()
    guard n <= UInt64(bytes.count - offset) else { throw failure("a string runs past the end") }
    defer { offset += Int(n) }
    return offset..<(offset + Int(n))
  }

  mutating func string() throws(ParquetFailure) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[try binary()]), as: UTF8.self)
  }

  /// A list's length and element type.
  mutating func listHeader() throws(ParquetFailure) -> (count: Int, type: UInt8) {
    let h = try byte()
    let count = h >> 4 == 15 ? try varint() : UInt64(h >> 4)
    // every element takes at least one byte (a bool list's too)
    guard count <= UInt64(bytes.count - offset) else { throw failure("a list longer than the metadata") }
    return (Int(count), h & 0x0F)
  }

  /// Reads a struct's fields up to its stop byte, calling `field` with each field's id and
  /// type; `field` reads the value or returns false to have it skipped.
  mutating func structure(depth: Int = 0, _ field: (inout ThriftCompactReader, Int16, UInt8) throws(ParquetFailure) -> Bool)
    throws(ParquetFailure)
  {
    guard depth < Self.maxDepth else { throw failure("structs nested too deep") }
    var last: Int16 = 0
    while true {
      let h = try byte()
      if h == 0 { return }
      let type = h & 0x0F
      let delta = h >> 4
      let id: Int16
      if delta == 0 {
        guard let n = Int16(exactly: try i64()) else { throw failure("a field id out of range") }
        id = n
      } else {
        id = last &+ Int16(delta)
      }
      last = id
      if try !field(&self, id, type) { try skip(type, depth: depth + 1) }
    }
  }

  /// Reads a list of structs, calling `element` for each.
  mutating func structs(depth: Int = 0, _ element: (inout ThriftCompactReader) throws(ParquetFailure) -> Void) throws(ParquetFailure) {
    let (count, type) = try listHeader()
    guard type == FieldType.structure.rawValue else { throw failure("expected a list of structs") }
    for _ in 0..<count { try element(&self) }
  }

  /// Reads a list of strings.
  mutating func strings() throws(ParquetFailure) -> [String] {
    let (count, type) = try listHeader()
    guard type == FieldType.binary.rawValue else { throw failure("expected a list of strings") }
    var out: [String] = []
    for _ in 0..<count { out.append(try string()) }
    return out
  }

  /// Skips one value of `type`.
  mutating func skip(_ type: UInt8, depth: Int = 0) throws(ParquetFailure) {
    guard depth < Self.maxDepth else { throw failure("values nested too deep") }
    switch FieldType(rawValue: type) {
    case .boolTrue, .boolFalse: return  // a struct field's value is its type; a list element's is a byte, skipped by the list
    case .byte: _ = try byte()
    case .i16, .i32, .i64: _ = try varint()
    case .double:
      guard bytes.count - offset >= 8 else { throw failure("the metadata ends early") }
      offset += 8
    case .binary: _ = try binary()
    case .list, .set:
      let (count, element) = try listHeader()
      for _ in 0..<count { try skipElement(element, depth: depth + 1) }
    case .map:
      let n = try varint()
      guard n > 0 else { return }
      guard n <= UInt64(bytes.count - offset) else { throw failure("a map longer than the metadata") }
      let types = try byte()
      for _ in 0..<n {
        try skipElement(types >> 4, depth: depth + 1)
        try skipElement(types & 0x0F, depth: depth + 1)
      }
    case .structure: try structure(depth: depth + 1) { _, _, _ throws(ParquetFailure) in false }
    case nil: throw failure("unknown Thrift type \(type)")
    }
  }

  /// Skips one element of a list or map: a boolean there is a byte of its own.
  private mutating func skipElement(_ type: UInt8, depth: Int) throws(ParquetFailure) {
    if type == FieldType.boolTrue.rawValue || type == FieldType.boolFalse.rawValue { _ = try byte() } else { try skip(type, depth: depth) }
  }
}

/// Why a Parquet file cannot be read, and where.
struct ParquetFailure: Error {
  var message: String
  /// The byte offset in the file (or in the footer, for the metadata) where it was noticed.
  var offset: Int
}

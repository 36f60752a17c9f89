/// What a Parquet file's footer says: its leaf columns (with the levels their nesting gives)
/// and, per row group, where each leaf's column chunk is. Read from untrusted bytes: offsets
/// and counts are checked against the file before they are used.
struct ParquetMetadata {
  /// A leaf column of the schema.
  struct Leaf {
    /// Its path from the root, without the root: `["actor", "list", "element"]`.
    var path: [String]
    var physical: Physical
    /// The highest definition and repetition levels its ancestors and itself give.
    var maxDefinition: Int
    var maxRepetition: Int
    /// Whether it is declared a DATE (an INT32 of days since 1970-01-01).
    var isDate: Bool
  }

  /// Parquet's physical types, by their Thrift codes.
  enum Physical: Int32 {
    case boolean = 0, int32 = 1, int64 = 2, int96 = 3, float = 4, double = 5, byteArray = 6, fixedLengthByteArray = 7
  }

  /// Where one leaf's values are in one row group.
  struct Chunk {
    var codec: Int32
    /// Whether any page spells values as prefixes of the one before (DELTA_BYTE_ARRAY).
    var prefixed = false
    var values: Int
    /// The first page's offset (the dictionary page's when there is one) and the chunk's size.
    var start: Int
    var size: Int
  }

  /// A row group: its row count and one chunk per leaf, in the order of `leaves`.
  struct RowGroup {
    var rows: Int
    var chunks: [Chunk]
  }

  var leaves: [Leaf] = []
  var rowGroups: [RowGroup] = []

  /// The metadata of the file `file`, checked: magic numbers at both ends, the footer inside
  /// the file, every column chunk inside the data.
  static func read(_ file: UnsafeBufferPointer<UInt8>) throws(ParquetFailure) -> ParquetMetadata {
    let magic: [UInt8] = Array("PAR1".utf8)
    guard file.count >= 12, file.starts(with: magic), file[(file.count - 4)...].elementsEqual(magic) else {
      throw ParquetFailure(message: "not a Parquet file (no PAR1 at both ends)", offset: 0)
    }
    let length = (0..<4).reduce(0) { $0 | Int(file[file.count - 8 + $1]) << (8 * $1) }
    guard length <= file.count - 12 else {
      throw ParquetFailure(message: "a footer of \(length) bytes is longer than the file", offset: file.count - 8)
    }
    let footer = file.count - 8 - length
    var reader = ThriftCompactReader(UnsafeBufferPointer(rebasing: file[..<(file.count - 8)]), at: footer)
    var elements: [Element] = []
    var groups: [(rows: Int, chunks: [(path: [String], chunk: Chunk)])] = []
    try reader.structure { r, id, type throws(ParquetFailure) in
      switch (id, type) {
      case (2, ThriftCompactReader.FieldType.list.rawValue):
        try r.structs { r throws(ParquetFailure) in elements.append(try Element.read(&r)) }
      case (4, ThriftCompactReader.FieldType.list.rawValue):
        try r.structs { r throws(ParquetFailure) in groups.append(try readRowGroup(&r)) }
      default: return false
      }
      return true
    }
    var metadata = ParquetMetadata()
    metadata.leaves = try leaves(elements, at: footer)
    let index = Dictionary(metadata.leaves.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    for group in groups {
      var chunks = [Chunk?](repeating: nil, count: metadata.leaves.count)
      for (path, chunk) in group.chunks {
        guard let k = index[path] else {
          throw ParquetFailure(message: "a column chunk for \(path.joined(separator: ".")), which the schema lacks", offset: footer)
        }
        guard chunk.start >= 4, chunk.size >= 0, chunk.start <= footer, chunk.size <= footer - chunk.start else {
          throw ParquetFailure(message: "the column chunk of \(path.joined(separator: ".")) lies outside the data", offset: footer)
        }
        chunks[k] = chunk
      }
      guard chunks.allSatisfy({ $0 != nil }) else { throw ParquetFailure(message: "a row group lacks a column chunk", offset: footer) }
      metadata.rowGroups.append(RowGroup(rows: group.rows, chunks: chunks.map { $0! }))
    }
    return metadata
  }

  /// A schema element, as the footer lists them (depth first).
  struct Element {
    var name = ""
    var physical: Int32? = nil
    var repetition: Int32 = 0
    var children = 0
    var isDate = false

    static func read(_ r: inout ThriftCompactReader) throws(ParquetFailure) -> Element {
      var e = Element()
      try r.structure { r, id, type throws(ParquetFailure) in
        switch (id, type) {
        case (1, ThriftCompactReader.FieldType.i32.rawValue): e.physical = try r.i32()
        case (3, ThriftCompactReader.FieldType.i32.rawValue): e.repetition = try r.i32()
        case (4, ThriftCompactReader.FieldType.binary.rawValue): e.name = try r.string()
        case (5, ThriftCompactReader.FieldType.i32.rawValue): e.children = Int(try r.i32())
        case (6, ThriftCompactReader.FieldType.i32.rawValue):
          let converted = try r.i32()
          if converted == 6 { e.isDate = true }  // DATE
        case (10, ThriftCompactReader.FieldType.structure.rawValue):
          // LogicalType, a union: member 6 is DATE
          try r.structure { _, member, _ throws(ParquetFailure) in
            if member == 6 { e.isDate = true }
            return false
          }
        default: return false
        }
        return true
      }
      return e
    }
  }

  /// The leaves of the schema, each with its path and levels (a tree given depth first, each
  /// group with its number of children).
  static func leaves(_ elements: [Element], at offset: Int) throws(ParquetFailure) -> [Leaf] {
    guard let root = elements.first else { throw ParquetFailure(message: "an empty schema", offset: offset) }
    var leaves: [Leaf] = []
    var next = 1
    func walk(_ children: Int, path: [String], definition: Int, repetition: Int, depth: Int) throws(ParquetFailure) {
      guard depth < ThriftCompactReader.maxDepth else { throw ParquetFailure(message: "a schema nested too deep", offset: offset) }
      guard children >= 0 else { throw ParquetFailure(message: "a schema group with \(children) children", offset: offset) }
      for _ in 0..<children {
        guard next < elements.count else {
          throw ParquetFailure(message: "the schema lists fewer elements than its groups hold", offset: offset)
        }
        let e = elements[next]
        next += 1
        let d = definition + (e.repetition == 0 ? 0 : 1)
        let r = repetition + (e.repetition == 2 ? 1 : 0)
        if e.children > 0 {
          try walk(e.children, path: path + [e.name], definition: d, repetition: r, depth: depth + 1)
        } else {
          guard let code = e.physical, let physical = Physical(rawValue: code) else {
            throw ParquetFailure(message: "column \((path + [e.name]).joined(separator: ".")) has no known physical type", offset: offset)
          }
          leaves.append(Leaf(path: path + [e.name], physical: physical, maxDefinition: d, maxRepetition: r, isDate: e.isDate))
        }
      }
    }
    try walk(root.children, path: [], definition: 0, repetition: 0, depth: 0)
    return leaves
  }

  static func readRowGroup(_ r: inout ThriftCompactReader) throws(ParquetFailure) -> (rows: Int, chunks: [(path: [String], chunk: Chunk)]) {
    var rows = 0
    var chunks: [(path: [String], chunk: Chunk)] = []
    try r.structure { r, id, type throws(ParquetFailure) in
      switch (id, type) {
      case (1, ThriftCompactReader.FieldType.list.rawValue):
        try r.structs { r throws(ParquetFailure) in
          try r.structure { r, id, type throws(ParquetFailure) in
            guard id == 3, type == ThriftCompactReader.FieldType.structure.rawValue else { return false }
            chunks.append(try readColumnMetadata(&r))
            return true
          }
        }
      case (3, ThriftCompactReader.FieldType.i64.rawValue):
        let n = try r.i64()
        guard n >= 0, n <= Int64(Int32.max) else { throw r.failure("a row group of \(n) rows") }
        rows = Int(n)
      default: return false
      }
      return true
    }
    return (rows, chunks)
  }

  static func readColumnMetadata(_ r: inout ThriftCompactReader) throws(ParquetFailure) -> (path: [String], chunk: Chunk) {
    var path: [String] = []
    var codec: Int32 = 0
    var values: Int64 = 0
    var size: Int64 = -1
    var dataPage: Int64 = -1
    var dictionaryPage: Int64? = nil
    var prefixed = false
    try r.structure { r, id, type throws(ParquetFailure) in
      switch (id, type) {
      case (2, ThriftCompactReader.FieldType.list.rawValue):
        let (count, element) = try r.listHeader()
        for _ in 0..<count {
          guard element == ThriftCompactReader.FieldType.i32.rawValue else { throw r.failure("expected a list of encodings") }
          if try r.i32() == 7 { prefixed = true }
        }
      case (3, ThriftCompactReader.FieldType.list.rawValue): path = try r.strings()
      case (4, ThriftCompactReader.FieldType.i32.rawValue): codec = try r.i32()
      case (5, ThriftCompactReader.FieldType.i64.rawValue): values = try r.i64()
      case (7, ThriftCompactReader.FieldType.i64.rawValue): size = try r.i64()
      case (9, ThriftCompactReader.FieldType.i64.rawValue): dataPage = try r.i64()
      case (11, ThriftCompactReader.FieldType.i64.rawValue): dictionaryPage = try r.i64()
      default: return false
      }
      return true
    }
    // some writers set a zero dictionary offset for no dictionary
    let start = min(dataPage, dictionaryPage.flatMap { $0 > 0 ? $0 : nil } ?? dataPage)
    guard values >= 0, values <= Int64(Int32.max), start >= 0, size >= 0, start <= Int64(Int.max / 2), size <= Int64(Int.max / 2) else {
      throw r.failure("column \(path.joined(separator: ".")): a bad offset, size or value count")
    }
    return (path, Chunk(codec: codec, prefixed: prefixed, values: Int(values), start: Int(start), size: Int(size)))
  }
}

/// One leaf's values in one row group, decoded from its pages: its levels, and its values as
/// byte ranges (strings) or numbers. Reads v1 and v2 data pages, plain and dictionary
/// encodings, uncompressed or Snappy-compressed.
struct ParquetColumnChunk {
  /// One definition level per entry (empty when the leaf is required: every entry defined).
  var definition: [UInt8] = []
  /// One repetition level per entry (empty when nothing repeats: an entry per row).
  var repetition: [UInt8] = []
  /// Where each plain string value's bytes start and how many there are: in the file, or in
  /// `arena` when the chunk is compressed.
  var starts: [Int] = []
  var lengths: [Int32] = []
  /// Dictionary-encoded string values: each value's entry in the dictionary (when every page
  /// so far was dictionary-encoded; a plain page after them spells them out in `starts`).
  var indices: [Int32] = []
  /// The dictionary's entries, as `starts` and `lengths` are.
  var dictionaryStarts: [Int] = []
  var dictionaryLengths: [Int32] = []
  /// The numbers of an INT32 leaf.
  var numbers: [Int32] = []
  /// Decompressed page bytes, which `starts` index when `inArena`.
  var arena: [UInt8] = []
  var inArena = false
  /// The number of entries (levels).
  var entries = 0

  /// The most entries one page may claim: a page of runs can claim any number in a few bytes.
  static let maxPageEntries = 1 << 26

  /// Decodes `chunk` of `leaf` from `file`.
  init(_ file: UnsafeBufferPointer<UInt8>, _ chunk: ParquetMetadata.Chunk, _ leaf: ParquetMetadata.Leaf) throws(ParquetFailure) {
    guard chunk.codec == 0 || chunk.codec == 1 else {
      let names = [2: "GZIP", 3: "LZO", 4: "Brotli", 5: "LZ4", 6: "ZSTD", 7: "LZ4_RAW"]
      throw ParquetFailure(
        message:
          "column \(leaf.path.joined(separator: ".")) is compressed with \(names[Int(chunk.codec)] ?? "codec \(chunk.codec)"); "
          + "claimsh reads uncompressed or Snappy Parquet",
        offset: chunk.start)
    }
    let compressed = chunk.codec != 0
    // values spelled out from prefixes are written out, so all of the chunk's values are kept apart from the file
    inArena = compressed || chunk.prefixed
    // room for every entry the footer promises (its count is checked against the pages read)
    let promised = min(chunk.values, Self.maxPageEntries)
    if leaf.maxDefinition > 0 { definition.reserveCapacity(promised) }
    if leaf.maxRepetition > 0 { repetition.reserveCapacity(promised) }
    var dictionary: (starts: [Int], lengths: [Int32], numbers: [Int32])? = nil
    var offset = chunk.start
    let end = chunk.start + chunk.size
    while entries < chunk.values && offset < end {
      var header = ThriftCompactReader(UnsafeBufferPointer(rebasing: file[..<end]), at: offset)
      let page = try PageHeader.read(&header)
      let body = header.offset..<(header.offset + page.compressedSize)
      guard page.compressedSize >= 0, page.compressedSize <= end - header.offset else {
        throw ParquetFailure(message: "a page runs past its column chunk", offset: offset)
      }
      offset = body.upperBound
      switch page.type {
      case 2:  // dictionary
        try withPage(file, body, page, compressed: compressed) { chunk, buffer, range, shift throws(ParquetFailure) in
          var d: (starts: [Int], lengths: [Int32], numbers: [Int32]) = ([], [], [])
          try Self.plain(buffer, range, count: page.values, leaf, starts: &d.starts, lengths: &d.lengths, numbers: &d.numbers, shift: shift)
          dictionary = d
        }
        continue
      case 0:  // data page v1: levels and values, all compressed together
        try withPage(file, body, page, compressed: compressed) { chunk, buffer, range, shift throws(ParquetFailure) in
          var i = range.lowerBound
          if leaf.maxRepetition > 0 {
            try Self.levels(buffer, &i, range.upperBound, nil, leaf.maxRepetition, page.values, into: &chunk.repetition)
          }
          if leaf.maxDefinition > 0 {
            try Self.levels(buffer, &i, range.upperBound, nil, leaf.maxDefinition, page.values, into: &chunk.definition)
          }
          try chunk.values(buffer, i..<range.upperBound, page, leaf, dictionary, shift: shift)
        }
      case 3:  // data page v2: levels uncompressed, then the values, compressed or not
        var i = body.lowerBound
        guard page.repetitionBytes >= 0, page.definitionBytes >= 0, page.repetitionBytes + page.definitionBytes <= body.count else {
          throw ParquetFailure(message: "a v2 page's levels run past the page", offset: i)
        }
        if leaf.maxRepetition > 0 {
          try Self.levels(file, &i, body.upperBound, page.repetitionBytes, leaf.maxRepetition, page.values, into: &repetition)
        }
        i = body.lowerBound + page.repetitionBytes
        if leaf.maxDefinition > 0 {
          try Self.levels(file, &i, body.upperBound, page.definitionBytes, leaf.maxDefinition, page.values, into: &definition)
        }
        i = body.lowerBound + page.repetitionBytes + page.definitionBytes
        var rest = page
        rest.uncompressedSize -= page.repetitionBytes + page.definitionBytes
        try withPage(file, i..<body.upperBound, rest, compressed: compressed && page.compressed) {
          chunk, buffer, range, shift throws(ParquetFailure) in
          try chunk.values(buffer, range, page, leaf, dictionary, shift: shift)
        }
      default:
        continue  // an index page
      }
      entries += page.values
      let expected = entries
      guard (leaf.maxRepetition == 0 || repetition.count == expected), (leaf.maxDefinition == 0 || definition.count == expected) else {
        throw ParquetFailure(message: "a page's levels do not match its value count", offset: body.lowerBound)
      }
    }
    guard entries >= chunk.values else {
      throw ParquetFailure(
        message: "column \(leaf.path.joined(separator: ".")) has \(entries) values, where the footer says \(chunk.values)", offset: offset)
    }
  }

  /// Calls `read` with a page's bytes (`range` of `buffer`) and the shift that turns an offset
  /// in `buffer` into a value's recorded start: the file itself, or the page decompressed (or
  /// copied, when the chunk is compressed but this page is not) and kept in the arena.
  private mutating func withPage(
    _ file: UnsafeBufferPointer<UInt8>, _ body: Range<Int>, _ page: PageHeader, compressed: Bool,
    _ read: (inout ParquetColumnChunk, UnsafeBufferPointer<UInt8>, Range<Int>, Int) throws(ParquetFailure) -> Void
  ) throws(ParquetFailure) {
    guard inArena else { return try read(&self, file, body, 0) }
    guard page.uncompressedSize >= 0, page.uncompressedSize <= Self.maxPageEntries * 16 else {
      throw ParquetFailure(message: "a page of \(page.uncompressedSize) bytes", offset: body.lowerBound)
    }
    var decoded: [UInt8] = []
    let source = UnsafeBufferPointer(rebasing: file[body])
    if compressed {
      do { try Snappy.decompress(source, expected: page.uncompressedSize, into: &decoded) } catch {
        throw ParquetFailure(message: error.message, offset: body.lowerBound + error.offset)
      }
    } else {
      decoded.append(contentsOf: source)
    }
    let shift = arena.count
    arena += decoded
    var failure: ParquetFailure? = nil
    decoded.withUnsafeBufferPointer { buffer in
      // a problem inside a decompressed page is reported at the page
      do throws(ParquetFailure) { try read(&self, buffer, 0..<buffer.count, shift) } catch {
        failure = ParquetFailure(message: error.message, offset: body.lowerBound)
      }
    }
    if let failure { throw failure }
  }

  /// Reads `count` levels up to `max`: behind a 4-byte length (v1), or in `length` bytes (v2).
  private static func levels(
    _ buffer: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, _ length: Int?, _ max: Int, _ count: Int, into out: inout [UInt8]
  ) throws(ParquetFailure) {
    var size = length ?? 0
    if length == nil {
      guard end - i >= 4 else { throw ParquetFailure(message: "a page's levels end early", offset: i) }
      size = (0..<4).reduce(0) { $0 | Int(buffer[i + $1]) << (8 * $1) }
      i += 4
    }
    guard size <= end - i else { throw ParquetFailure(message: "a page's levels run past the page", offset: i) }
    try ParquetHybrid.decode(buffer, i..<(i + size), width: ParquetHybrid.bitWidth(max), count: count, limit: max, into: &out)
    i += size
  }

  /// Reads a data page's values: plain, or indices into the dictionary.
  private mutating func values(
    _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ page: PageHeader, _ leaf: ParquetMetadata.Leaf,
    _ dictionary: (starts: [Int], lengths: [Int32], numbers: [Int32])?, shift: Int
  ) throws(ParquetFailure) {
    let defined =
      leaf.maxDefinition == 0
      ? page.values : definition[(definition.count - page.values)...].reduce(0) { $0 + ($1 == leaf.maxDefinition ? 1 : 0) }
    switch page.encoding {
    case 0:
      spellOutIndices()
      try Self.plain(buffer, range, count: defined, leaf, starts: &starts, lengths: &lengths, numbers: &numbers, shift: shift)
    case 2, 8:
      guard let dictionary else { throw ParquetFailure(message: "dictionary indices without a dictionary page", offset: range.lowerBound) }
      guard defined > 0 else { return }
      guard range.count >= 1 else { throw ParquetFailure(message: "a page's indices end early", offset: range.lowerBound) }
      var indices: [Int32] = []
      let size = max(dictionary.starts.count, dictionary.numbers.count)
      guard size > 0 else { throw ParquetFailure(message: "indices into an empty dictionary", offset: range.lowerBound) }
      try ParquetHybrid.decode(
        buffer, (range.lowerBound + 1)..<range.upperBound, width: Int(buffer[range.lowerBound]), count: defined, limit: size - 1,
        into: &indices)
      if leaf.physical == .byteArray && starts.isEmpty {
        dictionaryStarts = dictionary.starts
        dictionaryLengths = dictionary.lengths
        self.indices += indices
      } else if leaf.physical == .byteArray {
        for k in indices {
          starts.append(dictionary.starts[Int(k)])
          lengths.append(dictionary.lengths[Int(k)])
        }
      } else {
        for k in indices { numbers.append(dictionary.numbers[Int(k)]) }
      }
    case 5 where leaf.physical == .int32:
      spellOutIndices()
      var numbers: [Int64] = []
      _ = try ParquetDelta.integers(buffer, range, into: &numbers)
      guard numbers.count == defined else {
        throw ParquetFailure(message: "delta encoding: \(numbers.count) values where the levels say \(defined)", offset: range.lowerBound)
      }
      for n in numbers {
        guard let v = Int32(exactly: n) else {
          throw ParquetFailure(message: "delta encoding: an INT32 out of range", offset: range.lowerBound)
        }
        self.numbers.append(v)
      }
    case 6 where leaf.physical == .byteArray:
      spellOutIndices()
      _ = try ParquetDelta.lengthPrefixed(buffer, range, count: defined, shift: shift, starts: &starts, lengths: &lengths)
    case 7 where leaf.physical == .byteArray && inArena:
      spellOutIndices()
      try ParquetDelta.prefixed(buffer, range, count: defined, arena: &arena, starts: &starts, lengths: &lengths)
    default:
      throw ParquetFailure(
        message:
          "column \(leaf.path.joined(separator: ".")) uses encoding \(page.encoding); claimsh reads plain, dictionary and delta encodings",
        offset: range.lowerBound)
    }
  }

  /// Turns the dictionary-encoded values so far into plain ones (a chunk whose writer gave up
  /// its dictionary part way).
  private mutating func spellOutIndices() {
    guard !indices.isEmpty else { return }
    for k in indices {
      starts.append(dictionaryStarts[Int(k)])
      lengths.append(dictionaryLengths[Int(k)])
    }
    indices = []
  }

  /// How many values (not levels) there are.
  var valueCount: Int { starts.count + indices.count + numbers.count }

  /// Where string value `k`'s bytes are, in the file or the arena.
  func range(of k: Int) -> Range<Int> {
    if indices.isEmpty { return starts[k]..<(starts[k] + Int(lengths[k])) }
    let d = Int(indices[k])
    return dictionaryStarts[d]..<(dictionaryStarts[d] + Int(dictionaryLengths[d]))
  }

  /// Calls `body` with the bytes of string value `k`.
  func withValue<R>(_ k: Int, _ file: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let range = range(of: k)
    if inArena { return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) } }
    return body(UnsafeBufferPointer(rebasing: file[range]))
  }

  /// Reads `count` plain-encoded values: strings behind 4-byte lengths, or INT32s. Other
  /// physical types are skipped over (their values are not read).
  private static func plain(
    _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, count: Int, _ leaf: ParquetMetadata.Leaf,
    starts: inout [Int], lengths: inout [Int32], numbers: inout [Int32], shift: Int
  ) throws(ParquetFailure) {
    guard count >= 0, count <= maxPageEntries else { throw ParquetFailure(message: "a page of \(count) values", offset: range.lowerBound) }
    var i = range.lowerBound
    switch leaf.physical {
    case .byteArray:
      for _ in 0..<count {
        guard range.upperBound - i >= 4 else { throw ParquetFailure(message: "a page's values end early", offset: i) }
        let n = Int(buffer[i]) | Int(buffer[i + 1]) << 8 | Int(buffer[i + 2]) << 16 | Int(buffer[i + 3]) << 24
        i += 4
        guard n <= range.upperBound - i else { throw ParquetFailure(message: "a string runs past its page", offset: i) }
        starts.append(i + shift)
        lengths.append(Int32(n))
        i += n
      }
    case .int32:
      guard (range.upperBound - i) / 4 >= count else { throw ParquetFailure(message: "a page's values end early", offset: i) }
      for k in 0..<count {
        let j = i + 4 * k
        numbers.append(
          Int32(bitPattern: UInt32(buffer[j]) | UInt32(buffer[j + 1]) << 8 | UInt32(buffer[j + 2]) << 16 | UInt32(buffer[j + 3]) << 24))
      }
    default:
      return
    }
  }

  /// The fields of a page header that reading needs.
  struct PageHeader {
    var type: Int32 = -1
    var uncompressedSize = 0
    var compressedSize = -1
    var values = 0
    var encoding: Int32 = 0
    var definitionBytes = 0
    var repetitionBytes = 0
    var compressed = true

    static func read(_ r: inout ThriftCompactReader) throws(ParquetFailure) -> PageHeader {
      var h = PageHeader()
      typealias T = ThriftCompactReader.FieldType
      func count(_ r: inout ThriftCompactReader) throws(ParquetFailure) -> Int {
        let n = try r.i32()
        guard n >= 0, Int(n) <= maxPageEntries else { throw r.failure("a page of \(n) values") }
        return Int(n)
      }
      try r.structure { r, id, type throws(ParquetFailure) in
        switch (id, type) {
        case (1, T.i32.rawValue): h.type = try r.i32()
        case (2, T.i32.rawValue): h.uncompressedSize = Int(try r.i32())
        case (3, T.i32.rawValue): h.compressedSize = Int(try r.i32())
        case (5, T.structure.rawValue), (7, T.structure.rawValue):
          // data page v1, dictionary page: the value count, then the encoding
          try r.structure { r, id, type throws(ParquetFailure) in
            switch (id, type) {
            case (1, T.i32.rawValue): h.values = try count(&r)
            case (2, T.i32.rawValue): h.encoding = try r.i32()
            default: return false
            }
            return true
          }
        case (8, T.structure.rawValue):
          try r.structure { r, id, type throws(ParquetFailure) in
            switch (id, type) {
            case (1, T.i32.rawValue): h.values = try count(&r)
            case (4, T.i32.rawValue): h.encoding = try r.i32()
            case (5, T.i32.rawValue): h.definitionBytes = Int(try r.i32())
            case (6, T.i32.rawValue): h.repetitionBytes = Int(try r.i32())
            case (7, T.boolTrue.rawValue), (7, T.boolFalse.rawValue): h.compressed = type == T.boolTrue.rawValue
            default: return false
            }
            return true
          }
        default: return false
        }
        return true
      }
      guard h.type >= 0, h.compressedSize >= 0 else { throw r.failure("a page header without a type or size") }
      return h
    }
  }
}

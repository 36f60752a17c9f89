/// Parquet's delta encodings, which v2 writers (DuckDB's `parquet_version v2`, Spark's v2
/// writer) use: DELTA_BINARY_PACKED integers, and strings as delta-packed lengths (and prefix
/// lengths) followed by their bytes.
enum ParquetDelta {
  /// Decodes the DELTA_BINARY_PACKED integers at `bytes[range]` into `out`; returns the offset
  /// just after them.
  static func integers(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [Int64]) throws(ParquetFailure) -> Int {
    var i = range.lowerBound
    func fail(_ message: String) -> ParquetFailure { ParquetFailure(message: "delta encoding: \(message)", offset: i) }
    func varint() throws(ParquetFailure) -> UInt64 {
      var value: UInt64 = 0
      for shift in stride(from: 0, to: 64, by: 7) {
        guard i < range.upperBound else { throw fail("ends early") }
        let b = bytes[i]
        i += 1
        value |= UInt64(b & 0x7F) << UInt64(shift)
        if b < 0x80 { return value }
      }
      throw fail("a varint longer than 10 bytes")
    }
    func zigzag() throws(ParquetFailure) -> Int64 {
      let v = try varint()
      return Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1)
    }
    let blockSize = Int(clamping: try varint())
    let miniblocks = Int(clamping: try varint())
    let total = Int(clamping: try varint())
    guard blockSize > 0, blockSize % 128 == 0, miniblocks > 0, blockSize % miniblocks == 0, (blockSize / miniblocks) % 32 == 0 else {
      throw fail("a block of \(blockSize) values in \(miniblocks) miniblocks")
    }
    guard total <= ParquetColumnChunk.maxPageEntries else { throw fail("\(total) values") }
    var value = try zigzag()
    guard total > 0 else { return i }
    out.append(value)
    var left = total - 1
    let perMiniblock = blockSize / miniblocks
    while left > 0 {
      let minDelta = try zigzag()
      guard range.upperBound - i >= miniblocks else { throw fail("ends early") }
      let widths = (0..<miniblocks).map { Int(bytes[i + $0]) }
      i += miniblocks
      for width in widths where left > 0 {
        guard width <= 64 else { throw fail("a bit width of \(width)") }
        let size = perMiniblock * width / 8
        guard range.upperBound - i >= size else { throw fail("ends early") }
        for k in 0..<min(perMiniblock, left) {
          var delta: UInt64 = 0
          var got = 0
          let bit = k * width
          while got < width {
            let byte = UInt64(bytes[i + (bit + got) / 8])
            let shift = (bit + got) % 8
            let n = min(8 - shift, width - got)
            delta |= (byte >> UInt64(shift) & ((1 << UInt64(n)) - 1)) << UInt64(got)
            got += n
          }
          value = value &+ minDelta &+ Int64(bitPattern: delta)
          out.append(value)
        }
        left -= min(perMiniblock, left)
        i += size
      }
    }
    return i
  }

  /// Decodes DELTA_LENGTH_BYTE_ARRAY strings at `bytes[range]`: `count` lengths, then the bytes
  /// one after another; appends each value's start (plus `shift`) and length.
  static func lengthPrefixed(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, count: Int, shift: Int, starts: inout [Int], lengths: inout [Int32]
  ) throws(ParquetFailure) -> Int {
    var sizes: [Int64] = []
    var i = try integers(bytes, range, into: &sizes)
    guard sizes.count == count else {
      throw ParquetFailure(message: "delta encoding: \(sizes.count) lengths for \(count) values", offset: i)
    }
    for n in sizes {
      guard n >= 0, n <= Int64(range.upperBound - i) else {
        throw ParquetFailure(message: "delta encoding: a string runs past its page", offset: i)
      }
      starts.append(i + shift)
      lengths.append(Int32(n))
      i += Int(n)
    }
    return i
  }

  /// Decodes DELTA_BYTE_ARRAY strings at `bytes[range]`: each value is a prefix of the one
  /// before it and a suffix. The values are spelled out at the end of `arena`; appends each
  /// one's start there and its length.
  static func prefixed(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, count: Int, arena: inout [UInt8], starts: inout [Int], lengths: inout [Int32]
  ) throws(ParquetFailure) {
    var prefixes: [Int64] = []
    let i = try integers(bytes, range, into: &prefixes)
    guard prefixes.count == count else {
      throw ParquetFailure(message: "delta encoding: \(prefixes.count) prefixes for \(count) values", offset: i)
    }
    var suffixStarts: [Int] = []
    var suffixLengths: [Int32] = []
    _ = try lengthPrefixed(bytes, i..<range.upperBound, count: count, shift: 0, starts: &suffixStarts, lengths: &suffixLengths)
    var previous = 0..<0
    for k in 0..<count {
      let prefix = prefixes[k]
      guard prefix >= 0, prefix <= Int64(previous.count) else {
        throw ParquetFailure(message: "delta encoding: a prefix longer than the value before it", offset: i)
      }
      let start = arena.count
      // copied first: appending a slice of itself would copy the arena
      let head = Array(arena[previous.lowerBound..<(previous.lowerBound + Int(prefix))])
      arena.append(contentsOf: head)
      arena.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[suffixStarts[k]..<(suffixStarts[k] + Int(suffixLengths[k]))]))
      previous = start..<arena.count
      guard previous.count <= Int(Int32.max) else { throw ParquetFailure(message: "delta encoding: a value too long", offset: i) }
      starts.append(start)
      lengths.append(Int32(previous.count))
    }
  }
}

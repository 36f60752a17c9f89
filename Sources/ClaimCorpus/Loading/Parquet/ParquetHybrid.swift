/// Parquet's RLE / bit-packed hybrid encoding, which holds repetition and definition levels
/// and dictionary indices: runs of one repeated value, and groups of eight values packed least
/// significant bit first.
enum ParquetHybrid {
  /// The bits a value up to `maxValue` needs.
  static func bitWidth(_ maxValue: Int) -> Int {
    var width = 0
    while (1 << width) <= maxValue { width += 1 }
    return width
  }

  /// Decodes `count` values of `width` bits from `bytes[range]`, appending them to `out`;
  /// values above `limit` are an error (a level deeper than the column's, an index past the
  /// dictionary).
  static func decode<T: FixedWidthInteger>(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, width: Int, count: Int, limit: Int, into out: inout [T]
  ) throws(ParquetFailure) {
    guard width <= 32 else { throw ParquetFailure(message: "a bit width of \(width)", offset: range.lowerBound) }
    var i = range.lowerBound
    var left = count
    func varint() throws(ParquetFailure) -> Int {
      var value = 0
      for shift in stride(from: 0, to: 35, by: 7) {
        guard i < range.upperBound else { throw ParquetFailure(message: "levels or indices end early", offset: i) }
        let b = bytes[i]
        i += 1
        value |= Int(b & 0x7F) << shift
        if b < 0x80 { return value }
      }
      throw ParquetFailure(message: "a run header longer than 5 bytes", offset: i)
    }
    while left > 0 {
      let header = try varint()
      if header & 1 == 0 {
        // a run: its length, then its value in whole bytes
        let run = min(header >> 1, left)
        let size = (width + 7) / 8
        guard range.upperBound - i >= size else { throw ParquetFailure(message: "levels or indices end early", offset: i) }
        var value = 0
        for k in 0..<size { value |= Int(bytes[i + k]) << (8 * k) }
        i += size
        guard value <= limit else { throw ParquetFailure(message: "a value of \(value), more than \(limit)", offset: i) }
        guard run > 0 else { throw ParquetFailure(message: "an empty run", offset: i) }
        out.append(contentsOf: repeatElement(T(truncatingIfNeeded: value), count: run))
        left -= run
      } else {
        // bit-packed groups of eight
        let groups = header >> 1
        guard groups > 0 else { throw ParquetFailure(message: "an empty bit-packed run", offset: i) }
        guard (range.upperBound - i) / max(width, 1) >= groups || width == 0 else {
          throw ParquetFailure(message: "levels or indices end early", offset: i)
        }
        let take = min(groups * 8, left)
        let mask = width == 64 ? Int.max : (1 << width) - 1
        var bit = 0
        for _ in 0..<take {
          var value = 0
          var got = 0
          while got < width {
            let byte = Int(bytes[i + (bit + got) / 8])
            let shift = (bit + got) % 8
            let n = min(8 - shift, width - got)
            value |= (byte >> shift & ((1 << n) - 1)) << got
            got += n
          }
          bit += width
          let v = value & mask
          guard v <= limit else { throw ParquetFailure(message: "a value of \(v), more than \(limit)", offset: i) }
          out.append(T(truncatingIfNeeded: v))
        }
        i += groups * width
        left -= take
      }
    }
  }
}

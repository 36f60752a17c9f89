/// Decompresses Snappy's raw format (the default compression of DuckDB's and Spark's Parquet):
/// the uncompressed length as a varint, then literals and back-references. Every length and
/// offset is checked, so damaged input is an error, never a read out of bounds.
enum Snappy {
  static func decompress(_ input: UnsafeBufferPointer<UInt8>, expected: Int, into out: inout [UInt8]) throws(ParquetFailure) {
    var i = 0
    func fail(_ message: String) -> ParquetFailure { ParquetFailure(message: "Snappy: \(message)", offset: i) }
    var length = 0
    for shift in stride(from: 0, to: 35, by: 7) {
      guard i < input.count else { throw fail("the length ends early") }
      let b = input[i]
      i += 1
      length |= Int(b & 0x7F) << shift
      if b < 0x80 { break }
      if shift == 28 { throw fail("a length longer than 5 bytes") }
    }
    guard length == expected else { throw fail("\(length) bytes, where the page header says \(expected)") }
    let base = out.count
    out.reserveCapacity(base + length)
    while i < input.count {
      let tag = input[i]
      i += 1
      var size: Int
      var offset: Int
      switch tag & 3 {
      case 0:
        size = Int(tag >> 2) + 1
        if size > 60 {
          let bytes = size - 60
          guard input.count - i >= bytes else { throw fail("a literal's length ends early") }
          size = 0
          for k in 0..<bytes { size |= Int(input[i + k]) << (8 * k) }
          size += 1
          i += bytes
        }
        guard input.count - i >= size, out.count - base + size <= length else { throw fail("a literal runs past the end") }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<(i + size)]))
        i += size
        continue
      case 1:
        guard i < input.count else { throw fail("a copy ends early") }
        size = Int(tag >> 2 & 7) + 4
        offset = Int(tag >> 5) << 8 | Int(input[i])
        i += 1
      case 2:
        guard input.count - i >= 2 else { throw fail("a copy ends early") }
        size = Int(tag >> 2) + 1
        offset = Int(input[i]) | Int(input[i + 1]) << 8
        i += 2
      default:
        guard input.count - i >= 4 else { throw fail("a copy ends early") }
        size = Int(tag >> 2) + 1
        offset = (0..<4).reduce(0) { $0 | Int(input[i + $1]) << (8 * $1) }
        i += 4
      }
      guard offset > 0, offset <= out.count - base, out.count - base + size <= length else {
        throw fail("a copy reaches outside the output")
      }
      // the source may overlap what is being written: copy byte by byte
      let from = out.count - offset
      for k in 0..<size { out.append(out[from + k]) }
    }
    guard out.count - base == length else { throw fail("\(out.count - base) bytes, where it says \(length)") }
  }
}

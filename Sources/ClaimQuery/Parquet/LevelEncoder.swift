/// Parquet's RLE / bit-packed hybrid encoding of repetition and definition levels: a run of
/// eight or more equal levels is one RLE run, everything else is bit-packed eight at a time.
enum LevelEncoder {
  /// The bits a level up to `maxLevel` needs.
  static func bitWidth(_ maxLevel: Int) -> Int {
    var width = 0
    while (1 << width) <= maxLevel { width += 1 }
    return width
  }

  /// `levels` encoded, behind the 4-byte little-endian length a v1 data page puts before them.
  static func encode(_ levels: [UInt8], maxLevel: Int) -> [UInt8] {
    let width = bitWidth(maxLevel)
    var body: [UInt8] = []
    var pending: [UInt8] = []
    var i = 0
    while i < levels.count {
      var j = i + 1
      while j < levels.count && levels[j] == levels[i] { j += 1 }
      // a bit-packed run holds whole groups of eight: top the pending levels up from this run
      // first, so what is left of it can still be one RLE run
      let fill = (8 - pending.count % 8) % 8
      if j - i - fill >= 8 {
        pending += levels[i..<(i + fill)]
        bitPacked(pending, width: width, into: &body)
        pending.removeAll(keepingCapacity: true)
        rle(levels[i], count: j - i - fill, width: width, into: &body)
      } else {
        pending += levels[i..<j]
      }
      i = j
    }
    bitPacked(pending, width: width, into: &body)
    let n = UInt32(body.count)
    return [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24)] + body
  }

  private static func rle(_ level: UInt8, count: Int, width: Int, into out: inout [UInt8]) {
    varint(UInt64(count) << 1, into: &out)
    for k in 0..<((width + 7) / 8) { out.append(k == 0 ? level : 0) }
  }

  /// Levels packed least significant bit first, in runs of at most 63 groups of eight (the
  /// most parquet-mr writes in one run); the last group is padded with zeros.
  private static func bitPacked(_ levels: [UInt8], width: Int, into out: inout [UInt8]) {
    var start = 0
    while start < levels.count {
      let end = min(levels.count, start + 63 * 8)
      let groups = (end - start + 7) / 8
      varint(UInt64(groups) << 1 | 1, into: &out)
      var packed = [UInt8](repeating: 0, count: groups * width)
      for (k, level) in levels[start..<end].enumerated() {
        for b in 0..<width where level >> b & 1 == 1 {
          let bit = k * width + b
          packed[bit / 8] |= 1 << (bit % 8)
        }
      }
      out += packed
      start = end
    }
  }

  private static func varint(_ value: UInt64, into out: inout [UInt8]) {
    var v = value
    while v >= 0x80 {
      out.append(UInt8(v & 0x7F) | 0x80)
      v >>= 7
    }
    out.append(UInt8(v))
  }
}

import ClaimCorpus

/// `order by text` on its own: rows in the byte order of their texts (a text before the longer
/// ones it begins), equal texts in row order, sorted eight bytes at a time. Each row becomes a
/// number of its next eight bytes and how many bytes are left (capped at 9: "more"); a sort of
/// those numbers orders every row whose eight bytes differ, and each run that ties with bytes
/// left is sorted again on the next eight. No two texts are compared byte by byte, which costs
/// dearly where many texts begin alike ("Zelensky said that …").
struct TextOrdering {
  let texts: TextColumn
  let cancellation: Cancellation?

  /// One row's sort number at one depth.
  struct Key {
    var bytes: UInt64
    /// Bytes left from this depth, at most 9.
    var left: UInt8
    /// The row's place in the input, which breaks ties.
    var place: Int32
  }

  /// `rows` in text order (reversed when `descending`; ties stay in input order either way).
  func sort(_ rows: [Int32], descending: Bool, at range: SourceRange?) throws(Diagnostic) -> [Int32] {
    guard rows.count > 1, !texts.segments.isEmpty else { return rows }
    var order = Array(0..<Int32(rows.count))
    let texts = self.texts
    func key(_ place: Int32, depth: Int) -> Key {
      texts.bytes(Int(rows[Int(place)])).withUnsafeBufferPointer { text in
        let left = text.count - depth
        var n: UInt64 = 0
        for i in 0..<8 { n = n << 8 | UInt64(i < left ? text[depth + i] : 0) }
        return Key(bytes: n, left: UInt8(max(0, min(left, 9))), place: place)
      }
    }
    let stopped: Bool = {
      func before(_ a: Key, _ b: Key) -> Bool {
        if a.bytes != b.bytes { return descending ? a.bytes > b.bytes : a.bytes < b.bytes }
        if a.left != b.left { return descending ? a.left > b.left : a.left < b.left }
        return a.place < b.place
      }
      // ranges still to sort, each at a depth: a stack, not recursion (texts may tie for long)
      var work = [(range: 0..<rows.count, depth: 0)]
      var done = 0
      while let (range, depth) = work.popLast() {
        done += range.count
        if done >= 1 << 16 {
          done = 0
          if cancellation.shouldStop { return true }
        }
        var keys = order[range].map { key($0, depth: depth) }
        keys.sort(by: before)
        var i = 0
        while i < keys.count {
          order[range.lowerBound + i] = keys[i].place
          var j = i + 1
          while j < keys.count, keys[j].bytes == keys[i].bytes, keys[j].left == keys[i].left { j += 1 }
          // a tie with bytes left goes on at the next eight; a tie that ended is equal texts
          if j - i > 1, keys[i].left == 9 { work.append((range.lowerBound + i..<range.lowerBound + j, depth + 8)) }
          for k in i + 1..<j { order[range.lowerBound + k] = keys[k].place }
          i = j
        }
      }
      return false
    }()
    if stopped { try cancellation.check(at: range) }
    return order.map { rows[Int($0)] }
  }
}

import ClaimCorpus
import Glibc

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
    let stopped = texts.withSegmentBuffers { segments -> Bool in
      func key(_ place: Int32, depth: Int) -> Key {
        let text = texts.bytes(Int(rows[Int(place)]), in: segments)
        return Key(bytes: Self.number(text, from: depth), left: UInt8(max(0, min(text.count - depth, 9))), place: place)
      }
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
    }
    if stopped { try cancellation.check(at: range) }
    return order.map { rows[Int($0)] }
  }

  /// The first `limit` of `rows` (nil: every text) in text order (reversed when `descending`;
  /// ties in input order), in one pass: a row whose first eight bytes come after the last kept
  /// row's is passed over at once; the others are placed by their whole texts. (On both cores
  /// it took as long: the pass is bound by reading the texts' first bytes from memory.)
  func top(_ rows: [Int32]?, limit: Int, descending: Bool, at range: SourceRange?) throws(Diagnostic) -> [Int32] {
    guard limit > 0, !texts.segments.isEmpty else { return [] }
    let count = rows?.count ?? texts.count
    // the row at `place` in `rows`
    func row(_ place: Int) -> Int { rows.map { Int($0[place]) } ?? place }
    let best: [Int32]? = texts.withSegmentBuffers { segments in
      func bytes(_ row: Int) -> UnsafeBufferPointer<UInt8> { texts.bytes(row, in: segments) }
      // a row as its first eight bytes (a number) and its place in `rows`
      typealias Candidate = (key: UInt64, place: Int)
      func before(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.key != b.key { return descending ? a.key > b.key : a.key < b.key }
        let c = Self.compare(bytes(row(a.place)), bytes(row(b.place)))
        if c != 0 { return descending ? c > 0 : c < 0 }
        return a.place < b.place
      }
      // the best `limit` so far, best first
      var kept: [Candidate] = []
      kept.reserveCapacity(limit + 1)
      for place in 0..<count {
        if place & 0xFFFF == 0xFFFF, cancellation.shouldStop { return nil }
        let key = Self.number(bytes(row(place)))
        if kept.count == limit, descending ? key < kept[limit - 1].key : key > kept[limit - 1].key { continue }
        let candidate = (key: key, place: place)
        let at = kept.firstIndex { before(candidate, $0) } ?? kept.count
        guard at < limit else { continue }
        kept.insert(candidate, at: at)
        if kept.count > limit { kept.removeLast() }
      }
      return kept.map { Int32(row($0.place)) }
    }
    guard let best else {
      try cancellation.check(at: range)
      return []
    }
    return best
  }

  /// The eight bytes of `text` from `depth` (zeros past its end), big-endian: a number that
  /// sorts as they do.
  static func number(_ text: UnsafeBufferPointer<UInt8>, from depth: Int = 0) -> UInt64 {
    var n: UInt64 = 0
    for i in depth..<depth + 8 { n = n << 8 | UInt64(i < text.count ? text[i] : 0) }
    return n
  }

  /// -1, 0 or 1 as `a` sorts before, with or after `b`, byte by byte (a prefix first).
  static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let n = min(a.count, b.count)
    let c = n == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, n)
    if c != 0 { return c < 0 ? -1 : 1 }
    return a.count == b.count ? 0 : a.count < b.count ? -1 : 1
  }
}

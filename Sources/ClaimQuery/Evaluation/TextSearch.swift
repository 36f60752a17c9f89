import Dispatch

/// `text contains "…"` over the whole text buffer at once: Boyer–Moore–Horspool with ASCII case
/// folded into its shift table, on both cores, matches mapped to rows as the scan passes them.
enum TextSearch {
  /// The rows (sorted) whose text contains the ASCII `needle` (lowercase), ignoring ASCII case.
  static func rows(containing needle: [UInt8], bytes: [UInt8], offsets: [Int], rowCount: Int) -> [Int32] {
    guard !needle.isEmpty else { return (0..<Int32(rowCount)).map { $0 } }
    var table = [Int](repeating: needle.count, count: 256)
    for (i, b) in needle.dropLast().enumerated() {
      table[Int(b)] = needle.count - 1 - i
      if b >= 0x61 && b <= 0x7A { table[Int(b - 32)] = needle.count - 1 - i }
    }
    let shift = table
    let parts = rowCount >= 100_000 ? 2 : 1
    let bounds = (0...parts).map { rowCount * $0 / parts }
    final class Results: @unchecked Sendable { var parts: [[Int32]]; init(_ n: Int) { parts = Array(repeating: [], count: n) } }
    let results = Results(parts)
    DispatchQueue.concurrentPerform(iterations: parts) { p in
      results.parts[p] = scan(needle, shift, bytes, offsets, rows: bounds[p]..<bounds[p + 1])
    }
    return results.parts.flatMap { $0 }
  }

  static func scan(_ needle: [UInt8], _ shift: [Int], _ bytes: [UInt8], _ offsets: [Int], rows: Range<Int>) -> [Int32] {
    var found: [Int32] = []
    guard !rows.isEmpty else { return found }
    let m = needle.count
    bytes.withUnsafeBufferPointer { h in
      needle.withUnsafeBufferPointer { n in
        shift.withUnsafeBufferPointer { shift in
          var row = rows.lowerBound
          var i = offsets[rows.lowerBound]
          let end = offsets[rows.upperBound]
          let last = n[m - 1]
          while i + m <= end {
            let c = CaseInsensitive.fold(h[i + m - 1])
            if c == last {
              var k = m - 2
              while k >= 0 && CaseInsensitive.fold(h[i + k]) == n[k] { k -= 1 }
              if k < 0 {
                while offsets[row + 1] <= i { row += 1 }
                if i + m <= offsets[row + 1] {
                  if found.last != Int32(row) { found.append(Int32(row)) }
                  // the row matched: go on from the next row
                  i = offsets[row + 1]
                  row += 1
                  continue
                }
              }
            }
            i += shift[Int(h[i + m - 1])]
          }
        }
      }
    }
    return found
  }
}

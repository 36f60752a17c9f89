import CFastScan
import Dispatch

/// `text contains "…"` over the whole text buffer at once: a 16-bytes-at-a-time caseless search
/// (CFastScan) on both cores, matches mapped to rows as the scan passes them.
enum TextSearch {
  /// The rows (sorted) whose text contains the ASCII `needle` (lowercase), ignoring ASCII case.
  static func rows(containing needle: [UInt8], bytes: [UInt8], offsets: [Int], rowCount: Int) -> [Int32] {
    guard !needle.isEmpty else { return (0..<Int32(rowCount)).map { $0 } }
    let parts = rowCount >= 100_000 ? 2 : 1
    let bounds = (0...parts).map { rowCount * $0 / parts }
    final class Results: @unchecked Sendable { var parts: [[Int32]]; init(_ n: Int) { parts = Array(repeating: [], count: n) } }
    let results = Results(parts)
    DispatchQueue.concurrentPerform(iterations: parts) { p in
      results.parts[p] = scan(needle, bytes, offsets, rows: bounds[p]..<bounds[p + 1])
    }
    return results.parts.flatMap { $0 }
  }

  static func scan(_ needle: [UInt8], _ bytes: [UInt8], _ offsets: [Int], rows: Range<Int>) -> [Int32] {
    var found: [Int32] = []
    guard !rows.isEmpty else { return found }
    let end = offsets[rows.upperBound]
    bytes.withUnsafeBufferPointer { h in
      needle.withUnsafeBufferPointer { n in
        var row = rows.lowerBound
        var i = offsets[rows.lowerBound]
        while i < end {
          let at = claimsh_find_caseless(h.baseAddress!, end, n.baseAddress!, n.count, i)
          guard at < end else { break }
          while offsets[row + 1] <= at { row += 1 }
          if at + n.count <= offsets[row + 1] {
            found.append(Int32(row))
            i = offsets[row + 1]  // the row matched: go on from the next one
            row += 1
          } else {
            i = at + 1  // the match runs into the next text: not a match
          }
        }
      }
    }
    return found
  }
}

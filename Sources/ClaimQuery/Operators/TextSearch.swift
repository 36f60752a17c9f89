import CFastScan
import ClaimCorpus
import Dispatch

/// `text contains "…"` over whole text segments at once: a 16-bytes-at-a-time caseless search
/// (CFastScan) on both cores, matches mapped to rows as the scan passes them.
enum TextSearch {
  /// The rows (sorted) whose text contains the ASCII `needle` (lowercase), ignoring ASCII case.
  /// Each piece stops at a cancellation (checked every 4,096 rows), and then this throws.
  static func rows(containing needle: [UInt8], in texts: TextColumn, cancellation: Cancellation?, at range: SourceRange?) throws(Diagnostic)
    -> [Int32]
  {
    guard !needle.isEmpty else { return (0..<Int32(texts.count)).map { $0 } }
    // pieces of about equal size: the segments, a large one cut in two
    var pieces: [(segment: Int, rows: Range<Int>)] = []
    for s in texts.segments.indices {
      let rows = texts.rows(ofSegment: s)
      if rows.count >= 100_000 && texts.segments.count == 1 {
        let middle = rows.lowerBound + rows.count / 2
        pieces += [(s, rows.lowerBound..<middle), (s, middle..<rows.upperBound)]
      } else {
        pieces.append((s, rows))
      }
    }
    final class Results: @unchecked Sendable { var parts: [[Int32]]; init(_ n: Int) { parts = Array(repeating: [], count: n) } }
    let results = Results(pieces.count)
    let work = pieces
    DispatchQueue.concurrentPerform(iterations: pieces.count) { p in
      let (s, rows) = work[p]
      var found: [Int32] = []
      var start = rows.lowerBound
      while start < rows.upperBound, !cancellation.shouldStop {
        let end = min(rows.upperBound, start + 4096)
        found += scan(needle, texts.segments[s], base: texts.segmentStarts[s], texts.offsets, rows: start..<end)
        start = end
      }
      results.parts[p] = found
    }
    try cancellation.check(at: range)
    return results.parts.flatMap { $0 }
  }

  /// The rows among `rows` whose text, at `offsets[row] - base` in `bytes`, contains `needle`.
  static func scan(_ needle: [UInt8], _ bytes: [UInt8], base: Int, _ offsets: [Int], rows: Range<Int>) -> [Int32] {
    var found: [Int32] = []
    guard !rows.isEmpty else { return found }
    let end = offsets[rows.upperBound] - base
    bytes.withUnsafeBufferPointer { h in
      needle.withUnsafeBufferPointer { n in
        var row = rows.lowerBound
        var i = offsets[rows.lowerBound] - base
        while i < end {
          let at = claimsh_find_caseless(h.baseAddress!, end, n.baseAddress!, n.count, i)
          guard at < end else { break }
          while offsets[row + 1] - base <= at { row += 1 }
          if at + n.count <= offsets[row + 1] - base {
            found.append(Int32(row))
            i = offsets[row + 1] - base  // the row matched: go on from the next one
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

import Foundation

/// `where` tests that read the claims' texts (a pattern, text equality or order, a non-ASCII
/// `contains`) over many rows: a piece of the rows per core.
extension QueryEngine {
  /// The cores a text test is spread over (at most eight).
  static let cores = min(ProcessInfo.processInfo.activeProcessorCount, 8)

  /// The fewest rows a text test is spread over the cores for.
  static let parallelRows = 16_384

  /// The rows (among `rows`, nil: all `total` claims) that pass: piece `k` of the rows tested
  /// by `tests[k]` on its own core, the pieces joined in order.
  static func selectInParallel(_ tests: [(Int) -> Bool], rows: [Int32]?, total: Int, cancellation: Cancellation?, at range: SourceRange?)
    throws(Diagnostic) -> [Int32]
  {
    final class Pieces: @unchecked Sendable {
      var found: [[Int32]]
      init(_ n: Int) { found = Array(repeating: [], count: n) }
    }
    let pieces = Pieces(tests.count)
    nonisolated(unsafe) let tests = tests
    DispatchQueue.concurrentPerform(iterations: tests.count) { k in
      var out: [Int32] = []
      for i in total * k / tests.count..<total * (k + 1) / tests.count {
        if i & 1023 == 0, cancellation.shouldStop { break }
        let row = rows.map { Int($0[i]) } ?? i
        if tests[k](row) { out.append(Int32(row)) }
      }
      pieces.found[k] = out
    }
    try cancellation.check(at: range)
    return pieces.found.flatMap { $0 }
  }
}

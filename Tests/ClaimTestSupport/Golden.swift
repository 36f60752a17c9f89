import Foundation
import Testing

/// Golden files: expected output kept beside the test. Set `RECORD_SNAPSHOTS=1` to rewrite
/// them from what the code now produces; a recording run fails, so it is never mistaken for
/// a passing one.
public enum Golden {
  /// Whether this run rewrites golden files.
  public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil }

  /// Compares `actual` with the file at `url`, or records it.
  public static func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
    if recording {
      try actual.write(to: url, atomically: false, encoding: .utf8)
      Issue.record("recorded \(url.lastPathComponent); unset RECORD_SNAPSHOTS and run again", sourceLocation: sourceLocation)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record("no golden file \(url.path); run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let line = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
      let want = line < e.count ? String(e[line]) : "<end>"
      let got = line < a.count ? String(a[line]) : "<end>"
      Issue.record(
        "\(url.lastPathComponent) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)", sourceLocation: sourceLocation)
    }
  }
}

import Foundation

/// A compiled `matches` pattern (ICU regular expression syntax, as NSRegularExpression reads it).
struct Pattern: @unchecked Sendable {
  private let regex: NSRegularExpression
  /// The pattern as written.
  let source: String

  /// Compiles `text`, or returns nil when it is not a regular expression.
  init?(_ text: String) {
    guard let regex = try? NSRegularExpression(pattern: text) else { return nil }
    self.regex = regex
    self.source = text
  }

  /// Whether the pattern matches somewhere in `text`. A match that backtracks for long (a
  /// catastrophic pattern such as `(\w+\s?)+$`) stops within a millisecond of `cancellation`
  /// asking: ICU calls back during the match (`reportProgress`), and the call stops it; the
  /// answer is then false, and the operator running it throws at its next poll.
  func matches(_ text: String, cancellation: Cancellation? = nil) -> Bool {
    guard let cancellation else { return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil }
    if cancellation.shouldStop { return false }
    var found = false
    regex.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(text.startIndex..., in: text)) { match, _, stop in
      if match != nil {
        found = true
        stop.pointee = true
      } else if cancellation.shouldStop {
        stop.pointee = true
      }
    }
    return found
  }
}

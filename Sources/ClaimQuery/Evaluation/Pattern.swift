import Foundation

/// A compiled `matches` pattern (ICU regular expression syntax, as NSRegularExpression reads it).
struct Pattern: @unchecked Sendable {
  private let regex: NSRegularExpression

  /// Compiles `text`, or returns nil when it is not a regular expression.
  init?(_ text: String) {
    guard let regex = try? NSRegularExpression(pattern: text) else { return nil }
    self.regex = regex
  }

  /// Whether the pattern matches somewhere in `text`.
  func matches(_ text: String) -> Bool {
    regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }
}

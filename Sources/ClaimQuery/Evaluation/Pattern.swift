import CFastScan
import Foundation

/// A compiled `matches` pattern (ICU regular expression syntax, as NSRegularExpression reads it).
struct Pattern: @unchecked Sendable {
  private let regex: NSRegularExpression
  /// The pattern as written.
  let source: String
  /// Text every match contains, as UTF-8: a text without it is not given to the matcher.
  let required: [UInt8]?

  /// Compiles `text`, or returns nil when it is not a regular expression.
  init?(_ text: String) {
    guard let regex = try? NSRegularExpression(pattern: text) else { return nil }
    self.regex = regex
    self.source = text
    self.required = Self.requiredLiteral(text).map { Array($0.utf8) }
  }

  /// Whether the pattern may match in UTF-8 `bytes`: false only when they lack its required text.
  func mayMatch(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard let required else { return true }
    return bytes.withUnsafeBufferPointer { h in
      required.withUnsafeBufferPointer { n in
        guard let hp = h.baseAddress, let np = n.baseAddress else { return h.count >= n.count }
        return claimsh_find(hp, h.count, np, n.count) < h.count
      }
    }
  }

  /// The longest run of plain characters (letters, digits, spaces) at least two long that every
  /// match of `pattern` contains, read conservatively: outside groups and classes, not made
  /// optional by a quantifier, in a pattern with no alternation at the top and no inline
  /// flags or escapes other than the common one-letter ones; nil when there is none.
  static func requiredLiteral(_ pattern: String) -> String? {
    // inline flags ((?i) makes case not matter), lookarounds and the like
    guard !pattern.contains("(?") else { return nil }
    var runs: [String] = []
    var run = ""
    func end() {
      if run.count >= 2 { runs.append(run) }
      run = ""
    }
    var depth = 0
    var inClass = false
    var chars = pattern.makeIterator()
    while let c = chars.next() {
      if inClass {
        if c == "\\" { _ = chars.next() } else if c == "]" { inClass = false }
        continue
      }
      switch c {
      case "\\":
        // \w, \d, \. and the like are one character each; \p{…}, \x{…}, \Q…\E and others are not read
        guard let next = chars.next(), "wWsSdDbBAzZ.\\/()[]{}?*+|^$-".contains(next) else { return nil }
        end()
      case "[": end(); inClass = true
      case "(": end(); depth += 1
      case ")": end(); depth -= 1
      case "|": if depth == 0 { return nil } else { end() }
      case "?", "*", "{":
        // the character before is optional (`{` starts a count that may be 0)
        if !run.isEmpty { run.removeLast() }
        end()
        if c == "{" { while let d = chars.next(), d != "}" {} }
      case _ where depth == 0 && (c.isLetter || c.isNumber || c == " ") && c.unicodeScalars.count == 1: run.append(c)
      default: end()
      }
    }
    end()
    return runs.max { $0.count < $1.count }
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

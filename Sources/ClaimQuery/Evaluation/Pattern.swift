import CFastScan
import Foundation

/// A compiled `matches` pattern (ICU regular expression syntax, as NSRegularExpression reads it).
struct Pattern: @unchecked Sendable {
  private let regex: NSRegularExpression
  /// The pattern as written.
  let source: String
  /// Text every match contains, as UTF-8: a text without it is not given to the matcher.
  let required: [UInt8]?
  /// How far ICU may backtrack on this pattern (`backtracking(_:)`); nil when it may blow up.
  let backtracking: Backtracking?

  /// Compiles `text`, or returns nil when it is not a regular expression.
  init?(_ text: String) {
    guard let regex = try? NSRegularExpression(pattern: text) else { return nil }
    self.regex = regex
    self.source = text
    self.required = Self.requiredLiteral(text).map { Array($0.utf8) }
    self.backtracking = Self.backtracking(text)
  }

  /// How much a pattern may backtrack, read from its quantifiers and alternatives when none
  /// of them nests: ICU then tries at most about n^(1 + unbounded) × factor steps to find a
  /// match in a text of n characters (each start, times the choices at each quantifier).
  struct Backtracking: Equatable {
    /// Quantifiers with no upper bound: `*`, `+`, `{m,}`.
    var unbounded = 0
    /// The product of the other choices: 2 for each `?` and each `|`, n - m + 1 for `{m,n}`
    /// (held at `Pattern.stepBudget` + 1 once past it).
    var factor = 1
  }

  /// The backtracking steps a match may take without ICU's progress calls: about 20 ms at
  /// worst (`[ab]*[bc]c` on 2,048 a's), so Ctrl-C still stops a statement at once.
  static let stepBudget = 1 << 22

  /// How `pattern` may backtrack, or nil when one choice may multiply another's work: a
  /// quantified group, a back-reference, quoted text (`\Q…\E`), free-spacing mode (`(?x)`) or
  /// a class the reading does not follow.
  static func backtracking(_ pattern: String) -> Backtracking? {
    let c = Array(pattern.unicodeScalars)
    var b = Backtracking()
    func multiply(_ k: Int) { b.factor = min(b.factor * max(k, 1), stepBudget + 1) }
    func isQuantifier(_ k: Int) -> Bool { k < c.count && "*+?{".unicodeScalars.contains(c[k]) }
    // reads the quantifier at `k` (and its lazy or possessive mark); the index after it
    func quantifier(_ k: Int) -> Int {
      var k = k
      switch c[k] {
      case "?": multiply(2)
      case "{":
        var text = ""
        k += 1
        while k < c.count, c[k] != "}" { text.unicodeScalars.append(c[k]); k += 1 }
        let bounds = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        if bounds.count == 2, let low = bounds[0], let high = bounds[1], high >= low {
          multiply(high - low + 1)
        } else if bounds.count != 1 || bounds[0] == nil {
          b.unbounded += 1  // {m,} or unread
        }
      default: b.unbounded += 1
      }
      k += 1
      if k < c.count, c[k] == "?" || c[k] == "+" { k += 1 }
      return k
    }
    var i = 0
    while i < c.count {
      switch c[i] {
      case "\\":
        guard i + 1 < c.count else { return nil }
        let next = c[i + 1]
        // back-references (\1, \k<name>) and quoted text are not read
        if ("1"..."9").contains(next) || next == "k" || next == "Q" { return nil }
        i += 2
      case "[":
        // a class, to its closing bracket; a class inside a class is not read
        var k = i + 1
        if k < c.count, c[k] == "^" { k += 1 }
        if k < c.count, c[k] == "]" { k += 1 }
        while k < c.count, c[k] != "]" {
          if c[k] == "[" { return nil }
          k += c[k] == "\\" ? 2 : 1
        }
        guard k < c.count else { return nil }
        i = k + 1
      case "(":
        i += 1
        if i < c.count, c[i] == "?" {
          // (?:, (?=, (?<name>, (?i) …: flags that turn on free spacing change what follows
          var k = i + 1
          while k < c.count, c[k].properties.isAlphabetic || c[k] == "-" {
            if c[k] == "x" { return nil }
            k += 1
          }
          i += 1
        }
      case ")":
        if isQuantifier(i + 1) { return nil }
        i += 1
      case "|":
        multiply(2)
        i += 1
      case _ where isQuantifier(i):
        i = quantifier(i)
      default:
        i += 1
      }
    }
    return b
  }

  /// The longest text (in UTF-8 bytes, which are at least its characters) that a pattern
  /// backtracking as `b` may be matched on without ICU's progress calls, within `stepBudget`.
  static func unwatchedLength(_ b: Backtracking) -> Int {
    guard b.factor <= stepBudget else { return 0 }
    return Int(pow(Double(stepBudget / b.factor), 1 / Double(1 + b.unbounded)))
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
  /// answer is then false, and the operator running it throws at its next poll. The calls
  /// cost half the time of a simple pattern, so a pattern whose backtracking is bounded on a
  /// text this short (`unwatchedLength`) is matched without them.
  func matches(_ text: String, cancellation: Cancellation? = nil) -> Bool {
    if cancellation?.shouldStop == true { return false }
    guard let cancellation, backtracking.map({ text.utf8.count > Self.unwatchedLength($0) }) ?? true else {
      return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
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

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

  /// The same pattern compiled again: a matcher for one more core (ICU's is not shared).
  func recompiled() -> Pattern {
    // it compiled once, so it compiles again
    Pattern(source)!
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
  /// a class inside a class.
  static func backtracking(_ pattern: String) -> Backtracking? {
    guard let tokens = PatternToken.read(pattern) else { return nil }
    var b = Backtracking()
    func multiply(_ k: Int) { b.factor = min(b.factor * max(k, 1), stepBudget + 1) }
    for (t, token) in tokens.enumerated() {
      switch token {
      case .escape(let letter, _) where ("1"..."9").contains(letter) || letter == "k": return nil
      case .quoted, .characterClass(nested: true): return nil
      case .groupStart(let flags?) where flags.contains("x"): return nil
      case .alternative: multiply(2)
      case .quantifier(let q):
        if t > 0, tokens[t - 1] == .groupEnd { return nil }
        switch q {
        case .optional: multiply(2)
        case .between(let low, let high): multiply(high - low + 1)
        case .exactly: break
        case .star, .plus, .atLeast, .unread: b.unbounded += 1
        }
      default: break
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
    guard let tokens = PatternToken.read(pattern) else { return nil }
    var runs: [String] = []
    var run = String.UnicodeScalarView()
    func end() {
      if run.count >= 2 { runs.append(String(run)) }
      run = String.UnicodeScalarView()
    }
    var depth = 0
    for token in tokens {
      switch token {
      case .character(let c) where depth == 0 && (c == " " || isLetterOrDigit(c)): run.append(c)
      case .character, .characterClass: end()
      case .escape(let letter, nil) where #"wWsSdDbBAzZ.\/()[]{}?*+|^$-"#.unicodeScalars.contains(letter): end()
      // \p{…}, \x{…}, \Q…\E and the like are not read; inline flags ((?i): case does not matter)
      case .escape, .quoted, .groupStart(_?): return nil
      case .groupStart(nil): end(); depth += 1
      case .groupEnd: end(); depth -= 1
      case .alternative: if depth == 0 { return nil } else { end() }
      case .quantifier(let q):
        // the character before is optional, or required (and ends the run)
        if q.allowsNone, !run.isEmpty { run.removeLast() }
        end()
      }
    }
    end()
    return runs.max { $0.count < $1.count }
  }

  /// Whether `c` is a letter or a digit, which a pattern matches as itself.
  private static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool {
    switch c.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber:
      true
    default: false
    }
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

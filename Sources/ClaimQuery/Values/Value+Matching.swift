/// DESIGN.md's matching rules, in one place: a list matches when any of its values does;
/// `f != x` is exactly `not (f = x)`; string equality is exact, case-insensitive, or
/// case-insensitive and alias-aware (entity, topic and source fields); `contains` is
/// case-insensitive; an empty list counts as null. The column store's fast paths call these
/// same functions, or compute what they would on ids, so both agree.
struct Matcher: Sendable {
  /// The lexicon that makes names alias-aware.
  let lexicon: Lexicon
  /// Polled inside regular expression matches.
  var cancellation: Cancellation? = nil

  /// `value = literal`.
  func equal(_ value: Value, _ literal: Value, _ matching: Matching) -> Bool {
    switch (value, literal) {
    case (.list(let items), _): return items.contains { equal($0, literal, matching) }
    case let (.string(a), .string(b)): return equalStrings(a, b, matching)
    case let (.date(a), .string(b)): return Day(parsing: b) == a
    default: return value == literal
    }
  }

  /// String equality under `matching`.
  func equalStrings(_ a: String, _ b: String, _ matching: Matching) -> Bool {
    switch matching {
    case .exact: return a == b
    case .caseless: return a.lowercased() == b.lowercased()
    case .name: return a.lowercased() == nameKey(b, present: [a.lowercased(): a])  // as if `a` were the only value
    }
  }

  /// The lowercased value a name literal stands for among `present` (values by their lowercased
  /// text): itself when some value is written so, else the lexicon's canonical name for it.
  /// `topic = "Patriot"` is the value Patriot where one is stored, and `air defense` (which the
  /// lexicon says it is an alias of) only where none is, so `=` picks exactly the groups that
  /// `group by` shows.
  func nameKey(_ literal: String, present: [String: String]) -> String {
    let lower = literal.lowercased()
    if present[lower] != nil { return lower }
    return lexicon.canonicalName(literal)?.lowercased() ?? lower
  }

  /// Whether `value` (any-of on lists) is one of `keys`, lowercased values.
  func hasName(_ value: Value, _ keys: Set<String>) -> Bool {
    switch value {
    case .list(let items): return items.contains { hasName($0, keys) }
    case .null: return false
    default: return keys.contains(value.text.lowercased())
    }
  }

  /// `value contains needle`: case-insensitive substring, any-of on lists.
  func contains(_ value: Value, _ needle: String) -> Bool {
    switch value {
    case .list(let items): return items.contains { contains($0, needle) }
    case .null: return false
    default: return CaseInsensitive.contains(Array(value.text.utf8)[...], CaseInsensitive.Needle(needle))
    }
  }

  /// `value matches pattern`: the regular expression finds a match, any-of on lists.
  func matches(_ value: Value, _ pattern: Pattern) -> Bool {
    switch value {
    case .list(let items): return items.contains { matches($0, pattern) }
    case .null: return false
    default: return pattern.matches(value.text, cancellation: cancellation)
    }
  }

  /// `value < literal` and the other orderings, any-of on lists.
  func order(_ value: Value, _ op: CompareOp, _ literal: Value) -> Bool {
    if case .list(let items) = value { return items.contains { order($0, op, literal) } }
    var rhs = literal
    if case .date = value, case .string(let s) = literal, let d = Day(parsing: s) { rhs = .date(d) }
    if case .null = value { return false }
    switch op {
    case .less: return Value.ascending(value, rhs)
    case .lessEqual: return !Value.ascending(rhs, value)
    case .greater: return Value.ascending(rhs, value)
    case .greaterEqual: return !Value.ascending(value, rhs)
    default: return false
    }
  }

  /// `value is null`: null, or an empty list.
  func isNull(_ value: Value) -> Bool {
    switch value {
    case .null: return true
    case .list(let items): return items.isEmpty
    default: return false
    }
  }
}

/// Case-insensitive substring search over UTF-8: ASCII letters fold on the fly; a needle with
/// other letters falls back to Unicode lowercasing.
enum CaseInsensitive {
  /// A needle, lowercased once.
  struct Needle: Sendable {
    let bytes: [UInt8]
    let lowered: String
    let isASCII: Bool

    init(_ text: String) {
      lowered = text.lowercased()
      bytes = Array(lowered.utf8)
      isASCII = bytes.allSatisfy { $0 < 0x80 }
    }
  }

  /// Whether `haystack` contains `needle`, ignoring case.
  static func contains(_ haystack: ArraySlice<UInt8>, _ needle: Needle) -> Bool {
    guard needle.isASCII else {
      return String(decoding: haystack, as: UTF8.self).lowercased().contains(needle.lowered)
    }
    return haystack.withUnsafeBufferPointer { h in
      needle.bytes.withUnsafeBufferPointer { n in containsASCII(h, n) }
    }
  }

  static func containsASCII(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = n.first else { return true }
    guard h.count >= n.count else { return false }
    let last = h.count - n.count
    var i = 0
    while i <= last {
      if fold(h[i]) == first {
        var k = 1
        while k < n.count && fold(h[i + k]) == n[k] { k += 1 }
        if k == n.count { return true }
      }
      i += 1
    }
    return false
  }

  @inline(__always) static func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
}

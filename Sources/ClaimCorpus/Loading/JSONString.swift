import CFastScan

/// The lexical parts of JSON shared by the tree parser (`JSONParser`) and the claims-record
/// parser (`ClaimLineParser`): strings with their escapes, and numbers.
enum JSONString {
  /// Where a string's content is: a range of the input when it has no escapes, else a range
  /// of the buffer it was decoded into.
  enum Content {
    case raw(Range<Int>)
    case decoded(Range<Int>)
  }

  /// Reads the string whose opening quote is at `quote`; returns its content and the offset
  /// just past its closing quote. Escapes are decoded onto the end of `out`. Raw control
  /// characters are let through (a line of JSON Lines holds no newline).
  static func scan(_ p: UnsafeBufferPointer<UInt8>, at quote: Int, into out: inout [UInt8]) throws(JSONParser.Failure) -> (
    Content, end: Int
  ) {
    guard let base = p.baseAddress else { throw JSONParser.Failure(message: "unterminated string", offset: p.count) }
    let start = quote + 1
    /// Whether a byte of 0x80 or above came before a stop: only then may the UTF-8 be broken.
    var high: Int32 = 0
    /// The next quote or backslash from `i`.
    func stop(_ i: Int) throws(JSONParser.Failure) -> Int {
      let k = claimsh_find_either_noting_high(base, p.count, 0x22, 0x5C, i, &high)
      guard k < p.count else { throw JSONParser.Failure(message: "unterminated string", offset: p.count) }
      return k
    }
    var k = try stop(start)
    let decodedStart = out.count
    if p[k] == 0x22 {
      if high == 0 || claimsh_utf8_valid(base + start, k - start) != 0 { return (.raw(start..<k), k + 1) }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<k]))
      repair(&out, from: decodedStart)
      return (.decoded(decodedStart..<out.count), k + 1)
    }
    var i = start
    while true {
      out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<k]))
      if p[k] == 0x22 {
        if high != 0 { repair(&out, from: decodedStart) }
        return (.decoded(decodedStart..<out.count), k + 1)
      }
      i = k + 1
      guard i < p.count else { throw JSONParser.Failure(message: "unterminated string", offset: p.count) }
      let e = p[i]
      i += 1
      switch e {
      case UInt8(ascii: "\""): out.append(0x22)
      case UInt8(ascii: "\\"): out.append(0x5C)
      case UInt8(ascii: "/"): out.append(0x2F)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try hex4(p, &i)
        if (0xD800..<0xDC00).contains(scalar), i + 1 < p.count, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") {
          i += 2
          let low = try hex4(p, &i)
          if (0xDC00..<0xE000).contains(low) {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else {
            append(0xFFFD, to: &out)  // a lone high surrogate
            scalar = low
          }
        }
        append(scalar, to: &out)
      default: throw JSONParser.Failure(message: "bad escape '\\\(Character(Unicode.Scalar(e)))'", offset: i - 2)
      }
      k = try stop(i)
    }
  }

  /// Makes `out[start...]` well-formed UTF-8, each ill-formed sequence replaced by U+FFFD as
  /// `String(decoding:as:)` does, so that a value is stored, compared and grouped as the text
  /// it is shown as (two different broken byte runs would otherwise both show as "quo�e").
  private static func repair(_ out: inout [UInt8], from start: Int) {
    guard start < out.count else { return }
    let valid = out.withUnsafeBufferPointer { claimsh_utf8_valid($0.baseAddress! + start, $0.count - start) != 0 }
    guard !valid else { return }
    let repaired = Array(String(decoding: out[start...], as: UTF8.self).utf8)
    out.replaceSubrange(start..., with: repaired)
  }

  /// Appends the UTF-8 of `scalar`, or of U+FFFD when it is not a scalar (a lone surrogate).
  private static func append(_ scalar: UInt32, to out: inout [UInt8]) {
    out.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}")!)
  }

  private static func hex4(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(JSONParser.Failure) -> UInt32 {
    guard p.count - i >= 4 else { throw JSONParser.Failure(message: "bad \\u escape", offset: i) }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = p[i]
      let d: UInt32
      switch b {
      case 0x30...0x39: d = UInt32(b - 0x30)
      case 0x41...0x46: d = UInt32(b - 0x41 + 10)
      case 0x61...0x66: d = UInt32(b - 0x61 + 10)
      default: throw JSONParser.Failure(message: "bad \\u escape", offset: i)
      }
      v = v * 16 + d
      i += 1
    }
    return v
  }

  /// The offset just past the JSON number at `start` (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`),
  /// or nil when none is there.
  static func numberEnd(_ p: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
    var i = start
    func digits() -> Int {
      let from = i
      while i < p.count, p[i] &- 0x30 < 10 { i += 1 }
      return i - from
    }
    if i < p.count, p[i] == UInt8(ascii: "-") { i += 1 }
    guard i < p.count, p[i] &- 0x30 < 10 else { return nil }
    if p[i] == UInt8(ascii: "0") { i += 1 } else { _ = digits() }
    if i < p.count, p[i] == UInt8(ascii: ".") {
      i += 1
      guard digits() > 0 else { return nil }
    }
    if i < p.count, p[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      if i < p.count, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
      guard digits() > 0 else { return nil }
    }
    return i
  }
}

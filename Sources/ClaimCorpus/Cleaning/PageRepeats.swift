/// Debris found by comparing a page's lines: a line of 30 bytes or more that repeats an
/// earlier one exactly (a caption or teaser shown twice), and a quotation block (`> …`) whose words stand in another line (a
/// pull quote repeating the body).
enum PageRepeats {
  /// Marks in `rules` the lines of `lines` that repeat others; lines already marked stay.
  static func mark(bytes: [UInt8], lines: [DebrisDetector.Line], rules: inout [String?]) {
    var seen: [Int: [Int]] = [:]
    for (k, line) in lines.enumerated() where line.span.length >= 30 {
      let text = bytes[line.span.start..<line.span.end]
      let hash = text.withUnsafeBytes { raw in
        var hasher = Hasher()
        hasher.combine(bytes: raw)
        return hasher.finalize()
      }
      if seen[hash]?.contains(where: { bytes[lines[$0].span.start..<lines[$0].span.end] == text }) == true {
        if rules[k] == nil { rules[k] = "debris.repeated" }
      } else {
        seen[hash, default: []].append(k)
      }
    }
    guard lines.contains(where: { bytes[$0.span.start] == 0x3E }) else { return }
    let keys = lines.map { key(bytes, $0.span) }
    for (k, line) in lines.enumerated() where rules[k] == nil && bytes[line.span.start] == 0x3E {
      let key = keys[k]
      guard key.count(where: { $0 == 0x20 }) >= 5 else { continue }
      if keys.indices.contains(where: { $0 != k && keys[$0].count > key.count && keys[$0].firstRange(of: key) != nil }) {
        rules[k] = "debris.pull-quote"
      }
    }
  }

  /// The line's letters and digits, lowercased, with every other run (punctuation, markdown,
  /// curly quotes, dashes) folded to one space.
  static func key(_ bytes: [UInt8], _ span: TextSpan) -> [UInt8] {
    var out: [UInt8] = []
    var i = span.start
    var gap = false
    while i < span.end {
      let b = bytes[i]
      var keep: UInt8? = nil
      var width = 1
      if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 {
        keep = b
      } else if b >= 0x41 && b <= 0x5A {
        keep = b + 32
      } else if b == 0xE2 {
        width = 3  // general punctuation: quotes, dashes, bullets
      } else if b >= 0x80 {
        keep = b
      }
      if let keep {
        if gap && !out.isEmpty { out.append(0x20) }
        out.append(keep)
        gap = false
      } else {
        gap = true
      }
      i += width
    }
    return out
  }
}

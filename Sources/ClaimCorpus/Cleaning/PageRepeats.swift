/// Debris found by comparing a page's lines: a line that repeats an earlier one (a caption or
/// teaser shown twice), and a quotation block (`> …`) whose words stand in another line (a
/// pull quote repeating the body).
enum PageRepeats {
  /// Marks in `rules` the lines of `lines` that repeat others; lines already marked stay.
  static func mark(bytes: [UInt8], lines: [DebrisDetector.Line], rules: inout [String?]) {
    let keys = lines.map { key(bytes, $0.span) }
    var seen: Set<[UInt8]> = []
    for (k, key) in keys.enumerated() where key.count(where: { $0 == 0x20 }) >= 5 {
      if !seen.insert(key).inserted, rules[k] == nil { rules[k] = "debris.repeated" }
    }
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

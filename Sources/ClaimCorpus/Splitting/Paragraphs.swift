/// Lines and paragraphs of a document's text.
enum Paragraphs {
  /// The trimmed, non-empty lines of `bytes`.
  static func lines(_ bytes: [UInt8]) -> [DebrisDetector.Line] {
    var lines: [DebrisDetector.Line] = []
    var start = 0
    for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
      var s = start
      var e = i
      while s < e, isBlank(bytes, s, e) { s += blankWidth(bytes, s, e) }
      while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 || bytes[e - 1] == 0x0D { e -= 1 }
      if s < e { lines.append(.init(span: TextSpan(start: s, end: e))) }
      start = i + 1
    }
    return lines
  }

  /// The parts of `lines` not covered by `debris`, as paragraphs: one line each, except that
  /// a line ending in `:` runs on into the next ("Trump remarked:" / "“I’m going to…”"), and a
  /// hard-wrapped line into the line that continues its sentence.
  static func paragraphs(_ bytes: [UInt8], lines: [DebrisDetector.Line], debris: [Debris]) -> [Range<Int>] {
    var pieces: [Range<Int>] = []
    var d = 0
    for line in lines {
      var s = line.span.start
      let e = line.span.end
      while d < debris.count, debris[d].span.end <= s { d += 1 }
      var k = d
      var covered = false
      while k < debris.count, debris[k].span.start < e {
        let span = debris[k].span
        if span.start <= s && span.end >= e { covered = true; break }
        if span.start <= s { s = max(s, span.end) }
        k += 1
      }
      if covered { continue }
      while s < e, isBlank(bytes, s, e) { s += blankWidth(bytes, s, e) }
      if s < e { pieces.append(s..<e) }
    }
    var paragraphs: [Range<Int>] = []
    for piece in pieces {
      if let last = paragraphs.last, bytes[last.upperBound - 1] == 0x3A || isHardWrapped(bytes, last, piece) {
        paragraphs[paragraphs.count - 1] = last.lowerBound..<piece.upperBound
      } else {
        paragraphs.append(piece)
      }
    }
    return paragraphs
  }

  /// Whether `next` continues the sentence `last` broke off at a hard line wrap: one newline
  /// between them (no blank line), `last` ending without a sentence's final mark, and `next`
  /// starting with a lowercase letter ("The minister said the talks" / "would resume on Monday.").
  static func isHardWrapped(_ bytes: [UInt8], _ last: Range<Int>, _ next: Range<Int>) -> Bool {
    let first = bytes[next.lowerBound]
    guard first >= 0x61 && first <= 0x7A else { return false }
    let end = bytes[last.upperBound - 1]
    guard ![0x2E, 0x21, 0x3F, 0x22, 0x29, 0x5D].contains(end), !(end >= 0x80) else { return false }
    return bytes[last.upperBound..<next.lowerBound].count(where: { $0 == 0x0A }) == 1
  }

  static func isBlank(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Bool {
    bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || (bytes[i] == 0xC2 && i + 1 < end && bytes[i + 1] == 0xA0)
      || (bytes[i] == 0xEF && i + 2 < end && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF)
  }

  static func blankWidth(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Int {
    bytes[i] == 0xC2 ? 2 : bytes[i] == 0xEF ? 3 : 1
  }
}

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
  /// a line ending in `:` runs on into the next ("Trump remarked:" / "“I’m going to…”").
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
      if let last = paragraphs.last, bytes[last.upperBound - 1] == 0x3A {
        paragraphs[paragraphs.count - 1] = last.lowerBound..<piece.upperBound
      } else {
        paragraphs.append(piece)
      }
    }
    return paragraphs
  }

  static func isBlank(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Bool {
    bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || (bytes[i] == 0xC2 && i + 1 < end && bytes[i + 1] == 0xA0)
      || (bytes[i] == 0xEF && i + 2 < end && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF)
  }

  static func blankWidth(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Int {
    bytes[i] == 0xC2 ? 2 : bytes[i] == 0xEF ? 3 : 1
  }
}

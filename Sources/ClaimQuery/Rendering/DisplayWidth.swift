/// How many terminal columns text takes: East Asian wide characters and emoji take two,
/// combining marks and zero-width characters none, everything else one.
public enum DisplayWidth {
  /// The columns `text` takes.
  ///
  ///     DisplayWidth.of("日本")   // 4
  ///     DisplayWidth.of("é")      // 1 (e + combining acute)
  public static func of(_ text: some StringProtocol) -> Int {
    // ASCII, the common case, without breaking graphemes: printable bytes take one column
    var printable = 0
    for byte in text.utf8 {
      if byte >= 0x80 { return characterWidths(text) }
      if byte >= 0x20 && byte != 0x7F { printable += 1 }
    }
    return printable
  }

  /// The columns of text with non-ASCII: scalar by scalar while every scalar is one that
  /// cannot change how the grapheme before it is drawn, else grapheme by grapheme.
  static func characterWidths(_ text: some StringProtocol) -> Int {
    var total = 0
    for s in text.unicodeScalars {
      guard isPlain(s) else { return graphemeWidths(text) }
      total += of(s)
    }
    return total
  }

  /// The same, one grapheme (user-perceived character) at a time.
  static func graphemeWidths(_ text: some StringProtocol) -> Int {
    var total = 0
    for c in text { total += of(c) }
    return total
  }

  /// Whether `s`, summed scalar by scalar, counts as it does in its grapheme: Latin, Greek,
  /// Cyrillic and their combining marks (which take no column either way), punctuation such as
  /// curly quotes and dashes, currency signs, box drawing and blocks; not the zero-width
  /// joiner, emoji, variation selectors, Hangul jamo or the spacing marks of Indic scripts,
  /// whose graphemes are measured whole.
  static func isPlain(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return v < 0x530 || (0x1E00...0x1EFF).contains(v) || ((0x2010...0x206F).contains(v) && v != 0x203C && v != 0x2049)
      || (0x20A0...0x20CF).contains(v) || (0x2500...0x259F).contains(v)
  }

  /// The columns one character takes.
  public static func of(_ c: Character) -> Int {
    var scalars = c.unicodeScalars.makeIterator()
    guard let first = scalars.next() else { return 0 }
    // a sequence with an emoji in it (a flag, a family, a keycap) is drawn as one emoji
    if let second = scalars.next() {
      let isEmoji = { (s: Unicode.Scalar) in s.properties.isEmojiPresentation || s.value == 0xFE0F }
      if isEmoji(first) || isEmoji(second) { return 2 }
      while let next = scalars.next() { if isEmoji(next) { return 2 } }
    }
    return of(first)
  }

  /// The columns one scalar takes.
  static func of(_ s: Unicode.Scalar) -> Int {
    let v = s.value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    if v < 0x300 { return 1 }
    switch s.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if v == 0x200B { return 0 }
    if s.properties.isEmojiPresentation { return 2 }
    return wide.contains { $0.contains(v) } ? 2 : 1
  }

  /// East Asian wide and fullwidth ranges, and emoji blocks.
  private static let wide: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
    0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
    0x1F900...0x1F9FF, 0x20000...0x3FFFD,
  ]
}

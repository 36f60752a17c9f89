/// Neutralises control characters in text from articles, so a corpus cannot drive the user's
/// terminal (cursor moves, colour, title changes): each becomes caret notation, `^[` for ESC.
/// Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069),
/// which reorder what is shown after them ("Trojan Source"), become `\u{202e}` notation.
public enum TerminalSafe {
  /// `text` with C0 and C1 control characters (and DEL) written as `^X`; tabs and newlines too
  /// unless `keepLayout`.
  ///
  ///     TerminalSafe.escape("a\u{1B}[2Jb")   // "a^[[2Jb"
  public static func escape(_ text: String, keepLayout: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    for s in text.unicodeScalars {
      if keepLayout && (s == "\n" || s == "\t") || !isControl(s) {
        out.unicodeScalars.append(s)
      } else if s.value < 0x20 {
        out += "^" + String(Unicode.Scalar(UInt8(s.value) + 0x40))
      } else if s.value == 0x7F {
        out += "^?"
      } else {
        out += "\\u{\(String(s.value, radix: 16))}"
      }
    }
    return out
  }

  static func isControl(_ s: Unicode.Scalar) -> Bool {
    s.value < 0x20 || s.value == 0x7F || (0x80..<0xA0).contains(s.value) || isBidiControl(s)
  }

  /// The bidirectional embedding, override and isolate controls.
  static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
  }
}

/// Writes JSON text: strings escaped per RFC 8259, members in the order given. Control
/// characters, line and paragraph separators and bidirectional controls are written as `\u`
/// escapes: the data stays exact and the text cannot drive or reorder a terminal.
public enum JSONWriter {
  /// `text` as a JSON string literal, quotes included.
  ///
  ///     JSONWriter.quoted("say \"hi\"")   // "\"say \\\"hi\\\"\""
  public static func quoted(_ text: String) -> String {
    var out: [UInt8] = []
    append(quoted: text, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the UTF-8 of `quoted(text)` to `out`: the text's bytes as they are when none of
  /// them needs an escape.
  public static func append(quoted text: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var contiguous = text
    let plain = contiguous.withUTF8 { bytes in
      guard !needsEscapes(bytes) else { return false }
      out.append(contentsOf: bytes)
      return true
    }
    if !plain {
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += Array("\\\"".utf8)
        case "\\": out += Array("\\\\".utf8)
        case "\n": out += Array("\\n".utf8)
        case "\r": out += Array("\\r".utf8)
        case "\t": out += Array("\\t".utf8)
        default:
          if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || scalar == "\u{2028}"
            || scalar == "\u{2029}"
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
          {
            let hex = String(scalar.value, radix: 16)
            out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
          } else {
            UTF8.encode(scalar) { out.append($0) }
          }
        }
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// Whether UTF-8 `bytes` hold a character `quoted` escapes: a quote, a backslash, a control
  /// (C0, DEL, C1), a line or paragraph separator, or a bidirectional control.
  static func needsEscapes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0x7F { return true }
      // C1 controls are C2 80…9F; U+2028…202E are E2 80 A8…AE; U+2066…2069 are E2 81 A6…A9
      if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return true }
      if b == 0xE2, i + 2 < bytes.count {
        let (c, d) = (bytes[i + 1], bytes[i + 2])
        if c == 0x80, (0xA8...0xAE).contains(d) { return true }
        if c == 0x81, (0xA6...0xA9).contains(d) { return true }
      }
      i += 1
    }
    return false
  }

  /// A JSON value for an optional string: the literal or `null`.
  public static func optional(_ text: String?) -> String {
    text.map(quoted) ?? "null"
  }

  /// A JSON array of strings.
  public static func array(_ items: [String]) -> String {
    "[" + items.map(quoted).joined(separator: ",") + "]"
  }

  /// A JSON object of already-encoded member values, in order.
  public static func object(_ members: [(String, String)]) -> String {
    "{" + members.map { quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }
}

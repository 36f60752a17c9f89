/// Writes JSON text: strings escaped per RFC 8259, members in the order given. Control
/// characters, line and paragraph separators and bidirectional controls are written as `\u`
/// escapes: the data stays exact and the text cannot drive or reorder a terminal.
public enum JSONWriter {
  /// `text` as a JSON string literal, quotes included.
  ///
  ///     JSONWriter.quoted("say \"hi\"")   // "\"say \\\"hi\\\"\""
  public static func quoted(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
          || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
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

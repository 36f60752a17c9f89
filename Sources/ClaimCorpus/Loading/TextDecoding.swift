/// Turns a file's bytes into text: UTF-8 (a byte-order mark dropped), else Windows-1252.
enum TextDecoding {
  /// What a file's bytes are.
  enum Verdict {
    /// Valid UTF-8 text.
    case utf8(String)
    /// Not UTF-8; decoded as Windows-1252.
    case windows1252(String)
    /// Binary data (NUL bytes or many control characters).
    case binary
    /// No text at all.
    case empty
  }

  static func decode(_ bytes: [UInt8]) -> Verdict {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .empty }
    if looksBinary(body) { return .binary }
    if let text = String(validating: body, as: UTF8.self) { return .utf8(text) }
    return .windows1252(String(body.map { windows1252[Int($0)] }.map(Character.init)))
  }

  /// Whether the first 8 KiB hold a NUL, or more than 10% control characters.
  static func looksBinary(_ bytes: some Collection<UInt8>) -> Bool {
    let sample = bytes.prefix(8192)
    var control = 0
    for b in sample {
      if b == 0 { return true }
      if b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09 && b != 0x0C { control += 1 }
    }
    return control * 10 > sample.count
  }

  /// Windows-1252 code points, byte by byte.
  static let windows1252: [Unicode.Scalar] = (0..<256).map { b -> Unicode.Scalar in
    let high: [UInt32] = [
      0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
      0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
    let value = (0x80..<0xA0).contains(b) ? high[b - 0x80] : UInt32(b)
    return Unicode.Scalar(value)!
  }
}

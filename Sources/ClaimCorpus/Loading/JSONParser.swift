/// A strict JSON parser over UTF-8 bytes, for one JSON Lines record at a time.
///
///     try JSONParser.parse(Array(#"{"id": 1}"#.utf8)[...])   // .object([("id", .number(1))])
public struct JSONParser {
  /// Why a record is not JSON, and the byte offset where it went wrong.
  public struct Failure: Error, Sendable {
    /// What was expected.
    public var message: String
    /// The 0-based byte offset in the record.
    public var offset: Int
  }

  private let bytes: ArraySlice<UInt8>
  private var i: Int
  private var depth = 0

  private init(_ bytes: ArraySlice<UInt8>) {
    self.bytes = bytes
    self.i = bytes.startIndex
  }

  /// Parses one JSON value filling `bytes` (surrounding whitespace allowed).
  public static func parse(_ bytes: ArraySlice<UInt8>) throws(Failure) -> JSONValue {
    var p = JSONParser(bytes)
    p.skipSpace()
    let value = try p.value()
    p.skipSpace()
    guard p.i == bytes.endIndex else { throw p.failure("expected end of record") }
    return value
  }

  /// Parses the one JSON value at the start of `bytes` and returns it with the offset just
  /// past it: how `ClaimLineParser` reads members it does not read itself.
  static func prefixValue(_ bytes: ArraySlice<UInt8>) throws(Failure) -> (JSONValue, end: Int) {
    var p = JSONParser(bytes)
    let value = try p.value()
    return (value, p.i - bytes.startIndex)
  }

  private func failure(_ message: String) -> Failure {
    Failure(message: message, offset: i - bytes.startIndex)
  }

  private mutating func skipSpace() {
    while i < bytes.endIndex, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
  }

  private mutating func value() throws(Failure) -> JSONValue {
    guard i < bytes.endIndex else { throw failure("expected a value, found end of record") }
    switch bytes[i] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): try literal("true"); return .bool(true)
    case UInt8(ascii: "f"): try literal("false"); return .bool(false)
    case UInt8(ascii: "n"): try literal("null"); return .null
    default: return .number(try number())
    }
  }

  private mutating func literal(_ word: String) throws(Failure) {
    let w = Array(word.utf8)
    guard bytes.endIndex - i >= w.count else { throw failure("expected '\(word)'") }
    for k in 0..<w.count where bytes[i + k] != w[k] { throw failure("expected '\(word)'") }
    i += w.count
  }

  private mutating func object() throws(Failure) -> JSONValue {
    depth += 1
    defer { depth -= 1 }
    guard depth <= 256 else { throw failure("nested too deeply") }
    i += 1
    var members: [(String, JSONValue)] = []
    skipSpace()
    if i < bytes.endIndex, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
    while true {
      skipSpace()
      guard i < bytes.endIndex, bytes[i] == UInt8(ascii: "\"") else { throw failure("expected a string key") }
      let key = try string()
      skipSpace()
      guard i < bytes.endIndex, bytes[i] == UInt8(ascii: ":") else { throw failure("expected ':' after key") }
      i += 1
      skipSpace()
      members.append((key, try value()))
      skipSpace()
      guard i < bytes.endIndex else { throw failure("expected ',' or '}', found end of record") }
      if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
      if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
      throw failure("expected ',' or '}'")
    }
  }

  private mutating func array() throws(Failure) -> JSONValue {
    depth += 1
    defer { depth -= 1 }
    guard depth <= 256 else { throw failure("nested too deeply") }
    i += 1
    var items: [JSONValue] = []
    skipSpace()
    if i < bytes.endIndex, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
    while true {
      skipSpace()
      items.append(try value())
      skipSpace()
      guard i < bytes.endIndex else { throw failure("expected ',' or ']', found end of record") }
      if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
      if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
      throw failure("expected ',' or ']'")
    }
  }

  private mutating func number() throws(Failure) -> Double {
    let start = i
    let end = bytes.withUnsafeBufferPointer { JSONString.numberEnd($0, at: start - bytes.startIndex) }
    guard let end, let n = Double(String(decoding: bytes[start..<(end + bytes.startIndex)], as: UTF8.self)) else {
      throw failure("expected a value")
    }
    i = end + bytes.startIndex
    return n
  }

  private mutating func string() throws(Failure) -> String {
    var decoded: [UInt8] = []
    let from = i - bytes.startIndex
    let scanned = bytes.withUnsafeBufferPointer { p in Result { () throws(Failure) in try JSONString.scan(p, at: from, into: &decoded) } }
    let (content, end) = try scanned.get()
    i = end + bytes.startIndex
    switch content {
    case .raw(let r): return String(decoding: bytes[(r.lowerBound + bytes.startIndex)..<(r.upperBound + bytes.startIndex)], as: UTF8.self)
    case .decoded: return String(decoding: decoded, as: UTF8.self)
    }
  }
}

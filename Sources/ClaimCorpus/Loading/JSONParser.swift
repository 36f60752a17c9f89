import Glibc

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
    if i < bytes.endIndex, bytes[i] == UInt8(ascii: "-") { i += 1 }
    var digits = 0
    while i < bytes.endIndex, (bytes[i] >= 0x30 && bytes[i] <= 0x39) || bytes[i] == 0x2E || bytes[i] == 0x65 || bytes[i] == 0x45 || bytes[i] == 0x2B || bytes[i] == 0x2D {
      if bytes[i] >= 0x30 && bytes[i] <= 0x39 { digits += 1 }
      i += 1
    }
    guard digits > 0, let n = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else {
      i = start
      throw failure("expected a value")
    }
    return n
  }

  /// A string's bytes: a range of the input when it has no escapes, else decoded.
  enum StringContent {
    case raw(Range<Int>)
    case decoded([UInt8])
  }

  private mutating func string() throws(Failure) -> String {
    switch try stringContent() {
    case .raw(let r): return String(decoding: bytes[r], as: UTF8.self)
    case .decoded(let a): return String(decoding: a, as: UTF8.self)
    }
  }

  private mutating func stringContent() throws(Failure) -> StringContent {
    i += 1
    let start = i
    // fast path: memchr to the closing quote; no backslash before it means no escapes (raw
    // control characters inside strings are let through: a line of JSON Lines holds no newline)
    let base = bytes.startIndex
    i = bytes.withUnsafeBufferPointer { p -> Int in
      let from = i - base
      guard from < p.count, let q = memchr(p.baseAddress! + from, 0x22, p.count - from) else { return bytes.endIndex }
      let quote = p.baseAddress!.distance(to: q.assumingMemoryBound(to: UInt8.self))
      if memchr(p.baseAddress! + from, 0x5C, quote - from) == nil { return quote + base }
      return from + base + p[from..<quote].firstIndex(of: 0x5C)! - from
    }
    guard i < bytes.endIndex else { throw failure("unterminated string") }
    if bytes[i] == UInt8(ascii: "\"") {
      defer { i += 1 }
      return .raw(start..<i)
    }
    var out = Array(bytes[start..<i])
    while i < bytes.endIndex {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        return .decoded(out)
      }
      guard b >= 0x20 else { throw failure("control character in string") }
      if b != UInt8(ascii: "\\") {
        out.append(b)
        i += 1
        continue
      }
      i += 1
      guard i < bytes.endIndex else { break }
      let e = bytes[i]
      i += 1
      switch e {
      case UInt8(ascii: "\""): out.append(0x22)
      case UInt8(ascii: "\\"): out.append(0x5C)
      case UInt8(ascii: "/"): out.append(0x2F)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.endIndex, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
          i += 2
          let low = try hex4()
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(Character(u)).utf8))
      default: throw failure("bad escape '\\\(Character(Unicode.Scalar(e)))'")
      }
    }
    throw failure("unterminated string")
  }

  private mutating func hex4() throws(Failure) -> UInt32 {
    guard bytes.endIndex - i >= 4 else { throw failure("bad \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[i]
      let d: UInt32
      switch b {
      case 0x30...0x39: d = UInt32(b - 0x30)
      case 0x41...0x46: d = UInt32(b - 0x41 + 10)
      case 0x61...0x66: d = UInt32(b - 0x61 + 10)
      default: throw failure("bad \\u escape")
      }
      v = v * 16 + d
      i += 1
    }
    return v
  }
}

extension JSONParser {
  /// Parses a claims-file record straight into the next row of `builder`, without building a
  /// `JSONValue` tree or a `Claim`: the fast path for large claims files. Unknown members are
  /// parsed and skipped; on an error nothing is added.
  static func parseClaim(_ bytes: ArraySlice<UInt8>, into builder: inout ClaimColumnsBuilder) throws(Failure) {
    var p = JSONParser(bytes)
    var doc: String? = nil, source: String? = nil, speaker: String? = nil, kind: String? = nil
    var hedge: String? = nil, cue: String? = nil, quote: String? = nil
    var date = ClaimColumns.noDate
    var actors: [String] = [], topics: [String] = [], cited: [String] = []
    var text: StringContent? = nil
    p.skipSpace()
    guard p.i < bytes.endIndex, bytes[p.i] == UInt8(ascii: "{") else { throw p.failure("expected a JSON object") }
    p.i += 1
    p.skipSpace()
    if p.i < bytes.endIndex, bytes[p.i] == UInt8(ascii: "}") { p.i += 1 } else {
      while true {
        p.skipSpace()
        guard p.i < bytes.endIndex, bytes[p.i] == UInt8(ascii: "\"") else { throw p.failure("expected a string key") }
        let key = try p.stringContent()
        p.skipSpace()
        guard p.i < bytes.endIndex, bytes[p.i] == UInt8(ascii: ":") else { throw p.failure("expected ':' after key") }
        p.i += 1
        p.skipSpace()
        switch ClaimKey(key, in: bytes) {
        case .doc: doc = try p.text()
        case .source: source = try p.text()
        case .date:
          if p.i < bytes.endIndex, bytes[p.i] == UInt8(ascii: "\""), case .raw(let r) = try p.stringContent() {
            date = Day(utf8: bytes[r])?.number ?? ClaimColumns.noDate
          } else {
            date = try p.text().flatMap { Day(parsing: $0)?.number } ?? ClaimColumns.noDate
          }
        case .text:
          if p.i < bytes.endIndex, bytes[p.i] == UInt8(ascii: "\"") { text = try p.stringContent() } else { text = try p.text().map { .decoded(Array($0.utf8)) } }
        case .actor: actors = try p.strings()
        case .topic: topics = try p.strings()
        case .cited: cited = try p.strings()
        case .speaker: speaker = try p.text()
        case .kind: kind = try p.text()
        case .hedge: hedge = try p.text()
        case .cue: cue = try p.text()
        case .quote: quote = try p.text()
        case .other: _ = try p.value()
        }
        p.skipSpace()
        guard p.i < bytes.endIndex else { throw p.failure("expected ',' or '}', found end of record") }
        if bytes[p.i] == UInt8(ascii: ",") { p.i += 1; continue }
        if bytes[p.i] == UInt8(ascii: "}") { p.i += 1; break }
        throw p.failure("expected ',' or '}'")
      }
    }
    p.skipSpace()
    guard p.i == bytes.endIndex else { throw p.failure("expected end of record") }
    builder.beginRow(id: 0, date: date)
    switch text {
    case .raw(let r)?: bytes[r].withUnsafeBufferPointer { builder.appendText($0) }
    case .decoded(let a)?: a.withUnsafeBufferPointer { builder.appendText($0) }
    case nil: break
    }
    builder.endText()
    builder.setStrings(doc: doc ?? "", source: source ?? doc ?? "", speaker: speaker, kind: kind, hedge: hedge, cue: cue, quote: quote)
    builder.appendList(actors, .actor)
    builder.appendList(cited, .cited)
    builder.appendList(topics, .topic)
  }

  /// The members of a claims-file record, told apart by their bytes.
  enum ClaimKey {
    case doc, source, date, text, actor, topic, cited, speaker, kind, hedge, cue, quote, other

    init(_ key: StringContent, in bytes: ArraySlice<UInt8>) {
      guard case .raw(let r) = key else {
        if case .decoded(let a) = key { self = ClaimKey(name: String(decoding: a, as: UTF8.self)) } else { self = .other }
        return
      }
      let k = bytes[r]
      func equals(_ name: StaticString) -> Bool {
        k.count == name.utf8CodeUnitCount && k.withUnsafeBufferPointer { memcmp($0.baseAddress!, name.utf8Start, k.count) == 0 }
      }
      switch k.count {
      case 3: self = equals("doc") ? .doc : equals("cue") ? .cue : .other
      case 4: self = equals("date") ? .date : equals("text") ? .text : equals("kind") ? .kind : .other
      case 5: self = equals("actor") ? .actor : equals("topic") ? .topic : equals("cited") ? .cited : equals("hedge") ? .hedge : equals("quote") ? .quote : .other
      case 6: self = equals("source") ? .source : equals("actors") ? .actor : equals("topics") ? .topic : .other
      case 7: self = equals("speaker") ? .speaker : .other
      default: self = .other
      }
    }

    init(name: String) {
      switch name {
      case "doc": self = .doc
      case "source": self = .source
      case "date": self = .date
      case "text": self = .text
      case "actor", "actors": self = .actor
      case "topic", "topics": self = .topic
      case "cited": self = .cited
      case "speaker": self = .speaker
      case "kind": self = .kind
      case "hedge": self = .hedge
      case "cue": self = .cue
      case "quote": self = .quote
      default: self = .other
      }
    }
  }

  /// A string or number as text; nil for null (other values are parsed and give nil).
  private mutating func text() throws(Failure) -> String? {
    guard i < bytes.endIndex else { throw failure("expected a value, found end of record") }
    if bytes[i] == UInt8(ascii: "\"") { return try string() }
    return try value().text
  }

  /// An array of strings, a lone string as one, null as none.
  private mutating func strings() throws(Failure) -> [String] {
    guard i < bytes.endIndex else { throw failure("expected a value, found end of record") }
    if bytes[i] == UInt8(ascii: "\"") { return [try string()] }
    guard bytes[i] == UInt8(ascii: "[") else { return try value().strings }
    i += 1
    var items: [String] = []
    skipSpace()
    if i < bytes.endIndex, bytes[i] == UInt8(ascii: "]") { i += 1; return items }
    while true {
      skipSpace()
      if i < bytes.endIndex, bytes[i] == UInt8(ascii: "\"") { items.append(try string()) } else if let t = try value().text { items.append(t) }
      skipSpace()
      guard i < bytes.endIndex else { throw failure("expected ',' or ']', found end of record") }
      if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
      if bytes[i] == UInt8(ascii: "]") { i += 1; return items }
      throw failure("expected ',' or ']'")
    }
  }
}

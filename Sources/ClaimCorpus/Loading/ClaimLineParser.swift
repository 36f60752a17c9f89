import Glibc

/// Reads one claims-file record (a line of JSON Lines) into `ClaimFields`, in place over the
/// line's bytes: no `JSONValue` tree, no `String` per value. The fast path for large claims
/// files; strict JSON, members it does not know are checked and skipped.
///
///     {"doc": "d1", "source": "CNN", "actors": ["Trump"], "hedge": "reported", "text": "…"}
struct ClaimLineParser {
  typealias Failure = JSONParser.Failure

  private let line: UnsafeBufferPointer<UInt8>
  private var i = 0

  private init(_ line: UnsafeBufferPointer<UInt8>) { self.line = line }

  /// Parses `line` into `fields` (emptied first); on an error, `fields` holds a partial record.
  static func parse(_ line: UnsafeBufferPointer<UInt8>, into fields: inout ClaimFields) throws(Failure) {
    fields.reset()
    var p = ClaimLineParser(line)
    p.skipSpace()
    guard p.peek == UInt8(ascii: "{") else { throw p.failure("expected a JSON object") }
    p.i += 1
    p.skipSpace()
    if p.peek == UInt8(ascii: "}") {
      p.i += 1
    } else {
      while true {
        p.skipSpace()
        guard p.peek == UInt8(ascii: "\"") else { throw p.failure("expected a string key") }
        let key = try p.string(&fields.scratch)
        let member = fields.withBytes(key, in: line) { Member($0) }
        p.skipSpace()
        guard p.peek == UInt8(ascii: ":") else { throw p.failure("expected ':' after key") }
        p.i += 1
        p.skipSpace()
        switch member {
        case .scalar(let slot): fields.scalars[slot.rawValue] = try p.text(&fields.scratch)
        case .text: fields.text = try p.text(&fields.scratch)
        case .date:
          let text = try p.text(&fields.scratch)
          fields.date = text.flatMap { fields.withBytes($0, in: line) { Day(utf8: $0)?.number } } ?? ClaimColumns.noDate
        case .list(let slot):
          // a repeated member: the last one counts
          if fields.items.contains(where: { $0.list == slot }) { fields.items.removeAll { $0.list == slot } }
          try p.strings(slot, &fields)
        case .other: try p.skipValue()
        }
        p.skipSpace()
        guard p.i < line.count else { throw p.failure("expected ',' or '}', found end of record") }
        if line[p.i] == UInt8(ascii: ",") { p.i += 1; continue }
        if line[p.i] == UInt8(ascii: "}") { p.i += 1; break }
        throw p.failure("expected ',' or '}'")
      }
    }
    p.skipSpace()
    guard p.i == line.count else { throw p.failure("expected end of record") }
  }

  /// The members of a claims-file record, told apart by their bytes.
  enum Member: Equatable {
    case scalar(ClaimColumnsBuilder.Slot), list(ClaimColumnsBuilder.Slot), text, date, other

    /// The member `key` names: the fields of the benchmark and of claimsh's export by a switch
    /// on their bytes (the hot path), any other field of `ClaimSchema` through its table.
    init(_ key: UnsafeBufferPointer<UInt8>) {
      func equals(_ name: StaticString) -> Bool {
        key.count == name.utf8CodeUnitCount && memcmp(key.baseAddress!, name.utf8Start, key.count) == 0
      }
      switch key.count {
      case 2: self = equals("id") ? .other : Self.named(key)
      case 3: self = equals("doc") ? .scalar(.doc) : equals("cue") ? .scalar(.cue) : Self.named(key)
      case 4: self = equals("date") ? .date : equals("text") ? .text : equals("kind") ? .scalar(.kind) : Self.named(key)
      case 5:
        self =
          equals("actor")
          ? .list(.actor)
          : equals("topic")
            ? .list(.topic)
            : equals("cited")
              ? .list(.cited)
              : equals("hedge") ? .scalar(.hedge) : equals("quote") ? .scalar(.quote) : Self.named(key)
      case 6:
        self = equals("source") ? .scalar(.source) : equals("actors") ? .list(.actor) : equals("topics") ? .list(.topic) : Self.named(key)
      case 7: self = equals("speaker") ? .scalar(.speaker) : Self.named(key)
      default: self = Self.named(key)
      }
    }

    /// The member a name of `ClaimSchema` (or an alias) stands for, or `.other`.
    static func named(_ key: UnsafeBufferPointer<UInt8>) -> Member {
      byName[String(decoding: key, as: UTF8.self)] ?? .other
    }

    /// Every field name and alias of `ClaimSchema`.
    static let byName: [String: Member] = {
      var table: [String: Member] = [:]
      for spec in ClaimSchema.fields {
        let member: Member
        switch spec.storage {
        case .text: member = .text
        case .date: member = .date
        case .string: member = .scalar(ClaimColumnsBuilder.Slot(spec.key))
        case .list: member = .list(ClaimColumnsBuilder.Slot(spec.key))
        case .id: continue
        }
        for name in [spec.name] + spec.aliases { table[name] = member }
      }
      return table
    }()
  }

  private var peek: UInt8? { i < line.count ? line[i] : nil }

  private func failure(_ message: String) -> Failure { Failure(message: message, offset: i) }

  private mutating func skipSpace() {
    while i < line.count, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x0A || line[i] == 0x0D { i += 1 }
  }

  /// The string at `i` (its opening quote).
  private mutating func string(_ scratch: inout [UInt8]) throws(Failure) -> ClaimFields.Piece {
    let (content, end) = try JSONString.scan(line, at: i, into: &scratch)
    i = end
    switch content {
    case .raw(let r): return .line(r)
    case .decoded(let r): return .scratch(r)
    }
  }

  /// A string, or a number written as text; nil for null (other values are checked and give nil).
  private mutating func text(_ scratch: inout [UInt8]) throws(Failure) -> ClaimFields.Piece? {
    guard let b = peek else { throw failure("expected a value, found end of record") }
    if b == UInt8(ascii: "\"") { return try string(&scratch) }
    if b != UInt8(ascii: "-"), let end = JSONString.numberEnd(line, at: i), end - i < 16,
      !line[i..<end].contains(where: { $0 == 0x2E || $0 | 0x20 == 0x65 })
    {
      // a plain natural number reads as itself
      defer { i = end }
      return .line(i..<end)
    }
    return try otherValue().text.map { Self.append($0, to: &scratch) }
  }

  /// An array of strings (numbers as text; other items checked and left out), a lone string
  /// as one, anything else as none; the items go to `fields.items` under `list`.
  private mutating func strings(_ list: ClaimColumnsBuilder.Slot, _ fields: inout ClaimFields) throws(Failure) {
    guard let b = peek else { throw failure("expected a value, found end of record") }
    if b == UInt8(ascii: "\"") {
      fields.items.append((list, try string(&fields.scratch)))
      return
    }
    guard b == UInt8(ascii: "[") else {
      for s in try otherValue().strings { fields.items.append((list, Self.append(s, to: &fields.scratch))) }
      return
    }
    i += 1
    skipSpace()
    if peek == UInt8(ascii: "]") {
      i += 1
      return
    }
    while true {
      skipSpace()
      if let item = try text(&fields.scratch) { fields.items.append((list, item)) }
      skipSpace()
      guard let b = peek else { throw failure("expected ',' or ']', found end of record") }
      i += 1
      if b == UInt8(ascii: ",") { continue }
      if b == UInt8(ascii: "]") { return }
      i -= 1
      throw failure("expected ',' or ']'")
    }
  }

  /// Checks and passes over a value this parser does not keep.
  private mutating func skipValue() throws(Failure) {
    guard let b = peek else { throw failure("expected a value, found end of record") }
    var scratch: [UInt8] = []
    if b == UInt8(ascii: "\"") {
      _ = try string(&scratch)
    } else if let end = JSONString.numberEnd(line, at: i) {
      i = end
    } else {
      _ = try otherValue()
    }
  }

  /// Any JSON value at `i`, read by the tree parser (the rare case: objects, arrays, literals,
  /// and numbers with fractions or exponents).
  private mutating func otherValue() throws(Failure) -> JSONValue {
    let rest = Array(UnsafeBufferPointer(rebasing: line[i...]))[...]
    do {
      let (value, end) = try JSONParser.prefixValue(rest)
      i += end
      return value
    } catch {
      throw Failure(message: error.message, offset: i + error.offset)
    }
  }

  /// Appends `text` to the scratch buffer and returns where it is.
  private static func append(_ text: String, to scratch: inout [UInt8]) -> ClaimFields.Piece {
    let start = scratch.count
    scratch.append(contentsOf: text.utf8)
    return .scratch(start..<scratch.count)
  }
}

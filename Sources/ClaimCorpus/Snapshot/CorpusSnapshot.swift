import Glibc

/// A loaded corpus written to one binary file (`.save FILE` in the shell), so that loading it
/// again skips reading, parsing and extraction: its documents with their sentences and debris,
/// every claim column, and the evidence of the extracted claims. `--corpus FILE` knows a
/// snapshot by its first bytes, whatever its name (but a JSON one). The lexicon is not in it: matching uses the
/// lexicon claimsh runs with.
///
///     claimsh --corpus ../shared/corpora/bbc-news-2225 -c '.save /tmp/bbc.claimsh'
///     claimsh --corpus /tmp/bbc.claimsh
public enum CorpusSnapshot {
  /// The first bytes of a snapshot of any version.
  static let signature = Array("claimsh snapshot ".utf8)
  /// The format's version. Version 2 ends each section (the name, documents, claim columns,
  /// evidence) with its CRC-32C; version 3 records the fields after the name.
  static let version = 3
  /// The first bytes of every snapshot of this version: the signature and the version.
  static let magic = signature + Array("\(version)\n".utf8)
  /// The fields a snapshot records: a document's, then each claim field's name and storage.
  static let fields = DocumentSchema.fields.map(\.name) + ClaimSchema.fields.map { "claim.\($0.name): \($0.storage)" }
  /// The last bytes, so that a cut file is told from a whole one.
  static let end = Array("end of snapshot\n".utf8)

  /// What a snapshot holds.
  struct Contents {
    var documents: [Document]
    var columns: ClaimColumns
    /// The extracted claims, with their evidence; ids are rows of `columns`.
    var claims: [Claim]
  }

  /// Writes `corpus` to `path` through a temporary file renamed into place (a failure leaves no
  /// half-written file); nil, or why it could not.
  public static func write(_ corpus: Corpus, to path: String) -> String? {
    let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
    let temporary = "\(directory.isEmpty ? "/" : directory)/.\(path.split(separator: "/").last ?? "snapshot").\(getpid()).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return String(cString: strerror(errno)) }
    let w = BinaryWriter(fd: fd)
    magic.withUnsafeBytes { w.bytes($0) }
    w.endSection()
    w.strings(fields)
    w.endSection()
    writeDocuments(corpus.documents, w)
    w.endSection()
    writeColumns(corpus.columns, w)
    w.endSection()
    writeEvidence(corpus.claims, w)
    w.endSection()
    end.withUnsafeBytes { w.bytes($0) }
    w.flush()
    let closed = close(fd) == 0
    if let failure = w.failure ?? (closed ? nil : errno) {
      unlink(temporary)
      return String(cString: strerror(failure))
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      return reason
    }
    return nil
  }

  private static func writeDocuments(_ documents: [Document], _ w: BinaryWriter) {
    w.int(documents.count)
    for d in documents {
      w.string(d.id)
      w.string(d.path)
      w.string(d.title)
      w.string(d.source)
      w.int(d.date.map { Int($0.number) } ?? Int(ClaimColumns.noDate))
      w.string(d.author)
      w.string(d.url)
      w.string(d.text)
      w.int(d.sentences.count)
      for s in d.sentences {
        w.int(s.span.start)
        w.int(s.span.end)
        w.int(s.paragraph)
        w.string(s.text)
      }
      w.int(d.debris.count)
      for x in d.debris {
        w.int(x.span.start)
        w.int(x.span.end)
        w.string(x.rule)
      }
    }
  }

  private static func writeColumns(_ c: ClaimColumns, _ w: BinaryWriter) {
    w.int(c.count)
    w.array(c.dates)
    w.array(c.texts.offsets)
    w.int(c.texts.offsets.last ?? 0)
    for segment in c.texts.segments { segment.withUnsafeBytes { w.bytes($0) } }
    for column in c.strings {
      w.array(column.codes)
      w.strings(column.values)
    }
    for list in c.lists {
      w.array(list.offsets)
      w.array(list.codes)
      w.strings(list.values)
    }
  }

  private static func writeEvidence(_ claims: [Claim], _ w: BinaryWriter) {
    w.int(claims.count)
    for c in claims {
      w.int(c.id)
      w.int(c.evidence.count)
      for e in c.evidence {
        w.string(e.field)
        w.string(e.value)
        w.int(e.span.start)
        w.int(e.span.end)
        w.string(e.rule)
      }
    }
  }

  /// Whether the file at `path` starts as a snapshot of any version does.
  static func isSnapshot(_ path: String) -> Bool {
    guard case .success(let fd) = RegularFile.open(path) else { return false }
    defer { close(fd) }
    var head = [UInt8](repeating: 0, count: signature.count)
    return head.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, signature.count) } == signature.count && head == signature
  }

  /// Reads the snapshot at `path`, checking that every count, code, offset and span fits.
  static func read(_ path: String) -> Result<Contents, BinaryReader.Failure> {
    guard case .success(let fd) = RegularFile.open(path) else { return .failure(.init(message: "cannot read the file", offset: 0)) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      close(fd)
      return .failure(.init(message: "cannot read the file", offset: 0))
    }
    defer { close(fd) }
    let r = BinaryReader(fd: fd, size: Int(info.st_size))
    do {
      let head = try r.bytes(magic.count)
      guard head.starts(with: signature) else { throw BinaryReader.Failure(message: "not a claimsh snapshot", offset: 0) }
      guard head == magic else {
        let other = String(decoding: head.dropFirst(signature.count).prefix { $0 != 0x0A }, as: UTF8.self)
        throw BinaryReader.Failure(message: "format \(other); this one reads format \(version)", offset: 0, madeByAnotherVersion: true)
      }
      try r.endSection("name")
      let recorded = try r.strings()
      try r.endSection("fields")
      guard recorded == fields else {
        let theirs = recorded.filter { !fields.contains($0) }, ours = fields.filter { !recorded.contains($0) }
        throw BinaryReader.Failure(
          message: "its fields \(theirs.joined(separator: ", ")) where this one has \(ours.joined(separator: ", "))", offset: 0,
          madeByAnotherVersion: true)
      }
      let documents = try readDocuments(r)
      try r.endSection("documents")
      let columns = try readColumns(r)
      try r.endSection("claim columns")
      let claims = try readEvidence(r, columns: columns, documents: documents)
      try r.endSection("evidence")
      guard try r.bytes(end.count) == end, r.atEnd else {
        throw BinaryReader.Failure(message: "unexpected bytes at the end", offset: r.offset)
      }
      return .success(Contents(documents: documents, columns: columns, claims: claims))
    } catch let failure as BinaryReader.Failure {
      return .failure(failure)
    } catch {
      return .failure(.init(message: "\(error)", offset: r.offset))
    }
  }

  private static func check(_ condition: Bool, _ what: String, _ r: BinaryReader) throws {
    if !condition { throw BinaryReader.Failure(message: what, offset: r.offset) }
  }

  private static func span(_ r: BinaryReader, within length: Int) throws -> TextSpan {
    let span = TextSpan(start: try r.int(), end: try r.int())
    try check(0 <= span.start && span.start <= span.end && span.end <= length, "a span outside its text", r)
    return span
  }

  private static func day(_ number: Int) -> Day? {
    number == Int(ClaimColumns.noDate) || Int32(exactly: number) == nil ? nil : Day(number: Int32(number))
  }

  private static func readDocuments(_ r: BinaryReader) throws -> [Document] {
    let count = try r.count(size: 64)
    var documents: [Document] = []
    documents.reserveCapacity(count)
    for _ in 0..<count {
      let id = try r.string(), path = try r.string(), title = try r.optionalString(), source = try r.string()
      let date = day(try r.int())
      let author = try r.optionalString(), url = try r.optionalString(), text = try r.string()
      var d = Document(id: id, path: path, title: title, source: source, date: date, author: author, url: url, text: text)
      let length = text.utf8.count
      for _ in 0..<(try r.count(size: 32)) {
        let span = try span(r, within: length)
        d.sentences.append(Sentence(span: span, text: "", paragraph: try r.int()))
        d.sentences[d.sentences.count - 1].text = try r.string()
      }
      for _ in 0..<(try r.count(size: 24)) {
        d.debris.append(Debris(span: try span(r, within: length), rule: try r.string()))
      }
      documents.append(d)
    }
    return documents
  }

  private static func readColumns(_ r: BinaryReader) throws -> ClaimColumns {
    var c = ClaimColumns()
    c.count = try r.count(size: 4)
    c.dates = try r.array(Int32.self)
    try check(c.dates.count == c.count, "dates for another number of claims", r)
    let offsets = try r.array(Int.self)
    let text = try r.bytes(try r.count())
    guard let texts = TextColumn(bytes: text, offsets: offsets), texts.count == c.count else {
      throw BinaryReader.Failure(message: "text offsets that do not fit the texts", offset: r.offset)
    }
    c.texts = texts
    for path in c.strings.indices.map({ \ClaimColumns.strings[$0] }) {
      c[keyPath: path].codes = try r.array(Int32.self)
      c[keyPath: path].values = try r.strings()
      let values = Int32(c[keyPath: path].values.count)
      try check(
        c[keyPath: path].codes.count == c.count && c[keyPath: path].codes.allSatisfy { $0 >= -1 && $0 < values },
        "a string column that does not fit", r)
    }
    for path in c.lists.indices.map({ \ClaimColumns.lists[$0] }) {
      c[keyPath: path].offsets = try r.array(Int32.self)
      c[keyPath: path].codes = try r.array(Int32.self)
      c[keyPath: path].values = try r.strings()
      let list = c[keyPath: path], values = Int32(list.values.count)
      try check(
        list.offsets.count == c.count + 1 && list.offsets.first == 0 && Int(list.offsets.last!) == list.codes.count
          && zip(list.offsets, list.offsets.dropFirst()).allSatisfy { $0 <= $1 } && list.codes.allSatisfy { $0 >= 0 && $0 < values },
        "a list column that does not fit", r)
    }
    c.ids = Array(0..<c.count)
    return c
  }

  private static func readEvidence(_ r: BinaryReader, columns: ClaimColumns, documents: [Document]) throws -> [Claim] {
    var lengths: [String: Int] = [:]
    for d in documents { lengths[d.id] = d.text.utf8.count }
    var claims: [Claim] = []
    for _ in 0..<(try r.count(size: 16)) {
      let id = try r.int()
      try check(id >= 0 && id < columns.count, "evidence for a claim that is not there", r)
      var claim = columns.claim(id)
      claim.id = id
      let length = lengths[claim.doc] ?? 0
      for _ in 0..<(try r.count(size: 48)) {
        let field = try r.string(), value = try r.string()
        claim.evidence.append(Evidence(field: field, value: value, span: try span(r, within: length), rule: try r.string()))
      }
      claims.append(claim)
    }
    return claims
  }
}

/// Reads a JSON Lines file of documents (`{id, title, source, date, text}`) or of claims
/// (claimsh's export); a malformed line is reported with its number and skipped.
enum JSONLinesReader {
  static func read(_ bytes: [UInt8], input: CorpusLoader.Input, into out: inout CorpusLoader.Output) {
    if TextDecoding.looksBinary(bytes[...]) {
      out.warnings.append(LoadWarning(path: input.path, message: "skipped: binary, not JSON Lines"))
      return
    }
    var lineNumber = 0
    var start = 0
    var fileIsClaims: Bool? = nil
    var records = 0
    while start < bytes.count {
      lineNumber += 1
      var end = start
      while end < bytes.count, bytes[end] != 0x0A { end += 1 }
      defer { start = end + 1 }
      let line = bytes[start..<end]
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      let record: JSONValue
      do {
        record = try JSONParser.parse(line)
      } catch {
        out.warnings.append(LoadWarning(path: input.path, line: lineNumber, message: "malformed JSON: \(error.message) at byte \(error.offset + 1)"))
        continue
      }
      guard case .object = record else {
        out.warnings.append(LoadWarning(path: input.path, line: lineNumber, message: "expected a JSON object"))
        continue
      }
      records += 1
      let isClaims = fileIsClaims ?? ClaimRecord.isClaim(record)
      fileIsClaims = isClaims
      if isClaims {
        out.claims.append(ClaimRecord.claim(record, id: out.claims.count))
      } else if let doc = ClaimRecord.document(record, fallbackID: "\(input.id):\(lineNumber)", path: "\(input.path):\(lineNumber)") {
        out.documents.append(doc)
      } else {
        out.warnings.append(LoadWarning(path: input.path, line: lineNumber, message: "no \"text\" field; skipped"))
      }
    }
    if records == 0 {
      out.warnings.append(LoadWarning(path: input.path, message: "skipped: no JSON records"))
    }
    if fileIsClaims == true { out.documents += documentsOfClaims(out.claims, path: input.path) }
  }

  /// One document per claims-file `doc`, without text, so `docs` lists them.
  static func documentsOfClaims(_ claims: [Claim], path: String) -> [Document] {
    var seen: Set<String> = []
    var docs: [Document] = []
    for c in claims where !seen.contains(c.doc) {
      seen.insert(c.doc)
      docs.append(Document(id: c.doc, path: path, source: c.source, date: c.date, text: ""))
    }
    return docs
  }
}

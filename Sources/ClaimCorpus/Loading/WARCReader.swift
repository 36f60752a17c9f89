/// Reads a web archive (`.warc`, and `.warc.gz` with one gzip member per record, as Common
/// Crawl and `wget --warc-file` write them) as a stream: each `response` record whose HTTP
/// payload is a web page becomes a document (`HTMLArticle`), its id and url the record's
/// `WARC-Target-URI`, its date the page's or else the record's `WARC-Date`; other records are
/// skipped and counted. A record cut short ends the archive there; a record whose
/// `Content-Length` runs past the next record is found again at the next `WARC/` line; each is
/// reported with the record's offset in the (inflated) archive.
enum WARCReader: CorpusReader {
  static let extensions: Set<String> = ["warc", "warc.gz"]

  static func read(_ input: CorpusLoader.Input, into out: inout CorpusLoader.Output, maxRecord: Int) -> Bool {
    guard let stream = ByteStream(path: input.path) else { return false }
    var skipped = 0
    var pages = 0
    /// A version line already read while looking for the next record.
    var pending: (line: [UInt8], offset: Int)? = nil
    func warn(_ message: String, at offset: Int) { out.warnings.append(LoadWarning(path: "\(input.path)@\(offset)", message: message)) }
    while true {
      // the blank lines between records, then the version line
      var start = pending?.offset ?? stream.offset
      guard var version = pending?.line ?? stream.line() else { break }
      pending = nil
      while version.isEmpty {
        start = stream.offset
        guard let next = stream.line() else { break }
        version = next
      }
      if version.isEmpty { break }
      guard version.starts(with: Array("WARC/".utf8)) else {
        // a Content-Length that lied: on to the next record
        var found = false
        while true {
          let at = stream.offset
          guard let l = stream.line() else { break }
          if l.starts(with: Array("WARC/".utf8)) {
            pending = (l, at)
            found = true
            break
          }
        }
        warn(
          found
            ? "data the previous record's Content-Length did not count; reading on from the next record"
            : "not a WARC record, and none follows", at: start)
        if !found { break }
        continue
      }
      var headers: [String: String] = [:]
      var ended = false
      while let l = stream.line() {
        if l.isEmpty {
          ended = true
          break
        }
        let text = String(decoding: l, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else { continue }
        headers[text[..<colon].lowercased()] = String(text[text.index(after: colon)...]).trimmingSpaces()
      }
      guard ended else {
        warn("the archive is cut inside this record's header; the records before it load", at: start)
        break
      }
      guard let length = headers["content-length"].flatMap({ Int($0) }), length >= 0 else {
        warn("a WARC record without a Content-Length; the rest of the archive is left out", at: start)
        break
      }
      guard length <= maxRecord else {
        warn("skipped: a \(length)-byte record is more than the \(maxRecord)-byte limit", at: start)
        _ = stream.read(length)
        continue
      }
      let block = stream.read(length)
      if block.count < length {
        warn("the archive is cut inside this record (\(block.count) of \(length) bytes); the records before it load", at: start)
        break
      }
      guard headers["warc-type"]?.lowercased() == "response", let uri = headers["warc-target-uri"],
        let response = HTTPResponse(block, limit: maxRecord), response.isHTML
      else {
        skipped += 1
        continue
      }
      guard let (document, problem) = HTMLArticle.document(response.body, id: uri, path: "\(input.path)@\(start)", url: uri) else {
        skipped += 1
        continue
      }
      var doc = document
      if doc.date == nil { doc.date = headers["warc-date"].flatMap { Day(parsing: $0) } }
      if let problem { warn(problem, at: start) }
      out.documents.append(doc)
      pages += 1
    }
    if let damage = stream.damage { warn("damaged gzip data: \(damage); the records before it load", at: stream.offset) }
    if skipped > 0 {
      let read = "\(pages) web page\(pages == 1 ? "" : "s") read"
      let others = "\(skipped) other record\(skipped == 1 ? "" : "s") (requests, metadata, not HTML) skipped"
      out.warnings.append(LoadWarning(path: input.path, message: read + "; " + others))
    }
    return true
  }
}

/// An HTTP response as a web archive records it: status line, headers, then the body, which
/// may be sent in chunks (`Transfer-Encoding: chunked`) and compressed (`Content-Encoding:
/// gzip`).
struct HTTPResponse {
  /// The status code (200).
  var status: Int
  /// The headers, names lowercased; the first of each name wins.
  var headers: [String: String]
  /// The body as sent, chunks joined, gzip inflated (at most `limit` bytes).
  var body: [UInt8]

  /// Reads `bytes`; nil when they do not start with an HTTP status line.
  init?(_ bytes: [UInt8], limit: Int) {
    var i = 0
    func line() -> String? {
      guard i < bytes.count else { return nil }
      let start = i
      while i < bytes.count, bytes[i] != 0x0A { i += 1 }
      var end = i
      if end > start, bytes[end - 1] == 0x0D { end -= 1 }
      i = min(i + 1, bytes.count)
      return String(decoding: bytes[start..<end], as: UTF8.self)
    }
    guard let first = line(), first.hasPrefix("HTTP/") else { return nil }
    let parts = first.split(separator: " ")
    status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    headers = [:]
    while let l = line(), !l.isEmpty {
      guard let colon = l.firstIndex(of: ":") else { continue }
      let name = l[..<colon].lowercased().trimmingSpaces()
      if headers[name] == nil { headers[name] = String(l[l.index(after: colon)...]).trimmingSpaces() }
    }
    var body = Array(bytes[i...])
    if headers["transfer-encoding"]?.lowercased().contains("chunked") == true { body = Self.dechunked(body) }
    if let encoding = headers["content-encoding"]?.lowercased(), encoding.contains("gzip"), Gzip.isGzip(body) {
      switch Gzip.inflate(body, limit: limit) {
      case .complete(let b), .tooLarge(let b, _), .damaged(let b, _): body = b
      }
    }
    self.body = body
  }

  /// Whether the body is a web page: an HTML content type, or none and markup at the start.
  var isHTML: Bool {
    if let type = headers["content-type"]?.lowercased() { return type.contains("html") }
    let head = String(decoding: body.prefix(512), as: UTF8.self).lowercased()
    return head.contains("<html") || head.contains("<!doctype html")
  }

  /// A chunked body joined: each chunk is its length in hex, a line end, the bytes, a line end;
  /// a length of 0 ends it. A length that runs past the data keeps what there is.
  static func dechunked(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
      var j = i
      while j < bytes.count, bytes[j] != 0x0A { j += 1 }
      let sizeText = String(decoding: bytes[i..<j], as: UTF8.self).split(separator: ";").first?.trimmingSpaces() ?? ""
      guard let size = Int(sizeText, radix: 16), size > 0 else { break }
      let start = min(j + 1, bytes.count)
      let end = min(start + size, bytes.count)
      out += bytes[start..<end]
      i = end
      // the line end after the chunk
      while i < bytes.count, bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 }
    }
    return out
  }
}

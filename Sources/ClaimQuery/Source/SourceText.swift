/// A query's text with its line starts, computed once, to turn offsets into lines and columns.
///
///     let text = SourceText("claims\nwhere x = 1")
///     text.location(of: 7)   // (line: 2, column: 1)
public struct SourceText: Sendable {
  /// The text.
  public let text: String
  /// The text's UTF-8 bytes.
  public let bytes: [UInt8]
  /// The UTF-8 offset where each line starts.
  public let lineStarts: [Int]

  /// Wraps `text`.
  public init(_ text: String) {
    self.text = text
    self.bytes = Array(text.utf8)
    var starts = [0]
    for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
    self.lineStarts = starts
  }

  /// The 1-based line of `offset`.
  public func line(of offset: Int) -> Int {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo + 1
  }

  /// The 1-based line and column (counted in Characters) of `offset`.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let line = line(of: offset)
    let start = lineStarts[line - 1]
    let clamped = min(max(offset, start), bytes.count)
    return (line, String(decoding: bytes[start..<clamped], as: UTF8.self).count + 1)
  }

  /// The text of line `line` (1-based), without its newline.
  public func lineText(_ line: Int) -> String {
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
  }

  /// The text of `range`.
  public func slice(_ range: SourceRange) -> String {
    let s = min(max(0, range.start), bytes.count)
    let e = min(max(s, range.end), bytes.count)
    return String(decoding: bytes[s..<e], as: UTF8.self)
  }
}

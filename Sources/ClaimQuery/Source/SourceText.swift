/// A query's text with its line starts, computed once, to turn offsets into lines and columns.
/// A statement taken from the middle of a script knows the line it starts on, so its messages
/// name the script's lines without the script before it being kept or lexed again.
///
///     let text = SourceText("claims\nwhere x = 1")
///     text.location(of: 7)   // (line: 2, column: 1)
///     SourceText("claims count", firstLine: 40).location(of: 7)   // (line: 40, column: 8)
public struct SourceText: Sendable {
  /// The text.
  public let text: String
  /// The text's UTF-8 bytes.
  public let bytes: [UInt8]
  /// The UTF-8 offset where each line starts.
  public let lineStarts: [Int]
  /// The line number of the text's first line in the script it comes from.
  public let firstLine: Int

  /// Wraps `text`, whose first line is line `firstLine` of its script.
  public init(_ text: String, firstLine: Int = 1) {
    self.text = text
    self.bytes = Array(text.utf8)
    self.firstLine = firstLine
    var starts = [0]
    for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
    self.lineStarts = starts
  }

  /// The UTF-8 offset where line `line` (numbered as in the script) starts.
  public func lineStart(_ line: Int) -> Int { lineStarts[line - firstLine] }

  /// The line (numbered as in the script) of `offset`.
  public func line(of offset: Int) -> Int {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo + firstLine
  }

  /// The line (numbered as in the script) and 1-based column (counted in Characters) of `offset`.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let line = line(of: offset)
    let start = lineStart(line)
    let clamped = min(max(offset, start), bytes.count)
    return (line, String(decoding: bytes[start..<clamped], as: UTF8.self).count + 1)
  }

  /// The text of line `line` (numbered as in the script), without its newline.
  public func lineText(_ line: Int) -> String {
    let k = line - firstLine
    let start = lineStarts[k]
    var end = k + 1 < lineStarts.count ? lineStarts[k + 1] - 1 : bytes.count
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

/// A half-open range of UTF-8 offsets into a document's text.
///
///     let span = TextSpan(start: 0, end: 5)   // the first five bytes
public struct TextSpan: Hashable, Sendable, Comparable {
  /// The offset of the first byte.
  public var start: Int
  /// The offset just past the last byte.
  public var end: Int

  /// Creates a span from `start` up to, not including, `end`.
  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  /// The number of bytes covered.
  public var length: Int { end - start }

  /// Whether `other` lies wholly inside this span.
  public func contains(_ other: TextSpan) -> Bool {
    start <= other.start && other.end <= end
  }

  /// Whether the two spans share at least one byte.
  public func overlaps(_ other: TextSpan) -> Bool {
    start < other.end && other.start < end
  }

  public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }
}

extension String {
  /// The text of `span`, a range of UTF-8 offsets into this string.
  public func slice(_ span: TextSpan) -> String {
    let bytes = utf8
    let from = bytes.index(bytes.startIndex, offsetBy: span.start)
    let to = bytes.index(from, offsetBy: span.length)
    return String(decoding: bytes[from..<to], as: UTF8.self)
  }
}

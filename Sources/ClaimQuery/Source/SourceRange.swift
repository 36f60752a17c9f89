/// A half-open range of UTF-8 offsets into a query's text.
///
///     SourceRange(start: 13, end: 17)   // "actr" in `claims where actr = 1`
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
  /// The offset of the first byte.
  public var start: Int
  /// The offset just past the last byte.
  public var end: Int

  /// Creates a range.
  public init(start: Int, end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }

  /// `start..<end`.
  public var description: String { "\(start)..<\(end)" }
}

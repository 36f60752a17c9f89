/// The claims' texts: UTF-8 bytes kept in segments, each holding the texts of consecutive rows
/// (a claims file gives one per stretch parsed on its own core, so loading never copies the
/// texts into one buffer), with offsets as if the segments were one buffer.
///
///     var texts = TextColumn()
///     texts.append("first")
///     texts.append("second")
///     texts.text(1)   // "second"
public struct TextColumn: Sendable {
  /// The segments' bytes.
  public private(set) var segments: [[UInt8]] = []
  /// Where each segment starts, as if the segments were one buffer; one more entry than segments.
  public private(set) var segmentStarts: [Int] = [0]
  /// The first row of each segment.
  public private(set) var firstRows: [Int] = []
  /// Where each row's text starts, as if the segments were one buffer; one more entry than rows.
  public private(set) var offsets: [Int] = [0]

  /// No texts.
  public init() {}

  /// One segment, `bytes`, cut into texts at `offsets`; nil unless the offsets run from 0 to
  /// the end of the bytes without going back.
  public init?(bytes: [UInt8], offsets: [Int]) {
    guard offsets.first == 0, offsets.last == bytes.count, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
    self.offsets = offsets
    if offsets.count > 1 {
      segments = [bytes]
      segmentStarts = [0, bytes.count]
      firstRows = [0]
    }
  }

  /// How many texts.
  public var count: Int { offsets.count - 1 }

  /// Starts a new segment with room for `capacity` bytes; the texts appended next go there.
  public mutating func startSegment(capacity: Int) {
    var segment: [UInt8] = []
    segment.reserveCapacity(capacity)
    segments.append(segment)
    segmentStarts.append(segmentStarts[segmentStarts.count - 1])
    firstRows.append(count)
  }

  /// Appends a text to the last segment.
  public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    if segments.isEmpty { startSegment(capacity: 0) }
    segments[segments.count - 1].append(contentsOf: bytes)
    segmentStarts[segments.count] += bytes.count
    offsets.append(segmentStarts[segments.count])
  }

  /// Appends a text to the last segment.
  public mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Appends `other`'s texts after these, sharing its segments rather than copying them.
  public mutating func append(contentsOf other: TextColumn) {
    let rowBase = count
    let byteBase = offsets[offsets.count - 1]
    for (k, segment) in other.segments.enumerated() {
      segments.append(segment)
      segmentStarts.append(byteBase + other.segmentStarts[k + 1])
      firstRows.append(rowBase + other.firstRows[k])
    }
    offsets.append(contentsOf: other.offsets.dropFirst().lazy.map { $0 + byteBase })
  }

  /// The segment holding row `row`'s text.
  public func segment(of row: Int) -> Int {
    // the last segment whose first row is at most `row`
    var low = 0, high = firstRows.count
    while high - low > 1 {
      let mid = (low + high) / 2
      if firstRows[mid] <= row { low = mid } else { high = mid }
    }
    return low
  }

  /// The bytes of text `row`.
  public func bytes(_ row: Int) -> ArraySlice<UInt8> {
    guard !segments.isEmpty else { return [] }
    let s = segment(of: row)
    return segments[s][(offsets[row] - segmentStarts[s])..<(offsets[row + 1] - segmentStarts[s])]
  }

  /// Calls `body` with every segment's bytes as a buffer, all valid for the call.
  public func withSegmentBuffers<R>(_ body: ([UnsafeBufferPointer<UInt8>]) -> R) -> R {
    func nest(_ s: Int, _ taken: [UnsafeBufferPointer<UInt8>]) -> R {
      guard s < segments.count else { return body(taken) }
      return segments[s].withUnsafeBufferPointer { nest(s + 1, taken + [$0]) }
    }
    return nest(0, [])
  }

  /// The bytes of text `row` in `buffers`, the segments' buffers (`withSegmentBuffers`).
  public func bytes(_ row: Int, in buffers: [UnsafeBufferPointer<UInt8>]) -> UnsafeBufferPointer<UInt8> {
    let s = segment(of: row)
    let start = offsets[row] - segmentStarts[s]
    return UnsafeBufferPointer(rebasing: buffers[s][start..<start + offsets[row + 1] - offsets[row]])
  }

  /// Text `row`.
  public func text(_ row: Int) -> String { String(decoding: bytes(row), as: UTF8.self) }

  /// The rows whose texts segment `s` holds.
  public func rows(ofSegment s: Int) -> Range<Int> {
    firstRows[s]..<(s + 1 < firstRows.count ? firstRows[s + 1] : count)
  }
}

/// Several keys' codes packed into one number, mixed radix: key `i`'s digit is its code less
/// the key's lowest (null the digit after the highest), times `place[i]`. Nil when the
/// product of the radices does not fit. `group by` and `distinct` find packed keys by hashing
/// one number, or, when `isFlat`, by index in a flat array.
struct Packing {
  /// Each key's lowest code.
  let low: [Int64]
  /// How many codes each key has besides null: every code but null is in `low ..< low + width`.
  let width: [Int64]
  /// Each key's place value.
  let place: [Int64]
  /// How many packed keys there can be.
  let size: Int64

  /// The most packed keys a flat array may cover.
  static let maximumFlat: Int64 = 1 << 22

  init?(spans: [(low: Int64, width: Int64)]) {
    guard let (place, size) = Self.places(radices: spans.map { $0.width + 1 }) else { return nil }
    self.low = spans.map(\.low)
    self.width = spans.map(\.width)
    self.place = place
    self.size = size
  }

  /// Each digit's place value in a mixed-radix number (the first digit the least significant)
  /// and how many numbers there are; nil when that does not fit.
  static func places(radices: [Int64]) -> (place: [Int64], size: Int64)? {
    var place: [Int64] = []
    var product: Int64 = 1
    for radix in radices {
      place.append(product)
      let (next, overflow) = product.multipliedReportingOverflow(by: radix)
      guard !overflow else { return nil }
      product = next
    }
    return (place, product)
  }

  init?(_ fields: [ClaimGrouping.FieldCodes]) { self.init(spans: fields.map { ($0.low, $0.width) }) }

  /// Key `i`'s digit for `code`.
  @inline(__always) func digit(_ i: Int, _ code: Int64) -> Int64 { code == Grouping.null ? width[i] : code - low[i] }

  /// The codes packed in `key`.
  func unpack(_ key: Int64) -> [Int64] {
    width.indices.map { i in
      let d = key / place[i] % (width[i] + 1)
      return d == width[i] ? Grouping.null : d + low[i]
    }
  }

  /// Whether a flat array over every packed key pays for `rows` rows (`isFlat(_:rows:)`).
  func isFlat(rows: Int) -> Bool { Self.isFlat(size, rows: rows) }

  /// Whether flat arrays of `size` places pay for `rows` rows: they are small, and not much
  /// larger than the rows (zeroing 16 MB to group ten rows is work in the wrong place). A place
  /// costs about a nanosecond to zero, a row tens to hash: 32 places a row, and 65,536 free.
  static func isFlat(_ size: Int64, rows: Int) -> Bool { size <= maximumFlat && size <= 32 * Int64(rows) + 65536 }
}

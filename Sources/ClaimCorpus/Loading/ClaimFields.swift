/// One claims-file record's fields as byte ranges: of its line, or of a scratch buffer for
/// strings that had escapes and values that were not strings. Reused from record to record,
/// so reading a record allocates nothing.
struct ClaimFields {
  /// Where a value's bytes are.
  enum Piece {
    case line(Range<Int>)
    case scratch(Range<Int>)
  }

  /// The string fields (`doc` … `quote`), by `ClaimColumnsBuilder.Slot`; nil when absent or null.
  var scalars = [Piece?](repeating: nil, count: ClaimColumnsBuilder.Slot.scalars.count)
  /// The claim's text.
  var text: Piece? = nil
  /// Its day number, or `ClaimColumns.noDate`.
  var date = ClaimColumns.noDate
  /// The items of the list fields, in order, with the list each belongs to.
  var items: [(list: ClaimColumnsBuilder.Slot, value: Piece)] = []
  /// Decoded strings and numbers written as text.
  var scratch: [UInt8] = []

  /// Empties the fields for the next record, keeping their storage.
  mutating func reset() {
    for k in scalars.indices { scalars[k] = nil }
    text = nil
    date = ClaimColumns.noDate
    if !items.isEmpty { items.removeAll(keepingCapacity: true) }
    if !scratch.isEmpty { scratch.removeAll(keepingCapacity: true) }
  }

  /// Calls `body` with the bytes of `piece`, a piece of `line` or of the scratch buffer.
  func withBytes<R>(_ piece: Piece, in line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    switch piece {
    case .line(let r): return body(UnsafeBufferPointer(rebasing: line[r]))
    case .scratch(let r): return scratch.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[r])) }
    }
  }
}

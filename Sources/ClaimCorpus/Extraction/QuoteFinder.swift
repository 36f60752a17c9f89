/// A quotation in a paragraph: the words between a pair of quotation marks.
public struct QuoteSpan: Sendable, Hashable {
  /// The whole quotation, marks included.
  public var outer: TextSpan
  /// The quoted words, marks excluded.
  public var inner: TextSpan
  /// Whether it is a short phrase ("tougher stance") rather than a clause someone said.
  public var isPartial: Bool
}

/// Finds quotations: double (`“…”`, `"…"`) and single (`‘…’`, `'…'`) marks, telling a closing
/// `’` from an apostrophe (`don’t`, `Reuters’`) by position. Only the outermost quotations
/// are returned; one left open closes at the paragraph's end.
public enum QuoteFinder {
  /// The quotations of `bytes[range]`.
  public static func quotes(in bytes: [UInt8], range: Range<Int>) -> [QuoteSpan] {
    var found: [QuoteSpan] = []
    var open: (start: Int, inner: Int, double: Bool)? = nil
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      let (mark, width) = markAt(bytes, i, end)
      guard let mark else {
        i += 1
        continue
      }
      let prev: UInt8? = i > range.lowerBound ? bytes[i - 1] : nil
      let next: Int? = i + width < end ? i + width : nil
      let prevIsWordish = prev.map { isWordish($0) } ?? false
      let nextIsWordish = next.map { Tokenizer.isWordByte(bytes, $0, end) } ?? false
      switch mark {
      case .doubleOpen, .doubleClose, .doubleStraight:
        if let o = open, o.double {
          let isClose = mark == .doubleClose || (mark == .doubleStraight && !(nextIsWordish && !prevIsWordish))
          if isClose {
            found.append(make(bytes, start: o.start, inner: o.inner, innerEnd: i, end: i + width))
            open = nil
          }
        } else if open == nil, mark != .doubleClose {
          open = (i, i + width, true)
        }
      case .singleOpen, .singleStraight, .singleClose:
        let opensStraight = mark == .singleStraight && (prev == nil || prev == 0x20 || prev == 0x28)
        let opens = (mark == .singleOpen || opensStraight) && !prevIsWordish && nextIsWordish
        let closes = mark != .singleOpen && !nextIsWordish && prev != nil && prev != 0x20
        if let o = open {
          if !o.double && closes {
            found.append(make(bytes, start: o.start, inner: o.inner, innerEnd: i, end: i + width))
            open = nil
          }
        } else if opens {
          open = (i, i + width, false)
        }
      }
      i += width
    }
    if let o = open, o.inner < end {
      found.append(make(bytes, start: o.start, inner: o.inner, innerEnd: end, end: end))
    }
    return found
  }

  enum Mark { case doubleOpen, doubleClose, doubleStraight, singleOpen, singleClose, singleStraight }

  static func markAt(_ bytes: [UInt8], _ i: Int, _ end: Int) -> (Mark?, Int) {
    let b = bytes[i]
    if b == 0x22 { return (.doubleStraight, 1) }
    if b == 0x27 { return (.singleStraight, 1) }
    if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80 {
      switch bytes[i + 2] {
      case 0x9C: return (.doubleOpen, 3)
      case 0x9D: return (.doubleClose, 3)
      case 0x98: return (.singleOpen, 3)
      case 0x99: return (.singleClose, 3)
      default: break
      }
    }
    return (nil, 1)
  }

  static func isWordish(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
  }

  static func make(_ bytes: [UInt8], start: Int, inner: Int, innerEnd: Int, end: Int) -> QuoteSpan {
    var words = 0
    var inWord = false
    var clausePunct = false
    for j in inner..<innerEnd {
      let b = bytes[j]
      let w = isWordish(b)
      if w && !inWord { words += 1 }
      inWord = w
      if b == 0x2C || b == 0x2E || b == 0x3F || b == 0x21 { clausePunct = true }
    }
    let partial = words <= 4 || (!clausePunct && words <= 6)
    return QuoteSpan(outer: TextSpan(start: start, end: end), inner: TextSpan(start: inner, end: innerEnd), isPartial: partial)
  }
}

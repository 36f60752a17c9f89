// CFastScan against plain references: the caseless search against a byte-by-byte search (on
// haystacks of letters in both cases, spaces and bytes above 0x7F, long enough for the 32- and
// 16-byte loops and their tails, from every kind of start), and the UTF-8 check against the
// standard library's.
import CFastScan
import ClaimTestSupport
import PropertyBased
import Testing

@Suite struct FastScanPropertyTests {
  static let alphabet: [UInt8] = Array("aAbBeEmMsS zZ@`0\u{7F}".utf8) + [0xC3, 0xA9, 0xE0]

  static func naive(_ h: [UInt8], _ needle: [UInt8], from: Int) -> Int {
    func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
    guard needle.count <= h.count else { return h.count }
    var i = from
    while i + needle.count <= h.count {
      if (0..<needle.count).allSatisfy({ fold(h[i + $0]) == needle[$0] }) { return i }
      i += 1
    }
    return h.count
  }

  @Test func caselessSearchFindsWhatAByteByByteSearchFinds() async {
    let picks = Gen<Int>.int(in: 0...(Self.alphabet.count - 1)).array(of: 0...200)
    let needles = Gen<Int>.int(in: 0...(Self.alphabet.count - 1)).array(of: 1...6)
    await checkProperty(count: 2000, input: picks, needles, Gen<Int>.int(in: 0...100)) { picked, needlePicks, from in
      let haystack: [UInt8] = picked.map { Self.alphabet[$0] }
      let needle: [UInt8] = needlePicks.map { Self.alphabet[$0] }.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
      let start = min(from, haystack.count)
      let padded = haystack + [0]  // a valid pointer even when the haystack is empty
      let found = padded.withUnsafeBufferPointer { h in
        claimsh_find_caseless(h.baseAddress!, haystack.count, needle, needle.count, start)
      }
      #expect(found == Self.naive(haystack, needle, from: start), "\(haystack) \(needle) from \(start)")
    }
  }

  /// Lead, continuation and edge bytes (overlong leads, surrogates, past U+10FFFF), and ASCII.
  static let utf8Bytes: [UInt8] = [
    0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
  ]

  @Test func utf8CheckAgreesWithTheStandardLibrary() async {
    let picks = Gen<Int>.int(in: 0...(Self.utf8Bytes.count - 1)).array(of: 0...40)
    await checkProperty(count: 3000, input: picks, Gen<Int>.int(in: 0...20)) { picked, asciiRun in
      // an ASCII run first, so the 16-byte loop hands over to the byte loop at any offset
      let bytes = [UInt8](repeating: 0x61, count: asciiRun) + picked.map { Self.utf8Bytes[$0] }
      let padded = bytes + [0]
      let valid = padded.withUnsafeBufferPointer { claimsh_utf8_valid($0.baseAddress!, bytes.count) != 0 }
      #expect(valid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
    }
  }
}

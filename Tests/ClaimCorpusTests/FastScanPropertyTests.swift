// The vector searches in CFastScan against a byte-by-byte search, on generated haystacks of
// letters in both cases, digits, spaces and bytes above 0x7F, long enough for the 32-byte and
// 16-byte loops and their tails, from every kind of start.
import CFastScan
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
    await propertyCheck(count: 2000, input: picks, needles, Gen<Int>.int(in: 0...100)) { picked, needlePicks, from in
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
}

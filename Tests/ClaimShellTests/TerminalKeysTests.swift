// The characters libedit gets from the terminal: whole UTF-8 characters, one per call, and the
// end of input.
import Glibc
import Testing

@testable import ClaimShell

struct TerminalKeysTests {
  /// What `TerminalKeys.next` returns for `bytes` written to a pipe, up to its end (-1).
  func characters(_ bytes: [UInt8]) throws -> [Int32] {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    _ = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
    close(ends[1])
    let file = try #require(fdopen(ends[0], "r"))
    defer { fclose(file) }
    var read: [Int32] = []
    while read.count <= bytes.count {
      let character = TerminalKeys.next(file)
      read.append(character)
      if character == -1 { break }
    }
    return read
  }

  @Test func wholeCharactersComeOneACall() throws {
    #expect(try characters(Array("aé日😀".utf8)) == [0x61, 0xE9, 0x65E5, 0x1F600, -1])
  }

  @Test func bytesThatAreNotUTF8AreDropped() throws {
    // a stray continuation byte, an overlong "/", a sequence cut short by "b", a byte never used
    #expect(try characters([0x80, 0x61, 0xC0, 0xAF, 0xE6, 0x97, 0x62, 0xFF, 0x63]) == [0x61, 0x62, 0x63, -1])
  }

  @Test func sequenceLengthsFollowTheLeadByte() {
    #expect([0x41, 0xC3, 0xE6, 0xF0, 0x80, 0xC1, 0xF5].map { TerminalKeys.sequenceLength($0) } == [1, 2, 3, 4, 0, 0, 0])
  }
}

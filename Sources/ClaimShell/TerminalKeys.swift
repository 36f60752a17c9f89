import Glibc

/// libedit's source of typed characters: one Unicode scalar per call, read from the terminal
/// while also waiting on Ctrl-C's pipe (`Interrupts.wakeRead`). libedit's own reader blocks in
/// read(2), where a Ctrl-C that came a moment before the read began is never seen: the line
/// stays open, in cooked mode, until the next key.
enum TerminalKeys {
  /// The next typed character's scalar value, or -1 at end of input or once Ctrl-C was typed.
  /// A byte that cannot start or continue UTF-8 is dropped, as libedit drops it.
  static func next(_ file: UnsafeMutablePointer<FILE>?) -> Int32 {
    let fd = file.map { fileno($0) } ?? 0
    var carried: UInt8?  // a byte that broke off a sequence begins the next one
    while true {
      guard let lead = carried ?? byte(fd) else { return -1 }
      carried = nil
      let length = sequenceLength(lead)
      if length == 1 { return Int32(lead) }
      if length == 0 { continue }
      var scalar = UInt32(lead) & (0x7F >> UInt32(length))
      var complete = true
      for _ in 1..<length {
        guard let next = byte(fd) else { return -1 }
        guard next & 0xC0 == 0x80 else {
          carried = next
          complete = false
          break
        }
        scalar = scalar << 6 | UInt32(next & 0x3F)
      }
      if complete, scalar >= smallest[length], Unicode.Scalar(scalar) != nil { return Int32(scalar) }
    }
  }

  /// The bytes in a UTF-8 sequence that starts with `lead`; 0 when no sequence starts with it.
  static func sequenceLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0..<0x80: 1
    case 0xC2..<0xE0: 2
    case 0xE0..<0xF0: 3
    case 0xF0..<0xF5: 4
    default: 0
    }
  }

  /// The smallest scalar each sequence length may encode (a longer form is overlong).
  private static let smallest: [UInt32] = [0, 0, 0x80, 0x800, 0x1_0000]

  /// One byte from `fd`, waiting as long as it takes; nil at end of input, on an error, or when
  /// Ctrl-C's pipe holds a byte.
  private static func byte(_ fd: Int32) -> UInt8? {
    let wake = Interrupts.wakeRead.load(ordering: .relaxed)
    var waits = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
    while true {
      if poll(&waits, wake >= 0 ? 2 : 1, -1) < 0 {
        if errno == EINTR { continue }  // a resize; Ctrl-C's byte is seen by the next poll
        return nil
      }
      if wake >= 0, waits[1].revents != 0 { return nil }
      guard waits[0].revents != 0 else { continue }
      var byte: UInt8 = 0
      switch read(fd, &byte, 1) {
      case 1: return byte
      case -1 where errno == EINTR || errno == EAGAIN: continue
      default: return nil
      }
    }
  }
}

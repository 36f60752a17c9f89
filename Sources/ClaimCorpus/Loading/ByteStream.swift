import CZlib
import Glibc

/// A file read a piece at a time, as it is or, when it is gzip, inflated member after member
/// as it is read: a web archive of any size is read in memory bounded by the largest record.
final class ByteStream {
  private let fd: Int32
  private var raw = [UInt8](repeating: 0, count: 1 << 18)
  private var rawStart = 0
  private var rawEnd = 0
  private var rawDone = false
  private var zstream: UnsafeMutablePointer<z_stream>? = nil
  private var buffer: [UInt8] = []
  private var position = 0
  /// The bytes read (inflated) before `buffer`.
  private var consumedBefore = 0
  /// Why the data ended early, when it did (damaged gzip data).
  private(set) var damage: String? = nil
  /// Whether a gzip member has begun and not ended.
  private var inMember = false

  /// Opens `path`; nil when it cannot be read.
  convenience init?(path: String) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    self.init(descriptor: fd)
  }

  /// Reads the open descriptor `fd` (standard input, say), which it closes when done.
  init?(descriptor fd: Int32) {
    self.fd = fd
    fillRaw()
    if rawEnd - rawStart >= 2, raw[0] == 0x1F, raw[1] == 0x8B {
      let z = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
      z.initialize(to: z_stream())
      guard inflateInit2_(z, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
        z.deallocate()
        close(fd)
        return nil
      }
      zstream = z
    }
  }

  deinit {
    if let z = zstream {
      inflateEnd(z)
      z.deallocate()
    }
    close(fd)
  }

  /// How many bytes have been taken so far: where the next one lies in the (inflated) data.
  var offset: Int { consumedBefore + position }

  /// Whether every byte has been taken.
  var atEnd: Bool { !ensure(1) }

  private func fillRaw() {
    if rawStart > 0 {
      raw.withUnsafeMutableBufferPointer { r in
        _ = memmove(r.baseAddress!, r.baseAddress! + rawStart, rawEnd - rawStart)
      }
      rawEnd -= rawStart
      rawStart = 0
    }
    guard !rawDone, rawEnd < raw.count else { return }
    let n = raw.withUnsafeMutableBufferPointer { Glibc.read(fd, $0.baseAddress! + rawEnd, $0.count - rawEnd) }
    if n <= 0 { rawDone = true } else { rawEnd += n }
  }

  /// Makes at least `n` bytes available past the read position; false when the data ends first.
  func ensure(_ n: Int) -> Bool {
    while buffer.count - position < n {
      if position > 0 {
        buffer.removeFirst(position)
        consumedBefore += position
        position = 0
      }
      guard more() else { return false }
    }
    return true
  }

  /// Appends the next piece to `buffer`; false at the end of the data.
  private func more() -> Bool {
    if rawStart == rawEnd { fillRaw() }
    guard rawStart < rawEnd else {
      if zstream != nil, inMember, damage == nil { damage = "the gzip data is cut short" }
      return false
    }
    guard let z = zstream else {
      buffer += raw[rawStart..<rawEnd]
      rawStart = rawEnd
      return true
    }
    if damage != nil { return false }
    var out = [UInt8](repeating: 0, count: 1 << 18)
    var produced = 0
    inMember = true
    let status = raw.withUnsafeMutableBufferPointer { r in
      out.withUnsafeMutableBufferPointer { o -> Int32 in
        z.pointee.next_in = r.baseAddress! + rawStart
        z.pointee.avail_in = UInt32(rawEnd - rawStart)
        z.pointee.next_out = o.baseAddress
        z.pointee.avail_out = UInt32(o.count)
        let s = inflate(z, Z_NO_FLUSH)
        rawStart = rawEnd - Int(z.pointee.avail_in)
        produced = o.count - Int(z.pointee.avail_out)
        return s
      }
    }
    buffer += out[0..<produced]
    switch status {
    case Z_STREAM_END:
      inMember = false
      // the next member, if one follows
      if rawStart == rawEnd { fillRaw() }
      if rawStart < rawEnd, raw[rawStart] == 0x1F { inflateReset(z) } else { rawStart = rawEnd; rawDone = true }
      return true
    case Z_OK: return true
    case Z_BUF_ERROR:
      if rawDone && rawStart == rawEnd {
        damage = "the gzip data is cut short"
        return produced > 0
      }
      fillRaw()
      return true
    default:
      damage = z.pointee.msg.map { String(cString: $0) } ?? "damaged gzip data"
      return produced > 0
    }
  }

  /// The next line without its line end (`\n` or `\r\n`), at most `limit` bytes; nil at the end.
  func line(limit: Int = 1 << 16) -> [UInt8]? {
    var k = position
    while true {
      if k >= buffer.count {
        let taken = k - position
        guard ensure(taken + 1) else {
          if buffer.count > position {
            let rest = Array(buffer[position...])
            position = buffer.count
            return rest
          }
          return nil
        }
        k = position + taken
      }
      if buffer[k] == 0x0A || k - position >= limit { break }
      k += 1
    }
    var end = k
    if end > position, buffer[end - 1] == 0x0D { end -= 1 }
    let line = Array(buffer[position..<end])
    position = min(k + 1, buffer.count)
    return line
  }

  /// The next `n` bytes, or fewer when the data ends first.
  func read(_ n: Int) -> [UInt8] {
    _ = ensure(n)
    let end = min(buffer.count, position + n)
    let bytes = Array(buffer[position..<end])
    position = end
    return bytes
  }
}

import CFastScan
import Glibc

/// Writes little-endian numbers, strings and arrays to a file descriptor through a buffer, in
/// sections that each end with the CRC-32C of their bytes.
final class BinaryWriter {
  private let fd: Int32
  private var buffer: [UInt8] = []
  /// The CRC-32C of the section so far.
  private var crc: UInt32 = 0xFFFF_FFFF
  /// The first write error, as `errno`.
  private(set) var failure: Int32? = nil

  /// Writes to the open file `fd` (which the caller closes, after `flush()`).
  init(fd: Int32) {
    self.fd = fd
    buffer.reserveCapacity(1 << 20)
  }

  /// Writes what is buffered.
  func flush() {
    buffer.withUnsafeBytes { write($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  private func write(_ bytes: UnsafeRawBufferPointer) {
    var done = 0
    while done < bytes.count && failure == nil {
      let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { failure = errno } else { done += n }
    }
  }

  /// Appends raw bytes; a large run goes straight to the file.
  func bytes(_ raw: UnsafeRawBufferPointer) {
    if raw.count > 0 { crc = claimsh_crc32c_update(crc, raw.baseAddress!.assumingMemoryBound(to: UInt8.self), raw.count) }
    put(raw)
  }

  private func put(_ raw: UnsafeRawBufferPointer) {
    if raw.count >= 1 << 16 {
      flush()
      write(raw)
    } else {
      buffer.append(contentsOf: raw)
      if buffer.count >= 1 << 20 { flush() }
    }
  }

  /// Ends a section: appends the CRC-32C of its bytes (4 bytes, not part of any section) and
  /// starts the next.
  func endSection() {
    withUnsafeBytes(of: (crc ^ 0xFFFF_FFFF).littleEndian) { put($0) }
    crc = 0xFFFF_FFFF
  }

  /// Appends an integer, 8 bytes.
  func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { bytes($0) } }

  /// Appends a string: its UTF-8 length, then its bytes.
  func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      int(utf8.count)
      bytes(UnsafeRawBufferPointer(utf8))
    }
  }

  /// Appends an optional string: a flag, then the string.
  func string(_ value: String?) {
    int(value == nil ? 0 : 1)
    if let value { string(value) }
  }

  /// Appends an array of integers: its count, then its elements as they are in memory (the
  /// format is little-endian, as every machine claimsh runs on).
  func array<T: FixedWidthInteger>(_ values: [T]) {
    int(values.count)
    values.withUnsafeBytes { bytes($0) }
  }

  /// Appends an array of strings.
  func strings(_ values: [String]) {
    int(values.count)
    for v in values { string(v) }
  }
}

/// Reads what `BinaryWriter` wrote, checking every count against what is left, so that a
/// truncated or corrupt file is an error, never a crash or a huge allocation; and checking
/// each section's CRC-32C at its end, so that a changed byte is an error, never a wrong value.
final class BinaryReader {
  /// Why a file cannot be read, and the offset where that became clear.
  struct Failure: Error {
    var message: String
    var offset: Int
    /// Whether the file is whole but written by another version of claimsh, not damaged.
    var madeByAnotherVersion = false
  }

  private let fd: Int32
  private var buffer: [UInt8] = []
  private var position = 0
  /// Bytes consumed so far.
  private(set) var offset = 0
  /// Bytes in the file not yet consumed.
  private var remaining: Int
  /// The CRC-32C of the section so far, and where it began.
  private var crc: UInt32 = 0xFFFF_FFFF
  private var sectionStart = 0

  /// Reads the open file `fd` (which the caller closes) of `size` bytes.
  init(fd: Int32, size: Int) {
    self.fd = fd
    remaining = size
  }

  private func fail(_ message: String) -> Failure { Failure(message: message, offset: offset) }

  /// Fills `destination` from the buffer, then from the file.
  private func read(into destination: UnsafeMutableRawBufferPointer) throws {
    guard destination.count <= remaining else { throw fail("the file ends early (truncated)") }
    var done = min(destination.count, buffer.count - position)
    if done > 0 {
      buffer.withUnsafeBytes { destination.baseAddress!.copyMemory(from: $0.baseAddress! + position, byteCount: done) }
      position += done
    }
    if destination.count - done >= 1 << 16 {
      while done < destination.count {
        let n = Glibc.read(fd, destination.baseAddress! + done, destination.count - done)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { throw fail("the file ends early (truncated)") }
        done += n
      }
    } else if done < destination.count {
      try refill()
      let rest = destination.count - done
      guard buffer.count - position >= rest else { throw fail("the file ends early (truncated)") }
      buffer.withUnsafeBytes { (destination.baseAddress! + done).copyMemory(from: $0.baseAddress! + position, byteCount: rest) }
      position += rest
    }
    if destination.count > 0 {
      crc = claimsh_crc32c_update(crc, destination.baseAddress!.assumingMemoryBound(to: UInt8.self), destination.count)
    }
    offset += destination.count
    remaining -= destination.count
  }

  /// Ends a section: reads its stored CRC-32C and throws unless it is that of the bytes read
  /// since the section began (the failure names the section and its bytes).
  func endSection(_ name: String) throws {
    let computed = crc ^ 0xFFFF_FFFF
    let start = sectionStart
    let end = offset
    var stored: UInt32 = 0
    try withUnsafeMutableBytes(of: &stored) { buffer throws in try read(into: buffer) }
    guard UInt32(littleEndian: stored) == computed else {
      throw Failure(message: "the \(name) section (bytes \(start)-\(end)) fails its checksum: the file is damaged", offset: start)
    }
    crc = 0xFFFF_FFFF
    sectionStart = offset
  }

  private func refill() throws {
    buffer.removeSubrange(0..<position)
    position = 0
    // up to 1 MB, but no more than the file still holds (a small snapshot gets a small buffer)
    let want = min(1 << 20, remaining - buffer.count)
    guard want > 0 else { return }
    let start = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: want))
    var got = 0
    let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + start, want) }
    if n > 0 { got = n }
    buffer.removeLast(want - got)
  }

  /// The next `count` raw bytes.
  func bytes(_ count: Int) throws -> [UInt8] {
    guard count >= 0, count <= remaining else { throw fail("a length of \(count) bytes is more than the file holds") }
    return try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      try read(into: UnsafeMutableRawBufferPointer(buffer))
      initialized = count
    }
  }

  /// The next integer.
  func int() throws -> Int {
    var value: Int64 = 0
    try withUnsafeMutableBytes(of: &value) { buffer throws in try read(into: buffer) }
    return Int(Int64(littleEndian: value))
  }

  /// The next count, at most `limit` and no more than the file could hold at `size` bytes each.
  func count(max limit: Int = .max, size: Int = 1) throws -> Int {
    let n = try int()
    guard n >= 0, n <= limit, n <= remaining / max(1, size) else { throw fail("a count of \(n) is out of range") }
    return n
  }

  /// The next string (invalid UTF-8 repaired).
  func string() throws -> String {
    String(decoding: try bytes(try count()), as: UTF8.self)
  }

  /// The next optional string.
  func optionalString() throws -> String? {
    switch try int() {
    case 0: return nil
    case 1: return try string()
    default: throw fail("a bad optional flag")
    }
  }

  /// The next array of integers.
  func array<T: FixedWidthInteger>(_ type: T.Type) throws -> [T] {
    let n = try count(size: MemoryLayout<T>.size)
    return try [T](unsafeUninitializedCapacity: n) { buffer, initialized in
      try read(into: UnsafeMutableRawBufferPointer(buffer))
      initialized = n
    }
  }

  /// The next array of strings.
  func strings() throws -> [String] {
    let n = try count(size: 8)
    var out: [String] = []
    out.reserveCapacity(n)
    for _ in 0..<n { out.append(try string()) }
    return out
  }

  /// Whether every byte has been read.
  var atEnd: Bool { remaining == 0 }
}

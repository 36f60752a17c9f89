import Glibc

/// Distinct byte strings, each given a dense code in order of first appearance: how a
/// claims file's repeated values (documents, sources, hedges, actors) are stored once,
/// looked up from the file's bytes without making a `String` per value.
///
///     var names = ByteInterner()
///     names.code("Trump")   // 0
///     names.code("Vance")   // 1
///     names.code("Trump")   // 0
struct ByteInterner: Sendable {
  /// Every distinct value's bytes, one after another.
  private var bytes: [UInt8] = []
  /// Where each value ends in `bytes`, by code.
  private var ends: [Int] = []
  /// Each value's hash, by code, so the table grows without rehashing bytes.
  private var hashes: [UInt64] = []
  /// Open addressing, linear probing: a code, or -1 for an empty slot.
  private var slots = [Int32](repeating: -1, count: 16)

  /// How many distinct values.
  var count: Int { ends.count }

  /// The code of `value`, added when new.
  mutating func code(_ value: UnsafeBufferPointer<UInt8>) -> Int32 {
    let hash = Self.hash(value)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let c = slots[slot]
      if c < 0 { break }
      if hashes[Int(c)] == hash && equals(Int(c), value) { return c }
      slot = (slot + 1) & mask
    }
    let c = Int32(ends.count)
    bytes.append(contentsOf: value)
    ends.append(bytes.count)
    hashes.append(hash)
    slots[slot] = c
    if ends.count * 2 > slots.count { grow() }
    return c
  }

  /// The code of `value`, added when new.
  mutating func code(_ value: String) -> Int32 {
    var value = value
    return value.withUTF8 { code($0) }
  }

  /// Whether value `code` has exactly the bytes of `value`.
  func equals(_ code: Int, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = code == 0 ? 0 : ends[code - 1]
    guard ends[code] - start == value.count else { return false }
    guard value.count > 0 else { return true }
    return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, value.baseAddress!, value.count) == 0 }
  }

  /// Calls `body` with the bytes of value `code`.
  func withValue<R>(_ code: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let start = code == 0 ? 0 : ends[code - 1]
    return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<ends[code]])) }
  }

  /// The values as strings, by code (invalid UTF-8 repaired).
  func strings() -> [String] {
    bytes.withUnsafeBufferPointer { all in
      var start = 0
      return ends.map { end in
        defer { start = end }
        return String(decoding: UnsafeBufferPointer(rebasing: all[start..<end]), as: UTF8.self)
      }
    }
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for (c, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(c)
    }
  }

  /// A fast 64-bit hash of `value`, eight bytes at a time (not for adversarial keys: a
  /// collision costs a comparison, never a wrong code).
  static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(value.count)
    guard let base = UnsafeRawPointer(value.baseAddress) else { return mix(h) }
    var i = 0
    while i + 8 <= value.count {
      h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 29
      i += 8
    }
    if i < value.count {
      var tail: UInt64 = 0
      for k in i..<value.count { tail |= UInt64(value[k]) << (8 * UInt64(k - i)) }
      h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    }
    return mix(h)
  }

  private static func mix(_ x: UInt64) -> UInt64 {
    var h = x
    h ^= h >> 33
    h = h &* 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 33
    return h
  }
}

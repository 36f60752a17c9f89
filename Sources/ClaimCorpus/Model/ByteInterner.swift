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
  /// Each value's key, by code: equal keys are equal values up to 16 bytes, and rehash the table.
  private var keys: [Key] = []
  /// Open addressing, linear probing: a code, or -1 for an empty slot.
  private var slots = [Int32](repeating: -1, count: 16)

  /// A value's length, first and last eight bytes (fewer bytes zero-padded), and hash: what
  /// tells values apart without reading them again.
  struct Key: Equatable {
    var count: Int
    var head: UInt64
    var tail: UInt64
    var hash: UInt64

    init(_ value: UnsafeBufferPointer<UInt8>) {
      count = value.count
      let base = UnsafeRawPointer(value.baseAddress)
      switch count {
      case 8...:
        head = base!.loadUnaligned(as: UInt64.self)
        tail = base!.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      case 4..<8:
        head = UInt64(base!.loadUnaligned(as: UInt32.self))
        tail = UInt64(base!.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
      default:
        head = 0
        for k in 0..<count { head |= UInt64(value[k]) << (8 * UInt64(k)) }
        tail = 0
      }
      var h = (head ^ 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD
      h = (h ^ (h >> 29) ^ tail ^ UInt64(count)) &* 0xC4CE_B9FE_1A85_EC53
      if count > 16 { h ^= ByteInterner.hash(value) }
      hash = h ^ (h >> 32)
    }
  }

  /// How many distinct values.
  var count: Int { ends.count }

  /// The code of `value`, added when new.
  mutating func code(_ value: UnsafeBufferPointer<UInt8>) -> Int32 { code(value, Key(value)) }

  /// The code of `value`, added when new; `hint` is a code to try first (-1 for none).
  mutating func code(_ value: UnsafeBufferPointer<UInt8>, hint: Int32) -> Int32 {
    let key = Key(value)
    if hint >= 0 && keys[Int(hint)] == key && (key.count <= 16 || equals(Int(hint), value)) { return hint }
    return code(value, key)
  }

  private mutating func code(_ value: UnsafeBufferPointer<UInt8>, _ key: Key) -> Int32 {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: key.hash) & mask
    while true {
      let c = slots[slot]
      if c < 0 { break }
      if keys[Int(c)] == key && (key.count <= 16 || equals(Int(c), value)) { return c }
      slot = (slot + 1) & mask
    }
    let c = Int32(ends.count)
    bytes.append(contentsOf: value)
    ends.append(bytes.count)
    keys.append(key)
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
  private func equals(_ code: Int, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
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
    for (c, key) in keys.enumerated() {
      var slot = Int(truncatingIfNeeded: key.hash) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(c)
    }
  }

  /// A 64-bit hash of all of `value`, eight bytes at a time, for values longer than a key
  /// holds (not for adversarial keys: a collision costs a comparison, never a wrong code).
  static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(value.count)
    guard let base = UnsafeRawPointer(value.baseAddress) else { return h }
    var i = 0
    while i + 8 <= value.count {
      h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 29
      i += 8
    }
    return h
  }
}

/// What a claim is about, as numbers to compare: its actors and topics (by their codes in the
/// claim columns) and the content words of its text (lowercased, four letters or more, common
/// words left out), each a 64-bit feature. Two documents that report one event share many.
struct StoryFeatures {
  /// Whether a feature is an actor or topic (weighed more than a word).
  static func isEntity(_ feature: UInt64) -> Bool { feature >> 63 == 0 }

  /// The feature of list `slot`'s value `code`.
  static func entity(slot: Int, code: Int32) -> UInt64 { UInt64(slot) << 32 | UInt64(UInt32(bitPattern: code)) }

  /// The hashes of the common words (`story-common-word`).
  static let common: Set<UInt64> = Set(
    WordLists.phrases("story-common-word").map { word in
      var bytes = Array(word.utf8)
      return bytes.withUnsafeMutableBufferPointer { wordHash(UnsafeBufferPointer($0)) }
    })

  /// A lowercase word's feature: its FNV-1a hash with the top bit set.
  static func wordHash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in word { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h | 1 << 63
  }

  /// Calls `body` with the feature of each content word of `text` (repeats included).
  static func words(_ text: ArraySlice<UInt8>, _ body: (UInt64) -> Void) {
    var word = [UInt8](repeating: 0, count: 32)
    var length = 0
    var skip = false
    func end() {
      defer { length = 0; skip = false }
      guard !skip, length >= 4 else { return }
      let h = word.withUnsafeBufferPointer { wordHash(UnsafeBufferPointer(rebasing: $0[..<length])) }
      if !common.contains(h) { body(h) }
    }
    for b in text {
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
        if length < word.count { word[length] = b | 0x20 } else { skip = true }
        length += 1
      case 0x80...:
        // a letter of another script: part of the word, kept as it is
        if length < word.count { word[length] = b } else { skip = true }
        length += 1
      case UInt8(ascii: "-") where length > 0:
        continue  // "Mar-a-Lago" is one word
      default:
        end()
      }
    }
    end()
  }

  /// Calls `body` with every feature of claim `row`: its actors and topics, then its words.
  static func row(_ row: Int, _ columns: ClaimColumns, entitySlots: [Int], _ body: (UInt64) -> Void) {
    for slot in entitySlots {
      let list = columns.lists[slot]
      for k in Int(list.offsets[row])..<Int(list.offsets[row + 1]) { body(entity(slot: slot, code: list.codes[k])) }
    }
    words(columns.texts.bytes(row), body)
  }
}

/// An attribution model's weights for scoring: each feature keyed by a 64-bit FNV-1a hash of
/// its UTF-8 bytes in an open-addressed table, so that a look-up hashes the feature once and
/// compares no strings. Two of the model's features never share a hash (`init` keeps the
/// first and the model files have none); a feature the model lacks matches one of its n
/// features with odds of n in 2⁶⁴.
///
///     let table = FeatureWeights(["cue=say": 2.5])
///     table.weight(of: "cue=say")   // 2.5
struct FeatureWeights: Sendable {
  /// The hashes, 0 where a slot is empty; as many slots as a power of two.
  private var keys: [UInt64]
  private var values: [Double]

  /// The table of `weights`.
  init(_ weights: [String: Double]) {
    var slots = 16
    while slots < weights.count * 2 { slots *= 2 }
    keys = Array(repeating: 0, count: slots)
    values = Array(repeating: 0, count: slots)
    for (feature, w) in weights.sorted(by: { $0.key < $1.key }) {
      let h = Self.hash(feature)
      var i = Int(truncatingIfNeeded: h) & (slots - 1)
      while keys[i] != 0 && keys[i] != h { i = (i + 1) & (slots - 1) }
      if keys[i] == 0 { (keys[i], values[i]) = (h, w) }
    }
  }

  /// The weight of `feature`, 0 for one the model lacks.
  func weight(of feature: String) -> Double {
    let h = Self.hash(feature)
    let mask = keys.count - 1
    var i = Int(truncatingIfNeeded: h) & mask
    while true {
      let k = keys[i]
      if k == h { return values[i] }
      if k == 0 { return 0 }
      i = (i + 1) & mask
    }
  }

  /// FNV-1a over the UTF-8 bytes, never 0 (the empty slot).
  static func hash(_ s: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h == 0 ? 1 : h
  }
}

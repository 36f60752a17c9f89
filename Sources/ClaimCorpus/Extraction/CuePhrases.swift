/// A table of cue phrases (sequences of token keys), found longest first.
///
///     let cues = CuePhrases(["is said to", "reportedly"])
///     cues.first(in: tokens)   // the first token range that spells a cue
struct CuePhrases: Sendable {
  private var byFirst: [String: [[String]]] = [:]

  /// A table of `phrases`, each tokenized as text is.
  init(_ phrases: [String]) {
    for phrase in phrases {
      let keys = Tokenizer.keys(of: phrase)
      guard let first = keys.first else { continue }
      byFirst[first, default: []].append(keys)
    }
    for key in byFirst.keys { byFirst[key]!.sort { $0.count > $1.count } }
  }

  /// The longest phrase starting at token `i`, as a token range.
  func match(at i: Int, in tokens: [Token]) -> Range<Int>? {
    guard let candidates = byFirst[tokens[i].key] else { return nil }
    outer: for keys in candidates where i + keys.count <= tokens.count {
      for k in 1..<keys.count where tokens[i + k].key != keys[k] { continue outer }
      return i..<(i + keys.count)
    }
    return nil
  }

  /// Every match, left to right, not overlapping.
  func all(in tokens: [Token], where accept: (Range<Int>) -> Bool = { _ in true }) -> [Range<Int>] {
    var found: [Range<Int>] = []
    var i = 0
    while i < tokens.count {
      if let r = match(at: i, in: tokens), accept(r) {
        found.append(r)
        i = r.upperBound
      } else {
        i += 1
      }
    }
    return found
  }

  /// The first match that `accept` takes.
  func first(in tokens: [Token], where accept: (Range<Int>) -> Bool = { _ in true }) -> Range<Int>? {
    for i in tokens.indices {
      if let r = match(at: i, in: tokens), accept(r) { return r }
    }
    return nil
  }

  /// Whether `key` starts any phrase.
  func startsPhrase(_ key: String) -> Bool { byFirst[key] != nil }
}

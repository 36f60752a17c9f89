/// A table of cue phrases (sequences of token keys), found longest first.
///
///     let cues = CuePhrases(["is said to", "reportedly"])
///     cues.first(in: tokens)   // the first token range that spells a cue
struct CuePhrases: Sendable {
  /// Phrases as word ids, by the id of their first word, longest first.
  private var byFirst: [[[Int32]]]
  /// Whether a phrase starts with each word id: most tokens start none, and this answers
  /// without touching the nested arrays.
  private var starts: [Bool]

  /// A table of `phrases`, each tokenized as text is; every phrase list must be in `allLists`.
  init(_ phrases: [String]) {
    byFirst = Array(repeating: [], count: Vocabulary.table.count)
    for phrase in phrases {
      let ids = Tokenizer.rawKeys(of: phrase).map { Vocabulary.table[$0]!.id }
      guard let first = ids.first else { continue }
      byFirst[Int(first)].append(ids)
    }
    for i in byFirst.indices { byFirst[i].sort { $0.count > $1.count } }
    starts = byFirst.map { !$0.isEmpty }
  }

  /// Every phrase list a `CuePhrases` is made from, so the vocabulary knows their words.
  static let allLists: [[String]] = [
    HedgeClassifier.denialPhrases, HedgeClassifier.uncertaintyPhrases, HedgeClassifier.reportingPhrases,
    HedgeClassifier.judgmentPhrases, AttributionFinder.objectIntroducerPhrases, AttributionFinder.sourceIntroducerPhrases,
  ]

  /// The longest phrase starting at token `i`, as a token range.
  func match(at i: Int, in tokens: [Token]) -> Range<Int>? {
    let first = tokens[i].word
    guard first >= 0, starts[Int(first)] else { return nil }
    outer: for ids in byFirst[Int(first)] where i + ids.count <= tokens.count {
      for k in 1..<ids.count where tokens[i + k].word != ids[k] { continue outer }
      return i..<(i + ids.count)
    }
    return nil
  }

  /// The first match that `accept` takes.
  func first(in tokens: [Token], where accept: (Range<Int>) -> Bool = { _ in true }) -> Range<Int>? {
    for i in tokens.indices {
      if let r = match(at: i, in: tokens), accept(r) { return r }
    }
    return nil
  }
}

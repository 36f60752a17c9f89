import ClaimCorpus
import Foundation

/// The cited sources of one article's gold sentences (`../shared/gold/GUIDELINES.md`), read
/// for labelling candidates: a candidate is right when it names one of its sentence's sources.
struct GoldArticle: Sendable {
  /// One gold sentence: its words, the named sources it cites, and whether it cites a source
  /// the converter could not name (`null`).
  struct Sentence: Sendable {
    var text: String
    var words: Set<Substring>
    /// Each cited source (nil: not named) with the lemma of its cue.
    var cited: [(name: String?, cue: String)]
  }

  var sentences: [Sentence]

  /// The lemmas of the cues of this article's cited sources (`say`, `tell`, `according to`).
  var cues: [String]

  /// Reads a gold file; nil when it is not one.
  init?(path: String) {
    guard let data = FileManager.default.contents(atPath: path),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let sentences = object["sentences"] as? [[String: Any]]
    else { return nil }
    var cues: [String] = []
    self.sentences = sentences.map { s in
      let text = Self.normalized(s["text"] as? String ?? "")
      let cited = s["cited"] as? [Any] ?? []
      let lemmas = (s["cited_cues"] as? [Any] ?? []).map { ($0 as? String).map(Lemmatizer.base(of:)) ?? "" }
      cues += lemmas
      return Sentence(text: text, words: Self.words(text), cited: zip(cited, lemmas).map { ($0 as? String, $1) })
    }
    self.cues = cues
  }

  /// The gold sentences that are `text` (scored as `score.py` does: one holds the other and is
  /// at least half its length, or they share 80 % of their words).
  func matching(_ text: String) -> [Sentence] {
    let c = Self.normalized(text)
    let cw = Self.words(c)
    return sentences.filter { g in
      if c.isEmpty || g.text.isEmpty { return false }
      if g.text.contains(c) && c.count * 2 >= g.text.count { return true }
      if c.contains(g.text) && g.text.count * 2 >= c.count { return true }
      return Double(cw.intersection(g.words).count) >= 0.8 * Double(max(cw.count, g.words.count))
    }
  }

  /// Lowercased, curly quotes straight, whitespace folded.
  static func normalized(_ s: String) -> String {
    let straight = s.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
      .replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")
    return straight.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
  }

  /// The words of normalised text: letters, digits and apostrophes.
  static func words(_ s: String) -> Set<Substring> {
    Set(s.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") }))
  }

  /// Words that do not make two names the same (`score.py`'s list).
  static let stopWords: Set<Substring> = [
    "the", "a", "an", "of", "to", "in", "on", "and", "said", "says", "told", "according", "sources", "source", "who", "that",
    "with", "by", "for", "from", "close", "reports", "report",
  ]

  /// Whether a predicted source names the gold one (`score.py`'s `overlap`).
  static func sameSource(_ predicted: String, _ gold: String) -> Bool {
    let p = normalized(predicted)
    let g = normalized(gold)
    guard !p.isEmpty, !g.isEmpty else { return false }
    if p.contains(g) || g.contains(p) { return true }
    return !words(p).subtracting(stopWords).isDisjoint(with: words(g).subtracting(stopWords))
  }
}

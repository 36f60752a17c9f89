/// The people an article has named so far, as antecedents for "he" and "she": each a
/// candidate with the features the attribution model weighs (how far back, how recent among
/// the people named, whether they spoke, whether the pronoun's gender fits), so that the model
/// trained on PolNeAR's resolved speakers chooses among them.
///
///     Sen. Rand Paul said … Rubio answered. “…,” he argued.
///     // he: Rubio (ante.rank=0, ante.spoke) or Paul (ante.rank=1, ante.spoke)
///
/// A person is a name the lexicon or the article's register knows as one, or an unknown run
/// of two or three plain capitalised words. Gender comes from a title before a name ("Mr.",
/// "Mrs.") or its first name (the `female-name` and `male-name` lists), and stays with the
/// name for the rest of the article.
struct Coreference {
  /// A person named in the article.
  struct Person {
    var name: String
    /// Where the text named them, as a name (not a bare title) when it has given one.
    var surface: TextSpan
    var sentence: Int
    /// Whether they were the first person named in their sentence.
    var first: Bool
    /// Whether they were a source of an attribution in their sentence.
    var spoke: Bool
  }

  /// A person's gender, as far as the text shows it.
  enum Gender { case female, male }

  /// How many sentences back an antecedent may be.
  static let window = 6
  /// How many different people a pronoun may stand for.
  static let choices = 4

  private(set) var people: [Person] = []
  private var genders: [String: Gender] = [:]

  /// The people among `mentions` (of sentence `k`), outside quotations.
  static func persons(_ mentions: [Mention], _ t: [Token], inQuote: (Int) -> Bool) -> [Mention] {
    mentions.filter { m in
      !inQuote(m.tokens.lowerBound) && NameRegister.isPersonLike(m, t)
    }
  }

  /// Adds the people of sentence `k`; `spoke` names the sources of its attributions.
  mutating func add(sentence k: Int, persons: [Mention], tokens t: [Token], names: [String: TextSpan], spoke: Set<String>) {
    for (n, m) in persons.enumerated() {
      if genders[m.name] == nil, let g = Self.gender(m, t) { genders[m.name] = g }
      let surface = ClaimExtractor.Antecedent.isName(m, t) ? m.span : names[m.name] ?? m.span
      people.append(Person(name: m.name, surface: surface, sentence: k, first: n == 0, spoke: spoke.contains(m.name)))
    }
  }

  /// The gender a title or first name gives the person `m` names.
  static func gender(_ m: Mention, _ t: [Token]) -> Gender? {
    var k = m.tokens.lowerBound - 1
    if k >= 0, t[k].key == "." { k -= 1 }
    if k >= 0 {
      if ["mr", "sir", "he"].contains(t[k].key) { return .male }
      if ["mrs", "ms", "miss", "madam", "lady"].contains(t[k].key) { return .female }
    }
    let first = t[m.tokens.lowerBound].key
    if femaleNames.contains(first) { return .female }
    if maleNames.contains(first) { return .male }
    return nil
  }

  static let femaleNames = Set(WordLists.phrases("female-name"))
  static let maleNames = Set(WordLists.phrases("male-name"))

  /// The people "he" or "she" (`key`) at token `i` of sentence `k` may stand for, most recent
  /// first, with their features; `current` are the people sentence `k` names.
  /// `ruled` is the person the hand rule picks (the first person named in the sentence, else in
  /// the latest sentence that named one): a candidate too, and a feature of the others.
  func antecedents(
    of key: String, at i: Int, sentence k: Int, current: [Mention], tokens t: [Token], names: [String: TextSpan],
    ruled: ClaimExtractor.Antecedent?
  ) -> [(ClaimExtractor.Antecedent, [String])] {
    let pronoun: Gender = key == "she" || key == "her" ? .female : .male
    var seen: Set<String> = []
    var out: [(ClaimExtractor.Antecedent, [String])] = []
    let lastSpeaker = people.last(where: \.spoke)?.name
    func consider(name: String, surface: TextSpan, distance: Int, first: Bool, spoke: Bool) {
      guard out.count < Self.choices, seen.insert(name).inserted else { return }
      let agreement = genders[name].map { $0 == pronoun ? "agree" : "clash" } ?? "unknown"
      var f = [
        "ante.sent=\(distance)", "ante.rank=\(out.count)", "ante.gender=" + agreement, "ante.sent×rank=\(distance)|\(out.count)",
        "ante.gender×rank=\(agreement)|\(out.count)",
      ]
      if first { f.append("ante.first") }
      if spoke { f.append("ante.spoke") }
      if name == lastSpeaker { f.append("ante.last-speaker") }
      if name == ruled?.name { f.append("ante.rule") }
      out.append((ClaimExtractor.Antecedent(name: name, surface: surface), f))
    }
    for (n, m) in current.enumerated().reversed() where m.tokens.upperBound <= i {
      consider(
        name: m.name, surface: ClaimExtractor.Antecedent.isName(m, t) ? m.span : names[m.name] ?? m.span, distance: 0, first: n == 0,
        spoke: false)
    }
    for p in people.reversed() {
      guard k - p.sentence <= Self.window else { break }
      consider(name: p.name, surface: p.surface, distance: k - p.sentence, first: p.first, spoke: p.spoke)
    }
    if let ruled, !seen.contains(ruled.name) {
      out.append((ruled, ["ante.rule", "ante.rule-only"]))
    }
    return out
  }
}

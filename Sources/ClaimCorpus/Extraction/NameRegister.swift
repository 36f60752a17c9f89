/// The people and organisations an article names that the lexicon does not know, read from
/// how the article writes them, so that a later "Turk said" or "the RSF" finds them.
///
///     UN High Commissioner for Human Rights Volker Turk painted a grim picture …   // Turk: a person
///     “…,” Turk said.                                                             // the same person
///     the Rapid Support Forces (RSF) … the RSF                                    // one organisation, "RSF"
///
/// A capitalised run the lexicon lacks is a person's name when its last two or three words are
/// plain names (no title, organisation or place word) and the text shows a person: a title
/// before it, an apposition or a speech verb after it, or the surname standing alone elsewhere.
/// A person is known by the surname (the guidelines' shortest common name); an organisation
/// that gives its acronym in brackets, by the acronym. Runs after "in", "near" and the like,
/// or with a place word, are places.
struct NameRegister {
  /// What a known name stands for.
  struct Entity {
    var name: String
    var kind: EntityKind
  }

  /// Surnames and acronyms (lowercased) with what they stand for.
  private(set) var byKey: [String: Entity] = [:]

  /// Reads the unknown mentions of a document's sentences (`tokens[k]`, `mentions[k]`).
  init(tokens: [[Token]], mentions: [[Mention]], bytes: [UInt8]) {
    var candidates: [(key: String, name: String, evidence: Bool)] = []
    var companies: [String: String] = [:]
    var alone: [String: Int] = [:]
    for (t, ms) in zip(tokens, mentions) {
      for m in ms where m.kind == .unknown {
        if let acronym = Self.acronym(after: m, t) {
          byKey[acronym.lowercased()] = Entity(name: acronym, kind: .organization)
          continue
        }
        if m.tokens.count == 1 { alone[t[m.tokens.lowerBound].key, default: 0] += 1 }
        // "Woeroon Electronic Sourcing Ltd.": a company, known later by its first word
        if m.tokens.count >= 2,
          t[m.tokens.upperBound - 1].is(.orgHead) || m.tokens.upperBound < t.count && t[m.tokens.upperBound].is(.orgHead)
        {
          let first = t[m.tokens.lowerBound]
          if !first.is(.placeWord), !first.is(.orgHead), !first.is(.nameStopword), byKey[first.key] == nil {
            companies[first.key] = Self.text(first, bytes)
          }
        }
        guard let tail = Self.personTail(m, t) else { continue }
        let last = t[tail.upperBound - 1]
        let evidence = tail.lowerBound > m.tokens.lowerBound || Self.hasPersonContext(m.tokens, t)
        candidates.append((last.key, Self.text(last, bytes), evidence))
      }
      // a surname opening a sentence is no mention of its own: count it too
      if let first = t.first, first.kind == .word, first.isCapitalized, t.count > 1, t[1].kind == .word || t[1].key == "," {
        alone[first.key, default: 0] += 1
      }
    }
    for c in candidates where byKey[c.key] == nil && (c.evidence || alone[c.key, default: 0] > 0) {
      byKey[c.key] = Entity(name: c.name, kind: .person)
    }
    for (key, name) in companies where byKey[key] == nil && alone[key, default: 0] > 0 {
      byKey[key] = Entity(name: name, kind: .organization)
    }
  }

  /// The sentence's mentions with unknown names the register knows made people or
  /// organisations, and surnames and acronyms standing alone added.
  func resolve(_ mentions: [Mention], tokens t: [Token], bytes: [UInt8]) -> [Mention] {
    guard !byKey.isEmpty else { return mentions }
    var out: [Mention] = []
    var covered = [Bool](repeating: false, count: t.count)
    for m in mentions {
      for i in m.tokens { covered[i] = true }
      guard m.kind == .unknown else {
        out.append(m)
        continue
      }
      if let acronym = Self.acronym(after: m, t), let e = byKey[acronym.lowercased()] {
        out.append(Mention(tokens: m.tokens, span: m.span, name: e.name, kind: e.kind, rule: "discourse.acronym"))
      } else if let tail = Self.personTail(m, t) ?? (m.tokens.count == 1 ? m.tokens : nil),
        let e = byKey[t[tail.upperBound - 1].key], e.kind == .person || tail.count == 1
      {
        let span = TextSpan(start: t[tail.lowerBound].span.start, end: t[tail.upperBound - 1].span.end)
        out.append(Mention(tokens: tail, span: span, name: e.name, kind: e.kind, rule: "discourse.name"))
      } else {
        out.append(m)
      }
    }
    // "Umerov thanked Washington": a known name opening a sentence is not an unknown mention
    var added = false
    for (i, tok) in t.enumerated() where !covered[i] && tok.kind == .word && tok.isCapitalized {
      guard let e = byKey[tok.key] else { continue }
      out.append(Mention(tokens: i..<(i + 1), span: tok.span, name: e.name, kind: e.kind, rule: "discourse.name"))
      added = true
    }
    return added ? out.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound } : out
  }

  /// The acronym a run defines in brackets right after it: "Rapid Support Forces (RSF)".
  static func acronym(after m: Mention, _ t: [Token]) -> String? {
    let e = m.tokens.upperBound
    guard m.tokens.count >= 2, e + 2 < t.count, t[e].key == "(", t[e + 2].key == ")", t[e + 1].isAllCaps else { return nil }
    return t[e + 1].key.uppercased()
  }

  /// Whether `m` names a person: the lexicon's, or an unknown name whose last words can be a
  /// person's (`personTail`).
  static func isPersonLike(_ m: Mention, _ t: [Token]) -> Bool {
    m.kind == .person || m.kind == .unknown && personTail(m, t) != nil
  }

  /// The last two or three words of a run when they can be a person's name: capitalised,
  /// letters only, no title, organisation or place word, and no place preposition before.
  static func personTail(_ m: Mention, _ t: [Token]) -> Range<Int>? {
    var k = m.tokens.upperBound
    while k > m.tokens.lowerBound, m.tokens.upperBound - k < 3 {
      let tok = t[k - 1]
      guard tok.kind == .word, tok.isCapitalized, !tok.isAllCaps, !tok.is(.nameStopword), !tok.is(.orgHead),
        !tok.is(.placeWord), !tok.is(.personHead),
        tok.key.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x80 || $0 == 0x2D || $0 == 0x27 })
      else { break }
      k -= 1
    }
    guard m.tokens.upperBound - k >= 2 else { return nil }
    if m.tokens.lowerBound > 0, k == m.tokens.lowerBound, t[k - 1].is(.locative) { return nil }
    return k..<m.tokens.upperBound
  }

  /// Whether the words around a run show a person: a title or role before it ("envoy Steve
  /// Witkoff", "Russia's envoy, Kirill Dmitriev,"), or after it an apposition ("Samuel Bickett,
  /// a human rights lawyer"), a relative "who", or a speech verb.
  static func hasPersonContext(_ r: Range<Int>, _ t: [Token]) -> Bool {
    if r.lowerBound > 0 {
      let before = t[r.lowerBound - 1]
      if before.is(.personHead) || before.is(.sourceHead) { return true }
      if before.key == ",", r.lowerBound > 1, t[r.lowerBound - 2].is(.personHead) { return true }
    }
    guard r.upperBound < t.count else { return false }
    let after = t[r.upperBound]
    if after.is(.speechVerb) { return true }
    if after.key == ",", r.upperBound + 1 < t.count {
      let next = t[r.upperBound + 1]
      return ["a", "an", "the", "who"].contains(next.key) || next.is(.speechVerb)
    }
    return false
  }

  static func text(_ t: Token, _ bytes: [UInt8]) -> String {
    String(decoding: bytes[t.span.start..<t.span.end], as: UTF8.self)
  }
}

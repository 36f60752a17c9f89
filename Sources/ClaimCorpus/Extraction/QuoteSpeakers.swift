/// Decides who said each quotation of a document.
///
/// A title in quotation marks ("Meet the Press") has no speaker. Otherwise, in order: an
/// attribution right after the quotation ("…,” he said"), or a person and any verb in the past
/// ("…!” beamed Hartley"); the next sentence's bare "X said." when the quotation ends its
/// sentence; for a short phrase, a speech noun just before it ("Zelensky made a forceful
/// appeal for a “tougher stance”"); an attribution right before it ("Trump remarked: “…”"),
/// or for a phrase or a quotation inside its sentence the nearest one before it in its
/// clause; for a quotation standing alone, the speaker of the quotation before it in the
/// paragraph, or in the sentence just before; for a phrase quoted again, its earlier speaker.
/// The attributions are every source a sentence gives content to (`contentSources`), cited
/// or not.
enum QuoteSpeakers {
  /// A quotation's speaker with its evidence.
  struct Speaker {
    var name: String
    var span: TextSpan
    var rule: String
    var isPerson: Bool
  }

  static func resolve(quotes: [QuoteSpan], sentences: [ClaimExtractor.Prepared], bytes: [UInt8]) -> [TextSpan: Speaker] {
    var speakers: [TextSpan: Speaker] = [:]
    var byText: [String: Speaker] = [:]
    var previous: (quote: QuoteSpan, speaker: Speaker?, paragraph: Int, sentence: Int)? = nil
    for q in quotes {
      guard let first = sentences.firstIndex(where: { $0.span.overlaps(q.inner) || $0.span.contains(q.outer) }) else { continue }
      let last = sentences.lastIndex(where: { $0.span.overlaps(q.inner) || $0.span.contains(q.outer) }) ?? first
      let key = ClaimExtractor.folded(bytes, q.inner).lowercased()
      if isTitle(q, sentences[first]) { continue }
      var found = after(q, sentences[last]) ?? anyVerbAfter(q, sentences[last])
      if found == nil, last + 1 < sentences.count, sentences[last + 1].paragraph == sentences[last].paragraph {
        found = nextSentence(q, sentences[last], sentences[last + 1])
      }
      if found == nil && q.isPartial { found = speechNoun(q, sentences[first]) }
      if found == nil { found = before(q, sentences[first], partial: q.isPartial) }
      if found == nil, !q.isPartial, let p = previous, let ps = p.speaker,
        p.paragraph == sentences[first].paragraph || p.sentence >= first - 1
      {
        found = Speaker(name: ps.name, span: ps.span, rule: "speaker.previous-quote", isPerson: ps.isPerson)
      }
      if found == nil, let earlier = byText[key] {
        found = Speaker(name: earlier.name, span: earlier.span, rule: "speaker.same-words", isPerson: earlier.isPerson)
      }
      if let found {
        speakers[q.outer] = found
        if byText[key] == nil { byText[key] = found }
      }
      previous = (q, found, sentences[last].paragraph, last)
    }
    return speakers
  }

  /// "Meet the Press", "Orange Is the New Black": a short quoted stretch in title case, with no
  /// sentence mark, names a show, book or slogan; nobody is quoted saying it.
  static func isTitle(_ q: QuoteSpan, _ s: ClaimExtractor.Prepared) -> Bool {
    var inner = s.tokens.filter { $0.span.start >= q.inner.start && $0.span.end <= q.inner.end }
    // the comma or full stop American style puts inside the marks ("co-author of “Going Viral,”")
    if let last = inner.last, last.key == "," || last.key == "." { inner.removeLast() }
    let words = inner.filter { $0.kind == .word }
    guard let first = words.first, first.isCapitalized, (2...8).contains(words.count) else { return false }
    return inner.allSatisfy { t in
      t.kind == .punct
        ? [":", "-", "–", "'", "’", "&"].contains(t.key) : t.isCapitalized || t.kind == .possessive || titleWords.contains(t.key)
    }
  }

  /// Words a title leaves in lower case.
  static let titleWords: Set<String> = [
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "from", "by", "is", "vs",
  ]

  static func speaker(_ a: Attribution, _ s: ClaimExtractor.Prepared, rule: String) -> Speaker? {
    guard let name = a.speaker else { return nil }
    let span = TextSpan(start: s.tokens[a.source.lowerBound].span.start, end: s.tokens[a.source.upperBound - 1].span.end)
    return Speaker(
      name: name, span: span, rule: rule,
      isPerson: a.entity != nil && s.mentions.contains { $0.name == name && $0.kind == .person } || a.rule.hasSuffix(".pronoun"))
  }

  /// "…,” he said" — an attribution whose cue starts within a few tokens after the quotation.
  static func after(_ q: QuoteSpan, _ s: ClaimExtractor.Prepared) -> Speaker? {
    guard let end = s.tokens.firstIndex(where: { $0.span.start >= q.outer.end }) else { return nil }
    let candidates = s.contentSources.filter { $0.isSubject && $0.cue.lowerBound >= end && $0.cue.lowerBound - end <= 24 }
    guard let a = candidates.min(by: { $0.cue.lowerBound < $1.cue.lowerBound }) else { return nil }
    // nothing but the attribution between: no new quotation or sentence in the gap
    if s.quotes.contains(where: { $0.outer.start >= q.outer.end && $0.outer.start < s.tokens[a.cue.lowerBound].span.start }) { return nil }
    return speaker(a, s, rule: "speaker.after-quote")
  }

  /// "“This is fantastic!” beamed Donald Hartley", "“…,” he surmised": a quotation that ends in
  /// a comma, "!" or "?" and is followed by a person and a verb in the past, or the verb and
  /// then the person, and little else: whatever the verb, it reports the quotation.
  static func anyVerbAfter(_ q: QuoteSpan, _ s: ClaimExtractor.Prepared) -> Speaker? {
    let t = s.tokens
    guard let end = t.firstIndex(where: { $0.span.start >= q.outer.end }), end > 1,
      let close = (0..<end).last(where: { t[$0].span.end <= q.inner.end }), [",", "!", "?"].contains(t[close].key)
    else { return nil }
    func isPast(_ k: Int) -> Bool { k < t.count && t[k].kind == .word && !t[k].isCapitalized && t[k].key.hasSuffix("ed") }
    func person(at k: Int) -> Mention? {
      s.mentions.first { $0.tokens.lowerBound == k && NameRegister.isPersonLike($0, t) }
    }
    var found: (name: String, span: TextSpan, verbEnd: Int)? = nil
    if (t[end].key == "he" || t[end].key == "she"), isPast(end + 1), let name = s.pronounNames[end] {
      found = (name, t[end].span, end + 2)
    } else if let m = person(at: end), isPast(m.tokens.upperBound) {
      found = (m.name, m.span, m.tokens.upperBound + 1)
    } else if isPast(end), let m = person(at: end + 1) {
      found = (m.name, m.span, m.tokens.upperBound)
    }
    guard let found, (t[found.verbEnd...].firstIndex { $0.kind == .punct } ?? t.count) - found.verbEnd <= 3 else { return nil }
    return Speaker(name: found.name, span: found.span, rule: "speaker.after-quote-verb", isPerson: true)
  }

  /// "“…?” ⏎ Bush said." — a quotation that ends its sentence, and the next sentence is little
  /// but its attribution: most often a question or exclamation split from its "X said".
  static func nextSentence(_ q: QuoteSpan, _ s: ClaimExtractor.Prepared, _ next: ClaimExtractor.Prepared) -> Speaker? {
    let end = s.tokens.firstIndex { $0.span.start >= q.outer.end } ?? s.tokens.count
    guard !s.tokens[end...].contains(where: { $0.kind == .word }),
      let a = next.contentSources.filter({ $0.isSubject && $0.cue.upperBound <= 5 }).min(by: { $0.cue.lowerBound < $1.cue.lowerBound }),
      !next.quotes.contains(where: { $0.outer.start >= next.span.start && $0.outer.start < next.tokens[a.cue.lowerBound].span.start })
    else { return nil }
    // "Bush said." or "said Bush, …": at most a few words ("on Tuesday") after it
    let attributed = max(a.cue.upperBound, a.source.upperBound)
    let stop = next.tokens.indices.first { $0 >= attributed && next.tokens[$0].kind == .punct } ?? next.tokens.count
    guard stop - attributed <= 4 else { return nil }
    return speaker(a, next, rule: "speaker.next-sentence")
  }

  /// "Trump remarked: “…”" — for a full quotation, an attribution just before it; for a
  /// phrase, the nearest attribution before it in the same clause.
  static func before(_ q: QuoteSpan, _ s: ClaimExtractor.Prepared, partial: Bool) -> Speaker? {
    guard let start = s.tokens.firstIndex(where: { $0.span.start >= q.outer.start }) else { return nil }
    let candidates = s.contentSources.filter { $0.cue.upperBound <= start && $0.speaker != nil }
    guard let a = candidates.max(by: { $0.cue.lowerBound < $1.cue.lowerBound }) else { return nil }
    let gap = s.tokens[a.cue.upperBound..<start]
    // a quotation inside the sentence is the content of the attribution before it, as a phrase is
    if partial || (s.tokens.first.map { $0.span.start < q.outer.start } ?? false) && !gap.contains(where: { $0.key == "." }) {
      if gap.contains(where: { $0.key == ";" }) || zip(gap, gap.dropFirst()).contains(where: { $0.key == "," && $1.key == "but" }) {
        return nil
      }
      return speaker(a, s, rule: "speaker.phrase-attribution")
    }
    guard gap.count <= 6 else { return nil }
    return speaker(a, s, rule: "speaker.before-quote")
  }

  /// "Zelensky's request for a “tougher stance”" — the person nearest before a speech noun.
  static func speechNoun(_ q: QuoteSpan, _ s: ClaimExtractor.Prepared) -> Speaker? {
    guard let start = s.tokens.firstIndex(where: { $0.span.start >= q.outer.start }) else { return nil }
    guard let noun = (0..<start).last(where: { s.tokens[$0].is(.quoteSpeechNoun) }), start - noun <= 12 else { return nil }
    guard let m = s.mentions.last(where: { $0.kind == .person && $0.tokens.upperBound <= noun && noun - $0.tokens.upperBound <= 6 }) else {
      return nil
    }
    return Speaker(name: m.name, span: m.span, rule: "speaker.speech-noun", isPerson: true)
  }

}

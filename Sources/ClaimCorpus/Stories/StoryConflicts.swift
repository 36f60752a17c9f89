/// A detail the outlets of one story state differently, with each value's outlet, claim and
/// the span of the claim's text that states it.
public struct StoryConflict: Sendable, Hashable {
  /// What differs.
  public enum Kind: String, Sendable {
    /// Where the event took place: "at Mar-a-Lago", "gone to the White House".
    case venue
    /// How a person's name is spelled: "Volodymyr" or "Vladimir", "Zelensky" or "Zelenskyy".
    case name
    /// One outlet asserts what another only reports, hedges or alleges.
    case hedge
    /// A count of something: "1,500 km" or "2,500 km".
    case number
    /// The date of the event: "October 17" or "October 16".
    case date
  }

  /// One value as one outlet states it.
  public struct Value: Sendable, Hashable {
    /// The value: a place, a spelling, a hedge.
    public var value: String
    /// The outlet (the claim's source).
    public var outlet: String
    /// The claim's id.
    public var claim: Int
    /// The bytes of the claim's text that state it.
    public var span: TextSpan
  }

  /// What differs.
  public var kind: Kind
  /// What the values are of: "the place", a person, "Trump on Tomahawk".
  public var subject: String
  /// The values, each first as the first outlet that states it.
  public var values: [Value]

  /// One line: `venue: Mar-a-Lago (001…, claim 23) | White House (002…, claim 57)`.
  public var summary: String {
    let head = kind == .venue ? "venue" : kind == .date ? "date" : "\(kind.rawValue) of \(subject)"
    return head + ": " + values.map { "\($0.value) (\($0.outlet), claim \($0.claim))" }.joined(separator: " | ")
  }
}

/// Finds the conflicts within a story: the venues its claims give an event, the spellings of
/// its people's names (from the extraction's evidence), and what one outlet asserts about an
/// actor and topic while another only reports or hedges it.
public enum StoryConflicts {
  /// The words that name an event, and the verbs of going somewhere.
  static let eventWords = Set(WordLists.phrases("event-noun"))
  static let motionVerbs = Set(WordLists.phrases("venue-motion-verb"))
  static let venuePrepositions = Set(WordLists.phrases("venue-preposition"))
  static let notVenues = Set(WordLists.phrases("not-a-venue"))
  static let titles = Set(WordLists.phrases("name-title"))
  static let venueFollowers = Set(WordLists.phrases("venue-follower"))
  static let quantityNouns = Set(WordLists.phrases("quantity-noun"))
  /// Each month's spellings (a list entry is the name, then its abbreviations), by spelling.
  static let months: [String: String] = {
    var table: [String: String] = [:]
    for entry in WordLists.phrases("month") {
      let names = entry.split(separator: " ").map(String.init)
      for n in names { table[n] = names[0].prefix(1).uppercased() + names[0].dropFirst() }
    }
    return table
  }()

  /// The value, outlet and claim of a match in claim `row`.
  static func value(_ text: String, _ span: TextSpan, _ row: Int, _ columns: ClaimColumns) -> StoryConflict.Value {
    let sources = columns.string(.source)
    let code = sources.codes[row]
    return StoryConflict.Value(
      value: text, outlet: code < 0 ? "" : sources.values[Int(code)], claim: columns.ids.isEmpty ? row : columns.ids[row], span: span)
  }

  /// The dates claims that name an event give it: a month and a day ("Oct. 17", "17 October").
  static func dates(_ claimWords: [ClaimWords], _ columns: ClaimColumns) -> [StoryConflict] {
    var found: [StoryConflict.Value] = []
    for claim in claimWords {
      let (row, ws, lower) = (claim.row, claim.words, claim.lower)
      guard lower.contains(where: eventWords.contains) else { continue }
      for i in ws.indices.dropLast() {
        let month = months[lower[i].hasSuffix(".") ? String(lower[i].dropLast()) : lower[i]]
        if let month, ws[i].isCapitalised, let day = Int(lower[i + 1]), (1...31).contains(day) {
          found.append(value("\(month) \(day)", TextSpan(start: ws[i].span.start, end: ws[i + 1].span.end), row, columns))
        } else if let day = Int(lower[i]), (1...31).contains(day), let month = months[lower[i + 1]], ws[i + 1].isCapitalised {
          found.append(value("\(month) \(day)", TextSpan(start: ws[i].span.start, end: ws[i + 1].span.end), row, columns))
        }
      }
    }
    return conflicting(found, kind: .date, subject: "the event") { $0.value }.map { [$0] } ?? []
  }

  /// The counts claims give of the same thing: a number before a noun of `quantity-noun`
  /// ("1,500 km", "300 troops"); one conflict per noun whose counts differ between outlets.
  static func numbers(_ claimWords: [ClaimWords], _ columns: ClaimColumns) -> [StoryConflict] {
    var byNoun: [String: [StoryConflict.Value]] = [:]
    var order: [String] = []
    for claim in claimWords {
      let (row, ws) = (claim.row, claim.words)
      for i in ws.indices.dropLast() where ws[i].text.first?.isNumber == true {
        let noun = claim.lower[i + 1]
        guard quantityNouns.contains(noun), ws[i].text.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }) else { continue }
        if byNoun[noun] == nil { order.append(noun) }
        byNoun[noun, default: []].append(
          value("\(ws[i].text) \(ws[i + 1].text)", TextSpan(start: ws[i].span.start, end: ws[i + 1].span.end), row, columns))
      }
    }
    return order.compactMap { noun in conflicting(byNoun[noun]!, kind: .number, subject: noun) { $0.value.lowercased() } }
  }

  /// The conflicts among the claims `rows` of `columns`; `claims` gives an extracted claim (with
  /// its evidence) by row where there is one, `documentText` a document's text by id.
  public static func find(
    rows: [Int32], columns: ClaimColumns, lexicon: Lexicon, claims: (Int) -> Claim?, documentText: (String) -> String?
  ) -> [StoryConflict] {
    let claimWords = tokenized(rows, columns)
    return venues(claimWords, columns, lexicon) + dates(claimWords, columns) + numbers(claimWords, columns)
      + names(rows, columns, lexicon, claims, documentText) + hedges(rows, columns)
  }

  /// The words of each claim's text, once for every kind of conflict that reads them.
  static func tokenized(_ rows: [Int32], _ columns: ClaimColumns) -> [ClaimWords] {
    rows.map { row in
      let ws = words(columns.text(Int(row)))
      // lowercased, a possessive's 's dropped: "summit's outcome" names the summit
      let lower = ws.map { w in
        let l = w.text.lowercased()
        return l.hasSuffix("'s") || l.hasSuffix("’s") ? String(l.dropLast(2)) : l
      }
      return ClaimWords(row: Int(row), words: ws, lower: lower)
    }
  }

  /// A claim's words, as written and lowercased.
  struct ClaimWords {
    var row: Int
    var words: [Word]
    var lower: [String]
  }

  /// A word of a claim's text and where it is.
  struct Word {
    var text: Substring
    var span: TextSpan
    var isCapitalised: Bool {
      guard let b = text.utf8.first else { return false }
      return b < 0x80 ? (b >= 0x41 && b <= 0x5A) : (text.first?.isUppercase ?? false)
    }
  }

  /// The words of `text`: letters (any script), digits, and hyphens, apostrophes (' ’) and
  /// full stops between letters ("U.S.") and commas between digits ("1,500") inside words;
  /// read byte by byte.
  static func words(_ text: String) -> [Word] {
    var out: [Word] = []
    let bytes = Array(text.utf8)
    var start: Int? = nil
    var cursor = (index: text.utf8.startIndex, offset: 0)
    func isWordByte(_ b: UInt8) -> Bool {
      (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b >= 0x80
    }
    func close(_ end: Int) {
      guard let s = start else { return }
      var e = end
      // a trailing hyphen, apostrophe or full stop is not part of the word
      while e > s, bytes[e - 1] == 0x2D || bytes[e - 1] == 0x27 || bytes[e - 1] == 0x2E { e -= 1 }
      if e >= s + 3, bytes[e - 3] == 0xE2, bytes[e - 2] == 0x80, bytes[e - 1] == 0x99 { e -= 3 }  // ’
      if e > s {
        // indices walked on from the last word's, not from the start each time
        let lower = text.utf8.index(cursor.index, offsetBy: s - cursor.offset)
        let upper = text.utf8.index(lower, offsetBy: e - s)
        cursor = (upper, e)
        out.append(Word(text: text[lower..<upper], span: TextSpan(start: s, end: e)))
      }
      start = nil
    }
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      // punctuation of more than one byte (quotes, dashes) ends a word; ’ inside one does not
      if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 {
        let isApostrophe = bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99
        if !(isApostrophe && start != nil) { close(i) }
        i += 3
        continue
      }
      if isWordByte(b) {
        if start == nil { start = i }
      } else if (b == 0x2D || b == 0x27 || b == 0x2E) && start != nil && i + 1 < bytes.count && isWordByte(bytes[i + 1]) {
        // inside a word: Mar-a-Lago, it's, U.S
      } else if b == 0x2C, start != nil, i + 1 < bytes.count, (0x30...0x39).contains(bytes[i - 1]), (0x30...0x39).contains(bytes[i + 1]) {
        // inside a number: 1,500
      } else {
        close(i)
      }
      i += 1
    }
    close(bytes.count)
    return out
  }

  /// The capitalised name starting at word `i` (after an optional "the"), and the words it takes.
  static func name(_ words: [Word], from i: Int) -> (text: String, span: TextSpan)? {
    var k = i
    if k < words.count, words[k].text.lowercased() == "the" { k += 1 }
    var end = k
    while end < words.count, words[end].isCapitalised, end - k < 4 { end += 1 }
    guard end > k else { return nil }
    let last = words[end - 1].text
    // "Washington's policy": a possessive names an owner, not a place
    if last.hasSuffix("'s") || last.hasSuffix("’s") { return nil }
    // "a shift in the U.S. approach": a name right before a lowercase word is a modifier
    if end < words.count, !words[end].isCapitalised, !venueFollowers.contains(words[end].text.lowercased()) { return nil }
    let text = words[k..<end].map { String($0.text) }.joined(separator: " ")
    guard !notVenues.contains(text.lowercased()) else { return nil }
    return (text, TextSpan(start: words[k].span.start, end: words[end - 1].span.end))
  }

  /// Where a claim puts an event: a name after "at" or "in" within ten words after an event
  /// word, or after a verb of going and "to", in a claim that names an event.
  static func venues(_ claimWords: [ClaimWords], _ columns: ClaimColumns, _ lexicon: Lexicon) -> [StoryConflict] {
    var found: [StoryConflict.Value] = []
    let sources = columns.string(.source)
    for claim in claimWords {
      let (row, ws, lower) = (claim.row, claim.words, claim.lower)
      guard let firstEvent = lower.firstIndex(where: eventWords.contains) else { continue }
      for i in ws.indices.dropLast() {
        var place: (text: String, span: TextSpan)? = nil
        if venuePrepositions.contains(lower[i]), i > firstEvent, lower[max(0, i - 10)..<i].contains(where: eventWords.contains) {
          place = name(ws, from: i + 1)
        } else if motionVerbs.contains(lower[i]), lower[i + 1] == "to" {
          place = name(ws, from: i + 2)
        }
        guard let place else { continue }
        // a person or an outlet is not a place
        if lexicon.lookup(place.text).contains(where: { $0.kind == .person || $0.kind == .outlet }) { continue }
        let code = sources.codes[row]
        found.append(
          StoryConflict.Value(
            value: place.text, outlet: code < 0 ? "" : sources.values[Int(code)], claim: columns.ids.isEmpty ? row : columns.ids[row],
            span: place.span))
      }
    }
    return conflicting(found, kind: .venue, subject: "the place") { $0.value.lowercased() }.map { [$0] } ?? []
  }

  /// The values that differ, first as the first outlet that gives each, when at least two
  /// values come from at least two outlets; nil when they agree.
  static func conflicting(_ values: [StoryConflict.Value], kind: StoryConflict.Kind, subject: String, key: (StoryConflict.Value) -> String)
    -> StoryConflict?
  {
    var firsts: [StoryConflict.Value] = []
    var keys: [String] = []
    for v in values where !keys.contains(key(v)) {
      keys.append(key(v))
      firsts.append(v)
    }
    guard firsts.count >= 2, Set(values.map(\.outlet)).count >= 2 else { return nil }
    // every value's outlets must not be the same single outlet
    let outletsByKey = Dictionary(grouping: values, by: key).mapValues { Set($0.map(\.outlet)) }
    guard Set(outletsByKey.values.flatMap { $0 }).count >= 2, outletsByKey.values.contains(where: { $0 != outletsByKey.values.first! })
    else { return nil }
    return StoryConflict(kind: kind, subject: subject, values: firsts)
  }

  /// The spellings outlets give a person's name (the words of the evidence that names them,
  /// titles dropped): a surname spelled otherwise, or another first name, is a conflict; a
  /// surname alone beside the full name is not.
  static func names(
    _ rows: [Int32], _ columns: ClaimColumns, _ lexicon: Lexicon, _ claims: (Int) -> Claim?, _ documentText: (String) -> String?
  ) -> [StoryConflict] {
    var forms: [String: [StoryConflict.Value]] = [:]
    var order: [String] = []
    for row in rows.map(Int.init) {
      guard let claim = claims(row), let document = documentText(claim.doc) else { continue }
      let bytes = Array(document.utf8)
      for e in claim.evidence
      where (e.field == "actor" || e.field == "speaker") && lexicon.lookup(e.value).contains(where: { $0.kind == .person }) {
        guard e.span.start >= 0, e.span.end <= bytes.count, e.span.start < e.span.end else { continue }
        let surface = String(decoding: bytes[e.span.start..<e.span.end], as: UTF8.self)
        let ws = words(surface).filter(\.isCapitalised)
        guard let last = ws.last, surface.first?.isUppercase == true else { continue }
        // the surname must be the person's (not a pronoun or a role): its first four letters
        guard let surname = e.value.split(separator: " ").last, last.text.lowercased().hasPrefix(surname.lowercased().prefix(4)) else {
          continue
        }
        // "Bush-Cheney", "Ferguson-Wenger": a compound, not a spelling of the name
        guard !last.text.contains("-") else { continue }
        var parts = [String(last.text)]
        if ws.count >= 2, !titles.contains(ws[ws.count - 2].text.lowercased()), !isDemonym(ws[ws.count - 2].text),
          isFirstName(ws[ws.count - 2].text, of: e.value, lexicon)
        {
          parts.insert(String(ws[ws.count - 2].text), at: 0)
        }
        let form = parts.joined(separator: " ")
        guard let range = claim.text.range(of: form) else { continue }
        let span = TextSpan(
          start: claim.text.utf8.distance(from: claim.text.startIndex, to: range.lowerBound),
          end: claim.text.utf8.distance(from: claim.text.startIndex, to: range.upperBound))
        if forms[e.value] == nil { order.append(e.value) }
        forms[e.value, default: []].append(StoryConflict.Value(value: form, outlet: claim.source, claim: claim.id, span: span))
      }
    }
    var out: [StoryConflict] = []
    for person in order {
      let values = forms[person]!
      // a form is compatible with another that ends with it ("Zelensky" in "Volodymyr Zelensky")
      let distinct = Array(Set(values.map { $0.value.lowercased() }))
      let clashing = distinct.filter { a in distinct.contains { b in a != b && !a.hasSuffix(" " + b) && !b.hasSuffix(" " + a) } }
      guard clashing.count >= 2 else { continue }
      let kept = values.filter { clashing.contains($0.value.lowercased()) }
      if let conflict = conflicting(kept, kind: .name, subject: person, key: { $0.value.lowercased() }) { out.append(conflict) }
    }
    return out
  }

  /// Whether `word` before a person's surname is a first name: one the lexicon gives them, or
  /// a spelling of one (the same first letter: "Vladimir" for "Volodymyr"), or any word when
  /// the lexicon knows none; not "Dogged" before "Federer" when it knows "Roger".
  static func isFirstName(_ word: Substring, of person: String, _ lexicon: Lexicon) -> Bool {
    var known: [String] = []
    for entry in lexicon.lookup(person) where entry.kind == .person {
      for name in [entry.name] + entry.aliases {
        // the word before the surname in each full name the lexicon gives
        let parts = name.split(separator: " ")
        guard parts.count >= 2 else { continue }
        let first = parts[parts.count - 2]
        if first.first?.isUppercase == true, !titles.contains(first.lowercased()), !isDemonym(first) { known.append(first.lowercased()) }
      }
    }
    guard !known.isEmpty else { return word.count > 1 }
    let w = word.lowercased()
    return known.contains { $0 == w || ($0.first == w.first && $0.count > 1 && w.count > 1) }
  }

  /// Whether a capitalised word names a nationality ("Ukrainian"), not a first name.
  static func isDemonym(_ word: Substring) -> Bool {
    let w = word.lowercased()
    return w.hasSuffix("ian") || w.hasSuffix("ese") || w.hasSuffix("ish") || w.hasSuffix("can") || w == "us" || w == "u.s."
  }

  /// The content words an assertion and a hedged claim must share to be one statement.
  static let minimumSharedWords = 4

  /// What one outlet asserts about an actor and a topic (its speaker, else its first actor)
  /// while another outlet only reports, hedges or denies it: the pair of claims sharing the most
  /// content words (at least `minimumSharedWords`, so that they make the same statement); at
  /// most five, those sharing most first. What a named speaker is reported to say is the
  /// speaker's own assertion, carried as it was made, not a weaker telling of it.
  static func hedges(_ rows: [Int32], _ columns: ClaimColumns) -> [StoryConflict] {
    let sources = columns.string(.source)
    let hedgeColumn = columns.string(.hedge)
    let speakers = columns.string(.speaker)
    let actors = columns.list(.actor)
    let topics = columns.list(.topic)
    var byKey: [String: [StoryConflict.Value]] = [:]
    var rowOfClaim: [Int: Int] = [:]
    for row in rows.map(Int.init) {
      rowOfClaim[columns.ids.isEmpty ? row : columns.ids[row]] = row
      let speaker = speakers.codes[row] >= 0 ? speakers.values[Int(speakers.codes[row])] : nil
      let firstActor = actors.offsets[row] < actors.offsets[row + 1] ? actors.values[Int(actors.codes[Int(actors.offsets[row])])] : nil
      guard let who = speaker ?? firstActor, hedgeColumn.codes[row] >= 0 else { continue }
      let hedge = hedgeColumn.values[Int(hedgeColumn.codes[row])]
      if hedge == Hedge.reported.rawValue && speaker != nil { continue }
      let outlet = sources.codes[row] >= 0 ? sources.values[Int(sources.codes[row])] : ""
      let text = columns.text(row)
      for k in Int(topics.offsets[row])..<Int(topics.offsets[row + 1]) {
        let topic = topics.values[Int(topics.codes[k])]
        byKey["\(who) on \(topic)", default: []].append(
          StoryConflict.Value(
            value: hedge, outlet: outlet, claim: columns.ids.isEmpty ? row : columns.ids[row],
            span: TextSpan(start: 0, end: text.utf8.count)))
      }
    }
    // the content words of each claim, to tell the same assertion from another on the subject
    var wordsOf: [Int: Set<UInt64>] = [:]
    func words(_ claim: Int) -> Set<UInt64> {
      if let known = wordsOf[claim] { return known }
      var set = Set<UInt64>()
      StoryFeatures.words(columns.texts.bytes(rowOfClaim[claim]!)) { set.insert($0) }
      wordsOf[claim] = set
      return set
    }
    var out: [(conflict: StoryConflict, weight: Int)] = []
    for (subject, values) in byKey {
      let byOutlet = Dictionary(grouping: values, by: \.outlet)
      let assertions = values.filter { $0.value == Hedge.asserted.rawValue }
      // in claim order, so that of pairs sharing as many words the first is taken, every time
      let hedged = byOutlet.filter { $0.value.allSatisfy { $0.value != Hedge.asserted.rawValue && $0.value != Hedge.opinion.rawValue } }
        .flatMap(\.value).sorted { $0.claim < $1.claim }
      // the assertion and the hedged claim of another outlet that share the most words
      var best: (a: StoryConflict.Value, h: StoryConflict.Value, shared: Int)? = nil
      for a in assertions {
        for h in hedged where h.outlet != a.outlet {
          let shared = words(a.claim).intersection(words(h.claim)).count
          if shared > (best?.shared ?? minimumSharedWords - 1) { best = (a, h, shared) }
        }
      }
      guard let best else { continue }
      out.append((StoryConflict(kind: .hedge, subject: subject, values: [best.a, best.h]), best.shared))
    }
    // one conflict per pair of claims: under the subject named first, most words shared first
    var pairs = Set<[Int]>()
    let sorted = out.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.conflict.subject < $1.conflict.subject }
    return sorted.map(\.conflict).filter { pairs.insert($0.values.map(\.claim)).inserted }.prefix(5).map { $0 }
  }
}

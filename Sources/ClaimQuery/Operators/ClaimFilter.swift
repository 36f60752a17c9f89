/// A `where` predicate (as the planner resolved it) planned over the column store: literals
/// resolved to value ids once, and equality on list fields, sources and speakers answered
/// from postings (sorted row lists) that `and` intersects and `or` unions; what postings
/// cannot answer becomes a row test over ids and numbers.
struct ClaimFilter {
  /// A planned expression.
  enum Plan {
    /// Exactly these rows, sorted.
    case rows([Int32])
    /// The rows for which the test holds, and how dear the test is.
    case test(Cost, (Int) -> Bool)
  }

  /// How dear a row test is: `and` runs the cheap ones first.
  enum Cost: Int, Comparable {
    /// Numbers and ids.
    case ids
    /// Reading the claim's text.
    case text

    static func < (a: Cost, b: Cost) -> Bool { a.rawValue < b.rawValue }
  }

  let store: ClaimStore
  /// Where a value the corpus lacks is reported.
  var warnings: WarningLog? = nil
  /// Polled by the text searches and inside regular expression matches.
  var cancellation: Cancellation? = nil

  /// Plans `predicate`; throws only when stopped (the stories a story test needs, a search).
  func plan(_ predicate: LogicalPlan.Predicate) throws(Diagnostic) -> Plan {
    switch predicate {
    case .and(let items):
      var rows: [[Int32]] = []
      var costed: [(Cost, (Int) -> Bool)] = []
      for item in items {
        switch try plan(item) {
        case .rows(let r): rows.append(r)
        case .test(let cost, let t): costed.append((cost, t))
        }
      }
      // postings first (intersected smallest first), then tests, cheapest first
      let tests = costed.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
      let cost = costed.map(\.0).max() ?? .ids
      let all = Self.conjunction(tests)
      if rows.isEmpty { return .test(cost, all) }
      let bySize = rows.sorted { $0.count < $1.count }
      var result = bySize.dropFirst().reduce(bySize[0]) { Postings.intersect($0, $1) }
      if !tests.isEmpty { result = result.filter { all(Int($0)) } }
      return .rows(result)
    case .or(let items):
      let plans = try items.map { (p) throws(Diagnostic) in try plan(p) }
      var lists: [[Int32]] = []
      for p in plans { if case .rows(let r) = p { lists.append(r) } }
      if lists.count == plans.count { return .rows(Postings.union(lists)) }
      let tests = plans.map(test)
      return .test(plans.map(cost).max() ?? .ids) { row in tests.contains { $0(row) } }
    case .not(let inner):
      let p = try plan(inner)
      let t = test(p)
      return .test(cost(p)) { !t($0) }
    case .comparison(let c):
      let plan = try comparison(c)
      if c.negated {
        let t = test(plan)
        return .test(cost(plan)) { !t($0) }
      }
      return plan
    }
  }

  /// One test for all of `tests`, in order, stopping at the first that fails: closures nested
  /// two by two, so a row costs a direct call per test rather than a walk over an array.
  static func conjunction(_ tests: [(Int) -> Bool]) -> (Int) -> Bool {
    switch tests.count {
    case 0: return { _ in true }
    case 1: return tests[0]
    case 2:
      let (a, b) = (tests[0], tests[1])
      return { a($0) && b($0) }
    default:
      let (a, rest) = (tests[0], conjunction(Array(tests.dropFirst())))
      return { a($0) && rest($0) }
    }
  }

  /// How dear a plan's row test is.
  func cost(_ plan: Plan) -> Cost {
    if case .test(let cost, _) = plan { return cost }
    return .ids
  }

  /// A row test for any plan; rows become a bitmap.
  func test(_ plan: Plan) -> (Int) -> Bool {
    switch plan {
    case .test(_, let t): return t
    case .rows(let rows):
      var bits = [Bool](repeating: false, count: store.count)
      for r in rows { bits[Int(r)] = true }
      return { bits[$0] }
    }
  }

  func comparison(_ c: Comparison) throws(Diagnostic) -> Plan {
    let field = PhysicalPlan.field(c.column)
    let matcher = Matcher(lexicon: store.lexicon, cancellation: cancellation)
    switch (field, c.test) {
    case (_, .isNull):
      if let list = store.list(field) {
        let offsets = list.column.offsets
        return .test(.ids) { offsets[$0] == offsets[$0 + 1] }
      }
      if let coded = store.coded(field) {
        let codes = coded.codes
        return .test(.ids) { codes[$0] < 0 }
      }
      if field == .date {
        let dates = store.dates
        return .test(.ids) { dates[$0] == ClaimStore.noDate }
      }
      if field == .story {
        let stories = try store.stories.ids(cancellation)
        return .test(.ids) { stories[$0] == 0 }
      }
      return .rows([])
    case (.id, .equal(let values)):
      let wanted = Set(values.compactMap { if case .int(let n) = $0 { n } else { nil } })
      let ids = store.ids
      return .test(.ids) { wanted.contains(ids[$0]) }
    case (.id, .order(let op, .int(let n))):
      let ids = store.ids
      return .test(.ids) { Matcher.compare(ids[$0], op, n) }
    case (.story, .equal(let values)):
      let wanted = Set(values.compactMap { if case .int(let n) = $0, n > 0 { Int32(clamping: n) } else { nil } })
      let stories = try store.stories.ids(cancellation)
      return .test(.ids) { wanted.contains(stories[$0]) }
    case (.story, .order(let op, .int(let n))):
      // a claim in no story has no number: it never passes an order test
      let stories = try store.stories.ids(cancellation)
      return .test(.ids) { stories[$0] != 0 && Matcher.compare(Int(stories[$0]), op, n) }
    case (.story, _):
      return .rows([])
    case (.date, .equal(let values)):
      let wanted = Set(values.compactMap(Self.dayNumber))
      let dates = store.dates
      return .test(.ids) { wanted.contains(dates[$0]) }
    case (.date, .order(let op, let v)):
      guard let d = Self.dayNumber(v) else { return .rows([]) }
      let dates = store.dates
      // no date is Int32.min: below every day, so only < and <= must exclude it
      switch op {
      case .greater: return .test(.ids) { dates[$0] > d }
      case .greaterEqual: return .test(.ids) { dates[$0] >= d }
      case .less: return .test(.ids) { dates[$0] < d && dates[$0] != ClaimStore.noDate }
      default: return .test(.ids) { dates[$0] <= d && dates[$0] != ClaimStore.noDate }
      }
    case (.text, .equal(let values)):
      let wanted = values.map(\.text)
      return .test(.text) { row in wanted.contains { matcher.equalStrings(store.text(row), $0, .caseless) } }
    case (.text, .contains(let needle)) where CaseInsensitive.Needle(needle).isASCII:
      return .rows(
        try TextSearch.rows(containing: CaseInsensitive.Needle(needle).bytes, in: store.texts, cancellation: cancellation, at: c.range))
    case (.text, .contains(let needle)):
      let n = CaseInsensitive.Needle(needle)
      let texts = store.texts
      return .test(.text) { row in CaseInsensitive.contains(texts.bytes(row), n) }
    case (.text, .matches(let pattern)):
      let cancellation = cancellation
      let texts = store.texts
      return .test(.text) { pattern.mayMatch(texts.bytes($0)) && pattern.matches(store.text($0), cancellation: cancellation) }
    case (.text, .order(let op, let v)):
      return .test(.text) { matcher.order(.string(store.text($0)), op, v) }
    default:
      return try codedComparison(field, c, matcher)
    }
  }

  /// How `comparison` answers `c`, as `.explain` tells it (its cases, in its order).
  static func method(_ c: Comparison, store: ClaimStore) -> String {
    let field = PhysicalPlan.field(c.column)
    switch (field, c.test) {
    case (_, .isNull): return "a test of each row"
    case (.id, _), (.date, _): return "a test of each row's number"
    case (.story, .equal), (.story, .order): return "a test of each row's story (the stories worked out first, once)"
    case (.story, _): return "no rows (a story is a number)"
    case (.text, .contains(let needle)) where CaseInsensitive.Needle(needle).isASCII: return "a parallel scan of the texts"
    case (.text, .matches(let pattern)):
      return pattern.required.map { "a regular expression on each text holding \"\(String(decoding: $0, as: UTF8.self))\"" }
        ?? "a regular expression on each text"
    case (.text, _): return "a test of each text"
    case (_, .matches): return "a regular expression on each distinct value, then its postings"
    case (_, .equal) where store.list(field) != nil || store.coded(field)?.postings.isEmpty == false: return "postings of the values named"
    case (_, .equal): return "a test of each row's value id"
    default: return "a test of each distinct value, then its postings"
    }
  }

  /// Comparisons on dictionary-encoded fields: resolve the literal to value ids once.
  func codedComparison(_ field: ClaimField, _ c: Comparison, _ matcher: Matcher) throws(Diagnostic) -> Plan {
    let column = field.column
    let dictionary = store.list(field)?.dictionary ?? store.coded(field)!.dictionary
    var ids: [Int32]
    switch c.test {
    case .equal(let values):
      ids = []
      for (k, v) in values.enumerated() {
        let found = dictionary.ids(matching: v.text, column.matching, lexicon: store.lexicon)
        // an entity, topic, source or label the corpus lacks may be a typo: a warning with the
        // nearest value, and the comparison matches nothing (a script may meet another corpus)
        if found.isEmpty, field != .cue, field != .quote, !Self.isKnownValue(v.text, of: field) {
          warnings?.add(unknownValue(v.text, field: field, dictionary: dictionary, at: c.literalRanges[k]))
        }
        ids += found
      }
    case .contains(let needle):
      let n = CaseInsensitive.Needle(needle)
      ids = dictionary.ids { CaseInsensitive.contains(Array($0.utf8)[...], n) }
    case .matches(let pattern):
      ids = dictionary.ids { pattern.matches($0, cancellation: cancellation) }
      try cancellation.check(at: c.range)
    case .order(let op, let v):
      ids = dictionary.ids { matcher.order(.string($0), op, v) }
    case .isNull:
      ids = []
    }
    if let list = store.list(field) {
      return .rows(Postings.union(ids.map { list.postings[Int($0)] }))
    }
    let coded = store.coded(field)!
    if !coded.postings.isEmpty {
      return .rows(Postings.union(ids.map { coded.postings[Int($0)] }))
    }
    var wanted = [Bool](repeating: false, count: coded.dictionary.count)
    for id in ids { wanted[Int(id)] = true }
    let codes = coded.codes
    return .test(.ids) { codes[$0] >= 0 && wanted[Int(codes[$0])] }
  }

  /// Whether `text` is a value the field can hold though this corpus may not: a hedge or kind.
  static func isKnownValue(_ text: String, of field: ClaimField) -> Bool {
    switch field {
    case .hedge: return Hedge(rawValue: text.lowercased()) != nil
    case .kind: return ClaimKind(rawValue: text.lowercased()) != nil
    default: return false
    }
  }

  func unknownValue(_ text: String, field: ClaimField, dictionary: ValueDictionary, at range: SourceRange) -> Diagnostic {
    var candidates = dictionary.values
    // the lexicon's aliases of the values present ("Zelenskyy" for Zelensky) are valid too
    for value in dictionary.values { for entry in store.lexicon.lookup(value) where entry.name == value { candidates += entry.aliases } }
    if field == .hedge { candidates += Hedge.allCases.map(\.rawValue) }
    if field == .kind { candidates += ClaimKind.allCases.map(\.rawValue) }
    let suggestion = Suggestions.nearest(to: text, in: candidates).map { "\"\($0)\"" }
    return Diagnostic(.unknownValue, "no \(field.rawValue) \"\(text)\" in this corpus", at: range, suggestion: suggestion)
  }

  static func dayNumber(_ v: Value) -> Int32? {
    switch v {
    case .date(let d): return d.number
    case .string(let s): return Day(parsing: s)?.number
    default: return nil
    }
  }
}

extension Matcher {
  /// Orders two comparable numbers by `op`.
  @inline(__always) static func compare<T: Comparable>(_ a: T, _ op: CompareOp, _ b: T) -> Bool {
    switch op {
    case .less: return a < b
    case .lessEqual: return a <= b
    case .greater: return a > b
    case .greaterEqual: return a >= b
    case .equal: return a == b
    case .notEqual: return a != b
    default: return false
    }
  }
}

/// Sorted row lists: intersection and union.
enum Postings {
  /// The rows in both.
  static func intersect(_ a: [Int32], _ b: [Int32]) -> [Int32] {
    var out: [Int32] = []
    out.reserveCapacity(min(a.count, b.count))
    var i = 0
    var j = 0
    while i < a.count && j < b.count {
      if a[i] < b[j] {
        i += 1
      } else if a[i] > b[j] {
        j += 1
      } else {
        out.append(a[i])
        i += 1
        j += 1
      }
    }
    return out
  }

  /// The rows in any, sorted, without repeats.
  static func union(_ lists: [[Int32]]) -> [Int32] {
    let nonEmpty = lists.filter { !$0.isEmpty }
    if nonEmpty.count <= 1 { return nonEmpty.first ?? [] }
    var out = nonEmpty.flatMap { $0 }
    out.sort()
    var unique: [Int32] = []
    unique.reserveCapacity(out.count)
    for r in out where unique.last != r { unique.append(r) }
    return unique
  }
}

import ClaimCorpus

/// The `stories` and `citations` collections, from the claims' stories (`StoryIndex`).
enum StoryTables {
  /// The columns of `stories`.
  static let storyColumns = [
    Column("id", .int), Column("title", .string, matching: .caseless), Column("claims", .int), Column("docs", .int),
    Column("outlets", .int), Column("sources", .list, matching: .name), Column("first_date", .date), Column("last_date", .date),
    Column("first_outlet", .string, matching: .name), Column("hedges", .list, matching: .caseless), Column("cited", .list, matching: .name),
    Column("conflicts", .list, matching: .caseless), Column("corroborations", .int),
  ]

  /// The columns of `citations`.
  static let citationColumns = [
    Column("from", .string, matching: .name), Column("to", .string, matching: .name), Column("claims", .int), Column("stories", .int),
  ]

  /// One story: its detail, conflicts and who cites whom, with the claims it holds.
  struct Detail {
    var id: Int
    var story: StoryClusters.Story
    var outlets: [String]
    var firstDate: Day?
    var lastDate: Day?
    var firstOutlet: String
    /// Per outlet, its claims' hedges with their counts.
    var hedges: [(outlet: String, counts: [(hedge: String, count: Int)])]
    var cited: [String]
    var conflicts: [StoryConflict]
    /// The outlets that carry the story on their own: with a claim that cites no outlet.
    var independent: [String]
  }

  /// The detail of each story whose id (1 for the first) is in `ids`, or of every story, in
  /// story order.
  static func details(_ corpus: Corpus, _ store: ClaimStore, ids: ClosedRange<Int>? = nil) -> [Detail] {
    let clusters = store.stories.clusters
    let chosen = Array(clusters.stories.enumerated()).filter { ids?.contains($0.offset + 1) ?? true }
    let columns = corpus.columns
    // the claims with their evidence and the documents' texts, of the chosen stories only
    let wanted = Set(chosen.flatMap { $0.element.rows.map { columns.ids.isEmpty ? Int($0) : columns.ids[Int($0)] } })
    let claimsByID = Dictionary(
      corpus.claims.filter { wanted.contains($0.id) }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let docs = Set(claimsByID.values.map(\.doc))
    let texts = Dictionary(
      corpus.documents.filter { docs.contains($0.id) }.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
    let source = store.coded(.source)!, hedge = store.coded(.hedge)!
    return chosen.map { k, story in
      let rows = story.rows.map(Int.init)
      func value(_ c: CodedColumn, _ row: Int) -> String { c.codes[row] < 0 ? "" : c.dictionary.values[Int(c.codes[row])] }
      var outlets: [String] = []
      for r in rows where !outlets.contains(value(source, r)) { outlets.append(value(source, r)) }
      let dated = rows.filter { store.dates[$0] != ClaimStore.noDate }
      let first = dated.min { store.dates[$0] != store.dates[$1] ? store.dates[$0] < store.dates[$1] : $0 < $1 }
      var hedges: [(outlet: String, counts: [(hedge: String, count: Int)])] = []
      for outlet in outlets {
        let mine = rows.filter { value(source, $0) == outlet }.map { value(hedge, $0) }
        var counts: [(hedge: String, count: Int)] = []
        for h in mine where !counts.contains(where: { $0.hedge == h }) { counts.append((h, mine.filter { $0 == h }.count)) }
        hedges.append((outlet, counts.sorted { $0.count != $1.count ? $0.count > $1.count : $0.hedge < $1.hedge }))
      }
      var cited: [String] = []
      var independent: [String] = []
      for r in rows {
        let outletsCited = citedOutlets(store, r, corpus.lexicon)
        for c in store.list(.cited)!.column.row(r).map({ store.list(.cited)!.dictionary.values[Int($0)] }) where !cited.contains(c) {
          cited.append(c)
        }
        if outletsCited.isEmpty, !independent.contains(value(source, r)) { independent.append(value(source, r)) }
      }
      let conflicts = StoryConflicts.find(
        rows: story.rows, columns: columns, lexicon: corpus.lexicon,
        claims: { row in claimsByID[columns.ids.isEmpty ? row : columns.ids[row]] }, documentText: { texts[$0] })
      return Detail(
        id: k + 1, story: story, outlets: outlets, firstDate: dated.map { store.dates[$0] }.min().map(Day.init(number:)),
        lastDate: dated.map { store.dates[$0] }.max().map(Day.init(number:)), firstOutlet: value(source, first ?? rows[0]),
        hedges: hedges, cited: cited, conflicts: conflicts, independent: outlets.filter(independent.contains))
    }
  }

  /// The outlets claim `row` cites: its cited values that the lexicon knows as outlets, by
  /// their canonical names.
  static func citedOutlets(_ store: ClaimStore, _ row: Int, _ lexicon: Lexicon) -> [String] {
    let cited = store.list(.cited)!
    return cited.column.row(row).compactMap { code in
      lexicon.lookup(cited.dictionary.values[Int(code)]).first { $0.kind == .outlet }?.name
    }
  }

  /// One row per story.
  static func stories(_ details: [Detail], _ store: ClaimStore) -> Table {
    let rows = details.map { d -> [Value] in
      [
        .int(d.id), .string(store.text(Int(d.story.title))), .int(d.story.rows.count), .int(d.story.docs.count), .int(d.outlets.count),
        .list(d.outlets.map(Value.string)), d.firstDate.map(Value.date) ?? .null, d.lastDate.map(Value.date) ?? .null,
        .string(d.firstOutlet),
        .list(d.hedges.map { h in .string("\(h.outlet): " + h.counts.map { "\($0.hedge) \($0.count)" }.joined(separator: ", ")) }),
        .list(d.cited.map(Value.string)), .list(d.conflicts.map { .string($0.summary) }), .int(d.independent.count),
      ]
    }
    return Table(columns: storyColumns, rows: rows)
  }

  /// One row per outlet and the outlet its claims cite: how many claims, in how many stories.
  static func citations(_ corpus: Corpus, _ store: ClaimStore) -> Table {
    let source = store.coded(.source)!
    let storyIDs = store.stories.ids
    var counts: [String: (claims: Int, stories: Set<Int32>)] = [:]
    var order: [String] = []
    for row in 0..<store.count {
      let from = source.codes[row] < 0 ? "" : source.dictionary.values[Int(source.codes[row])]
      for to in Set(citedOutlets(store, row, corpus.lexicon)) where to != from {
        let key = from + "\u{0}" + to
        if counts[key] == nil { order.append(key) }
        counts[key, default: (0, [])].claims += 1
        if storyIDs[row] > 0 { counts[key]!.stories.insert(storyIDs[row]) }
      }
    }
    let rows = order.map { key -> [Value] in
      let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
      return [.string(parts[0]), .string(parts[1]), .int(counts[key]!.claims), .int(counts[key]!.stories.count)]
    }
    return Collections.sorted(Table(columns: citationColumns, rows: rows), byDescending: 2)
  }
}

import Synchronization

/// The collections besides `claims`, as tables built from the corpus and the column store.
enum Collections {
  /// The collections' names, in the order help lists them.
  static let names = ["claims", "docs", "entities", "topics", "stories", "citations"]

  /// The columns of `docs`.
  static let docColumns = [
    Column("id", .string), Column("path", .string), Column("title", .string, matching: .caseless),
    Column("source", .string, matching: .name), Column("date", .date), Column("sentences", .int),
    Column("debris", .int), Column("claims", .int), Column("author", .string, matching: .caseless), Column("url", .string),
    Column("text", .string, matching: .caseless),
  ]

  /// The columns of `entities`.
  static let entityColumns = [
    Column("name", .string, matching: .name), Column("kind", .string, matching: .caseless), Column("mentions", .int),
    Column("claims", .int), Column("sources", .int), Column("aliases", .list, matching: .caseless),
  ]

  /// The columns of `topics`.
  static let topicColumns = [
    Column("name", .string, matching: .name), Column("mentions", .int), Column("claims", .int),
    Column("sources", .int), Column("broader", .list, matching: .name), Column("aliases", .list, matching: .caseless),
  ]

  /// The columns of a collection, or nil when there is no such collection.
  static func columns(of name: String) -> [Column]? {
    switch name.lowercased() {
    case "claims": return ClaimField.allCases.map(\.column)
    case "docs": return docColumns
    case "entities": return entityColumns
    case "topics": return topicColumns
    case "stories": return StoryTables.storyColumns
    case "citations": return StoryTables.citationColumns
    default: return nil
    }
  }

  /// One row per document.
  static func docs(_ corpus: Corpus, _ store: ClaimStore) -> Table {
    var counts = [Int](repeating: 0, count: store.coded(.doc)!.dictionary.count)
    for code in store.coded(.doc)!.codes where code >= 0 { counts[Int(code)] += 1 }
    var claimCounts: [String: Int] = [:]
    for (i, doc) in store.coded(.doc)!.dictionary.values.enumerated() { claimCounts[doc] = counts[i] }
    let rows = corpus.documents.map { d -> [Value] in
      [
        .string(d.id), .string(d.path), d.title.map(Value.string) ?? .null, .string(d.source), d.date.map(Value.date) ?? .null,
        .int(d.sentences.count), .int(d.debris.count), .int(claimCounts[d.id] ?? 0), d.author.map(Value.string) ?? .null,
        d.url.map(Value.string) ?? .null, .string(d.body),
      ]
    }
    return Table(columns: docColumns, rows: rows)
  }

  /// One row per actor the claims name, with its kind from the lexicon.
  static func entities(_ corpus: Corpus, _ store: ClaimStore) -> Table {
    let mentions = mentionCounts(corpus, field: "actor")
    let rows = store.list(.actor)!.dictionary.values.enumerated().map { (id, name) -> [Value] in
      let postings = store.list(.actor)!.postings[id]
      let entry = corpus.lexicon.lookup(name).first { $0.kind != .topic }
      return [
        .string(name), .string(entry?.kind.rawValue ?? EntityKind.unknown.rawValue), .int(mentions[name] ?? postings.count),
        .int(postings.count), .int(Set(postings.map { store.coded(.source)!.codes[Int($0)] }).count),
        .list((entry?.aliases ?? []).map(Value.string)),
      ]
    }
    return sorted(Table(columns: entityColumns, rows: rows), byDescending: 3)
  }

  /// One row per topic the claims name.
  static func topics(_ corpus: Corpus, _ store: ClaimStore) -> Table {
    let mentions = mentionCounts(corpus, field: "topic")
    let rows = store.list(.topic)!.dictionary.values.enumerated().map { (id, name) -> [Value] in
      let postings = store.list(.topic)!.postings[id]
      let entry = corpus.lexicon.lookup(name).first { $0.kind == .topic }
      return [
        .string(name), .int(mentions[name] ?? postings.count), .int(postings.count),
        .int(Set(postings.map { store.coded(.source)!.codes[Int($0)] }).count),
        .list((corpus.lexicon.broader[name] ?? []).map(Value.string)), .list((entry?.aliases ?? []).map(Value.string)),
      ]
    }
    return sorted(Table(columns: topicColumns, rows: rows), byDescending: 2)
  }

  /// Mentions in the text per value: distinct evidence spans per document.
  static func mentionCounts(_ corpus: Corpus, field: String) -> [String: Int] {
    var spans: [String: Set<[Int]>] = [:]
    for (docIndex, claims) in Dictionary(grouping: corpus.claims, by: \.doc).enumerated() {
      for claim in claims.value {
        for e in claim.evidence where e.field == field && e.rule != "\(field).broader" {
          spans[e.value, default: []].insert([docIndex, e.span.start, e.span.end])
        }
      }
    }
    return spans.mapValues(\.count)
  }

  /// The table sorted by column `k` descending, then by the first column.
  static func sorted(_ table: Table, byDescending k: Int) -> Table {
    var t = table
    t.rows.sort { a, b in
      if a[k] != b[k] { return Value.ascending(b[k], a[k]) }
      return Value.ascending(a[0], b[0])
    }
    return t
  }
}

/// Collection tables once built, by name, shared by an engine's copies.
final class CollectionCache: Sendable {
  private let tables = Mutex<[String: Table]>([:])

  /// The table `name`, made by `make` the first time.
  func table(_ name: String, _ make: () -> Table) -> Table {
    if let table = tables.withLock({ $0[name] }) { return table }
    let table = make()
    tables.withLock { $0[name] = table }
    return table
  }
}

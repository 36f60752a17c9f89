/// What the shell asks of an engine to complete, explain and list: collections, fields, values.
extension QueryEngine {
  /// The collections and the `let` names, collections first.
  public var sourceNames: [String] { Collections.names + bindings.keys.sorted() }

  /// The columns of a collection or `let` name, or nil when there is none.
  public func columns(of name: String) -> [Column]? {
    if let columns = Collections.columns(of: name) { return columns }
    switch bindings[name] {
    case .claims: return ClaimField.allCases.map(\.column)
    case .table(let t): return t.columns
    case nil: return nil
    }
  }

  /// The distinct values of `field` in `collection`, and the lexicon's aliases of those that
  /// are entity, topic or source names; for completion.
  public func values(of field: String, in collection: String = "claims") -> (names: [String], aliases: [String]) {
    var values: [String]
    if Collections.columns(of: collection) == nil && bindings[collection] == nil { return ([], []) }
    if case .table(let t)? = bindings[collection] {
      values = Self.distinct(t, field)
    } else if collection.lowercased() == "claims" || bindings[collection] != nil, let f = ClaimField(named: field) {
      values = store.list(f)?.dictionary.values ?? store.coded(f)?.dictionary.values ?? []
    } else if let t = try? evaluate(Query(source: Name(collection))) {
      values = Self.distinct(t, field)
    } else {
      values = []
    }
    var aliases: [String] = []
    for value in values { for entry in corpus.lexicon.lookup(value) where entry.name == value { aliases += entry.aliases } }
    let known = Set(values)
    return (values, aliases.filter { !known.contains($0) })
  }

  static func distinct(_ table: Table, _ field: String) -> [String] {
    guard let i = table.columnIndex(field) else { return [] }
    var seen: Set<String> = []
    var out: [String] = []
    for row in table.rows {
      let items: [Value]
      if case .list(let list) = row[i] { items = list } else { items = [row[i]] }
      for v in items where v != .null && seen.insert(v.text).inserted { out.append(v.text) }
    }
    return out
  }
}

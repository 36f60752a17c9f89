/// Entities and topics with their aliases and role phrases, and the index that finds them in text.
///
/// The file format (see `seeds/lexicon.tsv`) is one entry per line, `kind: Name = alias, alias`,
/// and `broader: Topic -> Broader Topic` lines that nest topics:
///
///     person: Zelensky = Zelenskyy, Volodymyr Zelensky, the Ukrainian president
///     topic: Tomahawk = Tomahawks, Tomahawk missiles
///     broader: Tomahawk -> military aid
///
/// Aliases match case-insensitively, except that a capitalised alias word matches only a
/// capitalised word (`Trump`, not `trump card`) and an all-capitals word only itself (`US`).
public struct Lexicon: Sendable {
  /// One entity or topic.
  public struct Entry: Sendable, Hashable {
    /// The canonical name, as claims hold it.
    public var name: String
    /// What it names.
    public var kind: EntityKind
    /// Other ways the text names it; role phrases start with a lowercase letter.
    public var aliases: [String]

    /// Creates an entry.
    public init(name: String, kind: EntityKind, aliases: [String] = []) {
      self.name = name
      self.kind = kind
      self.aliases = aliases
    }
  }

  /// How one alias word must be written in the text.
  enum CaseRule: UInt8, Sendable { case any, capitalized, exact }

  /// One alias, as token keys.
  struct Pattern: Sendable {
    var keys: [String]
    var rules: [CaseRule]
    var entry: Int
    var isRole: Bool
  }

  /// The entries, in file order.
  public private(set) var entries: [Entry] = []
  /// What one token key leads to: the aliases that start with it (entities' and topics',
  /// longest first) and its entry in the rules' vocabulary.
  struct Patterns: Sendable {
    var entity: [Pattern] = []
    var topic: [Pattern] = []
    /// Cues that name a topic only in a document already about it (`context:` lines).
    var context: [Pattern] = []
    /// The key's id in the rules' vocabulary, or -1.
    var word: Int32 = -1
    /// The key's classes in the rules' vocabulary.
    var classes: WordClass = []
  }

  /// Slots in `patterns` by token key: one look-up per token finds its patterns of every kind
  /// and its vocabulary entry. Every vocabulary word has a slot from the start.
  var index: [String: Int32] = Lexicon.vocabularySlots.index
  /// The slots.
  var patterns: [Patterns] = Lexicon.vocabularySlots.patterns

  /// A slot for each word of the rules' vocabulary.
  static let vocabularySlots: (index: [String: Int32], patterns: [Patterns]) = {
    var index: [String: Int32] = [:]
    var patterns: [Patterns] = []
    for (key, entry) in Vocabulary.table.sorted(by: { $0.value.id < $1.value.id }) {
      index[key] = Int32(patterns.count)
      patterns.append(Patterns(word: entry.id, classes: entry.classes))
    }
    return (index, patterns)
  }()

  /// The slot for `key`, made when there is none.
  mutating func slot(_ key: String) -> Int {
    if let slot = index[key] { return Int(slot) }
    index[key] = Int32(patterns.count)
    patterns.append(Patterns())
    return patterns.count - 1
  }
  /// Entry indices by lowercased name or alias.
  var byName: [String: [Int]] = [:]
  /// Broader topics by topic name: `Tomahawk` → `military aid`.
  public private(set) var broader: [String: [String]] = [:]

  /// An empty lexicon.
  public init() {}

  /// A lexicon of `entries`.
  public init(entries: [Entry]) {
    for e in entries { add(e) }
  }

  /// Adds an entry; a second entry with the same name and kind merges its aliases.
  public mutating func add(_ entry: Entry) {
    let index: Int
    if let existing = byName[entry.name.lowercased()]?.first(where: { entries[$0].kind == entry.kind && entries[$0].name == entry.name }) {
      index = existing
      entries[index].aliases += entry.aliases
    } else {
      index = entries.count
      entries.append(entry)
      register(entry.name, entry: index)
    }
    for alias in entry.aliases { register(alias, entry: index) }
  }

  private mutating func register(_ alias: String, entry: Int) {
    let tokens = Tokenizer.tokens(in: Array(alias.utf8))
    guard !tokens.isEmpty else { return }
    let rules: [CaseRule] = tokens.map { t in
      t.kind != .word ? .any : t.isAllCaps ? .exact : t.isCapitalized ? .capitalized : .any
    }
    let isRole = alias.first.map { $0.isLowercase } ?? false
    let pattern = Pattern(keys: tokens.map(\.key), rules: rules, entry: entry, isRole: isRole)
    let slot = slot(pattern.keys[0])
    if entries[entry].kind == .topic {
      patterns[slot].topic.append(pattern)
      patterns[slot].topic.sort { $0.keys.count > $1.keys.count }
    } else {
      patterns[slot].entity.append(pattern)
      patterns[slot].entity.sort { $0.keys.count > $1.keys.count }
    }
    let key = alias.lowercased().replacingApostrophes()
    if !(byName[key]?.contains(entry) ?? false) { byName[key, default: []].append(entry) }
  }

  /// Records that claims about `topic` are also about `broader` (`Tomahawk` → `military aid`).
  /// Adds `cues` for `topic` (creating the topic if the lexicon lacks it): words that name the
  /// topic only in a document already about it ("talks" in an article on the peace talks).
  public mutating func addContext(_ topic: String, cues: [String]) {
    let entry: Int
    if let existing = byName[topic.lowercased()]?.first(where: { entries[$0].kind == .topic }) {
      entry = existing
    } else {
      entry = entries.count
      add(Entry(name: topic, kind: .topic))
    }
    for cue in cues {
      let tokens = Tokenizer.tokens(in: Array(cue.utf8))
      guard !tokens.isEmpty else { continue }
      let pattern = Pattern(keys: tokens.map(\.key), rules: tokens.map { _ in .any }, entry: entry, isRole: false)
      patterns[slot(pattern.keys[0])].context.append(pattern)
    }
  }

  public mutating func addBroader(_ topic: String, _ broaderTopic: String) {
    if !(broader[topic]?.contains(broaderTopic) ?? false) { broader[topic, default: []].append(broaderTopic) }
  }

  /// `topic` and every topic broader than it, transitively, in breadth-first order.
  public func withBroader(_ topic: String) -> [String] {
    var out = [topic]
    var i = 0
    while i < out.count {
      for b in broader[out[i]] ?? [] where !out.contains(b) { out.append(b) }
      i += 1
    }
    return out
  }

  /// The first entry of `kind` that a token key (lowercased, straight apostrophes) names.
  func first(_ kind: EntityKind, key: String) -> Entry? {
    guard let found = byName[key]?.first(where: { entries[$0].kind == kind }) else { return nil }
    return entries[found]
  }

  /// The entries named `name` (canonical or alias, any case).
  ///
  ///     lexicon.lookup("zelenskyy").map(\.name)   // ["Zelensky"]
  public func lookup(_ name: String) -> [Entry] {
    (byName[name.lowercased().replacingApostrophes()] ?? []).map { entries[$0] }
  }

  /// The canonical name for `name`, or nil when the lexicon does not know it.
  public func canonicalName(_ name: String) -> String? {
    lookup(name).first?.name
  }
}

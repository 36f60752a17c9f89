import Foundation

/// Claims from different documents that report the same event, grouped into stories.
///
/// Documents are compared first: each is a vector of what its claims name (actors and topics,
/// weighed double) and the content words of their texts, weighted by tf-idf and normalised.
/// Two documents dated more than a week apart never share a story; two others are similar when
/// their cosine similarity is at least `threshold`. Similar pairs join their groups, strongest
/// first, when at least half the pairs across the two groups are similar (so one similar pair
/// does not chain two events together) and the story stays under `maxDocuments`. Features that
/// more than `maxDocumentFrequency` documents share say nothing about which event, and are not
/// compared. A story is a group of two or more documents; its claims are those of its
/// documents that name something at least two of its documents name (its core): an actor or
/// topic, or two words. Its title is the claim that names most of the core.
///
///     let stories = StoryClusters.build(corpus.columns)!
///     stories.stories[0].rows   // the claim rows of the biggest story
public struct StoryClusters: Sendable {
  /// One story.
  public struct Story: Sendable {
    /// Its claims' rows, in order.
    public var rows: [Int32]
    /// Its documents, by their code in the `doc` column, in order of first claim.
    public var docs: [Int32]
    /// The row of its most central claim.
    public var title: Int32
  }

  /// No stories.
  public init() {}

  /// The stories, biggest first (documents, then claims), then in the order of their first claim.
  public var stories: [Story] = []
  /// Each claim row's story (an index into `stories`), or -1.
  public var storyOfRow: [Int32] = []

  /// The cosine similarity from which two documents report one event.
  public static let threshold: Float = 0.2
  /// The most documents one story may gather.
  public static let maxDocuments = 40
  /// The most documents a compared feature may occur in.
  public static let maxDocumentFrequency = 60
  /// The share of similar pairs two groups of documents need to become one story.
  public static let minimumLinkDensity = 0.5
  /// The most days between two documents of one story.
  public static let maxDays: Int32 = 7

  /// The stories of the claims in `columns`; nil when `stop` says to stop (it is asked every
  /// few thousand claims and documents).
  public static func build(_ columns: ClaimColumns, stop: () -> Bool = { false }) -> StoryClusters? {
    let n = columns.count
    var result = StoryClusters()
    result.storyOfRow = [Int32](repeating: -1, count: n)
    guard n > 0 else { return result }
    let entitySlots = [ClaimFieldName.actor, .topic].compactMap(ClaimSchema.listSlot)
    let docCodes = columns.string(.doc).codes
    let docCount = (docCodes.max().map { Int($0) } ?? -1) + 1
    guard docCount > 1 else { return result }

    // each document's features with their counts, and its first day
    var counts = [[UInt64: Float]](repeating: [:], count: docCount)
    var days = [Int32](repeating: ClaimColumns.noDate, count: docCount)
    for row in 0..<n {
      if row & 4095 == 0, stop() { return nil }
      let d = Int(docCodes[row])
      guard d >= 0 else { continue }
      StoryFeatures.row(row, columns, entitySlots: entitySlots) { counts[d][$0, default: 0] += 1 }
      let day = columns.dates[row]
      if day != ClaimColumns.noDate && (days[d] == ClaimColumns.noDate || day < days[d]) { days[d] = day }
    }
    var frequency: [UInt64: Int32] = [:]
    for c in counts { for f in c.keys { frequency[f, default: 0] += 1 } }
    // tf-idf vectors, normalised; postings of the features worth comparing
    var postings: [UInt64: [(doc: Int32, weight: Float)]] = [:]
    var vectors = [[(feature: UInt64, weight: Float)]](repeating: [], count: docCount)
    for d in 0..<docCount {
      var v = counts[d].map { f, tf -> (feature: UInt64, weight: Float) in
        let idf = Float(log(1 + Double(docCount) / Double(frequency[f]!)))
        return (f, (1 + log(tf)) * idf * (StoryFeatures.isEntity(f) ? 2 : 1))
      }
      // in feature order: sums of floats then come out the same in every run (a dictionary's
      // order changes from process to process)
      v.sort { $0.feature < $1.feature }
      let norm = v.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
      guard norm > 0 else { continue }
      for k in v.indices { v[k].weight /= norm }
      vectors[d] = v
      for (f, w) in v where (2...maxDocumentFrequency).contains(Int(frequency[f]!)) { postings[f, default: []].append((Int32(d), w)) }
    }
    counts = []
    // every pair of documents similar enough, by accumulating the products of shared features
    var links: [(a: Int32, b: Int32, similarity: Float)] = []
    var score = [Float](repeating: 0, count: docCount)
    var touched: [Int] = []
    for a in 0..<docCount {
      if a & 1023 == 0, stop() { return nil }
      for (f, w) in vectors[a] {
        guard let list = postings[f] else { continue }
        for (b, wb) in list where Int(b) > a {
          if score[Int(b)] == 0 { touched.append(Int(b)) }
          score[Int(b)] += w * wb
        }
      }
      for b in touched {
        let near = days[a] == ClaimColumns.noDate || days[b] == ClaimColumns.noDate || abs(days[a] - days[b]) <= maxDays
        if score[b] >= threshold && near { links.append((Int32(a), Int32(b), score[b])) }
        score[b] = 0
      }
      touched.removeAll(keepingCapacity: true)
    }
    // strongest links first, groups kept under the size limit
    links.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : ($0.a, $0.b) < ($1.a, $1.b) }
    var groups = UnionFind(docCount)
    let linked = Set(links.map { UInt64(UInt32($0.a)) << 32 | UInt64(UInt32($0.b)) })
    var groupMembers = (0..<docCount).map { [Int32($0)] }
    for link in links {
      let (ra, rb) = (groups.find(Int(link.a)), groups.find(Int(link.b)))
      guard ra != rb, groupMembers[ra].count + groupMembers[rb].count <= maxDocuments else { continue }
      // two groups become one story only when most of their pairs are similar (average
      // linkage, by count): one similar pair must not chain two events together
      var pairs = 0
      for x in groupMembers[ra] {
        for y in groupMembers[rb] where linked.contains(UInt64(UInt32(min(x, y))) << 32 | UInt64(UInt32(max(x, y)))) { pairs += 1 }
      }
      guard Double(pairs) >= minimumLinkDensity * Double(groupMembers[ra].count * groupMembers[rb].count) else { continue }
      groups.union(ra, rb, limit: maxDocuments)
      let root = groups.find(ra)
      groupMembers[root] = groupMembers[ra] + groupMembers[rb]
      groupMembers[root == ra ? rb : ra] = []
    }
    // stories: groups of two or more documents, with their core features
    var members: [Int: [Int32]] = [:]
    for d in 0..<docCount where groups.size(of: d) >= 2 { members[groups.find(d), default: []].append(Int32(d)) }
    var storyOfDoc = [Int32](repeating: -1, count: docCount)
    var cores: [[UInt64: Float]] = []
    for (_, docs) in members.sorted(by: { $0.value[0] < $1.value[0] }) {
      var seen: [UInt64: (docs: Int, weight: Float)] = [:]
      for d in docs { for (f, w) in vectors[Int(d)] { seen[f, default: (0, 0)].docs += 1; seen[f]!.weight += w } }
      var core: [UInt64: Float] = [:]
      for (f, s) in seen where s.docs >= 2 { core[f] = s.weight }
      for d in docs { storyOfDoc[Int(d)] = Int32(cores.count) }
      cores.append(core)
    }
    guard !cores.isEmpty else { return result }
    // each claim of a story's documents that names its core
    var rows = [[Int32]](repeating: [], count: cores.count)
    var docOrder = [[Int32]](repeating: [], count: cores.count)
    var best = [(row: Int32, score: Float)](repeating: (-1, -1), count: cores.count)
    for row in 0..<n {
      if row & 4095 == 0, stop() { return nil }
      let d = Int(docCodes[row])
      guard d >= 0, storyOfDoc[d] >= 0 else { continue }
      let s = Int(storyOfDoc[d])
      var entities = 0, words = 0
      var weight: Float = 0
      var named = Set<UInt64>()
      StoryFeatures.row(row, columns, entitySlots: entitySlots) { f in
        guard let w = cores[s][f], named.insert(f).inserted else { return }
        if StoryFeatures.isEntity(f) { entities += 1 } else { words += 1 }
        weight += w
      }
      guard entities >= 1 || words >= 2 else { continue }
      rows[s].append(Int32(row))
      if !docOrder[s].contains(Int32(d)) { docOrder[s].append(Int32(d)) }
      if weight > best[s].score { best[s] = (Int32(row), weight) }
    }
    var stories = (0..<cores.count).compactMap { s -> Story? in
      docOrder[s].count >= 2 ? Story(rows: rows[s], docs: docOrder[s], title: best[s].row) : nil
    }
    stories.sort { a, b in
      if a.docs.count != b.docs.count { return a.docs.count > b.docs.count }
      if a.rows.count != b.rows.count { return a.rows.count > b.rows.count }
      return a.rows[0] < b.rows[0]
    }
    for (s, story) in stories.enumerated() { for row in story.rows { result.storyOfRow[Int(row)] = Int32(s) } }
    result.stories = stories
    return result
  }
}

/// Disjoint sets of documents, merged by links while a set stays under a size limit.
struct UnionFind {
  private var parent: [Int]
  private var sizes: [Int]

  init(_ count: Int) {
    parent = Array(0..<count)
    sizes = [Int](repeating: 1, count: count)
  }

  mutating func find(_ x: Int) -> Int {
    var root = x
    while parent[root] != root { root = parent[root] }
    var y = x
    while parent[y] != root { (parent[y], y) = (root, parent[y]) }
    return root
  }

  /// The size of the set holding `x`.
  mutating func size(of x: Int) -> Int { sizes[find(x)] }

  /// Merges the sets of `a` and `b` unless the merged set would hold more than `limit`.
  mutating func union(_ a: Int, _ b: Int, limit: Int) {
    let (ra, rb) = (find(a), find(b))
    guard ra != rb, sizes[ra] + sizes[rb] <= limit else { return }
    let (big, small) = sizes[ra] >= sizes[rb] ? (ra, rb) : (rb, ra)
    parent[small] = big
    sizes[big] += sizes[small]
  }
}

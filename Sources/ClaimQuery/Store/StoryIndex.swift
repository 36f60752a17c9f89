import ClaimCorpus
import Synchronization

/// The claims' stories, worked out the first time a query needs them (`story`, `stories`,
/// `citations`, `.story`) and then kept, shared by an engine's copies: a corpus whose stories
/// are never asked for never pays for them.
final class StoryIndex: Sendable {
  private let columns: ClaimColumns
  /// The stories and each row's story id (1 for the first story, 0 for none), once built.
  private let built = Mutex<(clusters: StoryClusters, ids: [Int32])?>(nil)

  init(columns: ClaimColumns) { self.columns = columns }

  /// The stories, built now if they were not yet; `cancellation` stops the building (Ctrl-C,
  /// `.timeout`), which is then left for the next query to do.
  func clusters(_ cancellation: Cancellation?, at range: SourceRange? = nil) throws(Diagnostic) -> StoryClusters {
    try stories(cancellation, at: range).clusters
  }

  /// The stories and each row's story id, built once (see `clusters(_:at:)`).
  private func stories(_ cancellation: Cancellation?, at range: SourceRange? = nil) throws(Diagnostic) -> (
    clusters: StoryClusters, ids: [Int32]
  ) {
    let result = built.withLock { built -> (clusters: StoryClusters, ids: [Int32])? in
      if built == nil, let clusters = StoryClusters.build(columns, stop: { cancellation?.shouldStop ?? false }) {
        built = (clusters, clusters.storyOfRow.map { $0 + 1 })
      }
      return built
    }
    guard let result else {
      try cancellation?.check(at: range)
      throw Diagnostic(.interrupted, "interrupted", at: range ?? SourceRange(start: 0, end: 0))
    }
    return result
  }

  /// Whether the stories are built (a stopped building leaves them to the next query).
  var isBuilt: Bool { built.withLock { $0 != nil } }

  /// The stories, built now without a way to stop (they are, once a query has named `story`).
  var clusters: StoryClusters { (try? stories(nil))!.clusters }

  /// Each claim row's story id (1 for the first story), 0 for none; worked out once.
  func ids(_ cancellation: Cancellation?) throws(Diagnostic) -> [Int32] { try stories(cancellation).ids }

  /// The same, built without a way to stop.
  var ids: [Int32] { (try? stories(nil))!.ids }
}

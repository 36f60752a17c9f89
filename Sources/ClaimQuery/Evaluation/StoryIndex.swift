import ClaimCorpus
import Synchronization

/// The claims' stories, worked out the first time a query needs them (`story`, `stories`,
/// `citations`, `.story`) and then kept, shared by an engine's copies: a corpus whose stories
/// are never asked for never pays for them.
final class StoryIndex: Sendable {
  private let columns: ClaimColumns
  private let built = Mutex<StoryClusters?>(nil)

  init(columns: ClaimColumns) { self.columns = columns }

  /// The stories, built now if they were not yet; `cancellation` stops the building (Ctrl-C,
  /// `.timeout`), which is then left for the next query to do.
  func clusters(_ cancellation: Cancellation?, at range: SourceRange? = nil) throws(Diagnostic) -> StoryClusters {
    let result = built.withLock { clusters -> StoryClusters? in
      if clusters == nil { clusters = StoryClusters.build(columns) { cancellation?.shouldStop ?? false } }
      return clusters
    }
    guard let result else {
      try cancellation?.check(at: range)
      throw Diagnostic(.interrupted, "interrupted", at: range ?? SourceRange(start: 0, end: 0))
    }
    return result
  }

  /// The stories, built now without a way to stop (they are, once a query has named `story`).
  var clusters: StoryClusters {
    built.withLock { clusters in
      if clusters == nil { clusters = StoryClusters.build(columns) }
      return clusters!
    }
  }

  /// Each claim row's story id (1 for the first story), 0 for none.
  func ids(_ cancellation: Cancellation?) throws(Diagnostic) -> [Int32] { try clusters(cancellation).storyOfRow.map { $0 + 1 } }
}

import ClaimCorpus
import Synchronization

/// The claims' stories, worked out the first time a query needs them (`story`, `stories`,
/// `citations`, `.story`) and then kept, shared by an engine's copies: a corpus whose stories
/// are never asked for never pays for them.
final class StoryIndex: Sendable {
  private let columns: ClaimColumns
  private let built = Mutex<StoryClusters?>(nil)

  init(columns: ClaimColumns) { self.columns = columns }

  /// The stories, built now if they were not yet.
  var clusters: StoryClusters {
    built.withLock { clusters in
      if clusters == nil { clusters = StoryClusters.build(columns) }
      return clusters!
    }
  }

  /// Each claim row's story id (1 for the first story), 0 for none.
  var ids: [Int32] { clusters.storyOfRow.map { $0 + 1 } }
}

import Synchronization

/// A flag the shell sets (Ctrl-C) and the evaluator polls between batches of rows.
public final class Cancellation: Sendable {
  private let flag = Atomic<Bool>(false)

  /// A flag, not set.
  public init() {}

  /// Asks the running query to stop.
  public func cancel() { flag.store(true, ordering: .relaxed) }

  /// Clears the flag before the next query.
  public func reset() { flag.store(false, ordering: .relaxed) }

  /// Whether a stop was asked for.
  public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

import Synchronization

/// The warnings one statement gives while it is planned (a value the corpus lacks), kept apart
/// from the errors that stop it: the statement runs, and its warnings are reported before its
/// result. A plan made twice (a fast path tried, then the general one) warns once.
final class WarningLog: Sendable {
  private let items = Mutex<[Diagnostic]>([])

  /// Records `warning` unless the same one is recorded already.
  func add(_ warning: Diagnostic) {
    var w = warning
    w.severity = .warning
    items.withLock { list in if !list.contains(w) { list.append(w) } }
  }

  /// The warnings recorded since the last call, in order; the log is empty after.
  func take() -> [Diagnostic] {
    items.withLock { list in
      defer { list = [] }
      return list
    }
  }
}

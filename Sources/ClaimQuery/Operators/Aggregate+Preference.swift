extension Aggregate.Function {
  /// For `min` and `max`: whether a group keeps `candidate` over `current` (ranks, day numbers);
  /// a tie keeps the current one.
  @inline(__always) func prefers<T: Comparable>(_ candidate: T, over current: T) -> Bool {
    self == .min ? candidate < current : candidate > current
  }
}

import Dispatch

/// Results written from several threads, each slot by one thread only.
private final class Slots<R>: @unchecked Sendable {
  var results: [R?]
  init(_ n: Int) { results = Array(repeating: nil, count: n) }
}

/// Maps `items` on every core, keeping the order.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
  if items.count < 2 { return items.map(transform) }
  let slots = Slots<R>(items.count)
  slots.results.withUnsafeMutableBufferPointer { buffer in
    nonisolated(unsafe) let out = buffer
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
      out[i] = transform(items[i])
    }
  }
  return slots.results.map { $0! }
}

import Dispatch
import Foundation

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

/// Results finished out of order, waiting for those before them.
private final class InOrder<R>: @unchecked Sendable {
  let lock = NSLock()
  var waiting: [Int: R] = [:]
  var next = 0
  var consuming = false
}

/// Maps `items` on every core and hands each result to `consume` in order, as soon as it and
/// every result before it are done: consuming overlaps with mapping, and `consume` runs on one
/// thread at a time.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R, inOrder consume: (R) -> Void) {
  let state = InOrder<R>()
  withoutActuallyEscaping(consume) { consume in
    nonisolated(unsafe) let consume = consume
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
      let result = transform(items[i])
      state.lock.lock()
      state.waiting[i] = result
      // one thread consumes at a time; the others go back to mapping
      guard !state.consuming else { return state.lock.unlock() }
      state.consuming = true
      while let ready = state.waiting.removeValue(forKey: state.next) {
        state.next += 1
        state.lock.unlock()
        consume(ready)
        state.lock.lock()
      }
      state.consuming = false
      state.lock.unlock()
    }
  }
}

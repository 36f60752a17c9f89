import Glibc
import Synchronization

/// How a running statement is stopped: Ctrl-C (`cancel()`, from a signal handler) or its time
/// limit (`start(timeLimit:)`). Every operator polls it, through `poll` every 1,024 rows and
/// `check` between stages, and a regular expression polls it while it matches, so a statement
/// stops within milliseconds of either, however it is planned.
public final class Cancellation: Sendable {
  private let flag = Atomic<Bool>(false)
  /// When the time limit runs out, in `CLOCK_MONOTONIC` nanoseconds; 0 for no limit.
  private let deadline = Atomic<UInt64>(0)
  /// The time limit, in nanoseconds, for the message.
  private let limitNanoseconds = Atomic<Int>(0)

  /// A flag, not set, with no time limit.
  public init() {}

  /// Asks the running statement to stop (async-signal-safe: one atomic store).
  public func cancel() { flag.store(true, ordering: .relaxed) }

  /// Clears the flag before the next statement, which may run for at most `timeLimit` seconds.
  public func start(timeLimit: Double? = nil) {
    flag.store(false, ordering: .relaxed)
    if let timeLimit, timeLimit > 0 {
      let nanoseconds = timeLimit < 1e9 ? max(1, Int((timeLimit * 1e9).rounded())) : Int(1e18)
      limitNanoseconds.store(nanoseconds, ordering: .relaxed)
      deadline.store(Self.now() &+ UInt64(nanoseconds), ordering: .relaxed)
    } else {
      deadline.store(0, ordering: .relaxed)
    }
  }

  /// Clears the flag; no time limit.
  public func reset() { start(timeLimit: nil) }

  /// Whether the statement was cancelled (Ctrl-C).
  public var isCancelled: Bool { flag.load(ordering: .relaxed) }

  /// Whether the statement ran past its time limit.
  public var isPastDeadline: Bool {
    let d = deadline.load(ordering: .relaxed)
    return d != 0 && Self.now() >= d
  }

  /// Whether the statement must stop, for either reason.
  public var shouldStop: Bool { isCancelled || isPastDeadline }

  /// Throws when the statement must stop: `interrupted` for Ctrl-C, `timedOut` for the limit.
  func check(at range: SourceRange?) throws(Diagnostic) {
    let at = range ?? SourceRange(start: 0, end: 0)
    if isCancelled { throw Diagnostic(.interrupted, "interrupted", at: at) }
    if isPastDeadline {
      let limit = Self.seconds(nanoseconds: limitNanoseconds.load(ordering: .relaxed))
      throw Diagnostic(.timedOut, "the statement ran past its time limit of \(limit) s (.timeout)", at: at)
    }
  }

  /// `nanoseconds` as seconds written out in decimals, as a user typed them ("0.2", "0.000001", "30").
  public static func seconds(nanoseconds n: Int) -> String {
    let (whole, fraction) = n.quotientAndRemainder(dividingBy: 1_000_000_000)
    guard fraction != 0 else { return String(whole) }
    var digits = String(repeating: "0", count: 9 - String(fraction).count) + String(fraction)
    while digits.hasSuffix("0") { digits.removeLast() }
    return "\(whole).\(digits)"
  }

  static func now() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
  }
}

extension Cancellation? {
  /// Throws when the statement must stop.
  @inline(__always) func check(at range: SourceRange?) throws(Diagnostic) {
    if let c = self { try c.check(at: range) }
  }

  /// `check` once every 1,024 turns of a loop counted by `k`.
  @inline(__always) func poll(_ k: Int, at range: SourceRange?) throws(Diagnostic) {
    if k & 0x3FF == 0, let c = self { try c.check(at: range) }
  }

  /// Whether the statement must stop (for loops that cannot throw: they stop, and the caller checks).
  @inline(__always) var shouldStop: Bool { self?.shouldStop ?? false }
}

import ClaimQuery
import Glibc
import Synchronization

/// Signals: Ctrl-C abandons the line being typed, or cancels the running statement (every
/// operator polls `cancellation`); it never ends an interactive shell. Ctrl-\ (SIGQUIT), SIGTERM
/// and SIGHUP end the process at once, as they do sqlite3: their default actions are restored
/// and unblocked, so no handler left by the runtime or libedit can hold the process. A resize
/// (SIGWINCH) is noted, and the next table is laid out to the new width.
enum Interrupts {
  /// Set when Ctrl-C ended a `readLine`.
  static let lineInterrupted = Atomic<Bool>(false)
  /// The running statement's flag and time limit.
  static let cancellation = Cancellation()
  /// Set when the terminal was resized, cleared when the width is read again.
  static let resized = Atomic<Bool>(false)
  /// The pipe Ctrl-C writes a byte to, so that a wait for a key wakes even when the Ctrl-C came
  /// just before the wait began (a flag alone would be seen only after the next key); -1 until
  /// `install` opens it.
  static let wakeRead = Atomic<Int32>(-1)
  private static let wakeWrite = Atomic<Int32>(-1)

  /// Installs the handlers: SIGINT only in an interactive session (a script keeps the default,
  /// so Ctrl-C ends it), the others always.
  static func install(interactive: Bool) {
    if interactive {
      var ends: [Int32] = [0, 0]
      if pipe(&ends) == 0 {
        for end in ends {
          _ = fcntl(end, F_SETFL, O_NONBLOCK)
          _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakeRead.store(ends[0], ordering: .relaxed)
        wakeWrite.store(ends[1], ordering: .relaxed)
      }
      handle(SIGINT, restart: false) { _ in
        Interrupts.lineInterrupted.store(true, ordering: .relaxed)
        Interrupts.cancellation.cancel()
        let fd = Interrupts.wakeWrite.load(ordering: .relaxed)
        var byte: UInt8 = 1
        if fd >= 0 { _ = write(fd, &byte, 1) }  // async-signal-safe; a full pipe is awake already
      }
    }
    handle(SIGWINCH, restart: true) { _ in Interrupts.resized.store(true, ordering: .relaxed) }
    for signal in [SIGQUIT, SIGTERM, SIGHUP] { _ = Glibc.signal(signal, SIG_DFL) }
    // a parent may have started us with these blocked; they must reach their handlers
    var set = sigset_t()
    sigemptyset(&set)
    for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&set, signal) }
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }

  /// Forgets the Ctrl-Cs that came before a new line is read (one that ended a statement).
  static func clearLineInterrupt() {
    lineInterrupted.store(false, ordering: .relaxed)
    let fd = wakeRead.load(ordering: .relaxed)
    var bytes = (UInt64(0), UInt64(0))
    while fd >= 0, withUnsafeMutableBytes(of: &bytes, { read(fd, $0.baseAddress, $0.count) }) > 0 {}
  }

  /// Whether the terminal was resized since the last call.
  static func takeResize() -> Bool { resized.exchange(false, ordering: .relaxed) }

  /// Installs `handler`; without `restart`, a blocking read the signal interrupts returns (so
  /// Ctrl-C ends libedit's wait for a line).
  private static func handle(_ signal: Int32, restart: Bool, _ handler: @convention(c) (Int32) -> Void) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = restart ? SA_RESTART : 0
    sigaction(signal, &action, nil)
  }
}

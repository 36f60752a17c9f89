import ClaimQuery
import Glibc
import Synchronization

/// Ctrl-C in the interactive shell: it abandons the line being typed, or cancels the running
/// query (the evaluator polls `cancellation`); it never ends the shell.
enum Interrupts {
  /// Set when Ctrl-C ended a `readLine`.
  static let lineInterrupted = Atomic<Bool>(false)
  /// The running query's flag.
  static let cancellation = Cancellation()

  /// Installs the SIGINT handler (interactive sessions only; scripts keep the default).
  static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
      Interrupts.lineInterrupted.store(true, ordering: .relaxed)
      Interrupts.cancellation.cancel()
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
    // a parent may have started us with SIGINT blocked; Ctrl-C must reach the handler
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }
}

// A session for tests, whose results and errors are kept as text.
@testable import ClaimShell
import ClaimQuery

/// What a session wrote: results in `out`, errors and warnings (each line ended) in `err`.
final class Capture: @unchecked Sendable {
  var out = ""
  var err = ""
}

/// A session over `corpus` that writes results in `mode` to a `Capture`.
func capturedSession(_ corpus: Corpus, mode: RenderSpec.Mode = .csv) -> (Session, Capture) {
  let capture = Capture()
  let s = Session(corpus: corpus, spec: RenderSpec(mode: mode), out: { capture.out += $0 }, err: { capture.err += $0 + "\n" })
  return (s, capture)
}

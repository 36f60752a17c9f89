// A libFuzzer target over whole scripts against the seeds: each input is a script of
// statements and dot-commands, lexed, parsed, evaluated and rendered through the shell's
// session. Its first byte picks the output mode and width. `make fuzz` builds it with
// `-sanitize=fuzzer,address -DFUZZING`; built plainly, it runs the files it is given, so a
// crash that the fuzzer saved replays without the sanitizer.
import ClaimCorpus
import ClaimQuery
import ClaimShell
import Foundation
import FuzzSupport

/// The seeds (`$CLAIMSH_SEEDS`, else `seeds`), loaded once, and one engine over them that
/// every input's session starts from.
let seeds = QueryEngine(
  corpus: CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon)
    .load(paths: [ProcessInfo.processInfo.environment["CLAIMSH_SEEDS"] ?? "seeds"]))

/// Runs one input: byte 0 picks the mode (low bits) and whether tables fit a width (high bit);
/// the rest is the script. Files are out of reach (`--safe`); each statement may run 1 s.
func runScript(_ input: UnsafeRawBufferPointer) {
  guard let first = input.first else { return }
  let modes = RenderSpec.Mode.allCases
  let width = first & 0x80 == 0 ? nil : Int(first & 0x3F) + 8
  let spec = RenderSpec(mode: modes[Int(first & 0x07) % modes.count], width: width, maxRows: width == nil ? nil : 40, bars: width != nil)
  let session = Session(engine: seeds, spec: spec, out: { _ in }, err: { _ in })  // rendered, then dropped
  session.safe = true
  session.timeout = 1
  session.runScript(String(decoding: input.dropFirst(), as: UTF8.self), file: "fuzz.cq")
}

@main enum FuzzTarget {
  static func main() { FuzzDriver.main(verb: "ran", runScript) }
}

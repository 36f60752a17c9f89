// A libFuzzer target over whole scripts against the seeds: each input is a script of
// statements and dot-commands, lexed, parsed, evaluated and rendered through the shell's
// session. Its first byte picks the output mode and width. `make fuzz` builds it with
// `-sanitize=fuzzer,address -DFUZZING`; built plainly, it runs the files it is given, so a
// crash that the fuzzer saved replays without the sanitizer.
import ClaimCorpus
import ClaimQuery
import ClaimShell
import Foundation

/// The seeds (`$CLAIMSH_SEEDS`, else `seeds`), loaded once, and one engine over them that
/// every input's session starts from.
let seeds = QueryEngine(corpus: CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon)
  .load(paths: [ProcessInfo.processInfo.environment["CLAIMSH_SEEDS"] ?? "seeds"]))

/// Runs one input: byte 0 picks the mode (low bits) and whether tables fit a width (high bit);
/// the rest is the script. Files are out of reach (`--safe`); each statement may run 1 s.
func runScript(_ input: UnsafeRawBufferPointer) {
  guard let first = input.first else { return }
  let modes = RenderSpec.Mode.allCases
  let width = first & 0x80 == 0 ? nil : Int(first & 0x3F) + 8
  let spec = RenderSpec(mode: modes[Int(first & 0x07) % modes.count], width: width, maxRows: width == nil ? nil : 40, bars: width != nil)
  var written = 0
  let session = Session(engine: seeds, spec: spec, out: { written &+= $0.utf8.count }, err: { written &+= $0.utf8.count })
  session.safe = true
  session.timeout = 1
  session.runScript(String(decoding: input.dropFirst(), as: UTF8.self), file: "fuzz.cq")
  precondition(written >= 0)
}

@main enum FuzzTarget {
  static func main() {
    #if FUZZING
    // SwiftPM links an executable with its module's entry point as `main`, so libFuzzer's own
    // `main` is not the one that runs: its driver is called here instead.
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(libFuzzerDriver(&argc, &argv, fuzzOne))
    #else
    // without the fuzzer: each file named on the command line, as libFuzzer replays a crash
    for path in CommandLine.arguments.dropFirst() {
      guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(2)
      }
      data.withUnsafeBytes(runScript)
      print("ran \(path)")
    }
    #endif
  }
}

#if FUZZING
/// One input, as libFuzzer calls it.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafeRawPointer?, _ count: Int) -> CInt {
  runScript(UnsafeRawBufferPointer(start: data, count: count))
  return 0
}

/// libFuzzer's `LLVMFuzzerRunDriver` (in the runtime that `-sanitize=fuzzer` links).
@_silgen_name("LLVMFuzzerRunDriver")
func libFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ test: @convention(c) (UnsafeRawPointer?, Int) -> CInt
) -> CInt
#endif

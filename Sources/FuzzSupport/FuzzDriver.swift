// What the two libFuzzer targets share: the entry point that hands one input at a time to a
// target's test, through libFuzzer when built for fuzzing (`make fuzz`, `-DFUZZING`), else
// from the files named on the command line, so that a saved crash replays without the
// sanitizer.
import Foundation

/// Runs a fuzz target's test over its inputs.
public enum FuzzDriver {
  /// The target's test, for the C entry point libFuzzer calls.
  nonisolated(unsafe) static var test: (UnsafeRawBufferPointer) -> Void = { _ in }

  /// Runs `test` on every input, then exits; `verb` says what was done with a replayed file.
  public static func main(verb: String, _ test: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
    Self.test = test
    #if FUZZING
      // SwiftPM links an executable with its module's entry point as `main`, so libFuzzer's own
      // `main` is not the one that runs: its driver is called here instead.
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(libFuzzerDriver(&argc, &argv, fuzzOne))
    #else
      for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
          exit(2)
        }
        data.withUnsafeBytes(test)
        print("\(verb) \(path)")
      }
      exit(0)
    #endif
  }
}

#if FUZZING
  /// One input, as libFuzzer calls it.
  @_cdecl("LLVMFuzzerTestOneInput")
  func fuzzOne(_ data: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzDriver.test(UnsafeRawBufferPointer(start: data, count: count))
    return 0
  }

  /// libFuzzer's `LLVMFuzzerRunDriver` (in the runtime that `-sanitize=fuzzer` links).
  @_silgen_name("LLVMFuzzerRunDriver")
  func libFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ test: @convention(c) (UnsafeRawPointer?, Int) -> CInt
  ) -> CInt
#endif

import ClaimQuery
import Foundation

/// `claimsh --corpus - -c claims --mode jsonl`: documents read from standard input as JSON
/// Lines, a window at a time, their claims extracted on every core and written as soon as the
/// window is done, in input order, each document's claims numbered from 0 (`doc` and `id`
/// together name a claim, whichever process extracted it). What Spark's `RDD.pipe`, Hadoop
/// streaming and GNU parallel need: memory bounded by the window, not the stream.
enum StreamExtraction {
  /// Documents extracted together: enough to keep every core busy, few enough to write soon.
  static let window = 16 * ProcessInfo.processInfo.activeProcessorCount

  /// Runs the stream; the exit status.
  static func run(_ options: ShellOptions, lexicon: Lexicon, mode: RenderSpec.Mode) -> ExitStatus {
    guard options.commands.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) == ["claims"], options.file == nil,
      mode == .jsonl || mode == .csv
    else {
      Terminal.error("error: with --corpus -, claimsh extracts a stream of documents: give -c claims --mode jsonl (or csv)")
      return .usage
    }
    guard let stream = DocumentStream(descriptor: dup(0), name: "stdin") else {
      Terminal.error("error: standard input cannot be read")
      return .failure
    }
    let loader = CorpusLoader(lexicon: lexicon)
    let spec = RenderSpec(mode: mode, guardFormulas: options.guardFormulas)
    var first = true
    while true {
      let (documents, warnings) = stream.next(window, maxRecord: loader.maxTextBytes)
      for w in warnings { Terminal.error("warning: \(TerminalSafe.escape(w.description))") }
      if documents.isEmpty { break }
      let claims = loader.claims(of: documents).flatMap { $0 }
      var text = Renderer.render(Table(claims: claims), spec)
      // CSV: one header, at the top
      if mode == .csv, !first, let newline = text.firstIndex(of: "\n") { text = String(text[text.index(after: newline)...]) }
      if !claims.isEmpty || first {
        Terminal.output(text)
        first = false
      }
    }
    return .success
  }
}

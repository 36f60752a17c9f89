import ArgumentParser
import ClaimShell

/// The `claimsh` command line.
struct ClaimshCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "claimsh",
    abstract: "Ask what a pile of news articles claims: who says what, about which topic, on whose authority.",
    version: ClaimshVersion.current
  )

  @Option(name: .long, parsing: .upToNextOption, help: "Files or folders of articles (default: seeds).")
  var corpus: [String] = []

  @Option(name: .long, help: "A lexicon file of entities and topics (default: the built-in one).")
  var lexicon: String?

  @Option(name: .customShort("c"), help: "Run one statement and exit.")
  var command: String?

  @Option(name: .customShort("f"), help: "Run a script file and exit.")
  var file: String?

  @Option(name: .long, help: "Output mode: table, json, jsonl, csv or markdown.")
  var mode: String?

  func run() throws {
    let options = ShellOptions(corpus: corpus.isEmpty ? ["seeds"] : corpus, lexicon: lexicon, command: command, file: file, mode: mode)
    let status = Shell.run(options)
    throw ExitCode(status.rawValue)
  }
}

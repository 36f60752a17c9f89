import ClaimQuery
import Foundation

/// The shell: loads the corpus, then runs `-c`, `-f`, a piped script or the interactive loop.
public enum Shell {
  /// Runs what `options` ask and returns the exit status.
  public static func run(_ options: ShellOptions) -> ExitStatus {
    var lexicon = CorpusLoader.defaultLexicon()
    if let path = options.lexicon {
      let (custom, warnings) = CorpusLoader.lexicon(at: path)
      guard let custom else {
        for w in warnings { Terminal.error("error: \(w)") }
        return .usage
      }
      lexicon = (custom, warnings)
    }
    let modeName = options.mode ?? "table"
    guard let mode = RenderSpec.Mode(rawValue: modeName.lowercased()) else {
      Terminal.error("error: unknown mode '\(modeName)'; expected table, json, jsonl, csv or markdown")
      return .usage
    }
    for w in lexicon.warnings { Terminal.error("warning: \(w)") }
    let corpus = CorpusLoader(lexicon: lexicon.lexicon).load(paths: options.corpus)
    for w in corpus.warnings { Terminal.error("warning: \(w)") }
    var session = Session(engine: QueryEngine(corpus: corpus), spec: RenderSpec(mode: mode, width: Terminal.width() ?? 100))
    if let command = options.command {
      return session.run(command, file: nil)
    }
    if let file = options.file {
      guard let data = FileManager.default.contents(atPath: file) else {
        Terminal.error("error: cannot read \(file)")
        return .usage
      }
      return session.run(String(decoding: data, as: UTF8.self), file: file)
    }
    if isatty(0) != 0 {
      var reader = EditLineReader()
      Terminal.error("claimsh: \(corpus.documents.count) documents, \(corpus.claims.count) claims, \(corpus.warnings.count) warnings. Type .help for help, .quit to leave.")
      var pending = ""
      while let line = reader.readLine(prompt: pending.isEmpty ? "claimsh> " : "   ...> ") {
        if pending.isEmpty {
          let trimmed = line.trimmingCharacters(in: .whitespaces)
          if trimmed.isEmpty { continue }
          if trimmed == ".quit" || trimmed == ".exit" { break }
        }
        pending += (pending.isEmpty ? "" : "\n") + line
        guard Completeness.of(pending).isComplete else { continue }
        reader.addHistory(pending)
        _ = session.run(pending, file: nil)
        pending = ""
      }
      return .success
    }
    let input = FileHandle.standardInput.readDataToEndOfFile()
    return session.run(String(decoding: input, as: UTF8.self), file: "standard input")
  }
}

/// Writes to the terminal's streams.
enum Terminal {
  /// Writes `text` to standard output as it is.
  static func output(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// Writes `text` and a newline to standard error.
  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// The terminal's width in columns, when standard output is a terminal.
  static func width() -> Int? {
    var size = winsize()
    guard isatty(1) != 0, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}

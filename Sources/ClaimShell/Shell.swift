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
    for w in lexicon.warnings { Terminal.error("warning: \(w)") }
    let corpus = CorpusLoader(lexicon: lexicon.lexicon).load(paths: options.corpus)
    for w in corpus.warnings { Terminal.error("warning: \(w)") }
    let mode = options.mode ?? "table"
    guard ["table", "jsonl", "json", "csv", "markdown"].contains(mode) else {
      Terminal.error("error: unknown mode '\(mode)'; expected table, json, jsonl, csv or markdown")
      return .usage
    }
    var session = Session(corpus: corpus, mode: mode)
    if let command = options.command {
      return session.execute(command) ? .success : .failure
    }
    if let file = options.file {
      guard let data = FileManager.default.contents(atPath: file) else {
        Terminal.error("error: cannot read \(file)")
        return .usage
      }
      return session.runScript(String(decoding: data, as: UTF8.self), name: file)
    }
    if isatty(0) != 0 {
      var reader = EditLineReader()
      Terminal.error("claimsh: \(corpus.documents.count) documents, \(corpus.claims.count) claims, \(corpus.warnings.count) warnings. Type .help for help, .quit to leave.")
      while let line = reader.readLine(prompt: "claimsh> ") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { continue }
        reader.addHistory(line)
        if trimmed == ".quit" || trimmed == ".exit" { break }
        _ = session.execute(trimmed)
      }
      return .success
    }
    let input = FileHandle.standardInput.readDataToEndOfFile()
    return session.runScript(String(decoding: input, as: UTF8.self), name: "standard input")
  }
}

/// Writes to standard error.
enum Terminal {
  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}

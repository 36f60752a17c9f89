import ClaimQuery
import Foundation

/// The shell: loads the corpus, then runs `-c`, `-f`, a piped script or the interactive loop.
public enum Shell {
  /// Runs what `options` ask and returns the exit status.
  public static func run(_ options: ShellOptions) -> ExitStatus {
    Terminal.useUTF8Locale()
    var lexicon = CorpusLoader.defaultLexicon()
    if let path = options.lexicon {
      let (custom, warnings) = CorpusLoader.lexicon(at: Paths.expandingTilde(path))
      guard let custom else {
        for w in warnings { Terminal.error("error: \(TerminalSafe.escape(w.description))") }
        return .usage
      }
      lexicon = (custom, warnings)
    }
    let modeName = options.mode ?? "table"
    guard let mode = RenderSpec.Mode(rawValue: modeName.lowercased()) else {
      Terminal.error(
        "error: unknown mode '\(TerminalSafe.escape(modeName))'; expected one of "
          + "\(RenderSpec.Mode.allCases.map(\.rawValue).joined(separator: ", "))"
      )
      return .usage
    }
    if options.corpus == ["-"] { return StreamExtraction.run(options, lexicon: lexicon.lexicon, mode: mode) }
    // a path that is not there is a mistake on the command line, not a corpus with nothing in it
    let missing = options.corpus.filter { !Paths.exists(Paths.expandingTilde($0)) }
    guard missing.isEmpty else {
      for path in missing { Terminal.error("error: --corpus \(TerminalSafe.escape(path)): no such file or folder") }
      return .usage
    }
    for w in lexicon.warnings { Terminal.error("warning: \(TerminalSafe.escape(w.description))") }
    // the SQL needs the lexicon, not the corpus
    if let dialect = options.sql, let command = options.commands.first {
      let session = Session(
        corpus: Corpus(documents: [], claims: [], lexicon: lexicon.lexicon), spec: RenderSpec(mode: mode), out: Terminal.output,
        err: Terminal.error)
      return session.sql(command, dialect: dialect) ? .success : .failure
    }
    let corpus = load(options.corpus.map { Paths.expandingTilde($0) }, lexicon: lexicon.lexicon)
    let interactive = options.commands.isEmpty && options.file == nil && isatty(0) != 0
    // every file refused (a damaged snapshot, binary data): answers over nothing would mislead
    if !interactive && corpus.documents.isEmpty && corpus.claimCount == 0 && !corpus.warnings.isEmpty {
      Terminal.error(
        "error: nothing could be loaded from \(TerminalSafe.escape(options.corpus.joined(separator: " "))); see the warnings above")
      return .failure
    }
    let onTerminal = isatty(1) != 0
    let spec = RenderSpec(
      mode: mode, width: onTerminal ? Terminal.width() ?? 80 : nil, maxRows: onTerminal ? 40 : nil, bars: onTerminal,
      color: onTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil, terminal: onTerminal,
      guardFormulas: options.guardFormulas)
    let session = Session(corpus: corpus, spec: spec, out: Terminal.output, err: Terminal.error)
    session.timeout = options.timeout
    session.safe = options.safe
    session.bail = options.bail
    Interrupts.install(interactive: interactive)
    // the init file runs first, as ~/.sqliterc does: its settings and let names, then the rest
    if options.readInit, let path = initFile(ProcessInfo.processInfo.environment), case .success(let text) = Paths.readText(path) {
      session.runScript(text, file: path)
    }
    if !options.commands.isEmpty {
      return session.runScripts(options.commands) ? .success : .failure
    }
    if let file = options.file {
      switch Paths.readText(Paths.expandingTilde(file)) {
      case .success(let text): return session.runScript(text, file: file) ? .success : .failure
      case .failure(let problem):
        Terminal.error("error: cannot read \(TerminalSafe.escape(file)): \(problem.message)")
        return .usage
      }
    }
    if interactive {
      Terminal.output(
        "claimsh \(ClaimshVersion.current): \(corpus.documents.count) documents, \(corpus.claimCount) claims, "
          + "\(corpus.warnings.count) warnings (\(TerminalSafe.escape(options.corpus.joined(separator: " ")))). Enter .help for help.\n"
      )
      var repl = Repl(session: session, history: History(path: History.defaultPath(ProcessInfo.processInfo.environment)))
      if onTerminal { repl.pager = Pager.fromEnvironment(ProcessInfo.processInfo.environment) }
      repl.run()
      return .success
    }
    let input = FileHandle.standardInput.readDataToEndOfFile()
    return session.runScript(String(decoding: input, as: UTF8.self), file: "standard input") ? .success : .failure
  }

  /// The init file: `$XDG_CONFIG_HOME/claimsh/init.cq` (default `~/.config/claimsh/init.cq`),
  /// when it is there.
  static func initFile(_ environment: [String: String]) -> String? {
    let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
    let path = config + "/claimsh/init.cq"
    return Paths.exists(path) ? path : nil
  }

  /// Loads the corpus, reporting warnings, and progress when standard error is a terminal.
  static func load(_ paths: [String], lexicon: Lexicon) -> Corpus {
    let showProgress = isatty(2) != 0
    var progress: (@Sendable (Int, Int) -> Void)? = nil
    if showProgress {
      progress = { done, total in
        if total >= 200 && (done % 100 == 0 || done == total) { Terminal.progress("reading \(done) of \(total) files…") }
      }
    }
    let corpus = CorpusLoader(lexicon: lexicon).load(paths: paths, progress: progress)
    if showProgress { Terminal.progress(nil) }
    for w in corpus.warnings { Terminal.error("warning: \(TerminalSafe.escape(w.description))") }
    return corpus
  }
}

/// The version `--version` prints.
public enum ClaimshVersion {
  /// `major.minor.patch`.
  public static let current = "0.1.0"
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

  /// Rewrites the progress line on standard error; nil clears it.
  static func progress(_ text: String?) {
    FileHandle.standardError.write(Data(("\r\u{1B}[K" + (text ?? "")).utf8))
  }

  /// Makes libedit read and write UTF-8 (typed "café" and "日本" kept whole): the locale's
  /// character type from the environment, else C.UTF-8 when that is not UTF-8. Only the
  /// character type: numbers and messages stay as they are.
  static func useUTF8Locale() {
    setlocale(LC_CTYPE, "")
    if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
  }

  /// The terminal's width in columns, when standard output is a terminal.
  /// The terminal's height in lines, or nil when standard output is not a terminal.
  static func height() -> Int? {
    var size = winsize()
    guard isatty(1) != 0, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return nil }
    return Int(size.ws_row)
  }

  static func width() -> Int? {
    var size = winsize()
    guard isatty(1) != 0, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}

import ArgumentParser
import ClaimQuery
import ClaimShell

/// The `claimsh` command line.
struct ClaimshCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "claimsh",
    abstract: "Ask what a pile of news articles claims: who says what, about which topic, on whose authority.",
    discussion: """
      Examples:
        claimsh                                  the shell, on seeds/
        claimsh --corpus news/ -c 'claims where actor = "Trump" group by source'
        claimsh --corpus claims.jsonl --mode csv -f examples/stories.cq
        claimsh -c 'stories where outlets >= 3'  stories three outlets carry
        claimsh --sql duckdb -c 'claims group by topic'
        claimsh --corpus news/ -c '.save news.claimsh'

      The init file ($XDG_CONFIG_HOME/claimsh/init.cq, default ~/.config/claimsh/init.cq) runs first \
      unless --no-init is given. In the shell, .help lists the dot-commands.

      Exit status: 0 when every statement ran; 1 when a statement failed (its error is on standard \
      error) or nothing could be loaded; 2 when the command line is wrong (an unknown option or \
      mode, a missing --corpus path, an unreadable -f file).
      """,
    version: ClaimshVersion.current
  )

  @Option(name: .long, parsing: .upToNextOption, help: "Files or folders of articles (default: seeds).")
  var corpus: [String] = []

  @Option(name: .long, help: "A lexicon file of entities and topics (default: the built-in one).")
  var lexicon: String?

  @Option(
    name: .customShort("c"),
    help: "Run a statement and exit; given more than once, the statements run in order (-c '.mode csv' -c 'claims').")
  var commands: [String] = []

  @Option(name: .customShort("f"), help: "Run a script file and exit.")
  var file: String?

  @Option(name: .long, help: "Output mode: table, json, jsonl, csv, markdown or kwic (claims in their context).")
  var mode: String?

  @Option(name: .long, help: "Stop a statement that runs longer than this many seconds (as .timeout).")
  var timeout: Double?

  @Flag(
    name: .long,
    help: "Write CSV cells that begin with =, +, -, @, tab or CR as they are (by default a ' guards them against spreadsheet formulas).")
  var noCsvGuard = false

  @Flag(name: .long, help: "Refuse the dot-commands that read or write files (.read, .load, .save, .export), as sqlite3 --safe does.")
  var safe = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "With -c: print the SQL that gives the statement's result from the claims table of a .parquet export, for this engine "
        + "(duckdb or spark), instead of running it.")
  )
  var sql: String?

  @Flag(
    name: [.customLong("bail"), .customLong("bail", withSingleDash: true)],
    help: "Stop a script at its first error (as .bail on, and sqlite3 -bail).")
  var bail = false

  @Flag(name: .long, help: "Do not run the init file ($XDG_CONFIG_HOME/claimsh/init.cq, default ~/.config/claimsh/init.cq).")
  var noInit = false

  func validate() throws {
    if let sql {
      guard SQLDialect(rawValue: sql.lowercased()) != nil else {
        throw ValidationError("--sql takes one of: \(SQLDialect.allCases.map(\.rawValue).joined(separator: ", ")); not '\(sql)'")
      }
      guard !commands.isEmpty else { throw ValidationError("--sql compiles the statement given with -c") }
      guard commands.count == 1 else { throw ValidationError("--sql compiles one statement: give -c once") }
    }
    if !commands.isEmpty && file != nil {
      throw ValidationError("-c and -f cannot be used together; put the statement in the script, or run claimsh twice")
    }
    if let timeout, !(timeout > 0 && timeout.isFinite) {
      throw ValidationError("--timeout takes a number of seconds above 0, not \(timeout)")
    }
  }

  func run() throws {
    let options = ShellOptions(
      corpus: corpus.isEmpty ? ["seeds"] : corpus, lexicon: lexicon, commands: commands, file: file, mode: mode, timeout: timeout,
      guardFormulas: !noCsvGuard, safe: safe, sql: sql.flatMap { SQLDialect(rawValue: $0.lowercased()) }, bail: bail, readInit: !noInit)
    let status = Shell.run(options)
    throw ExitCode(status.rawValue)
  }
}

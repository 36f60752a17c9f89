import ClaimQuery

/// What the command line asked the shell to do.
public struct ShellOptions: Sendable {
  /// Files and folders to load.
  public var corpus: [String]
  /// A lexicon file, instead of the built-in one.
  public var lexicon: String?
  /// Statements to run (`-c`, once or more), in order, each a script of its own.
  public var commands: [String]
  /// A script to run (`-f`).
  public var file: String?
  /// The output mode.
  public var mode: String?
  /// The longest a statement may run, in seconds (`--timeout`); nil for no limit.
  public var timeout: Double?
  /// Whether CSV guards cells that a spreadsheet would run as formulas.
  public var guardFormulas: Bool
  /// Whether dot-commands that read or write files are refused (`--safe`, as in sqlite3).
  public var safe: Bool
  /// With one of `commands`: print the SQL compiled for this dialect instead of running it (`--sql`).
  public var sql: SQLDialect?
  /// Whether a script stops at its first error (`-bail`).
  public var bail: Bool
  /// Whether the init file runs first (not with `--no-init`).
  public var readInit: Bool

  /// Creates options.
  public init(
    corpus: [String], lexicon: String? = nil, commands: [String] = [], file: String? = nil, mode: String? = nil, timeout: Double? = nil,
    guardFormulas: Bool = true, safe: Bool = false, sql: SQLDialect? = nil, bail: Bool = false, readInit: Bool = true
  ) {
    self.corpus = corpus
    self.lexicon = lexicon
    self.commands = commands
    self.file = file
    self.mode = mode
    self.timeout = timeout
    self.guardFormulas = guardFormulas
    self.safe = safe
    self.sql = sql
    self.bail = bail
    self.readInit = readInit
  }
}

/// How `claimsh` exits.
public enum ExitStatus: Int32, Sendable {
  /// Every statement ran.
  case success = 0
  /// A statement failed; the error went to standard error.
  case failure = 1
  /// The command line was wrong.
  case usage = 2
}

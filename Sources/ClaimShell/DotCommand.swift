/// The dot-commands, in the sqlite3 tradition: their names, arguments and help.
struct DotCommand: Sendable {
  /// The name, without the dot.
  let name: String
  /// The arguments, as help shows them.
  let arguments: String
  /// One line of help.
  let summary: String

  static let all: [DotCommand] = [
    DotCommand(name: "bail", arguments: "[on|off]", summary: "stop a script at its first error; with no argument, the current setting"),
    DotCommand(
      name: "claim", arguments: "ID",
      summary: "a claim, its sentence in context, every field with its evidence and rule, and the attribution candidates the model "
        + "weighed"),
    DotCommand(name: "doc", arguments: "ID", summary: "a document's text with its debris marked"),
    DotCommand(
      name: "explain", arguments: "QUERY",
      summary: "the query's logical plan (each stage's columns) and physical plan (the operator that runs it)"),
    DotCommand(
      name: "export", arguments: "FILE [QUERY]",
      summary: "write QUERY's result (else the last result, else all claims) as .jsonl, .csv, .json or .parquet"),
    DotCommand(name: "fields", arguments: "[COLLECTION]", summary: "the fields of a collection (default claims) with their types"),
    DotCommand(name: "help", arguments: "[COMMAND]", summary: "this list, or one command's help"),
    DotCommand(name: "load", arguments: "PATH...", summary: "load files or folders instead of the current corpus"),
    DotCommand(
      name: "mode", arguments: "[MODE]",
      summary:
        "how results are printed: table, json, jsonl, csv, markdown or kwic (claims in their context, CQP style); with no argument, "
        + "the current mode"
    ),
    DotCommand(name: "names", arguments: "", summary: "the names bound with let and _ (the last result): what each holds and its size"),
    DotCommand(
      name: "maxrows", arguments: "[N|off]",
      summary: "show at most N rows of a table on the terminal (default 40); with no argument, the current limit"),
    DotCommand(name: "once", arguments: "FILE", summary: "write the next result to FILE instead of the screen"),
    DotCommand(name: "output", arguments: "[FILE]", summary: "write results to FILE from now on; with no argument, to the screen again"),
    DotCommand(name: "print", arguments: "TEXT", summary: "print TEXT (in a script, a heading before a result)"),
    DotCommand(name: "quit", arguments: "", summary: "leave claimsh (also .exit and Ctrl-D)"),
    DotCommand(name: "read", arguments: "FILE", summary: "run a script of statements and dot-commands"),
    DotCommand(
      name: "save", arguments: "FILE",
      summary: "write the corpus as a snapshot that --corpus and .load read back at once, without extracting again"),
    DotCommand(
      name: "sql", arguments: "[duckdb|spark] QUERY|view FILE",
      summary:
        "the SQL that gives QUERY's result from the claims table of an export; 'view FILE': the claims view over a .parquet or "
        + ".jsonl export"
    ),
    DotCommand(name: "stats", arguments: "", summary: "documents, sentences, claims, debris, entities, topics and warnings"),
    DotCommand(
      name: "story", arguments: "ID",
      summary: "a story: its outlets in the order they reported it, what each says, who cites whom, and where they disagree"),
    DotCommand(
      name: "timeout", arguments: "[SECONDS|off]",
      summary: "stop a statement that runs longer than SECONDS; with no argument, the current limit"),
    DotCommand(
      name: "timer", arguments: "[on|off]",
      summary: "print how long each statement (and .export, .load, .save) takes; with no argument, the current setting"),
    DotCommand(name: "values", arguments: "FIELD", summary: "the values of a claims field, with counts"),
  ]

  /// The commands that read or write files, which `--safe` refuses.
  static let touchingFiles: Set<String> = ["export", "load", "once", "output", "read", "save"]
  /// The commands `.timer on` times as it times statements: they read or write a corpus or a result.
  static let timed: Set<String> = ["export", "load", "save"]

  /// The command named `name` (".exit" is ".quit"), or the one command whose name starts with
  /// it, as sqlite3 takes `.q` and `.h`.
  static func named(_ name: String) -> DotCommand? {
    let wanted = name == "exit" ? "quit" : name.lowercased()
    if let exact = all.first(where: { $0.name == wanted }) { return exact }
    let starting = starting(with: wanted)
    return starting.count == 1 ? starting[0] : nil
  }

  /// The commands whose names start with `prefix`.
  static func starting(with prefix: String) -> [DotCommand] {
    prefix.isEmpty ? [] : all.filter { $0.name.hasPrefix(prefix) }
  }

  /// What sqlite3 users type that claimsh answers otherwise: the command that does it here.
  static let pointers = [
    "tables":
      "claimsh has collections, not tables: claims, docs, entities, topics, stories, citations; .names lists the let names, .fields "
      + "COLLECTION the fields",
    "schema": "the fields of a collection and their types: .fields [COLLECTION]; the let names: .names",
    "headers": "tables always have a header; .mode csv or .mode jsonl for machine-readable output",
  ]
}

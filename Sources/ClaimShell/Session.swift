import ClaimQuery
import Foundation

/// A loaded corpus, its engine and the settings statements run with; runs statements and
/// dot-commands and writes their results. Output goes through `out` and `err`, so tests and
/// programs that embed the shell (the fuzzers) can read it.
public final class Session {
  var engine: QueryEngine
  /// How results are written.
  public var spec: RenderSpec
  /// Whether to print each statement's time (`.timer on`).
  var timer = false
  /// The longest a statement may run, in seconds (`.timeout`, `--timeout`); nil for no limit.
  public var timeout: Double?
  /// How a running statement is stopped (Ctrl-C, the time limit): the process's, which the
  /// signal handler sets; a test gives a session one of its own.
  var cancellation = Interrupts.cancellation
  /// Whether dot-commands that read or write files are refused (`--safe`).
  public var safe = false
  /// Whether a script stops at its first error (`.bail on`, `-bail`), as in sqlite3.
  public var bail = false
  /// The last result printed, for `.export` without a query.
  var lastTable: Table?
  /// How deep `.read` is nested.
  var readDepth = 0
  /// The most `.read` may nest (SQLite's `MAX_INPUT_NESTING`).
  static let maximumReadDepth = 25
  /// The lexicon that `.load` loads with.
  let lexicon: Lexicon
  /// Where output goes when it is not redirected.
  let screen: (String) -> Void
  let err: (String) -> Void
  /// The file output goes to instead (`.output FILE`; `.once FILE` for the next statement).
  var redirect: (handle: FileHandle, path: String, once: Bool)? = nil {
    willSet { if let old = redirect, old.handle !== newValue?.handle { try? old.handle.close() } }
  }

  /// Output held back to go through the pager (`Repl` sets it while a unit runs).
  var held: String? = nil

  /// Writes results: to the screen (or held for the pager), or to the file of `.output` or `.once`.
  func out(_ text: String) {
    guard let redirect else {
      if held != nil { held! += text } else { screen(text) }
      return
    }
    do { try redirect.handle.write(contentsOf: Data(text.utf8)) } catch {
      err("error: cannot write to \(redirect.path): \(error.localizedDescription); output goes to the screen again")
      self.redirect = nil
      screen(text)
    }
  }

  /// A session over `corpus`, writing results to `out` and errors and warnings to `err`.
  public convenience init(corpus: Corpus, spec: RenderSpec, out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
    self.init(engine: QueryEngine(corpus: corpus), spec: spec, out: out, err: err)
  }

  /// A session that starts from `engine` (its corpus, store and `let` names), so that many
  /// sessions share one store.
  public init(engine: QueryEngine, spec: RenderSpec, out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
    self.engine = engine
    self.lexicon = engine.corpus.lexicon
    self.spec = spec
    self.screen = out
    self.err = err
  }

  /// Runs a script through the input loop: dot-commands on lines of their own, statements up
  /// to a `;` or a newline outside parentheses and strings, a stage line going on with the
  /// statement above. Errors name `line N of FILE`; with `bail`, the first one ends the
  /// script. True when all succeeded.
  @discardableResult
  public func runScript(_ text: String, file: String?) -> Bool { script(text, file: file).ok }

  /// Runs the statements of `-c`, in order, each a script of its own (a string one leaves open
  /// does not take in the next): `.quit` ends them, and with `bail` so does the first error.
  /// True when all succeeded.
  public func runScripts(_ texts: [String]) -> Bool {
    var ok = true
    for text in texts {
      let outcome = script(text, file: nil)
      ok = ok && outcome.ok
      if outcome.quit || (bail && !ok) { break }
    }
    return ok
  }

  /// Runs a script (see `runScript(_:file:)`): whether all succeeded, and whether it ended
  /// with `.quit`.
  private func script(_ text: String, file: String?) -> (ok: Bool, quit: Bool) {
    var ok = true, quit = false
    // runs what the loop handed on; true when the script ends there
    func ends(_ units: [InputLoop.Unit]) -> Bool {
      for unit in units {
        switch run(unit, file: file) {
        case .quit: quit = true
        case .failed: ok = false
        case .done: break
        }
        if quit || (bail && !ok) { return true }
      }
      return false
    }
    var loop = InputLoop(interactive: false)
    var number = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      if ends(loop.feed(String(line), number: number)) { return (ok, quit) }
    }
    _ = ends(loop.finish())
    return (ok, quit)
  }

  /// Runs what the input loop handed on.
  func run(_ unit: InputLoop.Unit, file: String?) -> DotResult {
    switch unit {
    case .dotCommand(let text, let line):
      let start = DispatchTime.now().uptimeNanoseconds
      let result = dotCommand(text, file: file, line: line)
      if timer, let name = DotLine(text).words.first?.word.dropFirst(), let command = DotCommand.named(String(name)),
        DotCommand.timed.contains(command.name)
      {
        reportTime(since: start)
      }
      return result
    case .statement(let text, let firstLine): return execute(text, file: file, firstLine: firstLine) ? .done : .failed
    }
  }

  /// Runs the statements of `text`, whose first line is line `firstLine` of the input.
  @discardableResult
  func execute(_ text: String, file: String?, firstLine: Int = 1) -> Bool {
    cancellation.start(timeLimit: timeout)
    engine.cancellation = cancellation
    if spec.width != nil, Interrupts.takeResize(), let width = Terminal.width() { spec.width = width }
    let start = DispatchTime.now().uptimeNanoseconds
    let (source, outcomes) = engine.run(SourceText(text, firstLine: firstLine))
    var ok = true
    for outcome in outcomes {
      switch outcome {
      case .table(let table, let range):
        lastTable = table
        let view = outputSpec
        if view.mode == .kwic {
          out(engine.concordance(table, statement: source.slice(range), width: view.width))
        } else if view.mode != .table, table.rows.count > Renderer.pieceRows {
          // a result of more than one piece in a data format goes out piece by piece, never as one text
          try? Renderer.stream(ResultCells(table), view) { out(String(decoding: $0, as: UTF8.self)) }
        } else {
          out(Renderer.render(table, view))
        }
      case .bound(let name, let rows, _):
        if spec.mode == .table && isatty(1) != 0 { err("\(name): \(rows) rows") }
      case .warning(let diagnostic, _):
        err(DiagnosticRenderer.render([diagnostic], in: source, file: file, color: spec.color))
      case .failure(let diagnostic, _) where diagnostic.id == .interrupted:
        ok = false
        err("interrupted")  // Ctrl-C: the user knows which statement
      case .failure(let diagnostic, _):
        ok = false
        err(DiagnosticRenderer.render([diagnostic], in: source, file: file, color: spec.color))
      }
    }
    if redirect?.once == true { redirect = nil }
    if timer { reportTime(since: start) }
    return ok
  }

  /// `.timer`'s line: the seconds since `start` (uptime nanoseconds), as sqlite3 prints them.
  func reportTime(since start: UInt64) {
    err(String(format: "Run Time: %.3f s", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
  }

  /// Writes `diagnostics` about `query`, a dot-command's query: under the command's line when
  /// `place` gives it (the carets moved to where the query stands in it, the script's line and
  /// file named), else under the query alone.
  func report(_ diagnostics: [Diagnostic], query: String, at place: QueryPlace?) {
    guard !diagnostics.isEmpty else { return }
    guard let place, place.line.utf8.count >= query.utf8.count, place.line.hasSuffix(query) else {
      err(DiagnosticRenderer.render(diagnostics, in: SourceText(query), color: spec.color))
      return
    }
    let offset = place.line.utf8.count - query.utf8.count
    let moved = diagnostics.map { d -> Diagnostic in
      var d = d
      d.range = SourceRange(start: d.range.start + offset, end: d.range.end + offset)
      return d
    }
    err(DiagnosticRenderer.render(moved, in: SourceText(place.line, firstLine: place.number), file: place.file, color: spec.color))
  }

  /// An error about a dot-command line, with a caret under `range` (UTF-8 offsets in `line`).
  func argumentError(_ message: String, line: String, range: Range<Int>, suggestion: String? = nil, file: String?, number: Int) {
    let d = Diagnostic(.expectedToken, message, at: SourceRange(start: range.lowerBound, end: range.upperBound), suggestion: suggestion)
    err(DiagnosticRenderer.render([d], in: SourceText(line, firstLine: number), file: file, color: spec.color))
  }
}

/// Where a dot-command's query is in the input, so that its errors and warnings point into the
/// script rather than into the query alone.
struct QueryPlace {
  /// The dot-command's line; the query is its end.
  let line: String
  /// The line's number in the input.
  let number: Int
  /// The script it is in (nil at the prompt and for `-c`).
  let file: String?
}

import ClaimQuery
import Foundation

/// A loaded corpus, its engine and the settings statements run with; runs statements and
/// dot-commands and writes their results. Output goes through `out` and `err`, so tests can
/// read it.
final class Session {
  var engine: QueryEngine
  var spec: RenderSpec
  /// Whether to print each statement's time (`.timer on`).
  var timer = false
  /// The last result printed, for `.export` without a query.
  var lastTable: Table?
  /// How deep `.read` is nested.
  var readDepth = 0
  /// The most `.read` may nest (SQLite's `MAX_INPUT_NESTING`).
  static let maximumReadDepth = 25
  /// The lexicon that `.load` loads with.
  let lexicon: Lexicon
  let out: (String) -> Void
  let err: (String) -> Void

  init(corpus: Corpus, spec: RenderSpec, out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
    self.engine = QueryEngine(corpus: corpus)
    self.lexicon = corpus.lexicon
    self.spec = spec
    self.out = out
    self.err = err
  }

  /// Runs a script: dot-commands on lines of their own, statements up to a `;` or newline
  /// outside parentheses and strings. Errors name `line N of FILE`. True when all succeeded.
  @discardableResult
  func runScript(_ text: String, file: String?) -> Bool {
    var ok = true
    var pending: [Substring] = []
    var pendingStart = 1
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      let number = index + 1
      if pending.isEmpty {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { continue }
        if trimmed.hasPrefix(".") {
          switch dotCommand(trimmed, file: file, line: number) {
          case .quit: return ok
          case .failed: ok = false
          case .done: break
          }
          continue
        }
        pendingStart = number
      }
      pending.append(line)
      let statement = pending.joined(separator: "\n")
      if Completeness.of(statement).isComplete || index == lines.count - 1 {
        ok = execute(statement, file: file, firstLine: pendingStart) && ok
        pending = []
      }
    }
    return ok
  }

  /// Runs the statements of `text`, whose first line is line `firstLine` of the input.
  @discardableResult
  func execute(_ text: String, file: String?, firstLine: Int = 1) -> Bool {
    let padded = String(repeating: "\n", count: max(0, firstLine - 1)) + text
    Interrupts.cancellation.reset()
    engine.cancellation = Interrupts.cancellation
    let start = DispatchTime.now().uptimeNanoseconds
    let (source, outcomes) = engine.run(padded)
    var ok = true
    for outcome in outcomes {
      switch outcome {
      case .table(let table, _):
        lastTable = table
        out(Renderer.render(table, spec))
      case .bound(let name, let rows, _):
        if spec.mode == .table && isatty(1) != 0 { err("\(name): \(rows) rows") }
      case .failure(let diagnostic, _):
        ok = false
        err(DiagnosticRenderer.render([diagnostic], in: source, file: file, color: spec.color))
      }
    }
    if timer {
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      err(String(format: "Run Time: %.3f s", seconds))
    }
    return ok
  }

  /// An error about a dot-command line, with a caret under `range` (UTF-8 offsets in `line`).
  func argumentError(_ message: String, line: String, range: Range<Int>, suggestion: String? = nil, file: String?, number: Int) {
    let padded = String(repeating: "\n", count: max(0, number - 1)) + line
    let offset = padded.utf8.count - line.utf8.count
    let d = Diagnostic(.expectedToken, message, at: SourceRange(start: offset + range.lowerBound, end: offset + range.upperBound), suggestion: suggestion)
    err(DiagnosticRenderer.render([d], in: SourceText(padded), file: file, color: spec.color))
  }
}

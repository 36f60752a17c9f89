import ClaimQuery

/// A loaded corpus, its query engine and the settings statements run with.
struct Session {
  var engine: QueryEngine
  var spec: RenderSpec

  /// Runs every statement of `script`; errors go to standard error with their line (and the
  /// script's name, if any). Failure when any statement failed.
  mutating func run(_ script: String, file: String?) -> ExitStatus {
    let (source, outcomes) = engine.run(script)
    var status = ExitStatus.success
    for outcome in outcomes {
      switch outcome {
      case .table(let table, _):
        Terminal.output(Renderer.render(table, spec))
      case .bound:
        break
      case .failure(let diagnostic, _):
        status = .failure
        Terminal.error(DiagnosticRenderer.render([diagnostic], in: source, file: file, color: false))
      }
    }
    return status
  }
}

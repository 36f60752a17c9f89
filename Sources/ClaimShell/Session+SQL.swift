import ClaimQuery

extension Session {
  /// `.sql` and `--sql`: prints the SQL compiled from `query`, or its diagnostic.
  func sql(_ query: String, dialect: SQLDialect) -> Bool {
    do throws(Diagnostic) {
      out(try SQLCompiler(dialect: dialect, lexicon: lexicon, definitions: engine.definitions).compile(query))
      return true
    } catch {
      err(DiagnosticRenderer.render([error], in: SourceText(query), color: spec.color))
      return false
    }
  }
}

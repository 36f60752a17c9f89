import ClaimQuery

/// `.sql` and `.explain`: what a query compiles to.
extension Session {
  /// `.explain`: prints the query's logical and physical plans, or its error.
  func explain(_ query: String, at place: QueryPlace?) -> Bool {
    do throws(Diagnostic) {
      out(try engine.explain(query))
      return true
    } catch {
      report([error], query: query, at: place)
      return false
    }
  }

  /// `.sql` and `--sql`: prints the SQL compiled from `query`, or its diagnostic.
  func sql(_ query: String, dialect: SQLDialect, at place: QueryPlace? = nil) -> Bool {
    do throws(Diagnostic) {
      out(try SQLCompiler(dialect: dialect, lexicon: lexicon, definitions: engine.definitions).compile(query))
      return true
    } catch {
      report([error], query: query, at: place)
      return false
    }
  }
}

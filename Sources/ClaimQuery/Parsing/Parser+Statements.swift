extension Parser {
  /// script = { separator } , [ statement , { separator , { separator } , statement } ] , { separator } ;
  mutating func parseScript() -> [Item] {
    var items: [Item] = []
    var progress = LoopProgress()
    while progress.advanced(self) {
      skipSeparators()
      if current.kind == .end { break }
      let start = current.range.start
      do throws(Diagnostic) {
        let statement = try parseStatement()
        let end = tokens[max(0, index - 1)].range.end
        guard isSeparator(current) else { throw unexpectedAfterStatement() }
        items.append(.statement(statement, SourceRange(start: start, end: end)))
      } catch {
        depth = 0
        synchronize()
        let end = tokens[max(0, index - 1)].range.end
        items.append(.failure(error, SourceRange(start: start, end: max(end, start))))
      }
    }
    return items
  }

  /// statement = let | query ;
  mutating func parseStatement() throws(Diagnostic) -> Statement {
    if at(.let) { return try parseLet() }
    return .query(try parseQuery())
  }

  /// let = "let" , name , "=" , query ;
  mutating func parseLet() throws(Diagnostic) -> Statement {
    _ = advance()
    guard case .identifier(let text) = current.kind else { throw unexpected("a name after 'let'") }
    let name = Name(text, range: advance().range)
    _ = try expect(.equal, "'=' after 'let \(text)'")
    return .let(name, try parseQuery())
  }

  /// query = source , { stage } ;
  mutating func parseQuery() throws(Diagnostic) -> Query {
    let (source, combined) = try parseSource()
    var stages: [Stage] = []
    var progress = LoopProgress()
    while progress.advanced(self), !isSeparator(current) {
      guard case .keyword(let k) = current.kind, Keyword.stageStarts.contains(k) else { break }
      stages.append(try parseStage())
    }
    return Query(source: source, combined: combined, stages: stages)
  }

  /// source = name , { ( "and" | "or" | "minus" ) , name } ;
  mutating func parseSource() throws(Diagnostic) -> (Name, [SetTerm]) {
    guard case .identifier(let text) = current.kind else {
      var diagnostic = unexpected("a collection (claims, docs, entities, topics, stories, citations), a 'let' name or _")
      if let note = SQLHabits.atStart(source.slice(current.range)) { diagnostic.notes.append(note) }
      throw diagnostic
    }
    let source = Name(text, range: advance().range)
    var combined: [SetTerm] = []
    while case .keyword(let k) = current.kind, let op = SetOperator(rawValue: k.rawValue) {
      _ = advance()
      guard case .identifier(let other) = current.kind else { throw unexpected("a claim set's name after '\(k.rawValue)'") }
      combined.append(SetTerm(op, Name(other, range: advance().range)))
    }
    return (source, combined)
  }

  func isSeparator(_ token: QueryToken) -> Bool {
    token.kind == .newline || token.kind == .semicolon || token.kind == .end
  }

  mutating func skipSeparators() {
    while current.kind == .newline || current.kind == .semicolon { _ = advance() }
  }

  /// Skips to the next statement separator (jlox's `synchronize`).
  mutating func synchronize() {
    while !isSeparator(current) { _ = advance() }
  }

  /// What to say when a statement is followed by something that is not a stage.
  func unexpectedAfterStatement() -> Diagnostic {
    let stages = Keyword.stageStarts.map(\.stageOpening)
    var suggestion: String? = nil
    if case .identifier(let word) = current.kind {
      suggestion = (SQLHabits.keyword(for: word) ?? Suggestions.nearest(to: word, in: Keyword.stageStarts.map(\.rawValue))).map {
        "'\($0)'"
      }
    }
    var diagnostic = unexpected(
      "a stage (\(stages.joined(separator: ", "))) or the end of the statement", suggestion: suggestion, id: .expectedStage)
    if let note = SQLHabits.afterStatement(source.slice(current.range)) { diagnostic.notes.append(note) }
    return diagnostic
  }
}

/// A hand-written recursive-descent parser: one method per grammar rule (`Grammar/claimsh.ebnf`),
/// named after it.
///
/// Conventions:
/// - `current` is the next unconsumed token; only methods that consume tokens are `mutating`.
/// - A `parse…` method either returns its node, having consumed it, or throws a `Diagnostic`
///   at the token that did not fit. `parseScript` catches it, records it, and resynchronises at
///   the next `;` or newline, so each bad statement is reported once and the rest still parse.
/// - Every loop consumes a token per turn or stops (`LoopProgress`), and nesting is capped at
///   `maximumNesting`, so no input can make the parser hang or overflow its stack.
public struct Parser {
  /// How deeply parentheses and `not` may nest.
  public static let maximumNesting = 256

  let source: SourceText
  let tokens: [QueryToken]
  var index = 0
  var depth = 0

  init(_ source: SourceText) {
    self.source = source
    self.tokens = Lexer.tokens(in: source)
  }

  /// One statement of a script: parsed, or the diagnostic that stopped it. Either way with the
  /// statement's range, so callers can run the good ones and report the bad ones in order.
  public enum Item: Hashable, Sendable {
    /// A statement that parsed.
    case statement(Statement, SourceRange)
    /// A statement that did not.
    case failure(Diagnostic, SourceRange)
  }

  /// Parses a script: statements separated by `;` or newlines.
  ///
  ///     Parser.parse("claims count; docs").items.count   // 2
  public static func parse(_ text: String) -> (source: SourceText, items: [Item]) {
    parse(SourceText(text))
  }

  /// Parses a script whose text (and first line) `source` holds.
  public static func parse(_ source: SourceText) -> (source: SourceText, items: [Item]) {
    var parser = Parser(source)
    return (source, parser.parseScript())
  }

  /// Parses exactly one statement, or throws its first diagnostic.
  public static func parseStatement(_ text: String) throws(Diagnostic) -> Statement {
    let (_, items) = parse(text)
    guard let first = items.first else {
      throw Diagnostic(.expectedExpression, "expected a statement, found end of input", at: SourceRange(start: 0, end: 0))
    }
    switch first {
    case .statement(let s, _): return s
    case .failure(let d, _): throw d
    }
  }

  var current: QueryToken { tokens[index] }

  func peek(_ k: Int = 1) -> QueryToken { tokens[min(index + k, tokens.count - 1)] }

  mutating func advance() -> QueryToken {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  /// Whether the current token is the keyword `k`.
  func at(_ k: Keyword) -> Bool { current.kind == .keyword(k) }

  /// Consumes the keyword `k`, or says what was found instead ("expected 'by' after 'group'").
  mutating func expect(_ k: Keyword, after context: String) throws(Diagnostic) {
    guard at(k) else { throw unexpected("'\(k.rawValue)' after \(context)") }
    _ = advance()
  }

  /// Consumes a token of `kind`, or says what was found instead.
  mutating func expect(_ kind: TokenKind, _ what: String) throws(Diagnostic) -> QueryToken {
    guard current.kind == kind else { throw unexpected(what) }
    return advance()
  }

  /// A diagnostic for the current token: a lexer error if it is one, else "expected …, found …".
  func unexpected(_ expected: String, suggestion: String? = nil, id: QueryError = .expectedToken) -> Diagnostic {
    if case .invalid(let error) = current.kind { return Parser.diagnostic(for: error, at: current.range) }
    return Diagnostic(id, "expected \(expected), found \(describe(current))", at: current.range, suggestion: suggestion)
  }

  /// How a token is named in messages.
  func describe(_ token: QueryToken) -> String {
    switch token.kind {
    case .end: return "end of input"
    case .newline: return "end of line"
    case .string: return "string \(source.slice(token.range))"
    case .integer, .date: return source.slice(token.range)
    case .identifier(let name): return "'\(name)'"
    case .keyword(let k): return "'\(k.rawValue)'"
    default: return "'\(source.slice(token.range))'"
    }
  }

  static func diagnostic(for error: LexError, at range: SourceRange) -> Diagnostic {
    switch error {
    case .unexpectedCharacter(let c):
      return Diagnostic(.unexpectedCharacter, "unexpected character '\(c)'", at: range, notes: SQLHabits.character(c).map { [$0] } ?? [])
    case .unterminatedString: return Diagnostic(.unterminatedString, "unterminated string; expected a closing quote", at: range)
    case .integerTooLarge: return Diagnostic(.integerTooLarge, "integer too large", at: range)
    case .invalidDate(let text): return Diagnostic(.invalidDate, "'\(text)' is not a date; expected YYYY-MM-DD", at: range)
    }
  }
}

/// Proves that a loop consumed a token each turn (swift-syntax's `LoopProgressCondition`).
struct LoopProgress {
  private var last = -1

  /// Whether the parser moved since the last call; a loop stops when it did not.
  mutating func advanced(_ parser: Parser) -> Bool {
    defer { last = parser.index }
    return parser.index > last
  }
}

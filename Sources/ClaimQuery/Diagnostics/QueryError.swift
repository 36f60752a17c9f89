/// Every kind of error a query can meet, lexing, parsing or evaluating; the case name is the
/// error's ID. Kept in alphabetical order.
public enum QueryError: String, Hashable, Sendable, CaseIterable {
  /// `claims where (`: a value, field or `(` was expected.
  case expectedExpression
  /// Something other than a stage after a query: `claims wher …`.
  case expectedStage
  /// A particular token was expected: `)`, a name, `by`.
  case expectedToken
  /// Digits too many for an integer.
  case integerTooLarge
  /// The query was cancelled (Ctrl-C).
  case interrupted
  /// `2025-13-45`.
  case invalidDate
  /// A `matches` pattern that is not a regular expression.
  case invalidRegex
  /// `let claims = …`: a `let` name may not hide a collection.
  case letShadowsCollection
  /// Parentheses nested deeper than the parser allows.
  case nestingTooDeep
  /// A field compared with a value it cannot hold, or an operator its type lacks.
  case typeMismatch
  /// The statement ran past its time limit (`.timeout`, `--timeout`).
  case timedOut
  /// A character the language has no use for.
  case unexpectedCharacter
  /// A name that is neither a collection nor a `let` name.
  case unknownCollection
  /// A field the collection (or table) does not have.
  case unknownField
  /// An entity, topic or source value the corpus does not hold (a warning: the statement runs).
  case unknownValue
  /// A string without its closing quote.
  case unterminatedString
}

/// A lexer, parser or evaluation error: what went wrong, where, and what might fix it.
///
///     error: unknown field 'actr' in claims
///      --> line 1, column 14
///     1 | claims where actr = "Zelensky"
///       |              ^^^^ did you mean 'actor'?
public struct Diagnostic: Error, Hashable, Sendable {
  /// What kind of error.
  public var id: QueryError
  /// The message: lowercase, no final period, user text quoted.
  public var message: String
  /// The offending span.
  public var range: SourceRange
  /// The nearest valid word for this position, if one is close.
  public var suggestion: String?
  /// Further lines shown under the source.
  public var notes: [String]
  /// Whether it stopped the statement (an error) or not (a warning).
  public var severity: Severity

  /// Whether a diagnostic stops its statement.
  public enum Severity: String, Hashable, Sendable {
    /// The statement did not run.
    case error
    /// The statement ran; something in it is likely a mistake (`topic = "Tomahwak"`).
    case warning
  }

  /// Creates a diagnostic.
  public init(
    _ id: QueryError, _ message: String, at range: SourceRange, suggestion: String? = nil, notes: [String] = [], severity: Severity = .error
  ) {
    self.id = id
    self.message = message
    self.range = range
    self.suggestion = suggestion
    self.notes = notes
    self.severity = severity
  }

  /// The hint drawn after the carets.
  public var hint: String? { suggestion.map { "did you mean \($0)?" } }
}

/// A name in a query (a collection, field, column or `let` name) and where it stands.
public struct Name: Hashable, Sendable, CustomStringConvertible {
  /// The name as written.
  public var text: String
  /// Where it stands; nil for names built in code.
  public var range: SourceRange?

  /// Creates a name.
  public init(_ text: String, range: SourceRange? = nil) {
    self.text = text
    self.range = range
  }

  /// The name as written.
  public var description: String { text }
}

/// A literal value in a query.
public enum Literal: Hashable, Sendable {
  /// `"Zelensky"`
  case string(String)
  /// `20`
  case integer(Int)
  /// `2025-10-17`
  case date(Day)
  /// `true`, `false`
  case bool(Bool)
  /// `null`
  case null
}

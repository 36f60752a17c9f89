/// How string equality works on a column (DESIGN.md: entity, topic and source fields match
/// case-insensitively and through the lexicon's aliases).
public enum Matching: String, Hashable, Sendable {
  /// Exact, case-sensitive.
  case exact
  /// Case-insensitive and alias-aware: entities, topics, sources, cited sources.
  case name
  /// Case-insensitive.
  case caseless
}

/// A column of a result table.
public struct Column: Hashable, Sendable {
  /// The column's name.
  public var name: String
  /// The type of its values.
  public var type: ValueType
  /// How `=` compares strings in it.
  public var matching: Matching

  /// Creates a column.
  public init(_ name: String, _ type: ValueType, matching: Matching = .exact) {
    self.name = name
    self.type = type
    self.matching = matching
  }
}

/// A typed result: columns, and rows of values in column order.
///
///     let table = try engine.run("claims group by source")
///     table.columns.map(\.name)   // ["source", "count"]
public struct Table: Hashable, Sendable {
  /// The columns.
  public var columns: [Column]
  /// The rows, each with one value per column.
  public var rows: [[Value]]

  /// Creates a table.
  public init(columns: [Column], rows: [[Value]] = []) {
    self.columns = columns
    self.rows = rows
  }

  /// The index of the column named `name` (case-insensitive).
  public func columnIndex(_ name: String) -> Int? {
    columns.firstIndex { $0.name == name } ?? columns.firstIndex { $0.name.lowercased() == name.lowercased() }
  }
}

/// The language's keywords: one table that the lexer, parser, completion and "did you mean" share.
/// Keywords are case-insensitive; `count` is also an aggregate and a column name.
public enum Keyword: String, CaseIterable, Sendable {
  case and, `as`, asc, by, contains, count, desc, distinct, `false`, group, `in`, `is`, `let`, limit, list
  case matches, max, min, minus, not, null, or, order, select, `true`, `where`, with

  /// The keywords that start a stage.
  public static let stageStarts: [Keyword] = [.where, .group, .select, .order, .limit, .count, .distinct]
  /// The keywords that, first on a line, go on with the statement above it.
  public static let continuations: Set<Keyword> = Set(stageStarts + [.with])
  /// The aggregate functions.
  public static let aggregates: [Keyword] = [.count, .min, .max, .list]
  /// The keywords that combine claim sets: `a and b`, `a or b`, `a minus b`.
  public static let setOperators: [Keyword] = [.and, .or, .minus]
  /// The keywords that may follow an expression's left operand.
  public static let comparisonWords: [Keyword] = [.contains, .matches, .in, .is, .not]

  /// The words that open the stage this keyword starts, as written: `group by`, `order by`, the
  /// others alone.
  public var stageOpening: String { self == .group || self == .order ? rawValue + " by" : rawValue }

  /// The keyword spelled `text` in any case, or nil.
  public init?(word text: some StringProtocol) {
    self.init(rawValue: text.lowercased())
  }
}

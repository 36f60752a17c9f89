/// What users of SQL and of shell pipelines type by habit, and the note that says how claimsh
/// writes it, under the error (as DuckDB and Postgres add a hint): `having`, `like`,
/// `between`, `select … from`, a pipe, an unquoted value.
enum SQLHabits {
  /// The note for `word` where a stage or the end of the statement belongs.
  static func afterStatement(_ word: String) -> String? {
    switch word.lowercased() {
    case "having": return "after group by, where filters the groups: claims group by topic where count > 5"
    case "like", "ilike", "glob", "regexp":
      return "text is matched with contains (a substring, any case) or matches (a regular expression): claims where text contains \"Trump\""
    case "between": return "a range is two comparisons: claims where date >= 2025-10-01 and date <= 2025-10-31"
    case "from": return "a query starts with its collection, then its stages: claims select source, text"
    case "by": return "to count per value, group: claims group by source"
    case "offset": return "limit takes one number, the rows to keep"
    default: return nil
    }
  }

  /// The keyword meant by a word that spells one out: `descending` for `desc`.
  static func keyword(for word: String) -> String? {
    switch word.lowercased() {
    case "descending": return "desc"
    case "ascending": return "asc"
    default: return nil
    }
  }

  /// The note for a statement that starts with `word` instead of a collection.
  static func atStart(_ word: String) -> String? {
    switch word.lowercased() {
    case "select", "from": return "a query starts with its collection, then its stages: claims where actor = \"Trump\" select source, text"
    default: return nil
    }
  }

  /// The note for a character that is not part of the language.
  static func character(_ c: Character) -> String? {
    switch c {
    case "|": return "stages follow each other without a pipe: claims where actor = \"Trump\" count"
    case "*": return "select names its fields (claims select source, text); without select, every field is shown"
    default: return nil
    }
  }

  /// The note for a name compared where a value belongs (`source = Reuters`).
  static func unquoted(_ name: String) -> String {
    "'\(name)' is read as a field; a text value goes in quotes: \"\(name)\""
  }
}

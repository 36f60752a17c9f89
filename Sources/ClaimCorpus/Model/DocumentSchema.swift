/// The fields of a document as every input names them: a text file's `key: value` header, a
/// folder's `metadata.tsv`, a JSON record's members, a Parquet file's columns. Each field has
/// one name, the other names inputs give it, and its type; the name comes first, then the
/// aliases in order, when a record holds several ("source" over "outlet").
///
///     DocumentSchema.document(id: "a", path: "a.json") { ["headline": "Talks fail", "body": "…"][$0] }
///     // Document(id: "a", title: "Talks fail", text: "…")
public enum DocumentSchema {
  /// What a field holds.
  public enum FieldType: Sendable, Equatable {
    /// Text.
    case string
    /// A publication day (`Day`): text such as "2025-10-18", or a Parquet DATE.
    case date
  }

  /// One document field.
  public struct Field: Sendable {
    /// Its name, as `Document`, queries and exports spell it.
    public let name: String
    /// Other names inputs give it.
    public let aliases: [String]
    /// What it holds.
    public let type: FieldType
    /// Whether a text file's header or a folder's `metadata.tsv` may give it (not the id, which
    /// is the file's path, nor the text, which is the file).
    public let isMetadata: Bool

    /// The name and then the aliases.
    public var names: [String] { [name] + aliases }
  }

  /// The document's id: the path relative to the folder, or the record's own.
  public static let id = Field(name: "id", aliases: [], type: .string, isMetadata: false)
  /// The headline.
  public static let title = Field(name: "title", aliases: ["headline"], type: .string, isMetadata: true)
  /// The outlet.
  public static let source = Field(name: "source", aliases: ["outlet"], type: .string, isMetadata: true)
  /// The publication day.
  public static let date = Field(name: "date", aliases: ["published"], type: .date, isMetadata: true)
  /// The author.
  public static let author = Field(name: "author", aliases: [], type: .string, isMetadata: true)
  /// The page's address.
  public static let url = Field(name: "url", aliases: [], type: .string, isMetadata: true)
  /// The article's text.
  public static let text = Field(name: "text", aliases: ["body", "content"], type: .string, isMetadata: false)

  /// Every field, in `Document`'s order.
  public static let fields: [Field] = [id, title, source, date, author, url, text]

  /// Every name and alias of every field.
  static let allNames: Set<String> = Set(fields.flatMap(\.names))
  /// The names and aliases a header or `metadata.tsv` may use.
  static let metadataNames: Set<String> = Set(fields.filter(\.isMetadata).flatMap(\.names))

  /// The value of `field` in `values`, by its name first and then its aliases.
  static func value(_ field: Field, in values: (String) -> String?) -> String? {
    for n in field.names { if let v = values(n) { return v } }
    return nil
  }

  /// The document whose fields `values` gives by name or alias, or nil when it has no text;
  /// `id` when the values name none.
  static func document(id: String, path: String, _ values: (String) -> String?) -> Document? {
    guard let body = value(text, in: values) else { return nil }
    return Document(
      id: value(Self.id, in: values) ?? id, path: path, title: value(title, in: values), source: value(source, in: values),
      date: value(date, in: values).flatMap { Day(parsing: $0) }, author: value(author, in: values), url: value(url, in: values),
      text: body)
  }
}

/// One input format: the files it takes, by extension, and how it reads one into documents or
/// claims. `CorpusLoader` keeps the walk over folders, the refusals and the parallelism, and
/// gives each file to the reader of its extension (`CorpusLoader.readers`): adding a format is
/// a new reader and a line in that table.
///
///     enum CSVReader: CorpusReader {
///       static let extensions: Set<String> = ["csv"]
///       static func read(_ input: CorpusLoader.Input, into out: inout CorpusLoader.Output, maxRecord: Int) -> Bool { … }
///     }
protocol CorpusReader: Sendable {
  /// The lowercased file-name extensions it reads, without the dot: one ("html"), or two
  /// ("html.gz", which wins over the last one alone); "" for a name without one.
  static var extensions: Set<String> { get }
  /// Reads the file at `input.path` into `out`: documents to extract, or claims already made,
  /// and a warning for each thing it could not read; false when the file cannot be opened.
  /// A record or article longer than `maxRecord` bytes is reported and skipped.
  static func read(_ input: CorpusLoader.Input, into out: inout CorpusLoader.Output, maxRecord: Int) -> Bool
}

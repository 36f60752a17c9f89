import Foundation

/// One article: its metadata, its text, the sentences of its own text and the debris around them.
public struct Document: Sendable {
  /// A stable id: the path relative to the loaded folder, or the JSON Lines `id`.
  public var id: String
  /// Where the document was read from (a file, or `file:line` for JSON Lines).
  public var path: String
  /// The headline, from metadata or the first line.
  public var title: String?
  /// The outlet that published it; the document id when no metadata says.
  public var source: String
  /// The publication date, when metadata or the text gives one.
  public var date: Day?
  /// The author, from metadata.
  public var author: String?
  /// The URL, from metadata.
  public var url: String?
  /// The body text, header removed.
  public var text: String
  /// The sentences of the article's own text, in order.
  public var sentences: [Sentence] = []
  /// The stretches judged not to be the article's own text.
  public var debris: [Debris] = []

  /// Creates a document with no sentences or debris yet.
  public init(
    id: String, path: String, title: String? = nil, source: String? = nil, date: Day? = nil,
    author: String? = nil, url: String? = nil, text: String
  ) {
    self.id = id
    self.path = path
    self.title = title
    self.source = source ?? id
    self.date = date
    self.author = author
    self.url = url
    self.text = text
  }
}

extension Document {
  /// The article's own text: `text` with its debris left out, its paragraphs (runs of text
  /// between blank lines) one blank line apart.
  public var body: String {
    let bytes = Array(text.utf8)
    var kept: [UInt8] = []
    kept.reserveCapacity(bytes.count)
    var from = 0
    for d in debris.sorted(by: { $0.span.start < $1.span.start }) {
      if d.span.start > from { kept += bytes[from..<min(d.span.start, bytes.count)] }
      from = max(from, min(d.span.end, bytes.count))
    }
    if from < bytes.count { kept += bytes[from...] }
    let paragraphs = String(decoding: kept, as: UTF8.self).components(separatedBy: "\n\n")
    return paragraphs.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
  }
}

/// A sentence of a document's own text.
public struct Sentence: Sendable, Hashable {
  /// Where it stands in the document's text.
  public var span: TextSpan
  /// Its text, whitespace folded to single spaces.
  public var text: String
  /// The index of the paragraph (run of text between blank lines) it belongs to.
  public var paragraph: Int
}

/// A stretch of page debris, kept with the rule that caught it.
public struct Debris: Sendable, Hashable {
  /// Where it stands in the document's text.
  public var span: TextSpan
  /// The rule id, e.g. `debris.social-embed`.
  public var rule: String
}

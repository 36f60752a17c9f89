/// A web page as a `Document`: the page's blocks in page order, one paragraph each, the
/// article body's as text and every other block marked as debris with the rule that dropped
/// it (so `.doc ID` shows it), and the page's metadata as the document's title, source, date,
/// author and URL. The HTML reader and the WARC reader both make documents here.
public enum HTMLArticle {
  /// The document of the page in `bytes` and what libxml2 could not read of it, or nil when it
  /// makes no tree of them. `values` (a `metadata.tsv` row) win over what the page says; `url`
  /// is where the page was found.
  static func document(_ bytes: [UInt8], id: String, path: String, url: String?, values: [String: String] = [:]) -> (
    document: Document, problem: String?
  )? {
    guard let page = HTMLPage(bytes, url: url), let root = page.root else { return nil }
    let meta = PageMetadata.read(root, url: url)
    let body = root.children.first { $0.tag == "body" } ?? root
    let blocks = ArticleBody.blocks(body)
    var text: [UInt8] = []
    var debris: [Debris] = []
    for block in blocks {
      if !text.isEmpty { text += [0x0A, 0x0A] }
      let start = text.count
      text += Array(block.text.utf8)
      if let rule = block.dropped { debris.append(Debris(span: TextSpan(start: start, end: text.count), rule: "debris.\(rule)")) }
    }
    func given(_ field: DocumentSchema.Field) -> String? { DocumentSchema.value(field, in: { values[$0] }) }
    var document = Document(
      id: id, path: path, title: given(DocumentSchema.title) ?? meta.title, source: given(DocumentSchema.source) ?? meta.outlet,
      date: given(DocumentSchema.date).flatMap { Day(parsing: $0) } ?? meta.date, author: given(DocumentSchema.author) ?? meta.author,
      url: given(DocumentSchema.url) ?? meta.url, text: String(decoding: text, as: UTF8.self))
    document.debris = debris
    return (document, page.problem)
  }

  /// The article body of the page in `bytes` as text: the body's blocks, a blank line between
  /// each (what `docs` shows as `text`, and what html-bench scores).
  public static func bodyText(_ bytes: [UInt8]) -> String? {
    guard let page = HTMLPage(bytes, url: nil), let root = page.root else { return nil }
    let body = root.children.first { $0.tag == "body" } ?? root
    return ArticleBody.blocks(body).filter { $0.dropped == nil }.map(\.text).joined(separator: "\n\n")
  }
}

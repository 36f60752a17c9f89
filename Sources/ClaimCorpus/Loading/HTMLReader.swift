import Glibc

/// Reads a saved web page (`.html`, `.htm`, and either gzip-compressed): libxml2 parses it (recovering from broken markup,
/// reading the declared charset), `ArticleBody` finds the article in it and `PageMetadata` its
/// title, outlet, date, author and URL (`HTMLArticle`); a `metadata.tsv` row wins over the page.
/// An empty page, one with no tree at all, one over the size limit (compressed or inflated: a
/// gzip bomb stops there) or a damaged gzip file is reported and skipped; NUL bytes are
/// dropped and said so.
enum HTMLReader: CorpusReader {
  static let extensions: Set<String> = ["html", "htm", "html.gz", "htm.gz"]

  static func read(_ input: CorpusLoader.Input, into out: inout CorpusLoader.Output, maxRecord: Int) -> Bool {
    var info = stat()
    if stat(input.path, &info) == 0, Int(info.st_size) > maxRecord {
      out.warnings.append(
        LoadWarning(path: input.path, message: "skipped: \(info.st_size) bytes is more than the \(maxRecord)-byte limit for one page"))
      return true
    }
    guard var bytes = CorpusLoader.contents(of: input.path) else { return false }
    if input.path.lowercased().hasSuffix(".gz") {
      switch Gzip.inflate(bytes, limit: maxRecord) {
      case .complete(let inflated): bytes = inflated
      case .tooLarge(_, let limit):
        out.warnings.append(LoadWarning(path: input.path, message: "skipped: inflates to more than the \(limit)-byte limit for one page"))
        return true
      case .damaged(let partial, let why):
        out.warnings.append(LoadWarning(path: input.path, message: "damaged gzip data (\(why)); \(partial.count) bytes read"))
        bytes = partial
      }
    }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      out.warnings.append(LoadWarning(path: input.path, message: "skipped: empty"))
      return true
    }
    if bytes.contains(0) {
      bytes.removeAll { $0 == 0 }
      out.warnings.append(LoadWarning(path: input.path, message: "NUL bytes dropped"))
    }
    guard let (document, problem) = HTMLArticle.document(bytes, id: input.id, path: input.path, url: nil, values: input.metadata)
    else {
      out.warnings.append(LoadWarning(path: input.path, message: "skipped: no HTML in it"))
      return true
    }
    if let problem { out.warnings.append(LoadWarning(path: input.path, message: problem)) }
    out.documents.append(document)
    return true
  }
}

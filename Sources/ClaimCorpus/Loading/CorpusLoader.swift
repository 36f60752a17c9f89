import Foundation
import Glibc

/// Loads articles from files and folders, extracts their claims, and reports every bad input
/// without stopping: the corpus holds everything that could be read.
///
///     let loader = CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon)
///     let corpus = loader.load(paths: ["seeds"])
///     print(corpus.claims.count, corpus.warnings)
///
/// Folders are read recursively in sorted order; ids are paths relative to the folder. Each
/// file goes to the reader of its format (`readers`): plain text (`.txt`, `.text`, `.md`, or no
/// extension) that may open with a `key: value` header; `.jsonl`/`.ndjson`/`.json` files of one
/// JSON document or claim per line, or one array; `.parquet` files of claims or documents in
/// the same columns; `.claimsh` snapshots; saved web pages (`.html`, `.htm`, `.html.gz`) and web
/// archives (`.warc`, `.warc.gz`).
public struct CorpusLoader: Sendable {
  /// The lexicon for extraction.
  public var lexicon: Lexicon {
    didSet { extractor = ClaimExtractor(lexicon: lexicon) }
  }
  /// The largest plain-text article read, in bytes.
  public var maxTextBytes = 32 << 20
  /// The extractor over `lexicon`, built once: its tables take a while (a third of a
  /// millisecond), which a loader that reads many small inputs would pay each time.
  private var extractor: ClaimExtractor

  /// Creates a loader that extracts with `lexicon`.
  public init(lexicon: Lexicon) {
    self.lexicon = lexicon
    extractor = ClaimExtractor(lexicon: lexicon)
  }

  /// The lexicon that ships with claimsh (`seeds/lexicon.tsv`).
  public static func defaultLexicon() -> (lexicon: Lexicon, warnings: [LoadWarning]) {
    guard let url = Bundle.module.url(forResource: "lexicon", withExtension: "tsv"),
      let data = try? Data(contentsOf: url)
    else {
      return (
        Lexicon(), [LoadWarning(path: "lexicon.tsv", message: "the built-in lexicon is missing; no entities or topics will be found")]
      )
    }
    return Lexicon.parse(String(decoding: data, as: UTF8.self), path: "lexicon.tsv")
  }

  /// Reads a lexicon file, or explains why it cannot.
  public static func lexicon(at path: String) -> (lexicon: Lexicon?, warnings: [LoadWarning]) {
    let data: [UInt8]
    switch RegularFile.contents(path) {
    case .success(let bytes): data = bytes
    case .failure(let problem): return (nil, [LoadWarning(path: path, message: "cannot read the lexicon: \(problem.message)")])
    }
    switch TextDecoding.decode(data) {
    case .utf8(let text), .windows1252(let text): return Lexicon.parse(text, path: path)
    case .binary: return (nil, [LoadWarning(path: path, message: "the lexicon is binary, not text")])
    case .empty: return (Lexicon(), [LoadWarning(path: path, message: "the lexicon is empty")])
    }
  }

  /// One file to read, with the id prefix and metadata it gets.
  struct Input: Sendable {
    var path: String
    var id: String
    var metadata: [String: String]
  }

  /// What one file gave.
  struct Output: Sendable {
    var documents: [Document] = []
    /// Claims read from a claims file or a snapshot.
    var columns: ClaimColumnsBuilder? = nil
    /// The documents' claims are in `columns` already (a snapshot): nothing to extract.
    var extracted = false
    /// Extracted claims with their evidence, from a snapshot; ids are rows of `columns`.
    var claims: [Claim] = []
    var warnings: [LoadWarning] = []
  }

  /// Loads `paths` (files or folders) and extracts every document's claims.
  /// - Parameter progress: called with (documents read, documents in all) as files finish;
  ///   from any thread.
  public func load(paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) -> Corpus {
    var warnings: [LoadWarning] = []
    var inputs: [Input] = []
    for path in paths { inputs += enumerate(path, warnings: &warnings) }
    let total = inputs.count
    let counter = ProgressCounter()
    var outputs = parallelMap(inputs) { input -> Output in
      let out = read(input)
      if let progress { progress(counter.increment(), total) }
      return out
    }
    Self.giveUniqueIds(&outputs, warnings: &warnings)
    var documents: [Document] = []
    var claims: [Claim] = []
    var builder = ClaimColumnsBuilder()
    let extractor = extractor
    let texts = outputs.flatMap { $0.extracted ? [] : $0.documents.filter { !$0.text.isEmpty } }
    var extracted = parallelMap(texts) { extractor.extract($0) }.makeIterator()
    for out in outputs {
      warnings += out.warnings
      let base = builder.count
      if let columns = out.columns { builder.merge(columns) }
      for var claim in out.claims {
        claim.id += base
        claims.append(claim)
      }
      for doc in out.documents {
        if out.extracted || doc.text.isEmpty {
          documents.append(doc)
        } else if let (done, found) = extracted.next() {
          documents.append(done)
          for var claim in found {
            claim.id = builder.count
            builder.append(claim)
            claims.append(claim)
          }
        }
      }
    }
    return Corpus(documents: documents, claims: claims, columns: builder.build(), lexicon: lexicon, warnings: warnings)
  }

  /// The documents of `paths`, read but not extracted (training extracts them itself).
  package func documents(paths: [String]) -> [Document] {
    var warnings: [LoadWarning] = []
    var inputs: [Input] = []
    for path in paths { inputs += enumerate(path, warnings: &warnings) }
    return parallelMap(inputs) { read($0).documents }.flatMap { $0 }
  }

  /// The files under `path`, sorted, with their ids and folder metadata.
  func enumerate(_ path: String, warnings: inout [LoadWarning]) -> [Input] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      warnings.append(LoadWarning(path: path, message: "no such file or folder"))
      return []
    }
    guard isDirectory.boolValue else {
      if let kind = RegularFile.irregularKind(path) {
        warnings.append(LoadWarning(path: path, message: "skipped: not a regular file (\(kind))"))
        return []
      }
      return [Input(path: path, id: (path as NSString).lastPathComponent, metadata: [:])]
    }
    guard let walker = FileManager.default.enumerator(atPath: path) else {
      warnings.append(LoadWarning(path: path, message: "cannot read the folder"))
      return []
    }
    var files: [String] = []
    var metadataFiles: [String] = []
    while let relative = walker.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      if name.hasPrefix(".") {
        walker.skipDescendants()
        continue
      }
      let full = (path as NSString).appendingPathComponent(relative)
      var info = stat()
      guard stat(full, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { continue }
      guard info.st_mode & S_IFMT == S_IFREG else {
        // a FIFO, socket or device is never opened: a read from it could wait for ever
        warnings.append(LoadWarning(path: full, message: "skipped: not a regular file (\(RegularFile.kind(of: info.st_mode)))"))
        continue
      }
      if name == FolderMetadata.fileName { metadataFiles.append(relative); continue }
      if Self.sidecarNames.contains(name.lowercased()) { continue }
      files.append(relative)
    }
    var metadata: [String: [String: String]] = [:]
    for relative in metadataFiles {
      let full = (path as NSString).appendingPathComponent(relative)
      let folder = (relative as NSString).deletingLastPathComponent
      guard let data = Self.contents(of: full) else {
        warnings.append(LoadWarning(path: full, message: "cannot read"))
        continue
      }
      let (rows, problems) = FolderMetadata.parse(String(decoding: data, as: UTF8.self), path: full)
      warnings += problems
      for (file, fields) in rows { metadata[folder.isEmpty ? file : folder + "/" + file] = fields }
    }
    return files.sorted().compactMap { relative in
      let full = (path as NSString).appendingPathComponent(relative)
      guard Self.reader(named: relative) != nil else {
        warnings.append(
          LoadWarning(
            path: full, message: "skipped: not a .txt, .md, .jsonl, .json, .parquet, .claimsh, .html, .html.gz, .warc or .warc.gz file"))
        return nil
      }
      return Input(path: full, id: relative, metadata: metadata[relative] ?? [:])
    }
  }

  /// The reader of each format (`CorpusReader`); a file given by path whose extension none
  /// takes is read as text (it may be a snapshot).
  static let readers: [any CorpusReader.Type] = [
    TextReader.self, JSONLinesReader.self, ParquetReader.self, SnapshotReader.self, HTMLReader.self, WARCReader.self,
  ]
  /// The reader of each extension.
  static let readerByExtension: [String: any CorpusReader.Type] = Dictionary(
    readers.flatMap { r in r.extensions.map { ($0, r) } }, uniquingKeysWith: { first, _ in first })
  static let sidecarNames: Set<String> = ["lexicon.tsv", "lexicon.txt"]

  /// The claims of each of `documents`, extracted on every core, in the documents' order; each
  /// document's claims numbered from 0 (`id`).
  public func claims(of documents: [Document]) -> [[Claim]] {
    let extractor = extractor
    return parallelMap(documents) { extractor.extract($0).1 }.map { claims in
      claims.enumerated().map { k, claim in
        var c = claim
        c.id = k
        return c
      }
    }
  }

  /// The reader of the file at `path` by its last two extensions ("html.gz") or its last one,
  /// or nil when no reader takes them.
  static func reader(named path: String) -> (any CorpusReader.Type)? {
    let parts = (path as NSString).lastPathComponent.lowercased().split(separator: ".", omittingEmptySubsequences: false)
    if parts.count >= 3, let r = readerByExtension[parts.suffix(2).joined(separator: ".")] { return r }
    return readerByExtension[parts.count >= 2 ? String(parts.last!) : ""]
  }

  /// The reader of a file given by path: by its extensions, else plain text.
  static func reader(for path: String) -> any CorpusReader.Type { reader(named: path) ?? TextReader.self }

  /// Reads one file into documents or claims, with the reader of its extension.
  func read(_ input: Input) -> Output {
    var out = Output()
    let reader = Self.reader(for: input.path)
    if !reader.read(input, into: &out, maxRecord: maxTextBytes) {
      out.warnings.append(LoadWarning(path: input.path, message: "cannot read (permission denied or not a file)"))
    }
    return out
  }

  /// A file's bytes, read straight into an array (no intermediate copy), or nil when it is not
  /// a readable regular file.
  static func contents(of path: String) -> [UInt8]? {
    try? RegularFile.contents(path).get()
  }
}

/// A thread-safe count of finished files, for progress reports.
final class ProgressCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
}

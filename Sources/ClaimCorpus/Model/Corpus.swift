/// Documents and the claims extracted from them, with what went wrong while loading.
public struct Corpus: Sendable {
  /// The documents, in load order.
  public var documents: [Document]
  /// The claims extracted from documents, with their evidence, ids in load order.
  public var claims: [Claim]
  /// Every claim, column by column: the extracted ones and those read from claims files.
  public var columns: ClaimColumns
  /// How many claims, extracted or read.
  public var claimCount: Int { columns.count }

  /// The claim with id `id`: with its evidence when it was extracted, else rebuilt from the columns.
  public func claim(id: Int) -> Claim? {
    if let c = claims.first(where: { $0.id == id }) { return c }
    guard let row = columns.ids.firstIndex(of: id) else { return nil }
    return columns.claim(row)
  }

  /// The lexicon used for extraction and for alias-aware matching.
  public var lexicon: Lexicon
  /// Problems met while loading; the corpus holds everything else.
  public var warnings: [LoadWarning]

  /// Creates a corpus.
  public init(documents: [Document], claims: [Claim], columns: ClaimColumns? = nil, lexicon: Lexicon, warnings: [LoadWarning] = []) {
    self.documents = documents
    self.claims = claims
    self.columns = columns ?? ClaimColumns(claims: claims)
    self.lexicon = lexicon
    self.warnings = warnings
  }
}

/// A problem with one input: the file (and line) it concerns, and what happened.
public struct LoadWarning: Sendable, Hashable, CustomStringConvertible {
  /// The path of the file.
  public var path: String
  /// The 1-based line, for JSON Lines input.
  public var line: Int?
  /// What happened, lowercase, e.g. `not UTF-8; decoded as Windows-1252`.
  public var message: String

  /// Creates a warning.
  public init(path: String, line: Int? = nil, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  /// `path:line: message`.
  public var description: String {
    if let line { return "\(path):\(line): \(message)" }
    return "\(path): \(message)"
  }
}

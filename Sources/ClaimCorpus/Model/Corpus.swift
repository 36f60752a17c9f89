/// Documents and the claims extracted from them, with what went wrong while loading.
public struct Corpus: Sendable {
  /// The documents, in load order.
  public var documents: [Document]
  /// The claims, ids in load order.
  public var claims: [Claim]
  /// The lexicon used for extraction and for alias-aware matching.
  public var lexicon: Lexicon
  /// Problems met while loading; the corpus holds everything else.
  public var warnings: [LoadWarning]

  /// Creates a corpus.
  public init(documents: [Document], claims: [Claim], lexicon: Lexicon, warnings: [LoadWarning] = []) {
    self.documents = documents
    self.claims = claims
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

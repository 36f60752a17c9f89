import Foundation

extension Lexicon {
  /// Parses the lexicon format; bad lines are reported as warnings against `path` and skipped.
  ///
  ///     let (lexicon, warnings) = Lexicon.parse("person: Putin = Vladimir Putin", path: "my.lex")
  public static func parse(_ text: String, path: String) -> (Lexicon, [LoadWarning]) {
    var lexicon = Lexicon()
    var warnings: [LoadWarning] = []
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = rawLine.trimmingSpaces()
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let colon = line.firstIndex(of: ":") else {
        warnings.append(LoadWarning(path: path, line: lineNumber, message: "expected 'kind: Name = aliases', found no ':'"))
        continue
      }
      let kindText = line[..<colon].trimmingSpaces().lowercased()
      if kindText == "broader" {
        let parts = line[line.index(after: colon)...].components(separatedBy: "->").map { $0.trimmingSpaces() }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
          warnings.append(LoadWarning(path: path, line: lineNumber, message: "expected 'broader: Topic -> Broader Topic'"))
          continue
        }
        lexicon.addBroader(parts[0], parts[1])
        continue
      }
      if kindText == "context" {
        let parts = line[line.index(after: colon)...].split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
        guard parts.count == 2, !parts[0].isEmpty else {
          warnings.append(LoadWarning(path: path, line: lineNumber, message: "expected 'context: Topic = cue, cue'"))
          continue
        }
        lexicon.addContext(parts[0], cues: parts[1].split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty })
        continue
      }
      guard let kind = EntityKind(rawValue: kindText) ?? EntityKind.synonyms[kindText] else {
        let kinds = EntityKind.allCases.map(\.rawValue).joined(separator: ", ")
        warnings.append(LoadWarning(path: path, line: lineNumber, message: "unknown kind '\(kindText)'; expected one of \(kinds)"))
        continue
      }
      let rest = line[line.index(after: colon)...]
      let parts = rest.split(separator: "=", maxSplits: 1)
      let name = parts.first.map { $0.trimmingSpaces() } ?? ""
      guard !name.isEmpty else {
        warnings.append(LoadWarning(path: path, line: lineNumber, message: "missing name after '\(kindText):'"))
        continue
      }
      let aliases =
        parts.count > 1
        ? parts[1].split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        : []
      lexicon.add(Entry(name: name, kind: kind, aliases: aliases))
    }
    return (lexicon, warnings)
  }
}

extension EntityKind {
  /// Other spellings accepted in a lexicon file.
  static let synonyms: [String: EntityKind] = [
    "org": .organization, "organisation": .organization, "country": .place, "location": .place,
    "media": .outlet, "newspaper": .outlet,
  ]
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
    return String(s)
  }
}

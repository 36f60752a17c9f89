/// The word and phrase lists that extraction rules use, read from the data files in
/// `Sources/ClaimCorpus/Resources/` (compiled into the library, so nothing can go missing).
///
///     WordLists.phrases("debris.read-more")   // ["keep reading", "show less", …]
///
/// A file holds lists, each started by a `[name]` line; every other line is one entry,
/// lowercase; `#` starts a comment. Each list says in its comments what it is for.
package enum WordLists {
  /// Every list, by name.
  static let all: [String: [String]] = {
    var lists: [String: [String]] = [:]
    for file in [PackageResources.debris_txt, PackageResources.words_txt, PackageResources.cues_txt, PackageResources.stories_txt] {
      parse(file, into: &lists)
    }
    return lists
  }()

  /// The entries of the list `name`; a name no file defines is a programming error that the
  /// rule tests catch, and gives an empty list.
  static func phrases(_ name: String) -> [String] {
    assert(all[name] != nil, "no word list named \(name)")
    return all[name] ?? []
  }

  /// The lemmas of cues whose source is cited (`source-cue`).
  package static var sourceCues: [String] { phrases("source-cue") }

  /// Adds the lists of one file to `lists`.
  static func parse(_ bytes: [UInt8], into lists: inout [String: [String]]) {
    var current: String? = nil
    for raw in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
      let line = raw.hasPrefix("#") ? "" : String(raw)
      if line.hasPrefix("["), line.hasSuffix("]") {
        current = String(line.dropFirst().dropLast())
        lists[current!, default: []] = []
      } else if let current, !line.allSatisfy({ $0 == " " }) {
        // a trailing space is part of the entry ("© ") only when the entry is one character and a space
        lists[current, default: []].append(line.count > 2 ? line.trimmingTrailingSpaces() : line)
      }
    }
  }
}

extension String {
  /// The string without spaces at its end.
  func trimmingTrailingSpaces() -> String {
    var s = Substring(self)
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}

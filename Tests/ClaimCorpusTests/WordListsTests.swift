// The data files in Sources/ClaimCorpus/Resources/: every list a rule names is there, with words.
@testable import ClaimCorpus
import Testing

@Suite struct WordListsTests {
  @Test func everyListARuleNamesExistsAndHasWords() {
    for (words, _) in Vocabulary.classLists { #expect(!words.isEmpty) }
    for phrases in CuePhrases.allLists { #expect(!phrases.isEmpty) }
    let debris = [
      DebrisDetector.photoCreditPrefixes, DebrisDetector.photoCreditPhrases, DebrisDetector.creditPrefixes,
      DebrisDetector.disclaimerPrefixes, DebrisDetector.disclaimerPhrases, DebrisDetector.readMorePhrases,
      DebrisDetector.newsletterPrefixes, DebrisDetector.promoPhrases, DebrisDetector.sharePhrases,
    ]
    for list in debris { #expect(!list.isEmpty) }
  }

  @Test func everyEntryIsLowercaseAndTrimmed() {
    for (name, entries) in WordLists.all {
      #expect(!entries.isEmpty, "\(name) is empty")
      for entry in entries where entry.count > 2 {
        #expect(entry == entry.lowercased(), "\(name): \(entry) is not lowercase")
        #expect(entry.first != " " && entry.last != " ", "\(name): '\(entry)' has spaces at its ends")
      }
    }
  }

  @Test func listsParseNamesCommentsAndEntries() {
    var lists: [String: [String]] = [:]
    WordLists.parse(Array("# a file\n[one]\n# what it is\nfirst\nsecond phrase  \n\n[two]\n© \n".utf8), into: &lists)
    #expect(lists == ["one": ["first", "second phrase"], "two": ["© "]])
  }
}

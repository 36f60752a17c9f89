/// The classes of word that extraction rules test, one bit each.
struct WordClass: OptionSet, Sendable, Hashable {
  let rawValue: UInt32

  /// `said`, `told`, `argued`: verbs whose subject is a source.
  static let speechVerb = WordClass(rawValue: 1 << 0)
  /// `told`, `tells`: speech verbs whose object may be an outlet.
  static let tellVerb = WordClass(rawValue: 1 << 1)
  /// `reportedly`, `has`, `also`: words between a subject and its speech verb.
  static let adverb = WordClass(rawValue: 1 << 2)
  /// `however`, `speaking`: words that open a parenthetical between commas.
  static let parentheticalStart = WordClass(rawValue: 1 << 3)
  /// `that`, `while`, `and`: words a source phrase does not cross.
  static let boundary = WordClass(rawValue: 1 << 4)
  /// `on`, `about`: words that end a phrase after "according to".
  static let objectStop = WordClass(rawValue: 1 << 5)
  /// `he`, `she`.
  static let personalPronoun = WordClass(rawValue: 1 << 6)
  /// `and`, `but`: words dropped from the front of a source phrase.
  static let leadingFiller = WordClass(rawValue: 1 << 7)
  /// `official`, `sources`, `insiders`: words that make a phrase a source.
  static let sourceHead = WordClass(rawValue: 1 << 8)
  /// `president`, `minister`: words for a person that may head a source phrase.
  static let personHead = WordClass(rawValue: 1 << 9)
  /// `assertion`, `remarks`: nouns of saying whose possessor is cited.
  static let citedSpeechNoun = WordClass(rawValue: 1 << 10)
  /// `appeal`, `request`: nouns of saying that give a quoted phrase its speaker.
  static let quoteSpeechNoun = WordClass(rawValue: 1 << 11)
  /// `this`, `such`: determiners of a phrase that refers back.
  static let anaphoricDeterminer = WordClass(rawValue: 1 << 12)
  /// `request`, `refusal`: nouns that refer back to what was discussed.
  static let anaphoricNoun = WordClass(rawValue: 1 << 13)
  /// `request`, `permission`: what one refuses rather than denies.
  static let requestWord = WordClass(rawValue: 1 << 14)
  /// `used`, `strike`: verbs after "could" that state a capability.
  static let capabilityVerb = WordClass(rawValue: 1 << 15)
  /// `the`, `President`, `Monday`: capitalised words that do not name anyone on their own.
  static let nameStopword = WordClass(rawValue: 1 << 16)
  /// `of`, `de`: lowercase words that may join the parts of a name.
  static let nameJoiner = WordClass(rawValue: 1 << 17)
  /// `is`, `was`, `be`: forms of "to be", for "is said to".
  static let copula = WordClass(rawValue: 1 << 18)
  /// `denied`, `rejected`: speech verbs that may refuse a request.
  static let refusalVerb = WordClass(rawValue: 1 << 19)
  /// `considered`, `described`: participles of judging whose agent ("by officials") is cited.
  static let judgementParticiple = WordClass(rawValue: 1 << 20)
  /// `concluded`, `revealed`: speech verbs that also name acts, reporting only with content.
  static let contentVerb = WordClass(rawValue: 1 << 21)
  /// `council`, `forces`: last words of organisations' names.
  static let orgHead = WordClass(rawValue: 1 << 22)
  /// `north`, `sea`: words of places' names.
  static let placeWord = WordClass(rawValue: 1 << 23)
  /// `in`, `near`: prepositions before a place.
  static let locative = WordClass(rawValue: 1 << 24)
  /// `report`, `study`: documents that can be sources and be given a title.
  static let documentNoun = WordClass(rawValue: 1 << 25)
  /// `in`, `on`, `during`: prepositions, which do not open a speaker's name.
  static let preposition = WordClass(rawValue: 1 << 26)
}

/// Word ids and classes for every word a rule or cue phrase mentions, so that a token is
/// looked up once, when it is made, and rules compare integers and test bits.
enum Vocabulary {
  /// A known word.
  struct Entry: Sendable {
    var id: Int32
    var classes: WordClass
  }

  /// Every known word by its token key.
  static let table: [String: Entry] = {
    var table: [String: Entry] = [:]
    func add(_ words: [String], _ classes: WordClass = []) {
      for phrase in words {
        for key in Tokenizer.rawKeys(of: phrase) {
          if var e = table[key] {
            e.classes.formUnion(classes)
            table[key] = e
          } else {
            table[key] = Entry(id: Int32(table.count), classes: classes)
          }
        }
      }
    }
    for (words, c) in classLists { add(words, c) }
    for phrases in CuePhrases.allLists { add(phrases) }
    return table
  }()

  /// The entry for a token key, if the rules know it.
  static func entry(_ key: String) -> Entry? { table[key] }

  /// Each class with the list in `Resources/words.txt` that holds its words.
  static let classLists: [([String], WordClass)] = [
    (WordLists.phrases("speech-verb"), .speechVerb),
    (WordLists.phrases("tell-verb"), .tellVerb),
    (WordLists.phrases("refusal-verb"), .refusalVerb),
    (WordLists.phrases("judgement-participle"), .judgementParticiple),
    (WordLists.phrases("content-verb"), .contentVerb),
    (WordLists.phrases("org-head"), .orgHead),
    (WordLists.phrases("place-word"), .placeWord),
    (WordLists.phrases("locative"), .locative),
    (WordLists.phrases("document-noun"), .documentNoun),
    (WordLists.phrases("preposition"), .preposition),
    (WordLists.phrases("adverb"), .adverb),
    (WordLists.phrases("parenthetical-start"), .parentheticalStart),
    (WordLists.phrases("boundary"), .boundary),
    (WordLists.phrases("object-stop"), .objectStop),
    (WordLists.phrases("personal-pronoun"), .personalPronoun),
    (WordLists.phrases("leading-filler"), .leadingFiller),
    (WordLists.phrases("source-head"), .sourceHead),
    (WordLists.phrases("person-head"), .personHead),
    (WordLists.phrases("cited-speech-noun"), .citedSpeechNoun),
    (WordLists.phrases("quote-speech-noun"), .quoteSpeechNoun),
    (WordLists.phrases("anaphoric-determiner"), .anaphoricDeterminer),
    (WordLists.phrases("anaphoric-noun"), .anaphoricNoun),
    (WordLists.phrases("request-word"), .requestWord),
    (WordLists.phrases("capability-verb"), .capabilityVerb),
    (WordLists.phrases("copula"), .copula),
    (WordLists.phrases("name-joiner"), .nameJoiner),
    (WordLists.phrases("name-stopword"), .nameStopword),
  ]
}

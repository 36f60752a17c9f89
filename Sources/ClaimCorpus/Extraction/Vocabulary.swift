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

  static let classLists: [([String], WordClass)] = [
    ([
      "said", "says", "say", "told", "tells", "tell", "stated", "reported", "wrote", "writes", "announced",
      "announces", "confirmed", "confirms", "claimed", "claim", "claims", "noted", "notes", "explained", "explains",
      "argued", "argues", "argue", "acknowledged", "acknowledges", "insisted", "insists", "emphasized", "emphasised",
      "reiterated", "indicated", "indicate", "indicates", "demanded", "demands", "urged", "urges", "described",
      "added", "adds", "warned", "warns", "suggested", "suggest", "suggests", "remarked", "stressed", "fear",
      "fears", "predicted", "predicts", "denied", "denies", "rejected", "dismissed", "countered", "asked",
      "replied", "responded", "admitted", "revealed", "maintained", "maintains", "agreed", "testified",
    ], .speechVerb),
    (["told", "tells", "tell"], .tellVerb),
    (["denied", "denies", "rejected"], .refusalVerb),
    ([
      "considered", "seen", "viewed", "regarded", "described", "deemed", "branded", "labelled", "labeled",
      "characterized", "characterised", "criticized", "criticised", "praised", "condemned",
    ], .judgementParticiple),
    ([
      "reportedly", "also", "long", "has", "have", "had", "was", "were", "is", "are", "will", "would", "repeatedly",
      "publicly", "privately", "previously", "later", "then", "still", "quietly", "recently", "once", "again",
      "already", "allegedly", "explicitly", "simply", "part", "for", "his", "her", "their", "its", "reported",
      "further", "initially", "subsequently", "firmly", "flatly", "been", "never", "not", "often",
    ], .adverb),
    (["however", "speaking", "according", "meanwhile", "though", "in", "for", "who", "which", "writing", "citing"], .parentheticalStart),
    ([
      "that", "which", "who", "whom", "whose", "while", "when", "as", "but", "because", "if", "though", "although",
      "whereas", "after", "before", "since", "where", "among", "than", "so", "what", "how", "why", "whether", "and", "or",
    ], .boundary),
    (["that", "on", "about", "as", "published", "last", "this", "earlier", "among", "through"], .objectStop),
    (["he", "she"], .personalPronoun),
    (["and", "but", "so", "also"], .leadingFiller),
    ([
      "source", "sources", "official", "officials", "insider", "insiders", "analyst", "analysts", "critic", "critics",
      "diplomat", "diplomats", "aide", "aides", "spokesman", "spokeswoman", "spokesperson", "people", "person",
      "expert", "experts", "others", "observers", "report", "reports", "administration", "team", "office",
      "ministry", "russians", "ukrainians", "americans", "europeans", "lawmakers", "investigators", "witnesses",
      "statement", "documents", "document", "memo", "intelligence", "correspondent", "reporters", "media",
      "commentators", "advisers", "advisors", "residents", "voters", "leaders", "opponents", "supporters",
      "regulators", "regulator", "authorities", "police", "campaigners", "economists", "think-tank", "watchdog",
      "groups", "group", "spokesmen", "prosecutors", "researchers", "scientists", "academics",
    ], .sourceHead),
    ([
      "president", "minister", "secretary", "leader", "chancellor", "governor", "senator", "general", "commander",
      "chief", "ambassador", "envoy", "director", "chairman", "ceo", "premier", "king", "queen", "mayor",
    ], .personHead),
    (["assertion", "assertions", "remarks", "statement", "statements", "comments", "testimony", "words"], .citedSpeechNoun),
    ([
      "appeal", "plea", "request", "call", "demand", "demands", "words", "remarks", "statement", "warning", "promise",
      "pledge", "vow", "message", "comments", "assertion", "claim",
    ], .quoteSpeechNoun),
    (["this", "that", "these", "those", "such", "their"], .anaphoricDeterminer),
    ([
      "request", "refusal", "decision", "proposal", "idea", "exchange", "weapon", "weapons", "delivery", "move", "deal",
      "offer", "plan", "restriction", "restrictions", "missiles", "systems",
    ], .anaphoricNoun),
    (["request", "requests", "permission", "access", "visa", "entry", "application", "bid", "appeal"], .requestWord),
    ([
      "used", "use", "traded", "provide", "provided", "offer", "offered", "strike", "hit", "reach", "target",
      "carry", "launch", "launched", "deliver", "delivered", "fly", "destroy", "afford", "buy", "build", "supply",
    ], .capabilityVerb),
    (["is", "are", "was", "were", "be", "been", "being"], .copula),
    (["of", "de", "da", "von", "van", "der", "al", "bin", "la", "le", "du", "and"], .nameJoiner),
    ([
      "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
      "his", "her", "their", "our", "my", "your", "but", "and", "or", "so", "yet", "if", "when", "while", "as",
      "at", "in", "on", "for", "from", "to", "with", "by", "of", "after", "before", "since", "during",
      "however", "meanwhile", "moreover", "unlike", "although", "though", "because", "there", "here",
      "what", "who", "which", "why", "how", "where", "all", "some", "many", "most", "one", "two", "three",
      "no", "not", "nor", "neither", "both", "each", "every", "any", "according", "speaking", "judging",
      "president", "former", "secretary", "minister", "foreign", "defense", "defence", "prime", "chancellor",
      "sen", "sen.", "senator", "rep", "rep.", "mr", "mr.", "mrs", "ms", "dr", "gen", "general", "gov",
      "governor", "chief", "executive", "ceo", "chairman", "leader", "spokesman", "spokeswoman", "envoy",
      "special", "state", "top", "photo", "image", "credit", "analysis", "latest", "sir", "lord", "lady",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "ukrainian", "russian", "american", "european", "british", "western", "eastern", "us", "u.s.", "uk",
    ], .nameStopword),
  ]
}

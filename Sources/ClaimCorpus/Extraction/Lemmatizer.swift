/// The inflected forms of a set of lemmas, so that a word's lemma is one look-up:
/// `said` → `say`, `denies` → `deny`, `endorsing` → `endorse`, `tweeted` → `tweet`.
///
///     let lemmas = Lemmatizer(["say", "urge"])
///     lemmas.lemma(of: "urging")   // "urge"
///
/// Irregular forms come from the `irregular-form` list of `Resources/words.txt`; regular ones
/// are made by English spelling rules (`-s`, `-es`, `-ies`, `-ed`, `-d`, `-ied`, `-ing`, a
/// final consonant doubled, a silent `e` dropped). A word made by two lemmas keeps the first.
package struct Lemmatizer: Sendable {
  private var byForm: [String: String] = [:]

  /// The forms of `lemmas`.
  package init(_ lemmas: some Sequence<String>) {
    var irregular: [String: [String]] = [:]
    for (form, lemma) in Self.irregular { irregular[lemma, default: []].append(form) }
    for lemma in lemmas {
      for form in [lemma] + Self.inflections(of: lemma) + (irregular[lemma] ?? []) where byForm[form] == nil {
        byForm[form] = lemma
      }
    }
  }

  /// The lemma `key` (a lowercased word) is a form of, or nil.
  package func lemma(of key: String) -> String? { byForm[key] }

  /// The lemma of an irregular form (`said` → `say`), else the word itself.
  package static func base(of word: String) -> String {
    irregular.first { $0.0 == word }?.1 ?? word
  }

  /// Irregular forms and their lemmas (`said` → `say`, `thought` → `think`).
  static let irregular: [(String, String)] = WordLists.phrases("irregular-form").compactMap { line in
    let parts = line.split(separator: " ")
    return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
  }

  /// The regular inflections of a lemma: `deny` → denies, denied, denying.
  static func inflections(of lemma: String) -> [String] {
    let u = Array(lemma.utf8)
    guard u.count >= 2, u.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }), let last = u.last else { return [] }
    let vowels = Array("aeiou".utf8)
    let isVowel = { (b: UInt8) in vowels.contains(b) }
    let stem = String(decoding: u.dropLast(), as: UTF8.self)
    if last == UInt8(ascii: "e") {
      return [lemma + "s", lemma + "d", stem + "ing"]
    }
    if last == UInt8(ascii: "y"), u.count >= 2, !isVowel(u[u.count - 2]) {
      return [stem + "ies", stem + "ied", lemma + "ing"]
    }
    var forms: [String] = []
    let sibilant = lemma.hasSuffix("s") || lemma.hasSuffix("x") || lemma.hasSuffix("z") || lemma.hasSuffix("ch") || lemma.hasSuffix("sh")
    forms.append(lemma + (sibilant ? "es" : "s"))
    forms += [lemma + "ed", lemma + "ing"]
    // one short vowel before one consonant: "admit" → admitted, "stop" → stopping
    if u.count >= 3, !isVowel(last), !"wxy".utf8.contains(last), isVowel(u[u.count - 2]), !isVowel(u[u.count - 3]) {
      let doubled = lemma + String(UnicodeScalar(last))
      forms += [doubled + "ed", doubled + "ing"]
    }
    return forms
  }
}

// `matches` patterns: the text every match must contain, which lets a text without it skip the
// regular expression, read from the pattern conservatively and checked against ICU itself.
@testable import ClaimQuery
import ClaimTestSupport
import PropertyBased
import Testing

@Suite struct PatternTests {
  @Test(arguments: [
    ("Tom[a-z]+", "Tom"), ("^The [A-Z]", "The "), ("colou?r", "colo"), ("x*yz", "yz"), (#"\bUK\b"#, "UK"),
    ("[abc]def", "def"), ("(a|b)cd", "cd"), ("missile[s]? (were|was)", "missile"),
  ])
  func aRequiredTextIsFound(_ pattern: String, _ required: String) {
    #expect(Pattern.requiredLiteral(pattern) == required)
  }

  @Test(arguments: ["(?i)tomahawk", "said|told", "ab{0,3}c", "a.b", #"\p{L}+abc"#, #"\Qab\E"#, "(?=ab)", "x"])
  func noRequiredTextWhereTheReadingIsUnsure(_ pattern: String) {
    #expect(Pattern.requiredLiteral(pattern) == nil)
  }

  /// Whatever the reading finds, a text that ICU matches contains it.
  @Test func everyMatchContainsTheRequiredText() async {
    let pieces = ["a", "b", "c", " ", "|", "(", ")", "?", "*", "+", "[ab]", ".", "{0,2}", "{2}", "(?i)", #"\b"#, "^", "$"]
    await checkProperty(count: 2000, input: Gen<String?>.element(of: pieces).array(of: 1...8), Gen<Character?>.element(of: Array("abcAB ")).array(of: 0...10)) { picked, letters in
      let source = picked.compactMap { $0 }.joined()
      guard let pattern = Pattern(source), let required = Pattern.requiredLiteral(source) else { return }
      let text = String(letters.compactMap { $0 })
      if pattern.matches(text) { #expect(text.contains(required), "\(source) matches \(text) without \(required)") }
      #expect(pattern.mayMatch(Array(text.utf8)[...]) == text.contains(required))
    }
  }
}

// `matches` patterns: the text every match must contain, which lets a text without it skip the
// regular expression, read from the pattern conservatively and checked against ICU itself.
@testable import ClaimQuery
import ClaimTestSupport
import PropertyBased
import Testing

@Suite struct PatternTests {
  @Test(arguments: [
    ("Tom[a-z]+", "Tom"), ("^The [A-Z]", "The "), ("colou?r", "colo"), ("x*yz", "yz"), (#"\bUK\b"#, "UK"),
    ("[abc]def", "def"), ("(a|b)cd", "cd"), ("missile[s]? (were|was)", "missile"), ("ab{2}c", "ab"),
    (#"\(?said that"#, "said that"), ("café[s]", "café"), ("abc{1,}d{0,}", "abc"),
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
    let pieces = [
      "a", "b", "c", "ab", "ca", " ", "|", "(", ")", "?", "*", "+", "[ab]", ".", "{0,2}", "{2}", "{1,}", #"\("#, "(?i)", #"\b"#, "^", "$",
    ]
    await checkProperty(
      count: 2000, input: Gen<String?>.element(of: pieces).array(of: 1...8), Gen<Character?>.element(of: Array("abcAB (")).array(of: 0...10)
    ) { picked, letters in
      let source = picked.compactMap { $0 }.joined()
      guard let pattern = Pattern(source), let required = Pattern.requiredLiteral(source) else { return }
      let text = String(letters.compactMap { $0 })
      if pattern.matches(text) { #expect(text.contains(required), "\(source) matches \(text) without \(required)") }
      #expect(pattern.mayMatch(Array(text.utf8)[...]) == text.contains(required))
    }
  }

  @Test(arguments: [
    ("abc", 0, 1), ("Tom[a-z]+", 1, 1), ("said|told", 0, 2), ("a{2,5}b?", 0, 8), ("x+?y*+", 2, 1), ("[*+?|(]", 0, 1),
    (#"\*\+"#, 0, 1), (#"(?i)\b(sources?|officials?|insiders?)\b"#, 0, 32), ("(?:ab)c+", 1, 1), ("(?<name>a)b", 0, 1),
    ("[]a]+", 1, 1), ("[^]]*", 1, 1), ("a{3}b{2,}c{,4}", 2, 1), (#"\p{L}+x{2,}"#, 2, 1), (#"\x{41}{1,3}"#, 0, 3),
  ])
  func backtrackingCountsUnboundedQuantifiersAndMultipliesTheOtherChoices(_ pattern: String, _ unbounded: Int, _ factor: Int) {
    #expect(Pattern.backtracking(pattern) == Pattern.Backtracking(unbounded: unbounded, factor: factor))
  }

  /// The one reading of ICU syntax that both analyses above use.
  @Test func patternsReadIntoTokens() {
    let tokens = PatternToken.read(#"a\p{L}[b[c]\]]+?(?i:x)|\Qy*\E{2,}\k<n>{3}"#)
    #expect(
      tokens == [
        .character("a"), .escape("p", argument: "L"), .characterClass(nested: true), .quantifier(.plus),
        .groupStart(flags: "i"), .character(":"), .character("x"), .groupEnd, .alternative,
        .quoted("y*"), .quantifier(.atLeast(2)), .escape("k", argument: "n"), .quantifier(.exactly(3)),
      ])
    #expect(PatternToken.read("[]^]{2,1}") == [.characterClass(nested: false), .quantifier(.unread)])
    #expect(PatternToken.read("[a[b]") == nil, "a class that does not end")
    #expect(PatternToken.read(#"ab\"#) == nil, "a lone backslash")
  }

  @Test func theUnwatchedLengthKeepsWithinTheStepBudget() {
    #expect(Pattern.unwatchedLength(.init(unbounded: 0, factor: 1)) == Pattern.stepBudget)
    #expect(Pattern.unwatchedLength(.init(unbounded: 1, factor: 1)) == 2048)
    #expect(Pattern.unwatchedLength(.init(unbounded: 0, factor: 32)) == Pattern.stepBudget / 32)
    #expect(Pattern.unwatchedLength(.init(unbounded: 0, factor: Pattern.stepBudget + 1)) == 0)
  }

  @Test(arguments: [
    #"(\w+\s?)+$"#, "(a|b)*", "(ab)?", "(a){2}", #"(\w)\1"#, #"\k<n>"#, #"\Qa*\E"#, "(?x) a b", "(?ix)a", "[a-z&&[^b]]", "[ab",
  ])
  func noBoundWhereBacktrackingMayMultiply(_ pattern: String) {
    #expect(Pattern.backtracking(pattern) == nil)
  }

  /// A catastrophic pattern is matched with ICU's progress calls, so a cancellation stops it;
  /// a bounded one on a short text is matched without them, and answers the same.
  @Test func aCatastrophicMatchStopsWhenCancelledAndABoundedOneAnswersAlike() async {
    let catastrophic = Pattern(#"(\w+\s?)+$"#)!
    let flag = Cancellation()
    let stopper = Task.detached {
      try? await Task.sleep(for: .milliseconds(50))
      flag.cancel()
    }
    // 40 word characters and a full stop: about 2^40 ways to fail without the cancellation
    #expect(!catastrophic.matches(String(repeating: "abcd ", count: 8) + "!", cancellation: flag))
    await stopper.value
    await checkProperty(count: 500, input: Gen<Character?>.element(of: Array("Tomahwk a.")).array(of: 0...60)) { letters in
      let text = String(letters.compactMap { $0 })
      let pattern = Pattern("Tom[a-z]+|wk a")!
      #expect(pattern.matches(text, cancellation: Cancellation()) == pattern.matches(text), "\(text)")
    }
  }
}

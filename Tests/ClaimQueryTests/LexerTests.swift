// The lexer as token tables: every kind of token, errors as tokens, newlines in parentheses.
@testable import ClaimQuery
import Testing

@Suite struct LexerTests {
  func kinds(_ text: String) -> [TokenKind] { Lexer.tokens(in: SourceText(text)).map(\.kind) }

  @Test func tokensOfAQuery() {
    #expect(
      kinds(#"claims WHERE actor = "Zelensky" limit 5"#) == [
        .identifier("claims"), .keyword(.where), .identifier("actor"), .equal, .string("Zelensky"), .keyword(.limit), .integer(5), .end,
      ])
  }

  @Test func operatorsAndPunctuation() {
    #expect(
      kinds("= == != <> < <= > >= ( ) , ;") == [
        .equal, .equal, .notEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .leftParen, .rightParen, .comma, .semicolon, .end,
      ])
  }

  @Test func literals() {
    #expect(
      kinds(#"2025-10-17 42 'single' "esc\"aped\n" true"#) == [
        .date(Day(parsing: "2025-10-17")!), .integer(42), .string("single"), .string("esc\"aped\n"), .keyword(.true), .end,
      ])
  }

  @Test func newlinesEndStatementsExceptInParentheses() {
    #expect(kinds("a (\nb)\nc") == [.identifier("a"), .leftParen, .identifier("b"), .rightParen, .newline, .identifier("c"), .end])
  }

  @Test func commentsRunToTheEndOfTheLine() {
    #expect(kinds("claims -- all of them\ndocs") == [.identifier("claims"), .newline, .identifier("docs"), .end])
  }

  @Test func errorsBecomeTokensAndScanningGoesOn() {
    #expect(kinds("a @ b") == [.identifier("a"), .invalid(.unexpectedCharacter("@")), .identifier("b"), .end])
    #expect(kinds(#""open"#) == [.invalid(.unterminatedString), .end])
    #expect(kinds("2025-13-45") == [.invalid(.invalidDate("2025-13-45")), .end])
    #expect(kinds("99999999999999999999") == [.invalid(.integerTooLarge), .end])
    #expect(kinds(#""regex \b\d""#) == [.string(#"regex \b\d"#), .end])
  }

  @Test func rangesAreUTF8Offsets() {
    let tokens = Lexer.tokens(in: SourceText(#"é = "日本""#))
    #expect(
      tokens.map(\.range) == [
        SourceRange(start: 0, end: 2), SourceRange(start: 3, end: 4), SourceRange(start: 5, end: 13), SourceRange(start: 13, end: 13),
      ])
  }

  @Test func completeness() {
    #expect(Completeness.of("claims count").isComplete)
    let list = Completeness.of(#"claims where topic in ("a","#)
    #expect(!list.openString && list.openParentheses == 1)
    #expect(Completeness.of(#"claims where actor = "Zel"#).openString)
    #expect(Completeness.of("claims where ((a = 1)").openParentheses == 1)
    #expect(Completeness.of("claims where a = ')'").isComplete)
  }
}

// The lexer's rules read from Grammar/claimsh.ebnf, so the two cannot drift apart: the
// keywords are the grammar's quoted words, the comparison operators are compare_op's
// alternatives (and no other run of = ! < > is one token), strings take exactly the quote
// pairs of the string rule, names start and go on with the characters the name rule names,
// and integers and dates are shaped as their rules say.
@testable import ClaimQuery
import Foundation
import Testing

@Suite struct LexicalGrammarTests {
  /// The right-hand side of the grammar's rule `name`.
  static func rule(_ name: String) throws -> String {
    let line = try #require(GrammarTests.grammar.split(separator: "\n").first { $0.hasPrefix("\(name) = ") })
    return String(line.dropFirst("\(name) = ".count).dropLast(2))  // " ;"
  }

  /// The quoted terminals of `text`: "where", '"', "“".
  static func terminals(_ text: some StringProtocol) -> [String] {
    var found: [String] = []
    var i = text.startIndex
    while i < text.endIndex {
      let c = text[i]
      if c == "\"" || c == "'" {
        let start = text.index(after: i)
        guard let end = text[start...].firstIndex(of: c) else { break }
        found.append(String(text[start..<end]))
        i = text.index(after: end)
      } else {
        i = text.index(after: i)
      }
    }
    return found
  }

  static func kinds(_ text: String) -> [TokenKind] {
    Lexer.tokens(in: SourceText(text)).map(\.kind).filter { $0 != .end }
  }

  @Test func theKeywordsAreTheGrammarsQuotedWords() {
    let syntactic = GrammarTests.grammar.split(separator: "\n").filter { !$0.hasPrefix("(*") }
    let words = Set(syntactic.flatMap { Self.terminals($0) }.filter { $0.first?.isLetter == true })
    #expect(words == Set(Keyword.allCases.map(\.rawValue)))
    for word in words {
      #expect(Self.kinds(word.uppercased()) == [.keyword(Keyword(rawValue: word)!)], "\(word)")
    }
  }

  @Test func comparisonOperatorsAreExactlyCompareOp() throws {
    let operators = Set(Self.terminals(try Self.rule("compare_op")))
    #expect(operators.count >= 6)
    let symbols: [Character] = ["=", "!", "<", ">"]
    var candidates = symbols.map { String($0) }
    for a in symbols { for b in symbols { candidates.append(String([a, b])) } }
    for text in candidates {
      let kinds = Self.kinds(text)
      let oneComparison = kinds.count == 1 && [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(kinds[0])
      #expect(oneComparison == operators.contains(text), "\(text) lexes as \(kinds)")
    }
  }

  @Test func stringsTakeTheQuotePairsOfTheStringRule() throws {
    let quotes = Self.terminals(try Self.rule("string")).filter { $0 != "character" }
    let pairs = stride(from: 0, to: quotes.count - 1, by: 2).map { (quotes[$0], quotes[$0 + 1]) }
    #expect(pairs.count == 4, "\(pairs)")
    for (open, close) in pairs {
      #expect(Self.kinds("\(open)Zelensky said\(close)") == [.string("Zelensky said")], "\(open)…\(close)")
      #expect(Self.kinds("\(open)a\\\"b\(close)") == [.string("a\"b")], "escapes inside \(open)…\(close)")
    }
    for (open, close) in [("«", "»"), ("„", "“"), ("`", "`")] where !pairs.contains(where: { $0 == (open, close) }) {
      #expect(!Self.kinds("\(open)x\(close)").contains(.string("x")), "\(open)x\(close) is not a string in the grammar")
    }
  }

  @Test func namesUseTheCharactersOfTheNameRule() throws {
    // name = ( letter | "_" ) , { letter | digit | "_" }: what may start a name, then go on
    let parts = try Self.rule("name").components(separatedBy: " , ")
    try #require(parts.count == 2)
    func admits(_ part: String, _ c: Character) -> Bool {
      (part.contains("letter") && c.isLetter) || (part.contains("digit") && c.isNumber) || Self.terminals(part).contains(String(c))
    }
    let samples: [Character] = ["a", "Z", "é", "日", "Ж", "_", "7", "$", "@", "-", "😀", "·", "ß"]
    for c in samples {
      let startsName = admits(parts[0], c)
      let goesOn = admits(parts[1], c)
      #expect((Self.kinds("\(c)x") == [.identifier("\(c)x")]) == startsName, "\(c) starting a name: \(Self.kinds("\(c)x"))")
      #expect((Self.kinds("x\(c)") == [.identifier("x\(c)")]) == goesOn, "\(c) inside a name: \(Self.kinds("x\(c)"))")
    }
  }

  @Test func integersAndDatesAreShapedAsTheirRulesSay() throws {
    #expect(try Self.rule("integer") == "digit , { digit }")
    #expect(try Self.rule("date").split(separator: ",").count == 10)
    #expect(Self.kinds("2025") == [.integer(2025)])
    #expect(Self.kinds("2025-10-17") == [.date(Day(parsing: "2025-10-17")!)])
    #expect(Self.kinds("2025-1-17").allSatisfy { if case .date = $0 { false } else { true } })
  }
}

// Grammar/ and the parser cannot drift apart: every example in Grammar/ and every statement
// of examples/*.cq (but the error-* scripts) parses, and every syntactic rule has its parse
// method, whose comment is the rule as Grammar/ writes it.
@testable import ClaimQuery
import ClaimTestSupport
import Foundation
import Testing

@Suite struct GrammarTests {
  static let grammar = try! String(contentsOf: Fixtures.root.appendingPathComponent("Grammar/claimsh.ebnf"), encoding: .utf8)

  static var grammarExamples: [String] {
    grammar.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("(* example: ") else { return nil }
      return String(line.dropFirst("(* example: ".count).dropLast(" *)".count))
    }
  }

  @Test func theGrammarHasExamples() {
    #expect(Self.grammarExamples.count >= 10)
  }

  @Test(arguments: grammarExamples) func grammarExampleParses(_ example: String) {
    for item in Parser.parse(example).items {
      if case .failure(let d, _) = item { Issue.record("\(example): \(d.message)") }
    }
  }

  @Test func everyExampleScriptParses() throws {
    let dir = Fixtures.root.appendingPathComponent("examples")
    let scripts = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".cq") && !$0.hasPrefix("error-") }
    #expect(!scripts.isEmpty)
    for name in scripts {
      // dot-commands are the shell's, on lines of their own (the input loop hands them on apart)
      let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        .split(separator: "\n", omittingEmptySubsequences: false).map {
          $0.trimmingCharacters(in: .whitespaces).hasPrefix(".") ? "" : String($0)
        }
        .joined(separator: "\n")
      let items = Parser.parse(text).items
      #expect(!items.isEmpty, "\(name) has no statements")
      for item in items {
        if case .failure(let d, _) = item { Issue.record("\(name): \(d.message)") }
      }
    }
  }

  @Test func everySyntacticRuleHasItsParseMethod() throws {
    let parsing = Fixtures.root.appendingPathComponent("Sources/ClaimQuery/Parsing")
    var source = ""
    for file in try FileManager.default.contentsOfDirectory(atPath: parsing.path) {
      source += try String(contentsOf: parsing.appendingPathComponent(file), encoding: .utf8)
    }
    let lexical: Set<String> = ["separator", "compare_op", "name", "string", "integer", "date", "newline"]
    let rules = Self.grammar.split(separator: "\n").compactMap { line -> String? in
      guard !line.hasPrefix("(*"), let eq = line.firstIndex(of: "=") else { return nil }
      return line[..<eq].trimmingCharacters(in: .whitespaces)
    }
    #expect(rules.count >= 20)
    for rule in rules where !lexical.contains(rule) {
      let method = "parse" + rule.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
      #expect(source.contains("func \(method)("), "rule '\(rule)' has no \(method)")
    }
  }

  /// The rules the parser's comments quote (`/// rule = … ;`, over one or more comment lines),
  /// each right before the method that parses it.
  static func quotedRules(_ source: String) -> [(rule: String, text: String, method: String)] {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    var found: [(String, String, String)] = []
    var k = 0
    while k < lines.count {
      guard lines[k].hasPrefix("/// "), let eq = lines[k].range(of: " = "), case let rule = lines[k].dropFirst(4)[..<eq.lowerBound],
        rule.allSatisfy({ $0.isLowercase || $0 == "_" })
      else {
        k += 1
        continue
      }
      var text = String(lines[k].dropFirst(4))
      while !text.hasSuffix(";"), k + 1 < lines.count, lines[k + 1].hasPrefix("///") {
        k += 1
        text += " " + lines[k].dropFirst(3).trimmingCharacters(in: .whitespaces)
      }
      k += 1
      let method = k < lines.count && lines[k].contains("func parse") ? lines[k] : ""
      found.append((String(rule), text, method))
    }
    return found
  }

  @Test func theParsersCommentsQuoteTheGrammar() throws {
    let parsing = Fixtures.root.appendingPathComponent("Sources/ClaimQuery/Parsing")
    var quoted: [(rule: String, text: String, method: String)] = []
    for file in try FileManager.default.contentsOfDirectory(atPath: parsing.path) {
      quoted += Self.quotedRules(try String(contentsOf: parsing.appendingPathComponent(file), encoding: .utf8))
    }
    let rules = Dictionary(
      Self.grammar.split(separator: "\n").compactMap { line -> (String, String)? in
        guard !line.hasPrefix("(*"), let eq = line.range(of: " = ") else { return nil }
        return (String(line[..<eq.lowerBound]), String(line))
      }, uniquingKeysWith: { a, _ in a })
    let fold = { (s: String) in s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    let lexical: Set<String> = ["separator", "compare_op", "name", "string", "integer", "date", "newline"]
    for rule in rules.keys where !lexical.contains(rule) {
      let method = "func parse" + rule.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "("
      #expect(quoted.contains { $0.rule == rule && $0.method.contains(method) }, "no '/// \(rule) = … ;' right before \(method)")
    }
    for q in quoted {
      #expect(fold(q.text) == rules[q.rule].map(fold), "the comment of \(q.rule) is not Grammar/'s rule")
    }
  }
}

// The JSON Lines parser: values, escapes, and errors with their byte offsets.
@testable import ClaimCorpus
import Testing

@Suite struct JSONParserTests {
  func parse(_ text: String) throws(JSONParser.Failure) -> JSONValue { try JSONParser.parse(Array(text.utf8)[...]) }

  @Test func values() throws {
    #expect(try parse(#"{"a": [1, 2.5, true, null, "x"]}"#) == .object([("a", .array([.number(1), .number(2.5), .bool(true), .null, .string("x")]))]))
  }

  @Test func escapes() throws {
    #expect(try parse(#""a\"b\\c\nd\u00e9\ud83d\ude00""#) == .string("a\"b\\c\nd\u{e9}😀"))
  }

  @Test(arguments: [
    (#"{"a": 1"#, "expected ',' or '}', found end of record"),
    (#"{broken"#, "expected a string key"),
    (#"[1,]"#, "expected a value"),
    (#""abc"#, "unterminated string"),
    (#"{"a": 1} x"#, "expected end of record"),
    (#"tru"#, "expected 'true'"),
  ])
  func errors(_ input: String, _ message: String) {
    #expect(throws: JSONParser.Failure.self) { try parse(input) }
    do { _ = try parse(input) } catch { #expect(error.message == message) }
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JSONParser.Failure.self) { try parse(deep) }
  }

  @Test func writerRoundTrips() throws {
    let text = "quote \" backslash \\ newline \n tab \t bell \u{7} é 😀"
    #expect(try parse(JSONWriter.quoted(text)) == .string(text))
  }
}

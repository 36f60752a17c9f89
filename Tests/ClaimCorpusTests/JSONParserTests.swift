// The JSON Lines parser: values, escapes, and errors with their byte offsets.
@testable import ClaimCorpus
import ClaimTestSupport
import PropertyBased
import Testing

@Suite struct JSONParserTests {
  func parse(_ text: String) throws(JSONParser.Failure) -> JSONValue { try JSONParser.parse(Array(text.utf8)[...]) }

  @Test func values() throws {
    #expect(
      try parse(#"{"a": [1, 2.5, true, null, "x"]}"#)
        == .object([("a", .array([.number(1), .number(2.5), .bool(true), .null, .string("x")]))]))
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

  /// Characters the writer escapes (controls, separators, bidi) beside ones it keeps whose
  /// UTF-8 starts with the same bytes (C2 A0, E2 80 94, E2 81 A0).
  static let palette: [Unicode.Scalar] = [
    "a", " ", "\"", "\\", "\n", "\u{7}", "\u{7F}", "\u{85}", "\u{A0}", "é", "\u{2028}", "\u{2029}", "\u{202A}", "\u{202E}", "\u{2014}",
    "\u{2066}", "\u{2069}", "\u{2060}", "😀",
  ]

  @Test func writtenTextRoundTripsAndCannotDriveATerminal() async {
    await checkProperty(count: 1000, input: Gen<Unicode.Scalar?>.element(of: Self.palette).array(of: 0...10)) { picked in
      var text = ""
      text.unicodeScalars.append(contentsOf: picked.compactMap { $0 })
      let written = JSONWriter.quoted(text)
      #expect((try? parse(written)) == .string(text))
      let escaped: (Unicode.Scalar) -> Bool = {
        $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x2028...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
      }
      #expect(!written.unicodeScalars.contains(where: escaped), "\(picked)")
    }
  }
}

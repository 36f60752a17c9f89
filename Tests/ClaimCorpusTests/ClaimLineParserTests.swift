// The claims-record fast path: what each member reads as, defaults, and errors with their byte
// offsets; and the interner the values go to.
@testable import ClaimCorpus
import Testing

@Suite struct ClaimLineParserTests {
  /// The one claim `line` reads as.
  func claim(_ line: String) throws(JSONParser.Failure) -> Claim {
    var fields = ClaimFields()
    var builder = ClaimColumnsBuilder()
    let bytes = Array(line.utf8)
    try bytes.withUnsafeBufferPointer { p throws(JSONParser.Failure) in
      try ClaimLineParser.parse(p, into: &fields)
      builder.append(fields, line: p)
    }
    return builder.build().claim(0)
  }

  @Test func membersAndEscapes() throws {
    let c = try claim(
      #"{"id": 7, "doc": "d1", "source": "CNN", "date": "2025-10-03", "actors": ["Trump", "Zelensky", "Trump"], "topics": "Tomahawk", "#
        + #""cited": ["Reuters"], "speaker": "Trump", "kind": "quote", "hedge": "reported", "cue": "said", "quote": "q", "#
        + #""text": "He said \"no\" \u00e9 \ud83d\ude00 \\ done", "extra": {"a": [1, {"b": null}], "c": -1.5e3}}"#)
    #expect(c.doc == "d1" && c.source == "CNN" && c.date?.description == "2025-10-03")
    #expect(c.actors == ["Trump", "Zelensky"])
    #expect(c.topics == ["Tomahawk"] && c.cited == ["Reuters"])
    #expect(c.speaker == "Trump" && c.kind == "quote" && c.hedge == "reported" && c.cue == "said" && c.quote == "q")
    #expect(c.text == "He said \"no\" é 😀 \\ done")
  }

  @Test func defaultsNumbersAndNulls() throws {
    let c = try claim(#"{"doc": 17, "speaker": null, "actors": [1, null, "A", 2.5], "topics": null, "text": "t"}"#)
    #expect(c.doc == "17" && c.source == "17")
    #expect(c.speaker == nil)
    #expect(c.actors == ["1", "A", "2.5"])
    #expect(c.topics == [])
    #expect(c.kind == "statement" && c.hedge == "asserted")
  }

  @Test func aRepeatedListMemberKeepsTheLastOne() throws {
    #expect(try claim(#"{"actors": ["A"], "actors": ["B", "C"]}"#).actors == ["B", "C"])
  }

  @Test(arguments: [
    (#"{"doc": "d1""#, "expected ',' or '}', found end of record", 12),
    (#"["doc"]"#, "expected a JSON object", 0),
    (#"{"doc" "d1"}"#, "expected ':' after key", 7),
    (#"{"text": "abc}"#, "unterminated string", 14),
    (#"{"doc": "d1"} x"#, "expected end of record", 14),
    (#"{"id": 01}"#, "expected ',' or '}'", 8),
    (#"{"x": tru}"#, "expected 'true'", 6),
    (#"{"text": "a\qb"}"#, "bad escape '\\q'", 11),
    (#"{"actors": ["a" "b"]}"#, "expected ',' or ']'", 16),
  ])
  func errors(_ line: String, _ message: String, _ offset: Int) {
    do {
      _ = try claim(line)
      Issue.record("\(line) parsed")
    } catch {
      #expect(error.message == message)
      #expect(error.offset == offset)
    }
  }
}

@Suite struct ByteInternerTests {
  @Test func codesAreDenseStableAndSurviveGrowth() {
    var interner = ByteInterner()
    let values = (0..<5000).map { "value \($0)" } + ["", "é", String(repeating: "long ", count: 40)]
    let codes = values.map { interner.code($0) }
    #expect(codes == (0..<Int32(values.count)).map { $0 })
    #expect(values.map { interner.code($0) } == codes)
    #expect(interner.strings() == values)
  }
}

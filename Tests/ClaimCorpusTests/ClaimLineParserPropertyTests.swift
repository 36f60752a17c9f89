// The claims-record fast path against the JSON tree parser: on generated records (strings
// with escapes, numbers, nulls, arrays, objects, unknown and repeated members, broken
// syntax), both accept the same lines and read the same claim from them.
@testable import ClaimCorpus
import ClaimTestSupport
import PropertyBased
import Testing

@Suite struct ClaimLineParserPropertyTests {
  static let keys = [
    "doc", "source", "date", "text", "actors", "actor", "topics", "cited", "speaker", "kind", "hedge", "cue", "quote", "id", "extra",
  ]
  static let pieces = [
    "a", "Trump", " ", "é", "日", "😀", #"\""#, #"\\"#, #"\n"#, #"\u00e9"#, #"\ud83d\ude00"#, #"\/"#, "2025-10-03", "x y",
  ]

  /// A JSON value drawn from `seed`, consuming it.
  static func value(_ seed: inout [Int], depth: Int = 0) -> String {
    func next() -> Int { seed.isEmpty ? 0 : seed.removeFirst() }
    switch next() % (depth > 1 ? 6 : 8) {
    case 0, 1: return "\"" + (0..<(next() % 4)).map { _ in pieces[next() % pieces.count] }.joined() + "\""
    case 2: return ["0", "17", "123456789012345", "-3", "2.5", "1e2", "-0", "1234567890123456789"][next() % 8]
    case 3: return ["null", "true", "false"][next() % 3]
    case 4: return "\"2025-1\(next() % 3)-0\(1 + next() % 9)\""
    case 5: return "\"\""
    case 6: return "[" + (0..<(next() % 4)).map { _ in value(&seed, depth: depth + 1) }.joined(separator: ", ") + "]"
    default: return "{\"k\": " + value(&seed, depth: depth + 1) + "}"
    }
  }

  /// A record drawn from `seed`; now and then with its syntax broken.
  static func record(_ seed: [Int]) -> String {
    var seed = seed
    func next() -> Int { seed.isEmpty ? 0 : seed.removeFirst() }
    let members = (0..<(next() % 7)).map { _ in "\"\(keys[next() % keys.count])\": " + value(&seed) }
    var line = "{" + members.joined(separator: next() % 2 == 0 ? ", " : ",") + "}"
    switch next() % 12 {
    case 0: line.removeLast()
    case 1: line += " x"
    case 2: line = line.replacingOccurrences(of: ":", with: "")
    default: break
    }
    return line
  }

  /// The claim a record means, read through the JSON tree.
  static func reference(_ line: String) -> Claim? {
    (try? JSONParser.parse(Array(line.utf8)[...])).flatMap(ClaimRecord.claim)
  }

  /// The claim the fast path reads, or nil when it rejects the line.
  static func fast(_ line: String) -> Claim? {
    var fields = ClaimFields()
    var builder = ClaimColumnsBuilder()
    let ok = Array(line.utf8).withUnsafeBufferPointer { p -> Bool in
      do {
        try ClaimLineParser.parse(p, into: &fields)
      } catch {
        return false
      }
      builder.append(fields, line: p)
      return true
    }
    return ok ? builder.build().claim(0) : nil
  }

  @Test func fastPathAgreesWithTheTreeParser() async {
    await checkProperty(count: 1000, input: Gen<Int>.int(in: 0...1000).array(of: 0...60)) { seed in
      let line = Self.record(seed)
      let (expected, actual) = (Self.reference(line), Self.fast(line))
      #expect((expected == nil) == (actual == nil), "\(line)")
      if let expected, let actual {
        #expect(actual.doc == expected.doc && actual.source == expected.source && actual.date == expected.date, "\(line)")
        #expect(
          actual.text == expected.text && actual.actors == expected.actors && actual.topics == expected.topics
            && actual.cited == expected.cited, "\(line)")
        #expect(actual.speaker == expected.speaker && actual.kind == expected.kind && actual.hedge == expected.hedge, "\(line)")
        #expect(actual.cue == expected.cue && actual.quote == expected.quote, "\(line)")
      }
    }
  }
}

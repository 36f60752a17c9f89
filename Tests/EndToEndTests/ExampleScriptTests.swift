// Every saved script in examples/ run by the built claimsh on the seeds, against its golden
// NAME.out (stdout, stderr, exit status). RECORD_SNAPSHOTS=1 re-records.
import ClaimTestSupport
import Foundation
import Testing

struct Example: Sendable, CustomTestStringConvertible {
  let name: String
  var testDescription: String { name }

  static var all: [Example] {
    let dir = Fixtures.root.appendingPathComponent("examples")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return files.filter { $0.hasSuffix(".cq") }.sorted().map { Example(name: String($0.dropLast(3))) }
  }
}

@Suite(.serialized) struct ExampleScriptTests {
  @Test func thereAreAtLeastTenExamples() {
    #expect(Example.all.count >= 10)
  }

  @Test(arguments: Example.all) func runs(_ example: Example) throws {
    let r = try Fixtures.claimsh(["--corpus", "seeds", "-f", "examples/\(example.name).cq"])
    let transcript = "-- stdout\n\(r.stdout)-- stderr\n\(r.stderr)-- exit \(r.status)\n"
    try Golden.check(transcript, against: Fixtures.root.appendingPathComponent("examples/\(example.name).out"))
  }
}

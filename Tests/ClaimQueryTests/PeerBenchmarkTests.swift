// The peer benchmark's six queries, written in claimsh's language, return exactly the rows
// that the peers and the pure-Python reference return: same checksums as ref.py, on 10,000
// generated claims made in the test's temporary folder. (Speed is measured by `make bench`,
// not here.)
import ClaimQuery
import ClaimTestSupport
@testable import claimsh_bench
import Foundation
import Testing

@Suite struct PeerBenchmarkTests {
  static let bench = Fixtures.root.appendingPathComponent("Tests/ClaimQueryTests/Bench")

  @Test func sameRowsAsTheReference() throws {
    let python = try #require(Run.which("python3"), "python3 runs the generator; `make test` installs it")
    let data = try Fixtures.temporaryFolder()
    let gen = try Run.process(python, [Self.bench.appendingPathComponent("gen_claims.py").path, "10000", "--out", data.path])
    #expect(gen.status == 0, "\(gen.stderr)")

    // the reference, with its data folder pointed at ours
    let reference = try Run.process(
      python,
      [
        "-c",
        """
        import sys; sys.path.insert(0, '\(Self.bench.path)'); sys.argv = ['ref.py', '10000']
        import peers; peers.DATA = '\(data.path)'
        path = '\(Self.bench.appendingPathComponent("ref.py").path)'
        exec(compile(open(path).read(), path, 'exec'), {'__file__': path, '__name__': '__main__'})
        """,
      ])
    #expect(reference.status == 0, "\(reference.stderr)")
    let expected = Dictionary(
      uniqueKeysWithValues: reference.stdout.split(separator: "\n").map { line -> (String, String) in
        let parts = line.split(separator: " ")
        return (String(parts[0]), String(parts.last ?? ""))
      })

    let corpus = CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon).load(paths: [
      data.appendingPathComponent("n10000/claims.jsonl").path
    ])
    #expect(corpus.claimCount == 10000)
    var engine = QueryEngine(corpus: corpus)
    var rows: [String] = []
    for (name, query) in BenchmarkQueries.peers {
      let table = try engine.table(query)
      rows.append("\"\(name)\": [" + table.rows.map { "[" + $0.map(\.json).joined(separator: ",") + "]" }.joined(separator: ",") + "]")
    }
    let ours = try Run.process(
      python,
      [
        "-c",
        """
        import json, sys; sys.path.insert(0, '\(Self.bench.path)')
        from peers import checksum
        for q, rows in json.load(sys.stdin).items(): print(q, checksum(rows))
        """,
      ], input: "{" + rows.joined(separator: ",") + "}")
    #expect(ours.status == 0, "\(ours.stderr)")
    for line in ours.stdout.split(separator: "\n") {
      let parts = line.split(separator: " ")
      #expect(expected[String(parts[0])] == String(parts[1]), "\(parts[0]) differs from ref.py")
    }
    #expect(ours.stdout.split(separator: "\n").count == 6)
  }
}

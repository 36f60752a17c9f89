// `claimsh --corpus - -c claims --mode jsonl`: documents on standard input, claims out as they
// are extracted, in input order, the same claims as one run over the same documents (ids
// aside: in a stream each document's claims count from 0). Spark's RDD.pipe runs it over
// partitions and gets the same claims (run when `make test` made the venv with PySpark).
import ClaimCorpus
import ClaimTestSupport
import Foundation
import Testing

@Suite struct StreamExtractionTests {
  /// The seed articles as JSON Lines documents.
  static func seedDocuments() throws -> String {
    try Fixtures.seedCorpus().documents.map { d in
      let record: [String: String] = [
        "id": d.id, "title": d.title ?? "", "source": d.source, "date": d.date?.description ?? "", "text": d.text,
      ]
      return String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self)
    }.joined(separator: "\n") + "\n"
  }

  /// Claims as JSON lines, without their ids, in order.
  static func withoutIds(_ jsonl: String) throws -> [String] {
    try jsonl.split(separator: "\n").map { line in
      var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      object["id"] = nil
      return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
  }

  @Test func theStreamGivesTheClaimsOfOneRun() throws {
    let documents = try Self.seedDocuments()
    let file = try Fixtures.temporaryFolder().appendingPathComponent("docs.jsonl")
    try documents.write(to: file, atomically: false, encoding: .utf8)
    let stream = try Fixtures.claimsh(["--corpus", "-", "-c", "claims", "--mode", "jsonl"], input: documents)
    #expect(stream.status == 0, "\(stream.stderr)")
    let whole = try Fixtures.claimsh(["--corpus", file.path, "-c", "claims", "--mode", "jsonl"])
    #expect(try Self.withoutIds(stream.stdout) == Self.withoutIds(whole.stdout))
    #expect(stream.stdout.split(separator: "\n").count > 50)
    // each document's claims count from 0: doc and id name a claim in any partition
    #expect(stream.stdout.hasPrefix("{\"id\":0,"))
  }

  @Test func badLinesAreReportedAndTheRestExtracted() throws {
    let input =
      "{\"id\": \"a\", \"text\": \"Officials said on Monday that the talks would resume.\"}\nnot json\n{\"id\": \"b\"}\n"
      + "{\"id\": \"c\", \"source\": \"Reuters\", \"text\": \"The minister said the budget would pass, Reuters reported.\"}\n"
    let r = try Fixtures.claimsh(["--corpus", "-", "-c", "claims", "--mode", "jsonl"], input: input)
    #expect(r.status == 0)
    #expect(r.stderr.contains("stdin:2: malformed JSON") && r.stderr.contains("stdin:3: no \"text\" field"))
    #expect(r.stdout.contains("\"doc\":\"a\"") && r.stdout.contains("\"doc\":\"c\""))
    let wrong = try Fixtures.claimsh(["--corpus", "-", "-c", "claims count"], input: input)
    #expect(wrong.status == 2 && wrong.stderr.contains("give -c claims --mode jsonl"))
  }

  static let python = ProcessInfo.processInfo.environment["CLAIMSH_SQL_PYTHON"]

  @Test(.enabled(if: python != nil, "PySpark runs from the virtual environment `make test` makes (CLAIMSH_SQL_PYTHON)"))
  func sparkPipesPartitionsThroughClaimsh() throws {
    let dir = try Fixtures.temporaryFolder()
    let docs = dir.appendingPathComponent("docs.jsonl")
    try Self.seedDocuments().write(to: docs, atomically: false, encoding: .utf8)
    let script = """
      import json, sys
      from pyspark import SparkContext
      sc = SparkContext("local[2]", "claimsh-pipe")
      sc.setLogLevel("ERROR")
      lines = sc.textFile(sys.argv[1], 3).pipe(sys.argv[2] + " --corpus - -c claims --mode jsonl").collect()
      print(json.dumps(lines))
      sc.stop()
      """
    let file = dir.appendingPathComponent("pipe.py")
    try script.write(to: file, atomically: false, encoding: .utf8)
    let spark = try Run.process(try #require(Self.python), [file.path, docs.path, Fixtures.binary])
    #expect(spark.status == 0, "\(spark.stderr.suffix(2000))")
    let lines = try #require(
      try JSONSerialization.jsonObject(with: Data(spark.stdout.split(separator: "\n").last.map(String.init)?.utf8 ?? "[]".utf8))
        as? [String])
    let whole = try Fixtures.claimsh(["--corpus", docs.path, "-c", "claims", "--mode", "jsonl"])
    #expect(try Self.withoutIds(lines.joined(separator: "\n")).sorted() == Self.withoutIds(whole.stdout).sorted())
  }
}

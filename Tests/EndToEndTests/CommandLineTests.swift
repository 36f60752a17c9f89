// The built claimsh, run as a user runs it.
//
// Groups: claims and docs on the seeds; bad corpora; bad command lines.
import ClaimTestSupport
import Foundation
import Testing

@Suite(.serialized) struct CommandLineTests {
  @Test func claimsAsJSONLines() throws {
    let r = try Fixtures.claimsh(["--corpus", "seeds", "-c", "claims", "--mode", "jsonl"])
    #expect(r.status == 0)
    #expect(r.stderr == "")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count >= 100)
    let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
    let keys = ["id", "doc", "source", "date", "text", "actor", "speaker", "cited", "topic", "kind", "hedge", "cue", "quote"]
    #expect(Set(first?.keys.map { $0 } ?? []) == Set(keys))
  }

  @Test func docsOnePerDocument() throws {
    let r = try Fixtures.claimsh(["--corpus", "seeds", "-c", "docs", "--mode", "jsonl"])
    #expect(r.status == 0)
    #expect(r.stdout.split(separator: "\n").count == 5)
  }

  @Test func badFilesWarnOnStandardErrorAndTheRestLoads() throws {
    let dir = try Fixtures.temporaryFolder()
    try "Trump said so.".write(to: dir.appendingPathComponent("good.txt"), atomically: false, encoding: .utf8)
    try Data().write(to: dir.appendingPathComponent("empty.txt"))
    let r = try Fixtures.claimsh(["--corpus", dir.path, "-c", "docs", "--mode", "jsonl"])
    #expect(r.status == 0)
    #expect(r.stdout.split(separator: "\n").count == 1)
    #expect(r.stderr.contains("empty.txt: skipped: empty"))
  }

  @Test func aSavedSnapshotLoadsBackWithTheSameAnswers() throws {
    let path = try Fixtures.temporaryFolder().appendingPathComponent("seeds.claimsh").path
    let saved = try Fixtures.claimsh(["--corpus", "seeds", "-c", ".save \(path)"])
    #expect(saved.status == 0)
    #expect(saved.stderr == "wrote 5 documents and 123 claims to \(path)\n")
    for query in ["claims group by source, hedge", ".claim 7", "docs select id, title, sentences"] {
      let fresh = try Fixtures.claimsh(["--corpus", "seeds", "-c", query])
      let again = try Fixtures.claimsh(["--corpus", path, "-c", query])
      #expect(again.stdout == fresh.stdout && again.status == 0 && again.stderr == "", "\(query)")
    }
    let unwritable = try Fixtures.claimsh(["--corpus", "seeds", "-c", ".save /nonexistent/dir/x.claimsh"])
    #expect(unwritable.status == 1)
    #expect(unwritable.stderr.contains("cannot write '/nonexistent/dir/x.claimsh'"))
  }

  @Test func aMissingLexiconIsABadCommandLine() throws {
    let r = try Fixtures.claimsh(["--lexicon", "/nonexistent.tsv", "-c", "claims"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("/nonexistent.tsv: cannot read the lexicon"))
  }

  @Test func aPipedScriptRunsWithoutPromptsAndNamesItsLines() throws {
    let r = try Fixtures.claimsh(["--corpus", "seeds"], input: "claims count\nclaims wher actor = 1\n.mode jsonl\ndocs count\n")
    #expect(r.status == 1)
    #expect(!r.stdout.contains("claimsh>"))
    #expect(r.stdout.contains("{\"count\":5}"))
    #expect(r.stderr.contains("--> line 2 of standard input, column 8"))
  }

  @Test func scriptFilesAndDotCommands() throws {
    let dir = try Fixtures.temporaryFolder()
    let script = dir.appendingPathComponent("s.cq")
    try ".mode csv\nclaims where hedge = \"hedged\" count\n.claim 2\n".write(to: script, atomically: false, encoding: .utf8)
    let r = try Fixtures.claimsh(["--corpus", "seeds", "-f", script.path])
    #expect(r.status == 0)
    // CSV: a header, then the count on its own line
    let lines = r.stdout.components(separatedBy: "\n")
    #expect(lines.first == "count" && !lines[1].isEmpty && lines[1].allSatisfy(\.isNumber))
    #expect(r.stdout.contains("hedge.uncertainty"))
    let missing = try Fixtures.claimsh(["-f", "/nonexistent.cq"])
    #expect(missing.status == 2)
  }

  @Test func helpAndVersion() throws {
    let help = try Fixtures.claimsh(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("--corpus"))
    let version = try Fixtures.claimsh(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
  }

  @Test func aBadModeIsABadCommandLine() throws {
    let r = try Fixtures.claimsh(["--mode", "yaml", "-c", "claims count"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("unknown mode 'yaml'"))
  }

  @Test func unknownOptionsExitTwo() throws {
    let r = try Fixtures.claimsh(["--no-such-option"])
    #expect(r.status == 2)
  }
}

@Suite struct InitFileTests {
  @Test func theInitFileRunsFirstUnlessNoInit() throws {
    let config = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: config) }
    try FileManager.default.createDirectory(at: config.appendingPathComponent("claimsh"), withIntermediateDirectories: true)
    try ".mode csv\nlet trump = claims where actor = \"Trump\"\n".write(
      to: config.appendingPathComponent("claimsh/init.cq"), atomically: false, encoding: .utf8)
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CONFIG_HOME"] = config.path
    let r = try Fixtures.claimsh(["--corpus", "seeds", "-c", "trump count"], environment: environment)
    #expect(r.status == 0)
    #expect(r.stdout == "count\n49\n")
    let skipped = try Fixtures.claimsh(["--corpus", "seeds", "--no-init", "-c", "trump count"], environment: environment)
    #expect(skipped.status == 1)
    #expect(skipped.stderr.contains("unknown collection 'trump'"))
  }

  @Test func bailStopsAScriptAndHelpNamesTheExitStatuses() throws {
    let dir = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("bail.cq")
    try "claims count\nclaims where nosuchfield = 1\nclaims count\n".write(to: script, atomically: false, encoding: .utf8)
    let r = try Fixtures.claimsh(["--corpus", "seeds", "-bail", "--mode", "csv", "-f", script.path])
    #expect(r.status == 1)
    #expect(r.stdout == "count\n123\n")
    let help = try Fixtures.claimsh(["--help"])
    #expect(help.stdout.contains("Exit status: 0 when every statement ran"))
    #expect(help.stdout.contains("Examples:"))
  }

  @Test func repeatedDashCRunsEveryStatementInOrder() throws {
    // the second -c was silently all that ran: here `.mode csv` must shape what follows it
    let r = try Fixtures.claimsh([
      "--corpus", "seeds", "--no-init", "-c", ".mode csv", "-c", "claims count", "-c", "claims where hedge = \"hedged\" count",
    ])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 4 && lines[0] == "count" && lines[1] == "123" && lines[2] == "count", "\(r.stdout)")
    // a string left open is that statement's error, not the next one's; the rest still run
    let open = try Fixtures.claimsh([
      "--corpus", "seeds", "--no-init", "--mode", "csv", "-c", "claims where text contains \"x", "-c", "claims count",
    ])
    #expect(open.status == 1 && open.stdout == "count\n123\n" && open.stderr.contains("unterminated string"))
    // .quit ends them; -bail stops at the first error
    #expect(try Fixtures.claimsh(["--no-init", "-c", ".quit", "-c", "claims count"]).stdout.isEmpty)
    #expect(try Fixtures.claimsh(["--no-init", "-bail", "-c", "claims wher", "-c", "claims count"]).stdout.isEmpty)
    // --sql compiles one statement
    let twice = try Fixtures.claimsh(["--sql", "duckdb", "-c", "claims count", "-c", "claims count"])
    #expect(twice.status == 2 && twice.stderr.contains("--sql compiles one statement: give -c once"))
  }
}

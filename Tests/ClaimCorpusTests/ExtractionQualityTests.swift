// Extraction against the gold labels of the five seeds and of eight crawled articles (dev2,
// GUIDELINES.md), scored by score.py.
//
// Groups: the floors of the foundation issue; the targets on seeds and dev2 together; the shape
// of every claim.
import ClaimCorpus
import ClaimTestSupport
import Foundation
import Testing

@Suite struct ExtractionQualityTests {
  static let gold = Fixtures.root.appendingPathComponent("Tests/ClaimCorpusTests/Gold")

  /// The scorer's figures for the seeds' claims, or with `dev2` for the seeds' and dev2's
  /// together (as `../shared/acceptance/8-extraction` scores them).
  static func score(dev2: Bool = false) throws -> [String: Double] {
    let folder = try Fixtures.temporaryFolder()
    var claims = Fixtures.seedCorpus().claims
    var goldFolder = gold
    if dev2 {
      let lexicon = CorpusLoader.defaultLexicon().lexicon
      claims += CorpusLoader(lexicon: lexicon).load(paths: [gold.appendingPathComponent("dev2/articles").path]).claims
      goldFolder = folder.appendingPathComponent("gold")
      try FileManager.default.createDirectory(at: goldFolder, withIntermediateDirectories: true)
      for source in [gold, gold.appendingPathComponent("dev2")] {
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".json") {
          try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: goldFolder.appendingPathComponent(name))
        }
      }
    }
    let claimsFile = folder.appendingPathComponent("claims.jsonl")
    try claims.map(\.json).joined(separator: "\n").write(to: claimsFile, atomically: false, encoding: .utf8)
    let python = try #require(Run.which("python3"), "python3 runs the scorer; `make test` installs it")
    let result = try Run.process(python, [gold.appendingPathComponent("score.py").path, claimsFile.path, goldFolder.path, "--json"])
    #expect(result.status == 0, "score.py failed: \(result.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
  }

  @Test func meetsTheFloorsOnTheSeeds() throws {
    let r = try Self.score()
    let floors: [(String, Double)] = [
      ("speaker_precision", 0.90), ("speaker_recall", 0.80), ("cited_precision", 0.85), ("cited_recall", 0.75),
      ("hedge_accuracy", 0.75), ("actor_precision", 0.80), ("actor_recall", 0.80), ("topic_precision", 0.80),
      ("topic_recall", 0.80), ("sentence_coverage", 0.95),
    ]
    for (metric, floor) in floors {
      #expect((r[metric] ?? 0) >= floor, "\(metric) \(r[metric] ?? 0) is below \(floor)")
    }
    #expect(r["debris_claims"] == 0, "claims taken from debris")
    #expect(r["unmatched_docs"] == 0)
  }

  /// The targets of the extraction issue, on articles beyond the seeds: a rule that helps the
  /// seeds and hurts real news shows here.
  @Test func meetsTheTargetsOnSeedsAndDev2Together() throws {
    let r = try Self.score(dev2: true)
    let targets: [(String, Double)] = [
      ("speaker_precision", 0.92), ("speaker_recall", 0.80), ("cited_precision", 0.90), ("cited_recall", 0.80),
      ("hedge_accuracy", 0.82), ("actor_precision", 0.88), ("actor_recall", 0.85), ("topic_precision", 0.85),
      ("topic_recall", 0.80),
    ]
    for (metric, target) in targets {
      #expect((r[metric] ?? 0) >= target, "\(metric) \(r[metric] ?? 0) is below \(target)")
    }
    #expect(r["debris_claims"] == 0, "claims taken from debris")
    #expect(r["unmatched_docs"] == 0)
  }

  @Test func everyClaimHasEvidenceForItsFields() {
    let corpus = Fixtures.seedCorpus()
    #expect(corpus.claims.count >= 40)
    for claim in corpus.claims {
      let fields = Set(claim.evidence.map(\.field))
      #expect(fields.contains("hedge"))
      for actor in claim.actors {
        #expect(claim.evidence.contains { $0.field == "actor" && $0.value == actor }, "no evidence for actor \(actor)")
      }
      for topic in claim.topics { #expect(claim.evidence.contains { $0.field == "topic" && $0.value == topic }) }
      for cited in claim.cited { #expect(claim.evidence.contains { $0.field == "cited" && $0.value == cited }) }
      if let speaker = claim.speaker { #expect(claim.evidence.contains { $0.field == "speaker" && $0.value == speaker }) }
      if claim.hedge == "asserted" { #expect(claim.cue == nil) } else { #expect(claim.cue != nil) }
      #expect(Hedge(rawValue: claim.hedge) != nil)
      #expect(ClaimKind(rawValue: claim.kind) != nil)
    }
  }

  @Test func claimIDsFollowLoadOrder() {
    let claims = Fixtures.seedCorpus().claims
    #expect(claims.map(\.id) == Array(0..<claims.count))
  }
}

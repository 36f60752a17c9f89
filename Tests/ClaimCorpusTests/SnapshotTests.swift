// Snapshots: a corpus written and read back is the same corpus, evidence included; a cut or
// damaged snapshot is reported and gives nothing: every flipped bit is refused (CRC-32C per section);
// one of another version (format or fields) is refused as that.
import CFastScan
@testable import ClaimCorpus
import ClaimTestSupport
import Foundation
import Testing

@Suite struct SnapshotTests {
  static let loader = CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon)

  /// The fields of a claim, evidence included, as one comparable value.
  func summary(_ c: Claim) -> String {
    "\(c.id) \(c.doc) \(c.source) \(String(describing: c.date)) \(c.text) \(c.actors) \(String(describing: c.speaker)) \(c.cited) "
      + "\(c.topics) "
      + "\(c.kind) \(c.hedge) \(String(describing: c.cue)) \(String(describing: c.quote)) "
      + "\(c.evidence.map { "\($0.field)=\($0.value)@\($0.span.start)-\($0.span.end):\($0.rule)" })"
  }

  @Test func theSeedsComeBackWholeWithTheirEvidence() throws {
    let corpus = Fixtures.seedCorpus()
    let path = try Fixtures.temporaryFolder().appendingPathComponent("seeds.claimsh").path
    #expect(CorpusSnapshot.write(corpus, to: path) == nil)
    let back = Self.loader.load(paths: [path])
    #expect(back.warnings.isEmpty)
    #expect(back.documents.map(\.id) == corpus.documents.map(\.id))
    #expect(back.documents.map(\.text) == corpus.documents.map(\.text))
    #expect(back.documents.map(\.sentences) == corpus.documents.map(\.sentences))
    #expect(back.documents.map(\.debris) == corpus.documents.map(\.debris))
    #expect(back.documents.map(\.title) == corpus.documents.map(\.title))
    #expect(back.claims.map(summary) == corpus.claims.map(summary))
    #expect(
      (0..<back.claimCount).map { summary(back.columns.claim($0)) } == (0..<corpus.claimCount).map { summary(corpus.columns.claim($0)) })
    // known by its first bytes under another name too
    let renamed = path + ".bin"
    try FileManager.default.copyItem(atPath: path, toPath: renamed)
    #expect(Self.loader.load(paths: [renamed]).claims.map(summary) == corpus.claims.map(summary))
  }

  @Test func aSnapshotLoadedAfterOtherFilesKeepsItsClaimsApart() throws {
    let corpus = Fixtures.seedCorpus()
    let path = try Fixtures.temporaryFolder().appendingPathComponent("seeds.claimsh").path
    #expect(CorpusSnapshot.write(corpus, to: path) == nil)
    let both = Self.loader.load(paths: [Fixtures.seeds, path])
    #expect(both.claimCount == 2 * corpus.claimCount)
    #expect(both.claims.count == 2 * corpus.claims.count)
    let second = both.claims[corpus.claims.count]
    #expect(second.id == corpus.claimCount + corpus.claims[0].id)
    #expect(summary(both.columns.claim(second.id)).hasPrefix("\(second.id) \(second.doc)"))
  }

  @Test func aCutOrDamagedSnapshotIsReportedNeverLoadedHalf() throws {
    let corpus = Fixtures.seedCorpus()
    let folder = try Fixtures.temporaryFolder()
    let path = folder.appendingPathComponent("seeds.claimsh").path
    #expect(CorpusSnapshot.write(corpus, to: path) == nil)
    let whole = try Data(contentsOf: URL(fileURLWithPath: path))
    let broken = folder.appendingPathComponent("broken.claimsh").path
    for cut in stride(from: CorpusSnapshot.magic.count, to: whole.count, by: whole.count / 10) {
      try whole.prefix(cut).write(to: URL(fileURLWithPath: broken))
      let c = Self.loader.load(paths: [broken])
      #expect(c.documents.isEmpty && c.claimCount == 0)
      #expect(c.warnings.first?.message.hasPrefix("skipped: a broken snapshot") == true)
    }
  }

  /// Every section ends with its CRC-32C: a flipped bit anywhere (a text byte, a count, a code,
  /// a checksum) is refused with its offset, never loaded as other data.
  @Test func everyFlippedBitIsRefused() throws {
    // one seed article (with debris, quotes and evidence), so 1,000 reads stay quick
    let article = Fixtures.root.appendingPathComponent("seeds/004_4a0debfa6182fa5f.txt").path
    let corpus = CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon).load(paths: [article])
    #expect(!corpus.documents[0].debris.isEmpty && corpus.claims.contains { !$0.evidence.isEmpty })
    let path = try Fixtures.temporaryFolder().appendingPathComponent("seeds.claimsh").path
    #expect(CorpusSnapshot.write(corpus, to: path) == nil)
    let whole = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    // 1,000 flips from a fixed seed, so a failure replays; and the first and last bytes
    var random = SplitMix64(seed: 0xC1A1_5EED)
    let positions = (0..<1000).map { _ in Int.random(in: 0..<whole.count, using: &random) } + [0, whole.count - 1]
    for at in positions {
      var damaged = whole
      damaged[at] ^= 1 << UInt8.random(in: 0..<8, using: &random)
      let broken = path + ".flip"
      try Data(damaged).write(to: URL(fileURLWithPath: broken))
      guard case .failure(let failure) = CorpusSnapshot.read(broken) else {
        Issue.record("a flipped bit at byte \(at) loaded")
        continue
      }
      #expect(failure.offset >= 0 && failure.offset <= whole.count)
    }
  }

  /// A whole snapshot that another version wrote (another format, or other fields) is refused
  /// as such, not called damaged; under any name, it is still known as a snapshot.
  @Test func aSnapshotOfAnotherVersionIsRefusedAsSuch() throws {
    let folder = try Fixtures.temporaryFolder()
    func write(_ name: String, _ body: (BinaryWriter) -> Void) -> String {
      let path = folder.appendingPathComponent(name).path
      let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      let w = BinaryWriter(fd: fd)
      body(w)
      w.flush()
      close(fd)
      return path
    }
    let older = write("older.claimsh") { w in
      Array("claimsh snapshot 2\n".utf8).withUnsafeBytes { w.bytes($0) }
      w.endSection()
      w.int(0)
    }
    let renamed = write("renamed.bin") { w in
      CorpusSnapshot.magic.withUnsafeBytes { w.bytes($0) }
      w.endSection()
      w.strings(CorpusSnapshot.fields.map { $0 == "claim.cue: string" ? "claim.cues: list" : $0 })
      w.endSection()
    }
    let corpus = Self.loader.load(paths: [older, renamed])
    #expect(corpus.documents.isEmpty && corpus.claimCount == 0)
    #expect(
      corpus.warnings.map(\.message) == [
        "skipped: a snapshot made by another version of claimsh (format 2; this one reads format 3); load its articles and .save it again",
        "skipped: a snapshot made by another version of claimsh (its fields claim.cues: list where this one has claim.cue: string); "
          + "load its articles and .save it again",
      ])
  }

  @Test func crc32cIsTheStandardOneOnBothPaths() {
    let check = Array("123456789".utf8)
    #expect(claimsh_crc32c_update(0xFFFF_FFFF, check, check.count) ^ 0xFFFF_FFFF == 0xE306_9283)
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    for n in [0, 1, 7, 8, 9, 63, 1000] {
      #expect(claimsh_crc32c_update(0xFFFF_FFFF, bytes, n) == claimsh_crc32c_table(0xFFFF_FFFF, bytes, n))
    }
  }
}

// Texts kept in segments: appended one by one or a column at a time, read back by row.
@testable import ClaimCorpus
import Testing

@Suite struct TextColumnTests {
  /// A column of `texts`, a new segment started before each index in `cuts`.
  func column(_ texts: [String], cuts: Set<Int>) -> TextColumn {
    var column = TextColumn()
    for (k, t) in texts.enumerated() {
      if cuts.contains(k) { column.startSegment(capacity: 0) }
      column.append(t)
    }
    return column
  }

  @Test func rowsReadBackAcrossSegments() {
    let texts = ["a", "", "long text é", "b", "", "c", "dd"]
    let c = column(texts, cuts: [3, 5])
    #expect(c.count == texts.count)
    #expect(c.segments.count == 3)
    #expect((0..<c.count).map { c.text($0) } == texts)
    #expect(c.rows(ofSegment: 1) == 3..<5)
    #expect(c.segment(of: 4) == 1 && c.segment(of: 6) == 2)
  }

  @Test func appendingAColumnSharesItsSegments() {
    var a = column(["x", "yy"], cuts: [])
    let b = column(["p", "q", "r"], cuts: [1])
    a.append(contentsOf: b)
    a.append("after")
    #expect((0..<a.count).map { a.text($0) } == ["x", "yy", "p", "q", "r", "after"])
    #expect(a.segments.count == 3)
    #expect(a.offsets.last == 3 + 3 + 5)
    #expect(TextColumn().count == 0)
  }
}

import ClaimQuery

extension Session {
  /// `.story ID`: the story's timeline, outlet by outlet, who cites whom, and its conflicts with
  /// their evidence, at the terminal's width (80 columns when not on a terminal).
  func showStory(_ argument: (word: String, range: Range<Int>)?, fail: (String) -> DotResult) -> DotResult {
    guard let argument, let id = Int(argument.word) else {
      return fail("expected a story id (a number), e.g. .story 1; 'stories' lists them")
    }
    guard let report = engine.storyReport(id, width: spec.width ?? 80) else {
      let count =
        (try? engine.table("stories count").rows.first?.first).flatMap { $0.flatMap { if case .int(let n) = $0 { n } else { nil } } } ?? 0
      return fail(
        count == 0 ? "no story \(id): no claims of different documents report one event here" : "no story \(id); ids run from 1 to \(count)"
      )
    }
    // each line made safe for the terminal; the line breaks are the report's own
    out(report.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSafe.escape(String($0)) }.joined(separator: "\n"))
    return .done
  }
}

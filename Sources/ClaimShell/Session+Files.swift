import ClaimQuery
import Foundation

/// `.read`, `.load`, `.save` and `.export`: the dot-commands that touch files.
extension Session {
  /// Runs a script file, nested at most `maximumReadDepth` deep.
  func read(_ path: String, fail: (String) -> DotResult) -> DotResult {
    guard readDepth < Self.maximumReadDepth else { return fail(".read nested more than \(Self.maximumReadDepth) deep") }
    let text: String
    switch Paths.readText(Paths.expandingTilde(path)) {
    case .success(let read): text = read
    case .failure(let problem): return fail("cannot read '\(path)': \(problem.message)")
    }
    readDepth += 1
    defer { readDepth -= 1 }
    return runScript(text, file: path) ? .done : .failed
  }

  /// Loads `paths` as the new corpus; `let` names are forgotten. When the paths give nothing
  /// (missing, empty, every file refused), the current corpus and every name stay.
  func load(_ paths: [String]) -> DotResult {
    let corpus = CorpusLoader(lexicon: lexicon).load(paths: paths.map { Paths.expandingTilde($0) })
    for w in corpus.warnings { err("warning: \(TerminalSafe.escape(w.description))") }
    guard !corpus.documents.isEmpty || corpus.claimCount > 0 else {
      err(
        "error: nothing loaded from \(TerminalSafe.escape(paths.joined(separator: " "))); the corpus is as it was "
          + "(\(engine.corpus.documents.count) documents, \(engine.corpus.claimCount) claims)"
      )
      return .failed
    }
    engine = QueryEngine(corpus: corpus)
    lastTable = nil
    err("loaded \(corpus.documents.count) documents, \(corpus.claimCount) claims, \(corpus.warnings.count) warnings")
    return .done
  }

  /// Writes the corpus to `path` as a snapshot (`CorpusSnapshot`).
  func save(to typed: String, fail: (String) -> DotResult) -> DotResult {
    let path = Paths.expandingTilde(typed)
    if let reason = CorpusSnapshot.write(engine.corpus, to: path) { return fail("cannot write '\(typed)': \(reason)") }
    err("wrote \(engine.corpus.documents.count) documents and \(engine.corpus.claimCount) claims to \(path)")
    return .done
  }

  /// Writes a result to `path` in the format its extension names (`.parquet` for Apache
  /// Parquet), through a temporary file renamed into place, so a failure leaves no
  /// half-written file. The query's warnings and errors point into its line (`place`).
  func export(to typed: String, query: String?, at place: QueryPlace?, fail: (String) -> DotResult) -> DotResult {
    let path = Paths.expandingTilde(typed)
    let ext = (path as NSString).pathExtension.lowercased()
    let modes: [String: RenderSpec.Mode] = ["jsonl": .jsonl, "ndjson": .jsonl, "csv": .csv, "json": .json, "md": .markdown]
    let mode = modes[ext]
    guard mode != nil || ext == "parquet" else {
      return fail("cannot tell the format of '\(path)'; name it .jsonl, .csv, .json or .parquet")
    }
    // claims are read cell by cell from the store, and written piece by piece
    let cells: ResultCells
    do throws(Diagnostic) {
      if let text = query.flatMap({ $0.isEmpty ? nil : $0 }) {
        cells = try engine.cells(text)
      } else if let lastTable {
        cells = ResultCells(lastTable)
      } else {
        cells = try engine.cells("claims")
      }
    } catch {
      report([error], query: query ?? "claims", at: query == nil ? nil : place)
      return .failed
    }
    if let query { report(engine.takeWarnings(), query: query, at: place) }
    let stop = cancellation
    let problem = Self.writeReplacing(path) { handle in
      if let mode {
        let spec = RenderSpec(mode: mode, guardFormulas: spec.guardFormulas)
        try Renderer.stream(cells, spec, shouldStop: { stop.shouldStop }) { try handle.write(contentsOf: $0) }
      } else {
        try ParquetWriter.write(cells) { try handle.write(contentsOf: $0) }
      }
    }
    if problem != nil, stop.isCancelled {
      err("interrupted; nothing written to \(path)")
      return .failed
    }
    if problem != nil, stop.isPastDeadline {
      err("error: .export ran past its time limit of \(timeout.map(Self.seconds) ?? "") s (.timeout); nothing written to \(path)")
      return .failed
    }
    if let problem { return fail("cannot write '\(path)': \(problem)") }
    err("wrote \(cells.count) rows to \(path)")
    return .done
  }

  /// Writes `path` through a temporary file beside it, renamed into place when `body` has
  /// written everything; returns why it failed, or nil.
  static func writeReplacing(_ path: String, _ body: (FileHandle) throws -> Void) -> String? {
    let directory = (path as NSString).deletingLastPathComponent
    let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
      return "cannot create a file in '\(directory.isEmpty ? "." : directory)'"
    }
    do {
      try body(handle)
      try handle.close()
    } catch {
      try? handle.close()
      unlink(temporary)
      return error.localizedDescription
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      return reason
    }
    return nil
  }
}

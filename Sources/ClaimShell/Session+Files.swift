import ClaimQuery
import Foundation

/// `.read`, `.load`, `.save` and `.export`: the dot-commands that touch files.
extension Session {
  /// Runs a script file, nested at most `maximumReadDepth` deep.
  func read(_ path: String, fail: (String) -> DotResult) -> DotResult {
    guard readDepth < Self.maximumReadDepth else { return fail(".read nested more than \(Self.maximumReadDepth) deep") }
    guard let data = FileManager.default.contents(atPath: path) else { return fail("cannot read '\(path)'") }
    readDepth += 1
    defer { readDepth -= 1 }
    return runScript(String(decoding: data, as: UTF8.self), file: path) ? .done : .failed
  }

  /// Loads `paths` as the new corpus; `let` names are forgotten.
  func load(_ paths: [String]) -> DotResult {
    let corpus = CorpusLoader(lexicon: lexicon).load(paths: paths)
    for w in corpus.warnings { err("warning: \(w)") }
    engine = QueryEngine(corpus: corpus)
    lastTable = nil
    err("loaded \(corpus.documents.count) documents, \(corpus.claimCount) claims, \(corpus.warnings.count) warnings")
    return corpus.documents.isEmpty && corpus.claimCount == 0 ? .failed : .done
  }

  /// Writes the corpus to `path` as a snapshot (`CorpusSnapshot`).
  func save(to path: String, fail: (String) -> DotResult) -> DotResult {
    if let reason = CorpusSnapshot.write(engine.corpus, to: path) { return fail("cannot write '\(path)': \(reason)") }
    err("wrote \(engine.corpus.documents.count) documents and \(engine.corpus.claimCount) claims to \(path)")
    return .done
  }

  /// Writes a result to `path` in the format its extension names, through a temporary file
  /// renamed into place, so a failure leaves no half-written file.
  func export(to path: String, query: String?, fail: (String) -> DotResult) -> DotResult {
    let ext = (path as NSString).pathExtension.lowercased()
    let modes: [String: RenderSpec.Mode] = ["jsonl": .jsonl, "ndjson": .jsonl, "csv": .csv, "json": .json, "md": .markdown]
    guard let mode = modes[ext] else { return fail("cannot tell the format of '\(path)'; name it .jsonl, .csv or .json") }
    let table: Table
    do throws(Diagnostic) {
      if let query, !query.isEmpty {
        table = try engine.table(query)
      } else {
        if let last = lastTable { table = last } else { table = try engine.table("claims") }
      }
    } catch {
      err(DiagnosticRenderer.render([error], in: SourceText(query ?? "claims"), color: spec.color))
      return .failed
    }
    let text = Renderer.render(table, RenderSpec(mode: mode, guardFormulas: spec.guardFormulas))
    let directory = (path as NSString).deletingLastPathComponent
    let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
      return fail("cannot write '\(path)'")
    }
    guard rename(temporary, path) == 0 else {
      unlink(temporary)
      return fail("cannot write '\(path)': \(String(cString: strerror(errno)))")
    }
    err("wrote \(table.rows.count) rows to \(path)")
    return .done
  }
}

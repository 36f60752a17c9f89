// A libFuzzer target over the loaders: each input becomes one file (byte 0 picks JSON Lines, a
// JSON array, an article with a `key: value` header, a snapshot, Parquet, a web page, or a web archive), loaded as a corpus and
// asked a few questions. Whatever loads must survive a snapshot: written with `.save`'s writer
// and read back, it must answer the same, or the target stops. Built with `make fuzz`; built
// plainly, it runs the files it is given.
import ClaimCorpus
import ClaimQuery
import Foundation
import FuzzSupport

let loader = CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon)

/// A private folder for the input's file and its snapshot (in memory where there is /dev/shm).
let folder: String = {
  let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
  let path = "\(base)/claimsh-fuzz-load-\(getpid())"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}()

/// The file kinds byte 0 chooses from, by the name the loader sees.
let kinds = ["jsonl", "json", "txt", "claimsh", "parquet", "html", "warc"]

/// Questions every loaded corpus is asked, over every collection and the main operators.
let probes = """
  claims group by source, hedge, topic, kind order by source, hedge, topic, kind
  claims where text contains "e" or actor is not null order by date desc, id limit 20 select id, doc, date, speaker, cited, quote
  docs
  entities
  topics
  claims where date >= 2000-01-01 group by doc with count(distinct actor) as a, min(date) as first
  """

/// The probes' answers, as JSON (the script fuzzer renders tables in every mode).
func answers(_ corpus: Corpus) -> String {
  var engine = QueryEngine(corpus: corpus)
  var text = ""
  for outcome in engine.run(probes).outcomes {
    switch outcome {
    case .table(let t, _): text += Renderer.render(t, RenderSpec(mode: .json))
    case .failure(let d, _), .warning(let d, _): text += d.message + "\n"
    case .bound(let name, let rows, _): text += "\(name) \(rows)\n"
    }
  }
  return text
}

/// Loads one input as a file of the kind its first byte picks, asks the probes, and checks
/// that a snapshot of what loaded answers the same.
func load(_ input: UnsafeRawBufferPointer) {
  guard let first = input.first else { return }
  let path = "\(folder)/input.\(kinds[Int(first) % kinds.count])"
  guard FileManager.default.createFile(atPath: path, contents: Data(input.dropFirst())) else { fatalError("cannot write \(path)") }
  let corpus = loader.load(paths: [path])
  let before = answers(corpus)
  guard !corpus.documents.isEmpty || corpus.claimCount > 0 else { return }
  let snapshot = "\(folder)/again.claimsh"
  if let failure = CorpusSnapshot.write(corpus, to: snapshot) { fatalError("a snapshot could not be written: \(failure)") }
  let again = loader.load(paths: [snapshot])
  guard again.warnings.isEmpty, answers(again) == before else {
    fatalError("a snapshot answers differently from the corpus it was made of: \(again.warnings)")
  }
}

@main enum FuzzTarget {
  static func main() { FuzzDriver.main(verb: "loaded", load) }
}

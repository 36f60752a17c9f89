import ClaimCorpus
import ClaimQuery
import Foundation

// claimsh-bench: figures for the benchmarks, printed, never asserted.
//
//   claimsh-bench load PATH [RUNS]      load + extract PATH RUNS times in this process;
//                                       prints the median and min wall time
//   claimsh-bench queries FILE [REPS]   load FILE (a claims JSONL), build the engine, then
//                                       run Q1..Q6 and a one-row query, each once to warm up
//                                       and REPS timed runs; prints one JSON object with the
//                                       timings, each query's rows (for checksums) and its
//                                       DuckDB SQL, and the time to load the corpus back from
//                                       a snapshot
//   claimsh-bench stories PATH [RUNS] [SHOW]
//                                       load PATH, then build its stories table RUNS times
//                                       (each on a new engine); prints the median and min
//                                       time, and the SHOW biggest stories with their first
//                                       conflicts, to read by hand
//   claimsh-bench html DIR OUT          find the article body of every DIR/*.html page on one
//                                       core (libxml2's parse included); writes {id: text}
//                                       to OUT and prints one JSON object: pages, seconds, pages
//                                       per second
//   claimsh-bench engine FILE           load FILE and build the engine, once; prints one JSON
//                                       object with the load and build times and peak memory
//
// Pin it to one core to measure a single-core run: `taskset -c 0 claimsh-bench load …`.

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ xs: [Double]) -> Double {
  let s = xs.sorted()
  return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Peak resident memory of this process, in MB (VmHWM).
func peakMB() -> Double {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
  else { return 0 }
  return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
}

let args = CommandLine.arguments
let loader = CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon)
switch (args.count >= 3 ? args[1] : "") {
case "load":
  let runs = max(1, args.count > 3 ? Int(args[3]) ?? 5 : 5)
  var corpus: Corpus? = nil
  var times: [Double] = []
  for _ in 0..<runs {
    corpus = nil  // the last run's corpus is freed outside the timing
    times.append(seconds { corpus = loader.load(paths: [args[2]]) })
  }
  let documents = corpus?.documents.count ?? 0
  let claims = corpus?.claimCount ?? 0
  let words = corpus?.documents.reduce(0) { $0 + $1.text.split(whereSeparator: \.isWhitespace).count } ?? 0
  print("load+extract \(args[2])")
  print("  documents \(documents), claims \(claims), words \(words)")
  print(
    String(
      format: "  median %.3f s, min %.3f s over %d runs (%.0f words/s)", median(times), times.min()!, runs, Double(words) / median(times)))
case "queries":
  let reps = max(1, args.count > 3 ? Int(args[3]) ?? 7 : 7)
  var corpus: Corpus!
  let load = seconds { corpus = loader.load(paths: [args[2]]) }
  var engine: QueryEngine!
  let build = seconds { engine = QueryEngine(corpus: corpus) }
  let claims = corpus.claimCount
  var results: [String] = []
  for (name, query) in BenchmarkQueries.peers + [("trivial", BenchmarkQueries.trivial)] {
    let result = try engine.table(query)
    var times: [Double] = []
    for _ in 0..<reps {
      times.append(try seconds { _ = try engine.table(query) })
    }
    let rows = "[" + result.rows.map { "[" + $0.map(\.json).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
    let sql = try SQLCompiler(dialect: .duckdb, lexicon: corpus.lexicon).compile(query)
    results.append(
      "\"\(name)\": {\"median_ms\": \(median(times) * 1e3), \"min_ms\": \(times.min()! * 1e3), \"rows\": \(rows), \"duckdb_sql\": "
        + "\(Value.string(sql).json)}"
    )
  }
  let peak = peakMB()
  // the same corpus written as a snapshot (not timed) and loaded back (timed)
  let snapshot = NSTemporaryDirectory() + "claimsh-bench-\(getpid()).claimsh"
  var reload = 0.0
  if CorpusSnapshot.write(corpus, to: snapshot) == nil {
    engine = nil
    corpus = nil
    var reloaded = 0
    reload = seconds { reloaded = loader.load(paths: [snapshot]).claimCount }  // freed as the closure ends: inside the timing
    if reloaded != claims { FileHandle.standardError.write(Data("the snapshot gave \(reloaded) claims, not \(claims)\n".utf8)) }
    unlink(snapshot)
  }
  print(
    "{\"claims\": \(claims), \"load_s\": \(load), \"store_s\": \(build), \"snapshot_load_s\": \(reload), \"peak_mb\": \(peak), "
      + results.joined(separator: ", ") + "}")
case "stories":
  let runs = max(1, args.count > 3 ? Int(args[3]) ?? 5 : 5)
  let show = args.count > 4 ? Int(args[4]) ?? 0 : 0
  let corpus = loader.load(paths: [args[2]])
  var stories = Table(columns: [])
  var times: [Double] = []
  for _ in 0..<runs {
    var engine = QueryEngine(corpus: corpus)  // a new engine: the stories are worked out again
    times.append(try seconds { stories = try engine.table("stories") })
  }
  let held = stories.rows.reduce(0) { sum, row in if case .int(let n) = row[2] { sum + n } else { sum } }
  print("stories of \(args[2]): \(corpus.claimCount) claims, \(corpus.documents.count) documents")
  print(
    String(
      format: "  %d stories holding %d claims; the stories table (grouping and conflicts) in median %.3f s, min %.3f s over %d runs",
      stories.rows.count, held, median(times), times.min()!, runs))
  for row in stories.rows.prefix(show) {
    print("\(row[0].text). [\(row[3].text) docs, \(row[2].text) claims] \(row[1].text.prefix(160))")
    if case .list(let conflicts) = row[11] { for c in conflicts.prefix(3) { print("   " + c.text.prefix(150)) } }
  }
case "html":
  let dir = args[2]
  let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".html") }.sorted()
  let pages = names.map { name in [UInt8](FileManager.default.contents(atPath: dir + "/" + name) ?? Data()) }
  var bodies: [String: String] = [:]
  let start = DispatchTime.now().uptimeNanoseconds
  for (name, bytes) in zip(names, pages) { bodies[String(name.dropLast(5))] = HTMLArticle.bodyText(bytes) ?? "" }
  let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  if args.count >= 4 { try JSONSerialization.data(withJSONObject: bodies, options: [.sortedKeys]).write(to: URL(fileURLWithPath: args[3])) }
  print("{\"pages\": \(names.count), \"seconds\": \(seconds), \"pages_per_second\": \(Double(names.count) / seconds)}")
case "engine":
  var corpus: Corpus!
  let load = seconds { corpus = loader.load(paths: [args[2]]) }
  var engine: QueryEngine!
  let build = seconds { engine = QueryEngine(corpus: corpus) }
  let claims = try engine.table("claims count").rows.first?.first?.json ?? "0"
  print("{\"claims\": \(claims), \"load_s\": \(load), \"store_s\": \(build), \"peak_mb\": \(peakMB())}")
default:
  FileHandle.standardError.write(
    Data("usage: claimsh-bench load PATH [RUNS] | queries FILE [REPS] | stories PATH [RUNS] [SHOW] | engine FILE\n".utf8))
  exit(2)
}

import ClaimCorpus
import Foundation

// claimsh-bench: figures for the benchmarks, printed, never asserted.
//
//   claimsh-bench load PATH [RUNS]   load + extract PATH (files, folders) RUNS times in this
//                                    process; prints the median and min wall time
//
// Pin it to one core to measure a single-core run: `taskset -c 0 claimsh-bench load …`.

func seconds(_ body: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ xs: [Double]) -> Double {
  let s = xs.sorted()
  return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

let args = CommandLine.arguments
guard args.count >= 3, args[1] == "load" else {
  FileHandle.standardError.write(Data("usage: claimsh-bench load PATH [RUNS]\n".utf8))
  exit(2)
}
let runs = args.count > 3 ? Int(args[3]) ?? 5 : 5
let loader = CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon)
var documents = 0
var claims = 0
var words = 0
var times: [Double] = []
for _ in 0..<runs {
  times.append(seconds {
    let corpus = loader.load(paths: [args[2]])
    documents = corpus.documents.count
    claims = corpus.claims.count
    words = corpus.documents.reduce(0) { $0 + $1.text.split(whereSeparator: \.isWhitespace).count }
  })
}
let cores = ProcessInfo.processInfo.activeProcessorCount
print("load+extract \(args[2])")
print("  documents \(documents), claims \(claims), words \(words), cores available \(cores)")
print(String(format: "  median %.3f s, min %.3f s over %d runs (%.0f words/s)", median(times), times.min()!, runs, Double(words) / median(times)))

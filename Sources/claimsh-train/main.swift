import ClaimCorpus
import Foundation

// Trains the attribution model (`Sources/ClaimCorpus/Resources/attribution.model`) on a gold
// set in the format of `../shared/gold/` (articles/ and gold/), deterministically:
//
//     claimsh-train ../shared/gold/polnear-train Sources/ClaimCorpus/Resources/attribution.model
//
// 1. The cues: the lemmas the gold cites sources with, at least `minimumCue` times and in at
//    least `minimumCueShare` of the places the lemma occurs in the articles.
// 2. The candidates: the extractor proposes them for every sentence, as it does in use.
// 3. The labels: a candidate is right when the gold sentence cites its source (as `score.py`
//    matches names) with a cue of the candidate's lemma; a pronoun no one was found for is
//    right when the gold cites, with that cue, a source it could not name either.
// 4. An averaged perceptron, `epochs` passes in a fixed order.

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
  FileHandle.standardError.write("usage: claimsh-train GOLD_SET OUTPUT [EPOCHS]\n".data(using: .utf8)!)
  exit(2)
}
let set = arguments[1]
let output = arguments[2]
let epochs = arguments.count > 3 ? Int(arguments[3]) ?? 10 : 10
let minimumCue = 3
let minimumCueShare = 0.04

let loader = CorpusLoader(lexicon: CorpusLoader.defaultLexicon().lexicon)
let documents = loader.documents(paths: [set + "/articles"])
let golds: [String: GoldArticle] = Dictionary(
  uniqueKeysWithValues: documents.compactMap { doc in
    let stem = ((doc.id as NSString).lastPathComponent as NSString).deletingPathExtension
    return GoldArticle(path: set + "/gold/" + stem + ".json").map { (doc.id, $0) }
  })

// 1. cues
var cueCounts: [String: Int] = [:]
for gold in golds.values {
  for cue in gold.cues where cue.allSatisfy({ $0.isLetter }) { cueCounts[cue, default: 0] += 1 }
}
let proposed = cueCounts.filter { $0.value >= minimumCue }.map(\.key).sorted()
let lemmas = Lemmatizer(proposed)
var occurrences: [String: Int] = [:]
for doc in documents {
  for t in Tokenizer.tokens(in: Array(doc.text.utf8)) where t.kind == .word {
    if let l = lemmas.lemma(of: t.key) { occurrences[l, default: 0] += 1 }
  }
}
let cues = proposed.filter { Double(cueCounts[$0]!) >= minimumCueShare * Double(occurrences[$0, default: 0]) }.sorted()

// 2. and 3. candidates and labels
let extractor = ClaimExtractor(lexicon: loader.lexicon, model: AttributionModel(cues: cues, weights: [:]))
struct Labelled: Sendable {
  var features: [[String]]
  var right: [Bool]
  /// For the report: each candidate's construction and cited value, and the sentence.
  var constructions: [String] = []
  var cited: [String] = []
  var sentence = ""
  /// The cue's lemma.
  var lemma = ""
}
/// Each document's groups of candidates, labelled.
func label(_ documents: [Document], golds: [String: GoldArticle], extractor: ClaimExtractor) -> [[Labelled]] {
  parallelMap(documents) { doc in
    guard let gold = golds[doc.id] else { return [] }
    let bytes = Array(doc.text.utf8)
    var groups: [Labelled] = []
    _ = extractor.extract(doc) { span, _, candidates in
      let matched = gold.matching(String(decoding: bytes[span.start..<span.end], as: UTF8.self))
      guard !matched.isEmpty else { return }
      let cited = matched.flatMap(\.cited)
      var byGroup: [Int: Labelled] = [:]
      var order: [Int] = []
      for c in candidates {
        let right = cited.contains { gold in
          gold.cue == c.lemma && (gold.name.map { !c.isUnresolved && GoldArticle.sameSource(c.attribution.cited, $0) } ?? c.isUnresolved)
        }
        if byGroup[c.group] == nil { order.append(c.group) }
        byGroup[c.group, default: Labelled(features: [], right: [])].features.append(c.features)
        byGroup[c.group]!.right.append(right)
        byGroup[c.group]!.constructions.append(c.construction)
        byGroup[c.group]!.cited.append(c.attribution.cited)
        byGroup[c.group]!.lemma = c.lemma
        byGroup[c.group]!.sentence = String(decoding: bytes[span.start..<span.end], as: UTF8.self)
      }
      groups += order.map { byGroup[$0]! }
    }
    return groups
  }
}
let labelled = label(documents, golds: golds, extractor: extractor)

var ids: [String: Int32] = [:]
var names: [String] = []
var groups: [Perceptron.Group] = []
for doc in labelled {
  for g in doc {
    let candidates = g.features.map { fs in
      fs.map { f -> Int32 in
        if let id = ids[f] { return id }
        ids[f] = Int32(names.count)
        names.append(f)
        return Int32(names.count - 1)
      }
    }
    groups.append(Perceptron.Group(candidates: candidates, right: g.right))
  }
}

// 4. training
var perceptron = Perceptron(features: names.count)
var order = Array(groups.indices)
var seed: UInt64 = 20_261_207
var accuracy = 0.0
for epoch in 1...epochs {
  for i in stride(from: order.count - 1, to: 0, by: -1) {
    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    order.swapAt(i, Int((seed >> 33) % UInt64(i + 1)))
  }
  var right = 0
  for i in order where perceptron.learn(groups[i]) { right += 1 }
  accuracy = Double(right) / Double(max(1, groups.count))
  FileHandle.standardError.write(
    "epoch \(epoch): \(right) of \(groups.count) groups chosen right (\(Int(accuracy * 1000)) ‰)\n".data(using: .utf8)!)
}
let averaged = perceptron.averaged()
var weights: [String: Double] = [:]
for (i, name) in names.enumerated() where averaged[i] != 0 { weights[name] = averaged[i] }
// 5. the threshold: of the winners whose source would be cited (`source-cue`), the score
//    that makes the best F0.5 (precision counted twice) on the training set
let sourceCues = Set(WordLists.sourceCues)
var winners: [(score: Double, right: Bool)] = []
var citable = 0
let plain = AttributionModel(cues: cues, weights: weights)
for g in labelled.joined() where sourceCues.contains(g.lemma) {
  if g.right.contains(true) { citable += 1 }
  let scores = g.features.map { plain.score($0) }
  if let best = scores.indices.filter({ scores[$0] > 0 }).max(by: { scores[$0] < scores[$1] }) {
    winners.append((scores[best], g.right[best]))
  }
}
winners.sort { $0.score > $1.score }
var threshold = 0.0
var bestF = 0.0
var right = 0
for (n, w) in winners.enumerated() {
  if w.right { right += 1 }
  let p = Double(right) / Double(n + 1)
  let r = Double(right) / Double(max(1, citable))
  let f = 1.25 * p * r / max(1e-9, 0.25 * p + r)
  if f > bestF, n + 1 == winners.count || winners[n + 1].score < w.score {
    bestF = f
    threshold = n + 1 < winners.count ? (w.score + winners[n + 1].score) / 2 : 0
  }
}
let model = AttributionModel(cues: cues, weights: weights, threshold: threshold)

// what the trained model chooses on its own training set, by construction (stderr)
var chosen: [String: (all: Int, right: Int)] = [:]
var report = ""
for g in labelled.joined() {
  let scores = g.features.map { model.score($0) }
  guard let best = scores.indices.filter({ scores[$0] > 0 }).max(by: { scores[$0] < scores[$1] }) else { continue }
  chosen[g.constructions[best], default: (0, 0)].all += 1
  if g.right[best] {
    chosen[g.constructions[best]]!.right += 1
  } else {
    report += "\(g.constructions[best])\t\(g.cited[best])\t\(g.features[best].first { $0.hasPrefix("cue=") } ?? "")\t\(g.sentence)\n"
  }
}
for (c, n) in chosen.sorted(by: { $0.value.all > $1.value.all }) {
  FileHandle.standardError.write("chosen \(c): \(n.all), right \(n.right)\n".data(using: .utf8)!)
}
if let path = ProcessInfo.processInfo.environment["CLAIMSH_TRAIN_REPORT"] {
  try report.write(toFile: path, atomically: true, encoding: .utf8)
}
let header = [
  "attribution.model: the attribution model's cues and weights (an averaged perceptron).",
  "Made by `make train`: claimsh-train \((set as NSString).lastPathComponent) attribution.model \(epochs), deterministic (a fixed",
  "shuffle); do not edit by hand. Training set: \(documents.count) articles, \(groups.count) groups of candidates,",
  "\(names.count) features; cues: the \(cues.count) lemmas cited with at least \(minimumCue) times in at least "
    + "\(Int(minimumCueShare * 100)) % of their uses.",
  "Last pass: \(Int((accuracy * 1000).rounded())) ‰ of groups chosen right. Threshold: the best F0.5 "
    + "(\(Int((bestF * 1000).rounded())) ‰) of the winners",
  "with cues whose source is cited, on the training set.",
]
try model.serialized(header: header).write(toFile: output, atomically: true, encoding: .utf8)
print("wrote \(output): \(cues.count) cues, \(weights.count) weights")

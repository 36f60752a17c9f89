extension CorpusLoader {
  /// Gives every document an id of its own. Claims and their evidence name their document by
  /// id, so an article whose id an earlier document already has (two JSON records with one id,
  /// a folder and a JSON Lines file that both hold `a`) is kept as `id#2` (then `#3`, …), with a
  /// warning, before its claims are extracted. Documents that come with their claims (a claims
  /// file, a snapshot) keep their ids, since those claims already name them.
  static func giveUniqueIds(_ outputs: inout [Output], warnings: inout [LoadWarning]) {
    var taken = Set<String>()
    for out in outputs where comesWithClaims(out) {
      for doc in out.documents { taken.insert(doc.id) }
    }
    for i in outputs.indices where !comesWithClaims(outputs[i]) {
      for j in outputs[i].documents.indices {
        let id = outputs[i].documents[j].id
        guard !taken.insert(id).inserted else { continue }
        var n = 2
        while taken.contains("\(id)#\(n)") { n += 1 }
        let unique = "\(id)#\(n)"
        taken.insert(unique)
        outputs[i].documents[j].id = unique
        warnings.append(
          LoadWarning(path: outputs[i].documents[j].path, message: "a second document with id '\(id)' is kept as '\(unique)'"))
      }
    }
  }

  private static func comesWithClaims(_ out: Output) -> Bool {
    out.extracted || out.columns != nil
  }
}

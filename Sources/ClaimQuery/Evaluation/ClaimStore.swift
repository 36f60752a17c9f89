/// A string column stored as ids into a dictionary, with postings (sorted rows) per value.
struct CodedColumn: Sendable {
  /// Each row's id; -1 for null.
  var codes: [Int32] = []
  /// The distinct values.
  var dictionary = ValueDictionary()
  /// Sorted rows per value id.
  var postings: [[Int32]] = []
}

/// A list column with its dictionary and postings.
struct ListField: Sendable {
  /// Each row's ids.
  var column = ListColumn()
  /// The distinct values.
  var dictionary = ValueDictionary()
  /// Sorted rows per value id.
  var postings: [[Int32]] = []
}

/// The claims of a corpus stored column by column: dictionary-encoded ids for strings that
/// repeat, offsets + values for list fields, postings per value for the list fields and the
/// coded strings, dates as day numbers, and the texts in one UTF-8 buffer. Built once per
/// corpus; a query is then run on ids and numbers, without per-row string work.
struct ClaimStore: Sendable {
  /// How many claims.
  let count: Int
  /// The lexicon, for alias-aware matching.
  let lexicon: Lexicon
  /// The claims' ids.
  let ids: [Int]
  /// Day numbers; `Int32.min` for no date.
  let dates: [Int32]
  /// Every text's UTF-8 bytes, one after another.
  let textBytes: [UInt8]
  /// Where each text starts in `textBytes`; one more entry than claims.
  let textOffsets: [Int]
  /// The coded string fields.
  let doc, source, speaker, kind, hedge, cue, quote: CodedColumn
  /// The list fields.
  let actor, cited, topic: ListField

  /// The null date.
  static let noDate = Int32.min

  init(claims: [Claim], lexicon: Lexicon) {
    self.lexicon = lexicon
    count = claims.count
    var ids: [Int] = []
    var dates: [Int32] = []
    var textBytes: [UInt8] = []
    var textOffsets = [0]
    var doc = CodedColumn(), source = CodedColumn(), speaker = CodedColumn(), kind = CodedColumn()
    var hedge = CodedColumn(), cue = CodedColumn(), quote = CodedColumn()
    var actor = ListField(), cited = ListField(), topic = ListField()
    ids.reserveCapacity(count)
    dates.reserveCapacity(count)
    func code(_ value: String?, _ column: inout CodedColumn) {
      column.codes.append(value.map { column.dictionary.intern($0, lexicon: lexicon) } ?? -1)
    }
    func list(_ values: [String], _ field: inout ListField) {
      var seen: [Int32] = []
      for v in values {
        let id = field.dictionary.intern(v, lexicon: lexicon)
        if !seen.contains(id) { seen.append(id) }
      }
      field.column.append(seen)
    }
    for c in claims {
      ids.append(c.id)
      dates.append(c.date?.number ?? ClaimStore.noDate)
      textBytes += c.text.utf8
      textOffsets.append(textBytes.count)
      code(c.doc, &doc)
      code(c.source, &source)
      code(c.speaker, &speaker)
      code(c.kind, &kind)
      code(c.hedge, &hedge)
      code(c.cue, &cue)
      code(c.quote, &quote)
      list(c.actors, &actor)
      list(c.cited, &cited)
      list(c.topics, &topic)
    }
    actor.postings = actor.column.postings(valueCount: actor.dictionary.count)
    cited.postings = cited.column.postings(valueCount: cited.dictionary.count)
    topic.postings = topic.column.postings(valueCount: topic.dictionary.count)
    source.postings = ClaimStore.postings(source)
    speaker.postings = ClaimStore.postings(speaker)
    (self.ids, self.dates, self.textBytes, self.textOffsets) = (ids, dates, textBytes, textOffsets)
    (self.doc, self.source, self.speaker, self.kind, self.hedge, self.cue, self.quote) = (doc, source, speaker, kind, hedge, cue, quote)
    (self.actor, self.cited, self.topic) = (actor, cited, topic)
  }

  static func postings(_ column: CodedColumn) -> [[Int32]] {
    var lists = [[Int32]](repeating: [], count: column.dictionary.count)
    for (row, code) in column.codes.enumerated() where code >= 0 { lists[Int(code)].append(Int32(row)) }
    return lists
  }

  /// The coded column of a scalar string field.
  func coded(_ field: ClaimField) -> CodedColumn? {
    switch field {
    case .doc: return doc
    case .source: return source
    case .speaker: return speaker
    case .kind: return kind
    case .hedge: return hedge
    case .cue: return cue
    case .quote: return quote
    default: return nil
    }
  }

  /// The list field's storage.
  func list(_ field: ClaimField) -> ListField? {
    switch field {
    case .actor: return actor
    case .cited: return cited
    case .topic: return topic
    default: return nil
    }
  }

  /// The text of claim `row`.
  func text(_ row: Int) -> String {
    String(decoding: textBytes[textOffsets[row]..<textOffsets[row + 1]], as: UTF8.self)
  }

  /// The value of `field` for claim `row`.
  func value(_ field: ClaimField, _ row: Int) -> Value {
    switch field {
    case .id: return .int(ids[row])
    case .date: return dates[row] == ClaimStore.noDate ? .null : .date(Day(number: dates[row]))
    case .text: return .string(text(row))
    case .actor, .cited, .topic:
      let f = list(field)!
      return .list(f.column.row(row).map { .string(f.dictionary.values[Int($0)]) })
    default:
      let c = coded(field)!
      let code = c.codes[row]
      return code < 0 ? .null : .string(c.dictionary.values[Int(code)])
    }
  }
}

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
  /// The texts.
  let texts: TextColumn
  /// The coded string fields, by their slot in `ClaimSchema.strings`.
  let strings: [CodedColumn]
  /// The list fields, by their slot in `ClaimSchema.lists`.
  let lists: [ListField]
  /// Rows sorted by date, then row: the date index.
  let byDate: [Int32]
  /// The claims' stories, worked out when first asked for.
  let stories: StoryIndex

  /// The null date.
  static let noDate = Int32.min

  /// The store over a corpus's claim columns; the big arrays are shared, not copied.
  init(columns c: ClaimColumns, lexicon: Lexicon) {
    self.lexicon = lexicon
    count = c.count
    ids = c.ids
    dates = c.dates
    texts = c.texts
    stories = StoryIndex(columns: c)
    // the dictionaries and indexes are independent of each other: built on every core
    enum Part: Sendable {
      case coded(CodedColumn), list(ListField), dates([Int32])
    }
    let scalars = c.strings
    let lists = c.lists
    let parts = parallelMap(Array(0...(scalars.count + lists.count))) { k -> Part in
      if k < scalars.count {
        // the fields matched by name (source, speaker) are also looked up by postings
        let indexed = ClaimSchema.strings[k].equality == .name
        var coded = CodedColumn(
          codes: scalars[k].codes, dictionary: ValueDictionary(values: scalars[k].values, lexicon: lexicon, names: indexed))
        if indexed { coded.postings = ClaimStore.postings(coded) }
        return .coded(coded)
      }
      if k < scalars.count + lists.count {
        let column = lists[k - scalars.count]
        var field = ListField(
          column: ListColumn(offsets: column.offsets, values: column.codes),
          dictionary: ValueDictionary(values: column.values, lexicon: lexicon))
        field.postings = field.column.postings(valueCount: field.dictionary.count)
        return .list(field)
      }
      return .dates(ClaimStore.dateIndex(c.dates))
    }
    func coded(_ k: Int) -> CodedColumn {
      guard case .coded(let column) = parts[k] else { preconditionFailure("part \(k) is a coded column") }
      return column
    }
    func list(_ k: Int) -> ListField {
      guard case .list(let field) = parts[scalars.count + k] else { preconditionFailure("part \(k) is a list") }
      return field
    }
    strings = scalars.indices.map(coded)
    self.lists = lists.indices.map(list)
    guard case .dates(let order) = parts[parts.count - 1] else { preconditionFailure("the last part is the date index") }
    byDate = order
  }

  static func postings(_ column: CodedColumn) -> [[Int32]] {
    var sizes = [Int](repeating: 0, count: column.dictionary.count)
    for code in column.codes where code >= 0 { sizes[Int(code)] += 1 }
    var lists = ListColumn.emptyPostings(sizes: sizes)
    for (row, code) in column.codes.enumerated() where code >= 0 { lists[Int(code)].append(Int32(row)) }
    return lists
  }

  /// Rows sorted by date (no date first), then by row: a counting sort over the days when
  /// they span fewer days than there are rows (news does), else a comparison sort.
  static func dateIndex(_ dates: [Int32]) -> [Int32] {
    var first = Int32.max, last = Int32.min, undated = 0
    for d in dates {
      if d == noDate {
        undated += 1
      } else {
        first = min(first, d)
        last = max(last, d)
      }
    }
    guard first <= last, Int(last) - Int(first) < max(dates.count, 1 << 16) else {
      return (0..<Int32(dates.count)).sorted { dates[Int($0)] != dates[Int($1)] ? dates[Int($0)] < dates[Int($1)] : $0 < $1 }
    }
    // next[k]: where the next row of day first + k goes
    var next = [Int](repeating: 0, count: Int(last - first) + 1)
    for d in dates where d != noDate { next[Int(d - first)] += 1 }
    var position = undated
    for k in next.indices {
      let size = next[k]
      next[k] = position
      position += size
    }
    var order = [Int32](repeating: 0, count: dates.count)
    var nextUndated = 0
    for (row, d) in dates.enumerated() {
      if d == noDate {
        order[nextUndated] = Int32(row)
        nextUndated += 1
      } else {
        order[next[Int(d - first)]] = Int32(row)
        next[Int(d - first)] += 1
      }
    }
    return order
  }

  /// The coded column of a scalar string field.
  func coded(_ field: ClaimField) -> CodedColumn? {
    field.stringSlot.map { strings[$0] }
  }

  /// The list field's storage.
  func list(_ field: ClaimField) -> ListField? {
    field.listSlot.map { lists[$0] }
  }

  /// The text of claim `row`.
  func text(_ row: Int) -> String {
    texts.text(row)
  }

  /// The value of `field` for claim `row`.
  func value(_ field: ClaimField, _ row: Int) -> Value {
    switch field.storage {
    case .id: return .int(ids[row])
    case .story:
      let s = stories.ids[row]
      return s == 0 ? .null : .int(Int(s))
    case .date: return dates[row] == ClaimStore.noDate ? .null : .date(Day(number: dates[row]))
    case .text: return .string(text(row))
    case .list:
      let f = lists[field.listSlot!]
      return .list(f.column.row(row).map { .string(f.dictionary.values[Int($0)]) })
    case .string:
      let c = strings[field.stringSlot!]
      let code = c.codes[row]
      return code < 0 ? .null : .string(c.dictionary.values[Int(code)])
    }
  }
}

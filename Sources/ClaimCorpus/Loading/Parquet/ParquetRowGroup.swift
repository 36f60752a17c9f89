/// One row group of a Parquet claims file made into claim columns, a column at a time: a
/// dictionary-encoded column's entries are interned once each, a plain column's values as they
/// come; what a row lacks takes what `ClaimSchema` says, as for a JSON Lines record.
enum ParquetRowGroup {
  typealias Member = ClaimLineParser.Member

  /// The claims of `group`, from the leaves in `used` (each with the member it fills).
  static func columns(
    _ file: UnsafeBufferPointer<UInt8>, _ group: ParquetMetadata.RowGroup, _ leaves: [ParquetMetadata.Leaf],
    _ used: [(leaf: Int, member: Member)]
  ) throws(ParquetFailure) -> ClaimColumns {
    let rows = group.rows
    var columns = ClaimColumns()
    columns.count = rows
    columns.dates = [Int32](repeating: ClaimColumns.noDate, count: rows)
    var interners = [ByteInterner](repeating: ByteInterner(), count: ClaimColumnsBuilder.Slot.allCases.count)
    var scalars = [[Int32]?](repeating: nil, count: ClaimColumnsBuilder.Slot.scalars.count)
    var hasText = false, hasDate = false
    for (k, member) in used {
      let leaf = leaves[k]
      let chunk = try ParquetColumnChunk(file, group.chunks[k], leaf)
      var walk = LevelWalk(chunk, leaf)
      switch member {
      case .date where !hasDate:
        hasDate = true
        for row in 0..<rows {
          try walk.first { v in
            columns.dates[row] =
              leaf.physical == .int32 ? chunk.numbers[v] : chunk.withValue(v, file) { Day(utf8: $0)?.number } ?? ClaimColumns.noDate
          }
        }
      case .text where !hasText:
        hasText = true
        var bytes = 0
        for v in 0..<chunk.valueCount { bytes += chunk.range(of: v).count }
        columns.texts.startSegment(capacity: bytes)
        for _ in 0..<rows {
          var appended = false
          try walk.first { v in
            chunk.withValue(v, file) { columns.texts.append($0) }
            appended = true
          }
          if !appended { columns.texts.append(UnsafeBufferPointer(start: nil, count: 0)) }
        }
      case .scalar(let slot) where scalars[slot.rawValue] == nil:
        var codes = [Int32](repeating: -1, count: rows)
        var code = Coder(chunk, file)
        for row in 0..<rows { try walk.first { v in codes[row] = code(v, &interners[slot.rawValue]) } }
        scalars[slot.rawValue] = codes
      case .list(let slot) where columns.lists[slot.listIndex].codes.isEmpty && columns.lists[slot.listIndex].offsets.count == 1:
        var list = StringListColumn()
        list.offsets.reserveCapacity(rows + 1)
        var code = Coder(chunk, file)
        for _ in 0..<rows {
          let start = list.codes.count
          try walk.all { v in
            let c = code(v, &interners[slot.rawValue])
            if !list.codes[start...].contains(c) { list.codes.append(c) }
          }
          list.offsets.append(Int32(list.codes.count))
        }
        columns.lists[slot.listIndex] = list
      default:
        continue  // a second column for the same field: the first counts
      }
    }
    if !hasText { columns.texts.append(contentsOf: emptyTexts(rows)) }
    for slot in ClaimColumnsBuilder.Slot.lists where columns.lists[slot.listIndex].offsets.count == 1 {
      columns.lists[slot.listIndex].offsets = [Int32](repeating: 0, count: rows + 1)
    }
    // what a null or missing string field takes: another field's value, or a value
    for slot in ClaimColumnsBuilder.Slot.scalars {
      var codes = scalars[slot.rawValue] ?? [Int32](repeating: -1, count: rows)
      let (field, value) = ClaimColumnsBuilder.missing[slot.rawValue]
      if codes.contains(-1) && (field != nil || value != nil) {
        let other = field.flatMap { scalars[$0.rawValue] }
        var taken: [Int32: Int32] = [:]
        let constant = value.map { interners[slot.rawValue].code($0) } ?? -1
        for row in 0..<rows where codes[row] < 0 {
          if let other, other[row] >= 0, let f = field {
            let theirs = other[row]
            if let mine = taken[theirs] {
              codes[row] = mine
            } else {
              let mine = interners[f.rawValue].withValue(Int(theirs)) { bytes in interners[slot.rawValue].code(bytes) }
              taken[theirs] = mine
              codes[row] = mine
            }
          } else {
            codes[row] = constant
          }
        }
      }
      columns.strings[slot.rawValue] = StringColumn(codes: codes, values: interners[slot.rawValue].strings())
    }
    for slot in ClaimColumnsBuilder.Slot.lists { columns.lists[slot.listIndex].values = interners[slot.rawValue].strings() }
    return columns
  }

  /// `rows` empty texts.
  static func emptyTexts(_ rows: Int) -> TextColumn {
    var texts = TextColumn()
    for _ in 0..<rows { texts.append(UnsafeBufferPointer(start: nil, count: 0)) }
    return texts
  }

  /// Codes values of one chunk in an interner: a dictionary's entries once each, plain values
  /// each time (the last code tried first).
  struct Coder {
    let chunk: ParquetColumnChunk
    let file: UnsafeBufferPointer<UInt8>
    private var entries: [Int32]
    private var last: Int32 = -1

    init(_ chunk: ParquetColumnChunk, _ file: UnsafeBufferPointer<UInt8>) {
      self.chunk = chunk
      self.file = file
      entries = [Int32](repeating: -1, count: chunk.indices.isEmpty ? 0 : chunk.dictionaryStarts.count)
    }

    mutating func callAsFunction(_ v: Int, _ interner: inout ByteInterner) -> Int32 {
      if !chunk.indices.isEmpty {
        let d = Int(chunk.indices[v])
        if entries[d] < 0 { entries[d] = chunk.withValue(v, file) { interner.code($0) } }
        return entries[d]
      }
      let hint = last
      last = chunk.withValue(v, file) { interner.code($0, hint: hint) }
      return last
    }
  }

  /// Walks one leaf's levels a row at a time, giving the index of each value the row has.
  struct LevelWalk {
    let chunk: ParquetColumnChunk
    let leaf: ParquetMetadata.Leaf
    private var entry = 0
    private var value = 0

    init(_ chunk: ParquetColumnChunk, _ leaf: ParquetMetadata.Leaf) {
      self.chunk = chunk
      self.leaf = leaf
    }

    /// Calls `body` with each value of the next row (a null or an empty list has none).
    mutating func all(_ body: (Int) -> Void) throws(ParquetFailure) {
      guard entry < chunk.entries else {
        throw ParquetFailure(message: "column \(leaf.path.joined(separator: ".")) has fewer values than its row group has rows", offset: 0)
      }
      repeat {
        if leaf.maxDefinition == 0 || chunk.definition[entry] == leaf.maxDefinition {
          guard value < chunk.valueCount else {
            throw ParquetFailure(message: "column \(leaf.path.joined(separator: ".")) has fewer values than its levels say", offset: 0)
          }
          body(value)
          value += 1
        }
        entry += 1
      } while leaf.maxRepetition > 0 && entry < chunk.entries && chunk.repetition[entry] > 0
    }

    /// Calls `body` with the next row's first value, if it has one.
    mutating func first(_ body: (Int) -> Void) throws(ParquetFailure) {
      var seen = false
      try all { v in
        if !seen { body(v) }
        seen = true
      }
    }
  }
}

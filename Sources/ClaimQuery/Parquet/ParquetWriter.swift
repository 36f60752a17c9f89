/// Writes a table as an Apache Parquet file (format version 1) that DuckDB, pyarrow and Spark
/// read: uncompressed, plain-encoded values, RLE / bit-packed levels, v1 data pages of about
/// 1 MiB, one row group per million rows. Text is a UTF-8 string, a date is a DATE, an integer
/// an INT64, a list field the standard 3-level LIST of strings; every column is nullable.
///
///     try ParquetWriter.write(ResultCells(table)) { try handle.write(contentsOf: $0) }
public enum ParquetWriter {
  /// Rows per row group.
  public static let rowGroupRows = 1_000_000
  static let magic: [UInt8] = Array("PAR1".utf8)

  /// Emits the file's bytes in order, a column chunk at a time, to `emit`; only one column
  /// chunk is in memory at a time.
  public static func write(_ cells: ResultCells, rowGroupRows: Int = rowGroupRows, to emit: ([UInt8]) throws -> Void) rethrows {
    try emit(magic)
    var offset = Int64(magic.count)
    var groups: [RowGroup] = []
    var start = 0
    while start < cells.count {
      let rows = start..<min(cells.count, start + rowGroupRows)
      var group = RowGroup(rows: rows.count)
      for (c, column) in cells.columns.enumerated() {
        var leaf = ParquetColumn(column)
        var chunk = Chunk(column: column, physical: leaf.physical, firstPage: offset)
        // pages go out as they fill: one page of one column is all that is held
        for row in rows {
          leaf.append(cells.value(row, c))
          if !leaf.pages.isEmpty { try emitPages(&leaf, &chunk, &offset, emit) }
        }
        leaf.finishPage()
        try emitPages(&leaf, &chunk, &offset, emit)
        group.chunks.append(chunk)
      }
      groups.append(group)
      start += rows.count
    }
    let footer = footer(cells, groups)
    try emit(footer + ParquetColumn.littleEndian(UInt64(footer.count), bytes: 4) + magic)
  }

  static func emitPages(_ leaf: inout ParquetColumn, _ chunk: inout Chunk, _ offset: inout Int64, _ emit: ([UInt8]) throws -> Void) rethrows
  {
    for page in leaf.pages {
      let bytes = pageHeader(page) + page.body
      chunk.bytes += Int64(bytes.count)
      chunk.levels += page.levelCount
      offset += Int64(bytes.count)
      try emit(bytes)
    }
    leaf.clearPages()
  }

  /// A column chunk written: where it starts, its size and its level count.
  struct Chunk {
    var column: Column
    var physical: ParquetColumn.Physical
    var firstPage: Int64
    var bytes: Int64 = 0
    var levels = 0
  }

  /// A row group written.
  struct RowGroup {
    var rows: Int
    var chunks: [Chunk] = []
  }

  static func pageHeader(_ page: ParquetColumn.Page) -> [UInt8] {
    var w = ThriftCompactWriter()
    w.structure { h in
      h.field(1, i32: 0)  // DATA_PAGE
      h.field(2, i32: Int32(page.body.count))
      h.field(3, i32: Int32(page.body.count))
      h.field(5) { d in
        d.field(1, i32: Int32(page.levelCount))
        d.field(2, i32: 0)  // PLAIN
        d.field(3, i32: 3)  // RLE
        d.field(4, i32: 3)
      }
    }
    return w.bytes
  }

  static func footer(_ cells: ResultCells, _ groups: [RowGroup]) -> [UInt8] {
    var w = ThriftCompactWriter()
    w.structure { f in
      f.field(1, i32: 1)
      f.field(2, structs: schema(cells.columns)) { w, element in element(&w) }
      f.field(3, i64: Int64(cells.count))
      f.field(4, structs: groups) { g, group in
        g.field(1, structs: group.chunks) { c, chunk in
          c.field(2, i64: chunk.firstPage)
          c.field(3) { m in
            m.field(1, i32: chunk.physical.rawValue)
            m.field(2, i32s: [0, 3])  // PLAIN, RLE
            m.field(3, strings: chunk.column.type == .list ? [chunk.column.name, "list", "element"] : [chunk.column.name])
            m.field(4, i32: 0)  // UNCOMPRESSED
            m.field(5, i64: Int64(chunk.levels))
            m.field(6, i64: chunk.bytes)
            m.field(7, i64: chunk.bytes)
            m.field(9, i64: chunk.firstPage)
          }
        }
        g.field(2, i64: group.chunks.reduce(0) { $0 + $1.bytes })
        g.field(3, i64: Int64(group.rows))
      }
      f.field(6, string: "claimsh")
    }
    return w.bytes
  }

  /// The schema's elements, depth first, each as the fields of a Thrift `SchemaElement`.
  static func schema(_ columns: [Column]) -> [(inout ThriftCompactWriter) -> Void] {
    let optional: Int32 = 1
    let repeated: Int32 = 2
    let utf8: Int32 = 0
    var elements: [(inout ThriftCompactWriter) -> Void] = [
      { e in
        e.field(4, string: "schema")
        e.field(5, i32: Int32(columns.count))
      }
    ]
    for column in columns {
      let leaf = ParquetColumn(column)
      switch column.type {
      case .list:
        elements.append { e in
          e.field(3, i32: optional)
          e.field(4, string: column.name)
          e.field(5, i32: 1)
          e.field(6, i32: 3)  // LIST
        }
        elements.append { e in
          e.field(3, i32: repeated)
          e.field(4, string: "list")
          e.field(5, i32: 1)
        }
        elements.append { e in
          e.field(1, i32: ParquetColumn.Physical.byteArray.rawValue)
          e.field(3, i32: optional)
          e.field(4, string: "element")
          e.field(6, i32: utf8)
        }
      default:
        elements.append { e in
          e.field(1, i32: leaf.physical.rawValue)
          e.field(3, i32: optional)
          e.field(4, string: column.name)
          if column.type == .string { e.field(6, i32: utf8) }
          if column.type == .date { e.field(6, i32: 6) }  // DATE
        }
      }
    }
    return elements
  }
}

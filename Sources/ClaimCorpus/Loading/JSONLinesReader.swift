import Dispatch
import Foundation
import Glibc

/// Reads a JSON Lines file of documents (`{id, title, source, date, text}`) or of claims
/// (claimsh's export, or the benchmark's); a malformed line is reported with its number and
/// skipped. Files are read a block at a time, and each block's lines parsed on every core. A
/// file that is one JSON array instead goes to `JSONArrayReader`.
enum JSONLinesReader: CorpusReader {
  static let extensions: Set<String> = ["jsonl", "ndjson", "json"]

  static func read(_ input: CorpusLoader.Input, into out: inout CorpusLoader.Output, maxRecord: Int) -> Bool {
    read(input: input, into: &out, maxRecord: maxRecord)
  }

  /// What one stretch of lines gave, with line numbers relative to the stretch.
  struct Chunk: Sendable {
    var columns = ClaimColumnsBuilder()
    /// Documents with the chunk-relative line they came from, for ids and paths.
    var documents: [(line: Int, document: Document, hasID: Bool)] = []
    var warnings: [(line: Int, message: String)] = []
    var lines = 0
    var records = 0
  }

  /// How much of the file is read and parsed at a time.
  static let blockSize = 16 << 20

  /// Reads the file at `input.path` block by block, each block's lines parsed on every core,
  /// so a large file is never wholly in memory (a line longer than `maxLine` bytes is read in
  /// pieces, each reported as malformed); false when the file cannot be read.
  /// A record (a line) longer than `maxRecord` bytes, the limit for one article, is reported and
  /// skipped before it is parsed.
  static func read(
    input: CorpusLoader.Input, into out: inout CorpusLoader.Output, blockSize: Int = blockSize, maxLine: Int = 256 << 20,
    maxRecord: Int = 32 << 20
  ) -> Bool {
    guard case .success(let fd) = RegularFile.open(input.path) else { return false }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return false }
    // a small file gets a block its size, not 16 MB
    let reader = LineBlockReader(fd: fd, blockSize: min(blockSize, max(Int(info.st_size) + 1, 1 << 12)), maxLine: maxLine)
    var builder = ClaimColumnsBuilder()
    var isClaims: Bool? = nil
    var lineBase = 0
    var records = 0
    var firstBlock = 0
    var reserved = false
    /// Adds a parsed block's chunks, in order.
    func take(_ chunks: [Chunk]) {
      for chunk in chunks {
        for (line, document, hasID) in chunk.documents {
          var doc = document
          if !hasID { doc.id = "\(input.id):\(lineBase + line)" }
          doc.path = "\(input.path):\(lineBase + line)"
          out.documents.append(doc)
        }
        for w in chunk.warnings { out.warnings.append(LoadWarning(path: input.path, line: lineBase + w.line, message: w.message)) }
        lineBase += chunk.lines
        records += chunk.records
        if isClaims == true { builder.merge(chunk.columns) }
      }
      if isClaims == true && !reserved && firstBlock < Int(info.st_size) && builder.count > 0 {
        reserved = true
        // after the first block: room for the whole file's rows, guessed from the first block's
        let share = Double(info.st_size) / Double(firstBlock) * 1.1
        builder.reserveCapacity(rows: Int(Double(builder.count) * share))
      }
    }
    while var block = reader.next() {
      if isClaims == nil {
        if block.starts(with: [0xEF, 0xBB, 0xBF]) { block = UnsafeBufferPointer(rebasing: block[3...]) }  // a UTF-8 byte order mark
        if block.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) == UInt8(ascii: "[") {
          return JSONArrayReader.read(input: input, into: &out, maxRecord: maxRecord)
        }
        if TextDecoding.looksBinary(block) {
          out.warnings.append(LoadWarning(path: input.path, message: "skipped: binary, not JSON Lines"))
          return true
        }
        isClaims = firstRecord(block).map(ClaimRecord.isClaim) ?? false
        firstBlock = block.count
      }
      let claims = isClaims ?? false
      nonisolated(unsafe) let body = block
      let ranges = chunks(body, count: body.count > 1 << 20 ? 2 * ProcessInfo.processInfo.activeProcessorCount : 1)
      take(parallelMap(ranges) { range in parse(body, range, isClaims: claims, input: input, maxRecord: maxRecord) })
    }
    if records == 0 {
      out.warnings.append(LoadWarning(path: input.path, message: isClaims == nil ? "skipped: empty" : "skipped: no JSON records"))
    }
    if isClaims == true {
      out.documents += builder.documents(path: input.path)
      out.columns = builder
    }
    return true
  }

  /// The first line that parses as a JSON object.
  static func firstRecord(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
    var start = 0
    while start < bytes.count {
      let end = lineEnd(bytes, from: start)
      if let value = try? JSONParser.parse(Array(UnsafeBufferPointer(rebasing: bytes[start..<end]))[...]), case .object = value {
        return value
      }
      start = end + 1
    }
    return nil
  }

  /// `count` stretches of whole lines covering `bytes`.
  static func chunks(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    for k in 1...max(1, count) {
      var end = k == count ? bytes.count : max(start, bytes.count * k / count)
      if end < bytes.count { end = min(bytes.count, lineEnd(bytes, from: end) + 1) }
      if end > start { ranges.append(start..<end) }
      start = end
    }
    return ranges.isEmpty ? [0..<0] : ranges
  }

  /// The offset of the newline ending the line at `start`, or the end of the bytes.
  static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard start < bytes.count, let found = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) else { return bytes.count }
    return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isClaims: Bool, input: CorpusLoader.Input, maxRecord: Int)
    -> Chunk
  {
    var chunk = Chunk()
    var fields = ClaimFields()
    if isClaims { chunk.columns.startTextSegment(capacity: range.count) }  // texts are shorter than their lines
    var start = range.lowerBound
    while start < range.upperBound {
      chunk.lines += 1
      let end = min(lineEnd(bytes, from: start), range.upperBound)
      defer { start = end + 1 }
      let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      if line.count > maxRecord {
        chunk.warnings.append(
          (chunk.lines, "skipped: a record of \(line.count) bytes is more than the \(maxRecord)-byte limit for one article"))
        continue
      }
      if isClaims {
        do {
          try ClaimLineParser.parse(line, into: &fields)
          chunk.columns.append(fields, line: line)
          chunk.records += 1
        } catch {
          chunk.warnings.append((chunk.lines, "malformed JSON: \(error.message) at byte \(error.offset + 1)"))
        }
        continue
      }
      switch document(Array(line)[...], path: input.path) {
      case .success(let doc):
        chunk.records += 1
        chunk.documents.append((chunk.lines, doc, !doc.id.isEmpty))
      case .failure(let problem):
        if problem.isRecord { chunk.records += 1 }
        chunk.warnings.append((chunk.lines, problem.message))
      }
    }
    return chunk
  }

  /// Why a line is not a document: its message, and whether it was a JSON object (a record).
  struct LineProblem: Error {
    var message: String
    var isRecord: Bool
  }

  /// The document one JSON Lines line holds (its `id`, or "" when it names none), or why not.
  static func document(_ line: ArraySlice<UInt8>, path: String) -> Result<Document, LineProblem> {
    let record: JSONValue
    do {
      record = try JSONParser.parse(line)
    } catch {
      return .failure(LineProblem(message: "malformed JSON: \(error.message) at byte \(error.offset + 1)", isRecord: false))
    }
    guard case .object = record else { return .failure(LineProblem(message: "expected a JSON object", isRecord: false)) }
    guard let doc = DocumentSchema.document(id: "", path: path, { record[$0]?.text }) else {
      return .failure(LineProblem(message: "no \"text\" field; skipped", isRecord: true))
    }
    return .success(doc)
  }

}

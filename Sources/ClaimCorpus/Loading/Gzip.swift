import CZlib

/// gzip data inflated by zlib, member after member (a `.html.gz` page is one member; a
/// `.warc.gz` archive one per record), never past a size limit (a gzip bomb stops there).
enum Gzip {
  /// What inflating gave.
  enum Outcome: Equatable {
    /// All of it.
    case complete([UInt8])
    /// The data stopped at `limit` bytes inflated: what came before.
    case tooLarge([UInt8], limit: Int)
    /// The data is damaged or cut short after what came before.
    case damaged([UInt8], String)
  }

  /// Whether `bytes` start as gzip does.
  static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
    bytes.count >= 2 && bytes.first == 0x1F && bytes.dropFirst().first == 0x8B
  }

  /// Inflates every gzip member of `bytes`, at most `limit` bytes in all.
  static func inflate(_ bytes: [UInt8], limit: Int) -> Outcome {
    var out: [UInt8] = []
    var stream = z_stream()
    // 16 + 15: a gzip header and trailer, the largest window
    guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      return .damaged([], "zlib would not start")
    }
    defer { inflateEnd(&stream) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    return bytes.withUnsafeBufferPointer { input -> Outcome in
      var offset = 0
      while offset < input.count {
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + offset)
        stream.avail_in = UInt32(min(input.count - offset, Int(UInt32.max)))
        var status: Int32 = Z_OK
        repeat {
          let produced = chunk.withUnsafeMutableBufferPointer { c -> Int in
            stream.next_out = c.baseAddress
            stream.avail_out = UInt32(c.count)
            status = CZlib.inflate(&stream, Z_NO_FLUSH)
            return c.count - Int(stream.avail_out)
          }
          if out.count + produced > limit {
            out += chunk[0..<max(0, limit - out.count)]
            return .tooLarge(out, limit: limit)
          }
          out += chunk[0..<produced]
        } while status == Z_OK && stream.avail_out == 0
        let consumed = input.count - offset - Int(stream.avail_in)
        switch status {
        case Z_STREAM_END:
          offset += consumed
          // another member may follow; trailing zeros or garbage end the data
          guard offset < input.count, input[offset] == 0x1F else { return .complete(out) }
          inflateReset(&stream)
        case Z_OK, Z_BUF_ERROR:
          return .damaged(out, "cut short after \(out.count) bytes")
        default:
          let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
          return .damaged(out, message)
        }
      }
      return .complete(out)
    }
  }
}

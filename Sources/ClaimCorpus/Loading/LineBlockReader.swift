import Glibc

/// Reads a file a block of whole lines at a time into one buffer, reused from block to
/// block: a large file is never wholly in memory, and its bytes are copied once, by `read`.
final class LineBlockReader {
  private let fd: Int32
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// The bytes read but not yet handed out: `storage[start..<end]`.
  private var start = 0, end = 0
  private var atEnd = false

  /// The longest line read whole; a longer one is handed out in pieces of this size, so that
  /// a file without newlines cannot take all memory.
  private let maxLine: Int

  /// Reads from the open file `fd` (which the caller closes) about `blockSize` bytes at a time.
  init(fd: Int32, blockSize: Int, maxLine: Int = 256 << 20) {
    self.fd = fd
    capacity = max(blockSize, 1)
    self.maxLine = max(maxLine, capacity)
    storage = .allocate(capacity: capacity)
    _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
  }

  /// Bytes read from the file so far.
  private var fileOffset = 0

  deinit { storage.deallocate() }

  /// The next block of whole lines (the file's last line may lack its newline), valid until
  /// the next call; nil at the end of the file.
  func next() -> UnsafeBufferPointer<UInt8>? {
    // keep what is left of the last line read, at the front
    if start > 0 {
      memmove(storage, storage + start, end - start)
      end -= start
      start = 0
    }
    while true {
      while !atEnd && end < capacity {
        let n = read(fd, storage + end, capacity - end)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 {
          atEnd = true
        } else {
          end += n
          fileOffset += n
        }
      }
      // while the caller parses this block, the kernel reads the next one from disk
      if !atEnd { _ = posix_fadvise(fd, off_t(fileOffset), off_t(capacity), POSIX_FADV_WILLNEED) }
      if atEnd {
        guard end > 0 else { return nil }
        start = end
        return UnsafeBufferPointer(start: storage, count: end)
      }
      if let newline = UnsafeBufferPointer(start: storage, count: end).lastIndex(of: 0x0A) {
        start = newline + 1
        return UnsafeBufferPointer(start: storage, count: start)
      }
      if capacity >= maxLine {
        start = end
        return UnsafeBufferPointer(start: storage, count: end)
      }
      // one line longer than the buffer: make room and read on
      let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
      larger.update(from: storage, count: end)
      storage.deallocate()
      storage = larger
      capacity *= 2
    }
  }
}

import Glibc

/// A file's bytes at their own offsets in anonymous memory, read in range by range with
/// `pread`. A file cut short by another program while it is read gives a short read, which the
/// reader reports, where a mapping of the file would stop the process with SIGBUS. Ranges done
/// with are given back, so resident memory holds the ranges being worked on, not the file.
final class FileImage: @unchecked Sendable {
  /// The image: every byte at its offset in the file; zero where nothing was read yet.
  let bytes: UnsafeBufferPointer<UInt8>
  private let descriptor: Int32
  private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// An empty image of the `size` bytes of the open file `descriptor` (which must outlive it).
  init?(descriptor: Int32, size: Int) {
    guard size > 0, let map = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0), map != MAP_FAILED
    else { return nil }
    // huge pages where the system gives them: a page fault per 2 MB read, not per 4 KB
    madvise(map, size, MADV_HUGEPAGE)
    bytes = UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: size)
    self.descriptor = descriptor
  }

  deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }

  /// Reads `range` of the file into place; false when the file ends before the range does or
  /// cannot be read. Ranges read at once from several threads must not overlap.
  func read(_ range: Range<Int>) -> Bool {
    guard range.lowerBound >= 0, range.upperBound <= bytes.count, let base = bytes.baseAddress else { return false }
    var done = range.lowerBound
    while done < range.upperBound {
      let n = pread(descriptor, UnsafeMutableRawPointer(mutating: base + done), range.upperBound - done, off_t(done))
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      done += n
    }
    return true
  }

  /// Gives back the whole pages inside `range` (a page shared with a neighbouring range is
  /// kept, since that range may still be read).
  func release(_ range: Range<Int>) {
    let start = (range.lowerBound + Self.page - 1) / Self.page * Self.page
    let end = min(range.upperBound, bytes.count) / Self.page * Self.page
    guard end > start, let base = bytes.baseAddress else { return }
    madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
  }
}

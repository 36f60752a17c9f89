import Glibc

/// Opens a path for reading only when it is a regular file. A FIFO, socket or device is never
/// waited on: the file is opened without blocking (`O_NONBLOCK`), checked with `fstat`, and
/// only then made blocking again, so a corpus folder holding a named pipe loads the rest.
///
///     switch RegularFile.open("seeds/metadata.tsv") {
///     case .success(let fd): defer { close(fd) } …
///     case .failure(let problem): print(problem.message)   // "not a regular file (a FIFO)"
///     }
public enum RegularFile {
  /// Why a path was not read.
  public enum Problem: Error, Equatable {
    /// Nothing is there.
    case missing
    /// A folder, FIFO, socket or device; the kind is named.
    case notRegular(String)
    /// `open` or `read` failed with this `errno`.
    case unreadable(Int32)

    /// The reason, as a warning says it.
    public var message: String {
      switch self {
      case .missing: return "no such file or folder"
      case .notRegular(let kind): return "not a regular file (\(kind))"
      case .unreadable(let code): return String(cString: strerror(code))
      }
    }
  }

  /// An open, blocking descriptor of the regular file at `path`, which the caller closes.
  public static func open(_ path: String) -> Result<Int32, Problem> {
    let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return .failure(errno == ENOENT ? .missing : .unreadable(errno)) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let code = errno
      close(fd)
      return .failure(.unreadable(code))
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      close(fd)
      return .failure(.notRegular(kind(of: info.st_mode)))
    }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return .success(fd)
  }

  /// The whole file at `path`, read straight into an array.
  public static func contents(_ path: String) -> Result<[UInt8], Problem> {
    let fd: Int32
    switch open(path) {
    case .success(let opened): fd = opened
    case .failure(let problem): return .failure(problem)
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure(.unreadable(errno)) }
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
    var done = 0
    var failure: Int32 = 0
    bytes.withUnsafeMutableBytes { buffer in
      while done < buffer.count {
        let n = Glibc.read(fd, buffer.baseAddress! + done, buffer.count - done)
        if n < 0 && errno == EINTR { continue }
        if n < 0 { failure = errno }
        if n <= 0 { return }
        done += n
      }
    }
    if failure != 0 { return .failure(.unreadable(failure)) }
    if done < bytes.count { bytes.removeLast(bytes.count - done) }
    return .success(bytes)
  }

  /// What the file at `path` is, when it is not a regular file (nil when it is one, or is not there).
  public static func irregularKind(_ path: String) -> String? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    let type = info.st_mode & S_IFMT
    return type == S_IFREG || type == S_IFDIR ? nil : kind(of: info.st_mode)
  }

  static func kind(of mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: return "a folder"
    case S_IFIFO: return "a FIFO"
    case S_IFSOCK: return "a socket"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    default: return "not a file"
    }
  }
}

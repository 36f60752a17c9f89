import ClaimQuery
import Foundation

extension Session {
  /// `.output FILE` (from now on) or `.once FILE` (the next statement): results go to FILE,
  /// written whole (no width or row limit, no colour), as sqlite3 does; errors stay on the
  /// screen. `~` is the home folder.
  func redirectOutput(to path: String, once: Bool, fail: (String) -> DotResult) -> DotResult {
    let full = Paths.expandingTilde(path)
    guard FileManager.default.createFile(atPath: full, contents: nil), let handle = FileHandle(forWritingAtPath: full) else {
      return fail("cannot write \(path): \(String(cString: strerror(errno)))")
    }
    redirect = (handle, path, once)
    return .done
  }

  /// How a result is rendered where output goes now: whole, plain, when it goes to a file.
  var outputSpec: RenderSpec {
    guard redirect != nil else { return spec }
    var view = spec
    view.width = nil
    view.maxRows = nil
    view.bars = false
    view.color = false
    view.terminal = false
    return view
  }
}

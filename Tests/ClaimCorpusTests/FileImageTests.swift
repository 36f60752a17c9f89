// A file read into anonymous memory range by range: what is read is the file's, a file cut
// short gives a failed read (not SIGBUS, as a mapping of it would), and ranges given back are
// whole pages inside them only.
@testable import ClaimCorpus
import ClaimTestSupport
import Foundation
import Glibc
import Testing

@Suite struct FileImageTests {
  @Test func readsRangesInPlaceAndReportsAFileCutShort() throws {
    let dir = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("data").path
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let data = (0..<(3 * page + 100)).map { UInt8(truncatingIfNeeded: $0 % 251 + 1) }
    #expect(FileManager.default.createFile(atPath: path, contents: Data(data)))
    let fd = open(path, O_RDONLY)
    try #require(fd >= 0)
    defer { close(fd) }
    // the image was made for the size the file had; then another program cut it short
    let image = try #require(FileImage(descriptor: fd, size: data.count + 500))
    #expect(image.read(10..<(2 * page + 7)))
    #expect(Array(image.bytes[10..<(2 * page + 7)]) == Array(data[10..<(2 * page + 7)]))
    #expect(image.bytes[9] == 0, "nothing outside the range is read")
    #expect(!image.read((data.count - 10)..<(data.count + 20)))
    #expect(!image.read(0..<(data.count + 501)), "a range past the image")
    // only whole pages inside the range are given back: the page it shares with its neighbours stays
    image.release(10..<(2 * page + 7))
    #expect(image.bytes[11] == data[11] && image.bytes[2 * page + 6] == data[2 * page + 6])
    #expect(image.bytes[page] == 0 && image.bytes[2 * page - 1] == 0)
  }
}

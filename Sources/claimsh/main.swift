import ArgumentParser
import Foundation

// swift-argument-parser exits 64 on a usage error; claimsh's contract is 2.
do {
  var command = try ClaimshCommand.parseAsRoot()
  try command.run()
} catch {
  let code = ClaimshCommand.exitCode(for: error)
  if code.rawValue == 64 {
    FileHandle.standardError.write(Data((ClaimshCommand.fullMessage(for: error) + "\n").utf8))
    exit(2)
  }
  ClaimshCommand.exit(withError: error)
}

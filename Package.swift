// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "claimsh",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "claimsh", targets: ["claimsh"]),
    .library(name: "ClaimCorpus", targets: ["ClaimCorpus"]),
    .library(name: "ClaimQuery", targets: ["ClaimQuery"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    .target(name: "ClaimCorpus", dependencies: ["CFastScan", "CLibXML2", "CZlib"], resources: [.copy("Resources/lexicon.tsv"), .embedInCode("Resources/debris.txt"), .embedInCode("Resources/words.txt"), .embedInCode("Resources/cues.txt"), .embedInCode("Resources/stories.txt"), .embedInCode("Resources/attribution.model")]),
    .target(name: "CFastScan"),
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .target(name: "ClaimQuery", dependencies: ["ClaimCorpus", "CFastScan"]),
    .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    .target(name: "ClaimShell", dependencies: ["ClaimQuery", "CEditLine"]),
    .executableTarget(
      name: "claimsh",
      dependencies: ["ClaimShell", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // `make train`: the attribution model from ../shared/gold/polnear-train.
    .executableTarget(name: "claimsh-train", dependencies: ["ClaimCorpus"]),
    .executableTarget(name: "claimsh-bench", dependencies: ["ClaimQuery"], exclude: ["peers_vs_claimsh.py", "script_length.py", "operators.py", "html_vs_peers.py"]),
    // libFuzzer targets (`make fuzz`); built plainly, each replays the inputs it is given.
    .target(name: "FuzzSupport"),
    .executableTarget(name: "claimsh-fuzz-script", dependencies: ["ClaimShell", "FuzzSupport"]),
    .executableTarget(name: "claimsh-fuzz-load", dependencies: ["ClaimQuery", "FuzzSupport"]),
    .target(name: "ClaimTestSupport", dependencies: ["ClaimQuery", .product(name: "PropertyBased", package: "swift-property-based")], path: "Tests/ClaimTestSupport"),
    .testTarget(
      name: "ClaimCorpusTests",
      dependencies: ["ClaimCorpus", "CFastScan", "ClaimTestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
      exclude: ["Gold"]
    ),
    .testTarget(
      name: "ClaimQueryTests",
      dependencies: ["ClaimQuery", "ClaimTestSupport", "claimsh-bench", .product(name: "PropertyBased", package: "swift-property-based")],
      exclude: ["Golden", "Bench", "SQL/agreement.py"]
    ),
    .testTarget(name: "ClaimShellTests", dependencies: ["ClaimShell", "ClaimTestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["ClaimTestSupport"]),
  ]
)

// swift-tools-version: 6.0
import PackageDescription

// The libFuzzer target, a package of its own so the main package knows nothing of it:
// an executable that links only with `-sanitize=fuzzer`. Build and run it with
// `Fuzz/run.sh SEKUNDER`, never with a plain `swift build` here.
//
// `Sources/Ramverk` and `Sources/RamverkREPL` are symbolic links to the library's and
// the REPL's sources, compiled here with the fuzzer's coverage and AddressSanitizer;
// `Sources/RamverkFuzz/PipelineHarness.swift` is a link to the harness the tests share
// (Tests/RamverkTests/Robustness/), so a crash replays in `swift test` as it was found.
let package = Package(
    name: "RamverkFuzz",
    targets: [
        .target(name: "Ramverk"),
        .target(name: "RamverkREPL", dependencies: ["Ramverk"]),
        .executableTarget(name: "RamverkFuzz", dependencies: ["Ramverk", "RamverkREPL"]),
    ]
)

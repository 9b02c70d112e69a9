// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Ramverk",
    products: [
        .executable(name: "ramverk", targets: ["RamverkCLI"]),
        .library(name: "Ramverk", targets: ["Ramverk"]),
    ],
    targets: [
        // The language: source → tokens → syntax tree → checked model → evaluation →
        // report data → rendering. Prints nothing.
        .target(name: "Ramverk"),

        // The interactive session (REPL): commands, what-ifs, completion, history,
        // reloading; behind a line-editor interface, so it runs from a script in tests.
        // No libedit here.
        .target(name: "RamverkREPL", dependencies: ["Ramverk"]),

        // libedit (Debian libedit-dev), for line editing in a terminal.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),

        // The command-line shell around the library, with its own small command-line
        // parser (no package dependencies: start-up is most of a small file's run).
        .executableTarget(
            name: "RamverkCLI",
            dependencies: ["Ramverk", "RamverkREPL", "CEditLine"],
            // Release builds on Linux are one static executable (Swift runtime, glibc,
            // libedit and what libedit needs: terminfo, libbsd, libmd): no dynamic loader
            // at all. Resolving the symbols of the shared C++ and C libraries at every
            // start was 2,1 of the 3,4 ms of `ramverk --version` (BENCHMARKS.md); a run
            // of a small scenario is mostly start-up. Debug builds (and `swift test`)
            // stay dynamic; CI builds and runs the release binary too.
            linkerSettings: [
                .unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("tinfo", .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("bsd", .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("md", .when(platforms: [.linux], configuration: .release)),
            ]
        ),

        // Unit tests per stage, and the grammar kept true (and the harness the fuzzer
        // shares, which types into the REPL too).
        .testTarget(name: "RamverkTests", dependencies: ["Ramverk", "RamverkREPL"]),
        // The REPL's session logic through a scripted line editor (input → transcript).
        .testTarget(name: "RamverkREPLTests", dependencies: ["RamverkREPL", "Ramverk"]),
        // Runs the built `ramverk` binary: golden scenario → report pairs, exit codes.
        .testTarget(name: "EndToEndTests", dependencies: ["RamverkCLI"]),
        // The command-line parser and help of the `ramverk` command, without running it.
        .testTarget(name: "RamverkCLITests", dependencies: ["RamverkCLI"]),
    ]
)

// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Ramverk",
    products: [
        .executable(name: "ramverk", targets: ["RamverkCLI"]),
        .library(name: "Ramverk", targets: ["Ramverk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The language: source → tokens → syntax tree → checked model → evaluation →
        // report data → rendering. Prints nothing.
        .target(name: "Ramverk"),

        // The command-line shell around the library.
        .executableTarget(
            name: "RamverkCLI",
            dependencies: [
                "Ramverk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Unit tests per stage and the golden scenario → report pairs.
        // Unit tests per stage, and the grammar kept true.
        .testTarget(name: "RamverkTests", dependencies: ["Ramverk"]),
        // Runs the built `ramverk` binary: golden scenario → report pairs, exit codes.
        .testTarget(name: "EndToEndTests", dependencies: ["RamverkCLI"]),
    ]
)

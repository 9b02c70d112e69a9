import Ramverk
#if canImport(Glibc)
import Glibc
#endif

/// The formats of the report commands (`kör`, `risk`, `jämför`).
enum ReportFormat: String, CaseIterable {
    case text, json, csv, html

    /// `--format FORMAT`; its words are the cases, so the two cannot disagree.
    static let option = OptionSpec.option("format", .choice(allCases.map(\.rawValue)), valueName: "FORMAT",
                                          help: "Utdataformat: text, json, csv eller html.", defaultValue: "text")

    /// The value of `--format`, which the parser has checked.
    init(_ value: String?) {
        self = value.flatMap(ReportFormat.init(rawValue:)) ?? .text
    }
}

/// Where a report goes: standard output, or with `-o FIL` a file written atomically
/// (`AtomicFile`), so a failed run never leaves half a report or harms the one before.
struct ReportDestination {
    /// `-o FIL`, `--utdata FIL`; `help` names what is written.
    static func option(help: String) -> OptionSpec {
        .option("utdata", short: "o", valueName: "FIL", help: help)
    }

    /// nil (or "-") = standard output.
    var path: String?

    init(_ path: String?) {
        self.path = path == "-" ? nil : path
    }

    var isStandardOutput: Bool { path == nil }

    /// Colour only for text straight to a terminal, never into a file.
    func wantsColour(noColour: Bool) -> Bool {
        !noColour && isStandardOutput && Terminal.wantsColour(1)
    }

    /// Refuses an output file that is the scenario itself (exit 64): `-o` would
    /// replace the budget with its report.
    func checkNotInput(_ input: String, command: String) throws {
        guard let path, input != "-", let output = ReportDestination.realPath(path),
              let scenario = ReportDestination.realPath(input), output == scenario else { return }
        Terminal.writeError("ramverk \(command): fel: utdatafilen \(path) är scenariofilen själv; välj ett annat namn\n")
        throw ExitCode(ExitStatus.usage)
    }

    /// Writes the whole report; on failure says why and exits 73, the old file intact.
    func write(_ text: String) throws {
        guard let path else {
            Terminal.write(text)
            return
        }
        try write(Array(text.utf8), to: path)
    }

    func write(_ bytes: [UInt8]) throws {
        guard let path else {
            Terminal.writeOutput(bytes[...])
            return
        }
        try write(bytes, to: path)
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        var info = stat()
        let existed = stat(path, &info) == 0
        if case .failure(let error) = AtomicFile.write(bytes, to: path) {
            let outcome = existed ? "filen är oförändrad" : "ingen fil skrevs"
            Terminal.writeError("\(path): fel: kan inte skriva filen: \(error.reason); \(outcome)\n")
            throw ExitCode(ExitStatus.cannotWrite)
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

import Ramverk

/// `ramverk formatera [--kontroll] VÄG…`: rewrites scenario files in their canonical
/// layout, or (with --kontroll, for CI) only says which files are not in it.
struct FormatCommand {
    static let paths = PositionalSpec(name: "VÄG", help: "Filer och mappar att formatera, eller - för standard in.",
                                      repeats: true, whenMissing: "ange minst en fil eller mapp, eller - för standard in")
    static let checkOnly = OptionSpec.flag(
        "kontroll", help: "Skriv ingenting; lista filerna som skulle ändras (slutkod 1 om någon skulle det).")
    static let showDifferences = OptionSpec.flag("skillnader", help: "Visa ändringarna rad för rad.")
    static let noColour = OptionSpec.noColour(help: "Ingen färg i felmeddelanden, även i en terminal.")

    static let spec = CommandSpec(
        name: "formatera",
        aliases: ["fmt"],
        abstract: "Skriv scenariofiler i enhetlig form.",
        discussion: """
        Skriver om filerna med indrag, mellanrum, tabeller i kolumner och tal som \
        handboken beskriver. Betydelsen ändras aldrig, och kommentarer står kvar. En fil \
        med syntaxfel lämnas orörd. En mapp gås igenom efter *.ramverk (dolda mappar \
        hoppas över). Med - läses standard in och resultatet skrivs till standard ut.

        Slutkoder: 0 klart, 1 (med --kontroll) någon fil skulle ändras, 64 felaktigt \
        kommando, 65 syntaxfel i en fil, 66 en fil kan inte läsas, 70 internt fel, \
        73 en fil kan inte skrivas. Vid flera problem gäller den högsta koden.
        """,
        positionals: [paths],
        options: [checkOnly, showDifferences, noColour]
    )

    let paths: [String]
    let checkOnly: Bool
    let showDifferences: Bool
    let noColour: Bool

    init(_ arguments: ParsedArguments) {
        paths = arguments.arguments(Self.paths)
        checkOnly = arguments.flag(Self.checkOnly)
        showDifferences = arguments.flag(Self.showDifferences)
        noColour = arguments.flag(Self.noColour)
    }

    func run() throws {
        var status = ExitStatus.ok
        var summary = FormatSummary()
        for entry in ScenarioPaths.expand(paths.filter { $0 != "-" }) {
            switch entry {
            case .unreadable(let path, let problem):
                Terminal.writeError("\(path): fel: \(problem)\n")
                status = max(status, ExitStatus.unreadableInput)
            case .file(let path):
                status = max(status, formatFile(path, &summary))
            }
        }
        if paths.contains("-") { status = max(status, formatStandardInput()) }
        if summary.files > 0 { Terminal.write(summary.text(checkOnly: checkOnly)) }
        if status != ExitStatus.ok { throw ExitCode(status) }
    }

    private func formatFile(_ path: String, _ summary: inout FormatSummary) -> Int32 {
        // Read as the source it is (no copy into an array and back for a large file).
        let bytes: SourceBytes
        switch LocalFileSystem().readSource(path, included: false) {
        case .failure(let error):
            Terminal.writeError("\(path): fel: kan inte läsa filen: \(error.reason)\n")
            return ExitStatus.unreadableInput
        case .success(let read):
            bytes = read
        }
        let source = SourceFile(path: path, bytes: bytes)
        let outcome = Formatter.format(source)
        guard case .formatted(let formatted) = outcome else { return report(outcome, source) }
        summary.files += 1
        if bytes.elementsEqual(formatted) { return ExitStatus.ok }
        summary.changed += 1
        if checkOnly {
            Terminal.write("inte formaterad: \(path)\n")
            showDifference(path, Array(bytes), formatted)
            return ExitStatus.checkFailed
        }
        if case .failure(let error) = AtomicFile.write(formatted, to: path) {
            // Reported as an error, not counted as formatted or as already formatted.
            summary.files -= 1
            summary.changed -= 1
            Terminal.writeError("\(path): fel: kan inte skriva filen: \(error.reason); filen är oförändrad\n")
            return ExitStatus.cannotWrite
        }
        Terminal.write("formaterad: \(path)\n")
        showDifference(path, Array(bytes), formatted)
        return ExitStatus.ok
    }

    /// `-`: the formatted text to standard output (with --kontroll, nothing but the
    /// verdict).
    private func formatStandardInput() -> Int32 {
        let bytes = Terminal.readStandardInput()
        let source = SourceFile(path: "<stdin>", bytes: bytes)
        let outcome = Formatter.format(source)
        guard case .formatted(let formatted) = outcome else { return report(outcome, source) }
        guard checkOnly else {
            Terminal.writeOutput(formatted[...])
            return ExitStatus.ok
        }
        if formatted == bytes { return ExitStatus.ok }
        Terminal.write("inte formaterad: <stdin>\n")
        showDifference("<stdin>", bytes, formatted)
        return ExitStatus.checkFailed
    }

    /// Renders why a file was not formatted; its exit status.
    private func report(_ outcome: Formatter.Outcome, _ source: SourceFile) -> Int32 {
        var sources = SourceSet()
        _ = sources.add(source)
        let renderer = DiagnosticRenderer(sources: sources, colour: !noColour && Terminal.wantsColour(2))
        switch outcome {
        case .syntaxErrors(let diagnostics):
            Terminal.writeError(renderer.render(diagnostics))
            Terminal.writeError("\(diagnostics.count) fel i \(source.path); filen formaterades inte.\n")
            return ExitStatus.scenarioError
        case .internalError(let diagnostics):
            Terminal.writeError("\(source.path): internt fel: formateringen gav text med fel; filen är oförändrad.\n")
            Terminal.writeError(diagnostics.map { "  \($0.message)\n" }.joined())
            return ExitStatus.internalError
        case .formatted:
            return ExitStatus.ok
        }
    }

    private func showDifference(_ path: String, _ old: [UInt8], _ new: [UInt8]) {
        guard showDifferences else { return }
        Terminal.write(DifferenceRenderer.render(path: path, old: old, new: new))
    }
}

/// How many files were looked at and changed, and the last line that says so.
struct FormatSummary {
    var files = 0
    var changed = 0

    func text(checkOnly: Bool) -> String {
        let unchanged = files - changed
        if checkOnly {
            if changed == 0 { return files == 1 ? "Filen är formaterad.\n" : "Alla \(files) filer är formaterade.\n" }
            let verdict = files == 1 ? "Filen är inte formaterad"
                : "\(changed) av \(files) filer är inte \(changed == 1 ? "formaterad" : "formaterade")"
            return verdict + "; kör ramverk formatera utan --kontroll.\n"
        }
        let done = changed == 1 ? "1 fil formaterades" : "\(changed) filer formaterades"
        if unchanged == 0 { return done + ".\n" }
        let already = unchanged == 1 ? "1 var redan formaterad" : "\(unchanged) var redan formaterade"
        if changed == 0 { return files == 1 ? "Filen var redan formaterad.\n" : "Alla \(files) filer var redan formaterade.\n" }
        return "\(done), \(already).\n"
    }
}

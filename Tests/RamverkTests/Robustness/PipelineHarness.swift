@testable import Ramverk
import RamverkREPL

/// One input through everything Ramverk does with a scenario — load with includes,
/// parse, check, evaluate, the risk analysis with a short simulation, the scenarios of
/// `jämför`, every renderer of `kör`, `risk`, `jämför` and `kontrollera`, and the
/// formatter — checking what must hold on the
/// way. A crash or a trap is a crash; anything else that is wrong comes back as text.
///
/// Shared by the libFuzzer target (`Fuzz/`, where this file is a symbolic link) and by
/// the tests that replay every input the fuzzer ever found (`FuzzRegressionTests`), so
/// a crash is replayed exactly as it was found. Uses no Foundation: the fuzz target
/// links only the library.
enum PipelineHarness {
    /// The name of the input's main file; its folder is ".".
    static let mainFile = "fuzz.ramverk"
    /// A line that starts another file of the same folder, as in docs/diagnostiker.md.
    static let fileMarker = Array("# fil:".utf8)
    /// Iterations of the risk simulation: enough to reach every statistic, few enough
    /// for thousands of runs a second.
    static let iterations = 50

    /// The first line of an input for the REPL.
    static let replMarker = Array("#!repl\n".utf8)
    /// The file a REPL session starts with, when the input has one.
    static let replScenario = "scenario.ramverk"

    /// What an input is. The first line chooses, so further entry points can be added
    /// without changing what the existing corpus means.
    enum Entry {
        /// The bytes are `fuzz.ramverk`; a line `# fil: NAME` starts the file NAME.
        case scenario([String: [UInt8]])
        /// After a first line `#!repl`: each line is typed into a REPL session, which
        /// starts with `scenario.ramverk` loaded when a `# fil: scenario.ramverk` gives it.
        case repl(lines: [String], files: [String: [UInt8]])

        init(_ bytes: [UInt8]) {
            guard bytes.starts(with: PipelineHarness.replMarker) else {
                self = .scenario(PipelineHarness.files(bytes))
                return
            }
            var files = PipelineHarness.files(Array(bytes.dropFirst(PipelineHarness.replMarker.count)))
            let typed = files.removeValue(forKey: PipelineHarness.mainFile) ?? []
            let lines = typed.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            self = .repl(lines: lines, files: files)
        }
    }

    /// Runs one input; the invariants it broke (none when all held).
    static func run(_ bytes: [UInt8]) -> [String] {
        switch Entry(bytes) {
        case .scenario(let files):
            return runScenario(files)
        case .repl(let lines, let files):
            return runREPL(lines, files: files)
        }
    }

    /// A REPL session typing `lines`, its files in memory and what it saves kept there
    /// too: nothing reaches the disk. `:risk` is not typed: it simulates with the file's
    /// own iterations (up to 50 000 000), and the analysis is fuzzed on its own above.
    static func runREPL(_ lines: [String], files: [String: [UInt8]]) -> [String] {
        struct Typist: LineEditor {
            var lines: [String]
            var isInteractive: Bool { false }
            mutating func readLine(prompt: String) -> LineInput {
                lines.isEmpty ? .end : .line(lines.removeFirst())
            }
            mutating func remember(_ line: String) {}
        }
        struct Drawer: FileWriter {
            func write(_ bytes: [UInt8], to path: String) -> Result<Void, WriteFailure> { .success(()) }
        }
        var typist = Typist(lines: lines.filter { !$0.trimmedOfSpaces.hasPrefix(":risk") })
        let repl = REPL(writer: Drawer(), fileSystem: MemoryFileSystem(bytes: files)) { _ in }
        _ = repl.run(&typist, path: files[replScenario] != nil ? replScenario : nil)
        // Completion of the last line typed, as Tab would ask for it.
        _ = repl.complete(String(lines.last?.prefix(40) ?? ""))
        return []
    }

    /// Splits the input at `# fil:` lines; the first part is the main file.
    static func files(_ bytes: [UInt8]) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        var name = mainFile
        var current: [UInt8] = []
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            if line.starts(with: fileMarker) {
                files[name] = current
                let rest = line.dropFirst(fileMarker.count)
                name = String(decoding: rest, as: UTF8.self).trimmedOfSpaces
                current = []
            } else {
                current += line
            }
            lineStart = lineEnd
        }
        files[name] = current
        return files
    }

    static func runScenario(_ files: [String: [UInt8]]) -> [String] {
        var failures: [String] = []
        let fileSystem = MemoryFileSystem(bytes: files)
        guard case .success(let run) = Pipeline.run(path: mainFile, fileSystem: fileSystem) else {
            return ["the main file could not be read"]
        }
        failures += checkDiagnostics(run.diagnostics, sources: run.sources)
        _ = DiagnosticRenderer(sources: run.sources, colour: true).render(run.diagnostics)

        if !run.hasErrors, run.model == nil || run.evaluation == nil {
            failures.append("no errors, but no model or no evaluation")
        }
        if let model = run.model, let evaluation = run.evaluation, !run.hasErrors {
            failures += renderReports(run, model: model, evaluation: evaluation)
        }
        renderAsChecked(run)
        failures += checkFormatter(files, run: run)
        return failures
    }

    /// `kör`, `risk` and `jämför` in every format (text, JSON, CSV, HTML), with a short simulation.
    static func renderReports(_ run: ScenarioRun, model: Model, evaluation: Evaluation) -> [String] {
        var failures: [String] = []
        let options = RiskAnalysis.Options(iterations: iterations, seed: 1, threads: 1)
        var riskAnalysis: RiskAnalysisResult?
        if !model.riskAnalysis.isEmpty {
            let analysis = RiskAnalysis.run(model, options: options)
            failures += checkDiagnostics(analysis.diagnostics, sources: run.sources)
            _ = DiagnosticRenderer(sources: run.sources).render(analysis.newDiagnostics(since: run))
            _ = TextRiskRenderer(unit: model.displayUnit, colour: true).render(analysis)
            _ = JSONRiskRenderer().render(analysis, unit: model.displayUnit)
            _ = CSVRiskRenderer(unit: model.displayUnit).render(analysis)
            _ = HTMLRiskRenderer(unit: model.displayUnit).render(analysis, owner: nil, source: mainFile)
            riskAnalysis = analysis
        }
        let report = DriftbudgetReportBuilder.build(model: model, evaluation: evaluation)
        _ = TextReportRenderer(sources: run.sources, colour: true).render(report, riskAnalysis: riskAnalysis)
        _ = JSONReportRenderer(sources: run.sources).render(report, riskAnalysis: riskAnalysis)
        _ = CSVReportRenderer().render(report)
        _ = HTMLReportRenderer(sources: run.sources).render(report, riskAnalysis: riskAnalysis)
        // One column, as `--kolumn` asks for.
        if let first = model.columns.first {
            let one = DriftbudgetReportBuilder.build(model: model, evaluation: evaluation, columnKeys: [first.key])
            _ = TextReportRenderer(sources: run.sources).render(one)
        }
        if !model.alternatives.isEmpty {
            let (outcomes, diagnostics) = Alternatives.run(model, tolerance: run.tolerance, options: options)
            failures += checkDiagnostics(diagnostics, sources: run.sources)
            let comparison = ComparisonReportBuilder.build(model: model, outcomes: outcomes)
            _ = TextComparisonRenderer(colour: true).render(comparison)
            _ = JSONComparisonRenderer().render(comparison)
            _ = CSVComparisonRenderer().render(comparison)
            _ = HTMLComparisonRenderer().render(comparison, source: mainFile)
        }
        return failures
    }

    /// `ramverk kontrollera`'s three outputs for the file.
    static func renderAsChecked(_ run: ScenarioRun) {
        let checked = CheckedFile(path: mainFile, readError: nil, sources: run.sources, diagnostics: run.diagnostics,
                                  unit: run.model?.displayUnit ?? .tkr, checkCount: run.evaluation?.checks.count ?? 0,
                                  failedChecks: run.evaluation?.checks.filter { !$0.passed } ?? [])
        let batch = BatchResult(files: [checked])
        _ = BatchTextRenderer(colour: true).render(batch)
        _ = BatchTextRenderer(quiet: true, warningsAsErrors: true).render(batch)
        _ = GitHubAnnotationRenderer().render(batch)
        _ = JSONDiagnosticsRenderer().render(batch, exitCode: 0, warningsAsErrors: false)
    }

    /// Every diagnostic points into a file of the run, within its bytes.
    static func checkDiagnostics(_ diagnostics: [Diagnostic], sources: SourceSet) -> [String] {
        var failures: [String] = []
        for diagnostic in diagnostics {
            let spans = [diagnostic.span] + diagnostic.notes.map(\.span)
            for case let span? in spans {
                guard span.file >= 0, Int(span.file) < sources.files.count else {
                    failures.append("\(diagnostic.code): span in file \(span.file) of \(sources.files.count)")
                    continue
                }
                let size = sources[span.file].bytes.count
                if span.start < 0 || span.start > span.end || Int(span.end) > size {
                    failures.append("\(diagnostic.code): span \(span.start)..<\(span.end) in a file of \(size) bytes")
                }
            }
        }
        return failures
    }

    /// The formatter on the main file: it formats exactly what parses, its output formats
    /// to itself, and means the same (the same problems, the same checks).
    static func checkFormatter(_ files: [String: [UInt8]], run: ScenarioRun) -> [String] {
        let bytes = files[mainFile] ?? []
        // What the loader found wrong with the main file as text (the checker's
        // problems do not stop the formatter).
        let file = SourceFile(path: mainFile, bytes: bytes)
        let syntaxCodes = UTF8Validation.firstInvalidOffset(bytes) != nil ? ["R0101"]
            : Parser.parse(file, fileIndex: 0).1.filter { $0.severity == .error }.map(\.code)
        switch Formatter.format(file) {
        case .internalError(let errors):
            return ["the formatted text does not parse: \(errors.map(\.code))"]
        case .syntaxErrors(let errors):
            if errors.map(\.code) != syntaxCodes || syntaxCodes.isEmpty {
                return ["the formatter found \(errors.map(\.code)), the parser \(syntaxCodes)"]
            }
            return []
        case .formatted(let output):
            var failures: [String] = []
            if !syntaxCodes.isEmpty { failures.append("formatted a file with syntax errors \(syntaxCodes)") }
            if Formatter.format(SourceFile(path: mainFile, bytes: output)) != .formatted(output) {
                failures.append("formatting the formatted file changes it")
            }
            // The formatted main file among the same other files.
            var formatted = files
            formatted[mainFile] = output
            return failures + sameMeaning(run, formatted: formatted)
        }
    }

    /// The formatted scenario has the same problems and the same checks, as values.
    static func sameMeaning(_ original: ScenarioRun, formatted files: [String: [UInt8]]) -> [String] {
        guard case .success(let again) = Pipeline.run(path: mainFile, fileSystem: MemoryFileSystem(bytes: files)) else {
            return ["the formatted main file could not be read"]
        }
        func problems(_ run: ScenarioRun) -> [String] { run.diagnostics.map { "\($0.code) \($0.message)" } }
        func checks(_ run: ScenarioRun) -> [String] {
            // Not the subject: an unnamed check is named by its source text, as written.
            (run.evaluation?.checks ?? []).map { "\($0.kind) \($0.passed) \($0.stated.ore) \($0.computed.ore) \(String(describing: $0.numbers))" }
        }
        var failures: [String] = []
        if problems(original) != problems(again) {
            failures.append("formatting changed the problems: \(problems(original)) → \(problems(again))")
        }
        if checks(original) != checks(again) {
            failures.append("formatting changed the checks")
        }
        return failures
    }
}

extension MemoryFileSystem {
    /// Files given as bytes (the fuzzer's are not always UTF-8), by normalised path.
    init(bytes files: [String: [UInt8]]) {
        self.init([:])
        for (path, bytes) in files { self.files[MemoryFileSystem.normalize(path)] = bytes }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (no Foundation here).
    var trimmedOfSpaces: String {
        let scalars = unicodeScalars
        let start = scalars.firstIndex { !" \t\r\n".unicodeScalars.contains($0) } ?? scalars.endIndex
        let end = scalars.lastIndex { !" \t\r\n".unicodeScalars.contains($0) }.map(scalars.index(after:)) ?? start
        return start < end ? String(scalars[start..<end]) : ""
    }
}

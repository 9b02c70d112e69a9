import Ramverk
#if canImport(Glibc)
import Glibc
#endif

/// `ramverk kör FIL`: prints the driftbudget and the checks.
struct RunCommand {
    static let file = PositionalSpec.scenarioFile
    static let columns = OptionSpec.option("kolumn", valueName: "KOLUMN", help: "Visa bara denna kolumn (kan upprepas).",
                                           repeats: true)
    static let format = ReportFormat.option
    static let output = ReportDestination.option(help: "Skriv rapporten till FIL i stället för till standard ut.")
    static let noColour = OptionSpec.noColour()

    static let spec = CommandSpec(
        name: "kör",
        aliases: ["kor", "run"],
        abstract: "Räkna ut och skriv driftbudgeten med kontroller.",
        discussion: """
        Skriver driftbudgeten (områden, poster, summor, förändring mellan åren), ramar, \
        ramförändringar och kontroller, som text, JSON, CSV (för Excel) eller HTML (en \
        fristående sida med diagram, att skicka vidare eller skriva ut). Med -o skrivs \
        rapporten till en fil, hel eller inte alls. Slutkod 1 om en kontroll inte stämmer, \
        65 vid fel i scenariot, 66 om filen inte kan läsas, 73 om utdatafilen inte kan skrivas.
        """,
        positionals: [file],
        options: [columns, format, output, noColour]
    )

    let file: String
    let columns: [String]
    let format: ReportFormat
    let output: String?
    let noColour: Bool

    init(_ arguments: ParsedArguments) {
        file = arguments.requiredArgument(Self.file)
        columns = arguments.values(Self.columns)
        format = ReportFormat(arguments.value(Self.format))
        output = arguments.value(Self.output)
        noColour = arguments.flag(Self.noColour)
    }

    func run() throws {
        // The simulation of a risk section will want every core: the worker threads start
        // now, while the file is read and checked, instead of when it begins.
        WorkerPool.shared.start()
        if getenv("RAMVERK_TIDER") != nil { StageClock.start() }
        defer {
            Terminal.writeError(StageClock.times.map {
                "\($0.stage): \($0.microseconds / 1000).\($0.microseconds % 1000 / 100) ms, \($0.residentKiB / 1024) MiB (peak \($0.peakKiB / 1024) MiB)\n"
            }.joined())
        }
        let destination = ReportDestination(output)
        try destination.checkNotInput(file, command: "kör")
        let renderText = format == .text
        let colour = destination.wantsColour(noColour: noColour)
        let columns = self.columns
        var ahead: PendingWork<ReportAhead>?
        let (run, model, evaluation) = try ScenarioInput.evaluated(file, colour: !noColour) { run, model, evaluation in
            // The report does not depend on the risk analysis: it is built, and as text
            // rendered up to the analysis, on another core while this one prepares and
            // runs the simulation (Haninge with 10 iterations: 0,3 ms less, paired;
            // BENCHMARKS.md, "Session 6").
            guard !model.riskAnalysis.isEmpty, DriftbudgetReportBuilder.unknownColumns(columns, in: model).isEmpty else {
                return
            }
            let sources = run.sources
            ahead = WorkerPool.shared.async {
                ReportAhead(model: model, evaluation: evaluation, columns: columns,
                            renderer: renderText ? TextReportRenderer(sources: sources, colour: colour) : nil)
            }
        }
        let unknown = DriftbudgetReportBuilder.unknownColumns(columns, in: model)
        if !unknown.isEmpty {
            let known = model.columns.map(\.key).joined(separator: ", ")
            Terminal.writeError("ramverk kör: fel: okänd kolumn \(unknown.map { "'\($0)'" }.joined(separator: ", ")); \(file) har \(known)\n")
            throw ExitCode(ExitStatus.usage)
        }
        // The risk analysis with the file's own simulation settings.
        var riskAnalysis: RiskAnalysisResult?
        if !model.riskAnalysis.isEmpty {
            let analysis = RiskAnalysis.run(run, options: .init(progress: Progress.onTerminal()))
            Progress.clear()
            Terminal.writeError(DiagnosticRenderer(sources: run.sources, colour: !noColour && Terminal.wantsColour(2))
                .render(analysis.newDiagnostics(since: run)))
            riskAnalysis = analysis
        }
        let prepared = ahead?.wait() ?? ReportAhead(model: model, evaluation: evaluation, columns: columns, renderer: nil)
        let report = prepared.report
        StageClock.mark("build report")
        switch format {
        case .text:
            let renderer = TextReportRenderer(sources: run.sources, colour: colour)
            // Streamed to standard output: a report of a million rows is never held whole.
            var output = destination.isStandardOutput ? TextOutput(sink: Terminal.writeOutput) : TextOutput()
            if let head = prepared.head {
                output.append(head)
            } else {
                renderer.renderHead(report, to: &output)
            }
            output.append(renderer.renderRiskAnalysis(riskAnalysis, unit: report.unit) + renderer.renderChecks(report))
            if destination.isStandardOutput {
                output.finish()
            } else {
                try destination.write(output.bytes)
            }
            // Written: the model and the report are left for the system to take back at
            // exit rather than freed one object at a time (80 ms at a million posts).
            KeptUntilExit.keep(run, model, evaluation, report)
        case .json:
            try destination.write(JSONReportRenderer(sources: run.sources).render(report, riskAnalysis: riskAnalysis))
        case .csv:
            try destination.write(CSVReportRenderer().render(report))
        case .html:
            try destination.write(HTMLReportRenderer(sources: run.sources).render(report, riskAnalysis: riskAnalysis))
        }
        StageClock.mark("render")
        if report.failedChecks > 0 { throw ExitCode(ExitStatus.checkFailed) }
    }
}

extension PositionalSpec {
    /// The one scenario file of `kör`, `risk` and `jämför`.
    static let scenarioFile = PositionalSpec(name: "FIL", help: "Scenariofilen (.ramverk), eller - för standard in.")
}

/// Reads the scenario named on the command line (or standard input for "-").
enum ScenarioInput {
    enum Loaded {
        case success(ScenarioRun)
        case failure(String)
    }

    /// The scenario loaded, checked and evaluated, its problems written to standard
    /// error; exits 66 when it cannot be read and 65 when it has errors. `beside`, when
    /// given, is called once the model is evaluated without errors, just before the
    /// risk analysis is prepared (the pipeline's last stage), to start work that can
    /// run beside it.
    static func evaluated(_ path: String, colour: Bool,
                          beside: ((ScenarioRun, Model, Evaluation) -> Void)? = nil) throws -> (ScenarioRun, Model, Evaluation) {
        let loaded = load(path, preparingRiskAnalysis: beside == nil)
        guard case .success(var run) = loaded else {
            if case .failure(let message) = loaded { Terminal.writeError(message) }
            throw ExitCode(ExitStatus.unreadableInput)
        }
        if let beside, let model = run.model, let evaluation = run.evaluation, !run.hasErrors {
            beside(run, model, evaluation)
            Pipeline.prepareRiskAnalysis(&run)
        }
        let diagnostics = DiagnosticRenderer(sources: run.sources, colour: colour && Terminal.wantsColour(2))
        Terminal.writeError(diagnostics.render(run.diagnostics))
        guard let model = run.model, let evaluation = run.evaluation, !run.hasErrors else {
            let count = run.diagnostics.count { $0.severity == .error }
            let name = run.sources.files.first?.path ?? path
            Terminal.writeError("\(count) fel i \(name); ingen rapport skrevs.\n")
            throw ExitCode(ExitStatus.scenarioError)
        }
        return (run, model, evaluation)
    }

    /// The file system a one-shot command reads its scenario through: a large file is
    /// mapped rather than read, so the parser can give its pages back (peak memory of a
    /// million posts, BENCHMARKS.md). A mapped file that shrinks during the run would
    /// otherwise kill it with SIGBUS; it ends it with this message instead.
    static func mappingFileSystem() -> LocalFileSystem {
        MappedFiles.exitWhenTruncated(
            message: "ramverk: fel: scenariofilen ändrades (blev kortare) medan den lästes; kör igen\n",
            status: ExitStatus.unreadableInput)
        return LocalFileSystem(mapsLargeFiles: true)
    }

    static func load(_ path: String, preparingRiskAnalysis: Bool = true) -> Loaded {
        if path == "-" {
            let bytes = Terminal.readStandardInput()
            return .success(Pipeline.run(text: String(decoding: bytes, as: UTF8.self), path: "<stdin>",
                                         fileSystem: LocalFileSystem(), preparingRiskAnalysis: preparingRiskAnalysis))
        }
        switch Pipeline.run(path: path, fileSystem: mappingFileSystem(), preparingRiskAnalysis: preparingRiskAnalysis) {
        case .success(let run):
            return .success(run)
        case .failure(let error):
            return .failure("\(path): fel: kan inte läsa filen: \(error.reason)\n")
        }
    }
}

/// The report of `kör`, and its text up to the risk analysis when a renderer is given
/// and the report is small enough to hold (a larger one is streamed when written).
struct ReportAhead: Sendable {
    /// Rows up to which the text is rendered ahead into memory (some 100 bytes each).
    static let renderedRowLimit = 50_000

    let report: DriftbudgetReport
    let head: TextBytes?

    init(model: Model, evaluation: Evaluation, columns: [String], renderer: TextReportRenderer?) {
        report = DriftbudgetReportBuilder.build(model: model, evaluation: evaluation, columnKeys: columns)
        if let renderer, report.rows.count <= Self.renderedRowLimit {
            var output = TextOutput()
            renderer.renderHead(report, to: &output)
            head = output.take()
        } else {
            head = nil
        }
    }
}

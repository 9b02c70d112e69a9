/// One run of a scenario through the whole pipeline, as data for the shells to render.
public struct ScenarioRun: Sendable {
    public var sources: SourceSet
    /// Present once the scenario parsed and checked without errors.
    public var model: Model?
    /// Present once the model was evaluated.
    public var evaluation: Evaluation?
    /// Every problem, in the order the stages found them.
    public var diagnostics: [Diagnostic]
    /// The känslighetsanalys and the risks' parameters checked (no simulation), when the
    /// scenario has a risk analysis.
    public var riskAnalysis: RiskAnalysisResult?
    /// The file's `tolerans`, resolved (scenarios are checked with it too).
    public var tolerance: ResolvedExpression?

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The driver, which reads like the pipeline: load and parse, stop on errors; check,
/// stop on errors; evaluate and run the checks.
public enum Pipeline {
    /// With `preparingRiskAnalysis` false the run stops after the evaluation, and
    /// `prepareRiskAnalysis` is its last stage (a shell does other work beside it).
    public static func run(path: String, fileSystem: any FileSystem = LocalFileSystem(),
                           preparingRiskAnalysis: Bool = true) -> Result<ScenarioRun, FileReadError> {
        switch ProgramLoader.load(path: path, fileSystem: fileSystem) {
        case .success(let program): .success(run(program, preparingRiskAnalysis: preparingRiskAnalysis))
        case .failure(let error): .failure(error)
        }
    }

    public static func run(text: String, path: String, fileSystem: any FileSystem = MemoryFileSystem([:]),
                           preparingRiskAnalysis: Bool = true) -> ScenarioRun {
        run(ProgramLoader.load(text: text, path: path, fileSystem: fileSystem), preparingRiskAnalysis: preparingRiskAnalysis)
    }

    /// Problems sorted by where they are (stable: the same place keeps its order).
    static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let x = a.element.span ?? SourceSpan(file: 0, start: 0, end: 0)
            let y = b.element.span ?? SourceSpan(file: 0, start: 0, end: 0)
            return (x.file, x.start, a.offset) < (y.file, y.start, b.offset)
        }.map(\.element)
    }

    /// Consumes the program: the checker frees its syntax tree as the model grows.
    public static func run(_ program: consuming ParsedProgram, preparingRiskAnalysis: Bool = true) -> ScenarioRun {
        var run = stages(program)
        if preparingRiskAnalysis { addRiskAnalysis(to: &run) }
        // A run shows at most 100 errors and 100 warnings (R0608 says when there were more).
        run.diagnostics = DiagnosticLimit.shown(run.diagnostics)
        return run
    }

    /// The last stage, for a run that stopped before it: the känslighetsanalys and the
    /// risks' parameters checked (no simulation), their problems added.
    public static func prepareRiskAnalysis(_ run: inout ScenarioRun) {
        guard run.riskAnalysis == nil else { return }
        addRiskAnalysis(to: &run)
        run.diagnostics = DiagnosticLimit.shown(run.diagnostics)
    }

    private static func addRiskAnalysis(to run: inout ScenarioRun) {
        guard let model = run.model, run.evaluation != nil, !model.riskAnalysis.isEmpty, !run.hasErrors else { return }
        let analysis = RiskAnalysis.run(model, options: .init(simulate: false))
        run.diagnostics += inFileOrder(analysis.diagnostics)
        run.riskAnalysis = analysis
    }

    private static func stages(_ program: consuming ParsedProgram) -> ScenarioRun {
        var run = ScenarioRun(sources: program.sources, diagnostics: program.diagnostics)
        if run.hasErrors { return run }

        let checked = Checker.check(program)
        StageClock.mark("check")
        // The checker works in passes; users read problems in file order.
        run.diagnostics += inFileOrder(checked.diagnostics)
        if run.hasErrors { return run }
        run.model = checked.model

        run.tolerance = checked.tolerance
        let evaluation = Evaluator.run(checked.model, tolerance: checked.tolerance)
        run.diagnostics += evaluation.diagnostics
        run.evaluation = evaluation
        StageClock.mark("evaluate and check")
        return run
    }
}

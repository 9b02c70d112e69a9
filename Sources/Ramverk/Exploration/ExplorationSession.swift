/// A scenario loaded for exploration (the REPL): the checked model kept evaluated, with
/// the dependency edges a what-if needs, the checker's name tables to resolve what is
/// typed, the declarations typed so far and a stack of what-if changes. Every answer is
/// data; the shell renders it.
public struct ExplorationSession {
    /// Why a scenario could not become a session.
    public enum LoadProblem: Error {
        /// The main file could not be read.
        case unreadable(path: String, FileReadError)
        /// The scenario has errors; `sources` renders them.
        case invalid([Diagnostic], SourceSet)
    }

    /// The path of the scenario file, nil for a session started without one.
    public let path: String?
    /// Every file of the session: the scenario, what it includes, typed declarations,
    /// and every typed line, so a message about a typed line shows it.
    public internal(set) var sources: SourceSet
    public let model: Model
    /// The model as loaded (with its typed declarations), before any what-if.
    public let baseEvaluation: Evaluation
    /// Warnings and notes of the load (errors make it fail).
    public var loadDiagnostics: [Diagnostic] { loadDiagnosticsStorage }
    /// Declarations typed in the session, in order, each as its own file.
    public internal(set) var declarations: [SourceFile]
    /// The what-if changes in force, oldest first.
    public internal(set) var changes: [AppliedChange] = []
    /// The year what-ifs are analysed in (nil when no column has a year), and its column.
    public let year: Int?
    public let column: Int?
    /// What "resultat" means for this model (see `ResultDefinition`).
    public let definition: ResultDefinition
    /// The years of the rams in `AnalysisFigures.ramRemaining`.
    public let ramYears: [Int]

    var resolver: Checker
    /// Present when the model has a column to analyse what-ifs in.
    var whatIf: WhatIf?
    /// Evaluates typed expressions when there is no what-if state (a model without
    /// columns).
    var plainEvaluator: Evaluator
    var tolerance: Money
    let fileSystem: any FileSystem
    /// The checks of the current state (base, or with changes applied).
    var checkState: CheckState

    /// The path typed input is shown under in messages.
    public static let typedPath = "<inmatning>"

    /// Loads `path` with `declarations` (typed earlier) and replays `changes` by their
    /// text; changes that no longer apply come back with their problems.
    public static func load(path: String, declarations: [SourceFile] = [], replaying changes: [AppliedChange] = [],
                            fileSystem: any FileSystem = LocalFileSystem())
        -> Result<(ExplorationSession, dropped: [(AppliedChange, [Diagnostic])]), LoadProblem> {
        switch ProgramLoader.load(path: path, fileSystem: fileSystem) {
        case .failure(let error):
            return .failure(.unreadable(path: path, error))
        case .success(let program):
            return build(program, path: path, declarations: declarations, replaying: changes, fileSystem: fileSystem)
        }
    }

    /// A session without a scenario file: only what is typed.
    public static func empty(declarations: [SourceFile] = [], fileSystem: any FileSystem = LocalFileSystem())
        -> Result<ExplorationSession, LoadProblem> {
        let program = ProgramLoader.load(text: "", path: typedPath, fileSystem: fileSystem)
        return build(program, path: nil, declarations: declarations, replaying: [], fileSystem: fileSystem).map(\.0)
    }

    /// The same session built again from disk (the file changed), with its declarations
    /// and changes.
    public func reloaded() -> Result<(ExplorationSession, dropped: [(AppliedChange, [Diagnostic])]), LoadProblem> {
        rebuilt(declarations: declarations)
    }

    /// The session built again from disk with other declarations (one more, one less),
    /// its changes made again on top.
    public func rebuilt(declarations: [SourceFile])
        -> Result<(ExplorationSession, dropped: [(AppliedChange, [Diagnostic])]), LoadProblem> {
        if let path {
            return ExplorationSession.load(path: path, declarations: declarations, replaying: changes, fileSystem: fileSystem)
        }
        let program = ProgramLoader.load(text: "", path: ExplorationSession.typedPath, fileSystem: fileSystem)
        return ExplorationSession.build(program, path: nil, declarations: declarations, replaying: changes,
                                        fileSystem: fileSystem)
    }

    /// The files read from disk for this session (the scenario and what it includes).
    public var loadedFiles: [String] {
        path == nil ? [] : sources.files.map(\.path).filter { $0 != ExplorationSession.typedPath }
    }

    static func build(_ program: consuming ParsedProgram, path: String?, declarations: [SourceFile],
                      replaying changes: [AppliedChange], fileSystem: any FileSystem)
        -> Result<(ExplorationSession, dropped: [(AppliedChange, [Diagnostic])]), LoadProblem> {
        var program = program
        appendDeclarations(declarations, to: &program)
        if program.diagnostics.contains(where: { $0.severity == .error }) {
            return .failure(.invalid(program.diagnostics, program.sources))
        }
        let parseDiagnostics = program.diagnostics
        var checker = Checker.checked(program)
        let checkDiagnostics = Pipeline.inFileOrder(checker.diagnostics)
        checker.diagnostics = []
        var diagnostics = parseDiagnostics + checkDiagnostics
        if diagnostics.contains(where: { $0.severity == .error }) {
            return .failure(.invalid(diagnostics, checker.program.sources))
        }
        checker.prepareGlobalIndex()
        let model = checker.model
        var session = ExplorationSession(path: path, model: model, resolver: checker, declarations: declarations,
                                         fileSystem: fileSystem)
        diagnostics += session.baseEvaluation.diagnostics
        if diagnostics.contains(where: { $0.severity == .error }) {
            return .failure(.invalid(diagnostics, checker.program.sources))
        }
        session.loadDiagnosticsStorage = diagnostics
        var dropped: [(AppliedChange, [Diagnostic])] = []
        for change in changes {
            if case .failed(let problems) = session.whatIf(change.line, from: change.start) {
                dropped.append((change, problems))
            }
        }
        return .success((session, dropped))
    }

    /// Typed declarations join the scenario as if included at the end of the main file:
    /// the checker gives an included file the settings in force at its end, and each
    /// keeps its own file, so messages point at the typed line.
    static func appendDeclarations(_ declarations: [SourceFile], to program: inout ParsedProgram) {
        guard !declarations.isEmpty else { return }
        // They are read in the unit and sign the file's reports use (its first `enhet` and
        // `tecken`), as typed expressions are, not whatever table the file ends with.
        var unit = MoneyUnit.tkr
        var sign = SignConvention.netCost
        if let found = program.trees[0].statements.lazy.compactMap({ if case .unit(let unit, _) = $0 { unit } else { nil } }).first {
            unit = found
        }
        if let found = program.trees[0].statements.lazy.compactMap({ if case .sign(let sign, _) = $0 { sign } else { nil } }).first {
            sign = found
        }
        for file in declarations {
            let index = program.sources.add(file)
            let parsed = Parser.parseInput(file, fileIndex: index, range: 0..<file.bytes.count)
            program.diagnostics += parsed.diagnostics
            guard case .statements(let tree)? = parsed.input else {
                program.trees.append(SyntaxTree(file: index, statements: []))
                continue
            }
            var settled = tree
            let span = SourceSpan(file: index, start: 0, end: 0)
            settled.statements = [.unit(unit, span: span), .sign(sign, span: span)] + tree.statements
            program.trees.append(settled)
            program.trees[0].statements.append(.include(IncludeStatement(path: file.path, pathSpan: span, span: span)))
            program.includes[span] = index
        }
    }

    private var loadDiagnosticsStorage: [Diagnostic] = []

    private init(path: String?, model: Model, resolver: Checker, declarations: [SourceFile], fileSystem: any FileSystem) {
        self.path = path
        self.model = model
        self.resolver = resolver
        self.declarations = declarations
        self.fileSystem = fileSystem
        sources = resolver.program.sources
        var tolerance = Money(ore: 100_000)
        plainEvaluator = Evaluator(model: model)
        if let expression = resolver.toleranceExpression,
           let value = plainEvaluator.evaluateAmount(expression, sign: .result, column: nil), value.ore >= 0 {
            tolerance = value
        }
        self.tolerance = tolerance
        var year = RiskAnalysis.year(of: model)
        var column = year.flatMap { model.column(forYear: $0) }
        // Without a year, what-ifs still work in the last column (no ram or balanskrav).
        if column == nil, !model.columns.isEmpty {
            year = nil
            column = model.columns.count - 1
        }
        self.year = year
        self.column = column
        definition = year.map { ResultDefinition.of(model, year: $0) } ?? .lines
        ramYears = year.map { year in model.rams.filter { $0.year == year }.map(\.year) } ?? []
        let evaluation: Evaluation
        let unique: [CheckResult]
        if let column {
            // The evaluation that records the dependencies is the base evaluation too:
            // asked again with the file's tolerance, it answers from memory.
            var state = WhatIf(model: model, year: year ?? Int.min, column: column)
            evaluation = state.evaluator.evaluateAll(resolver.toleranceExpression)
            unique = evaluation.checks.filter { $0.kind == .uniqueNumbers }
            checkState = CheckState(&state.evaluator, tolerance: tolerance, unique: unique)
            state.evaluator.diagnostics = []
            whatIf = state
        } else {
            evaluation = Evaluator.run(model, tolerance: resolver.toleranceExpression)
            unique = evaluation.checks.filter { $0.kind == .uniqueNumbers }
            checkState = CheckState(&plainEvaluator, tolerance: tolerance, unique: unique)
            plainEvaluator.diagnostics = []
        }
        baseEvaluation = evaluation
    }
}

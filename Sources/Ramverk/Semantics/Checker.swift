/// Turns the syntax trees of a scenario into a checked `Model`: declares every area,
/// post, named value, column, ram and ramförändring (following `inkludera`), applies
/// units and sign conventions, then resolves every expression's names. Reports all
/// static errors of a run at once.
public struct Checker {
    var program: ParsedProgram
    var model: Model
    var diagnostics: [Diagnostic] = []
    var quota = DiagnosticQuota()
    /// Names "menade du" may still compare, for the whole run (see `suggestion`).
    final class SuggestionBudget {
        var remaining = 1_000_000
    }
    let suggestionBudget = SuggestionBudget()

    /// Names declared directly in each scope: `names[0]` the file, `names[area + 1]`
    /// each area (closed once the area is declared; see `openNames`).
    var names = [NameTable()]
    /// Every member by bare name; built on the first reference that needs it.
    var globalIndex: [String: [Member]]?
    var columnIndex: [String: Int] = [:]
    /// Per file: the column of each of its cell keys (see `learnKeyColumns`).
    var cellKeyColumns: [[Int?]] = []
    var freedMemory = FreedMemory()
    var ramIndex: [Int: Int] = [:]

    /// The lexical settings in force: where we are, in which unit and sign.
    struct Scope {
        /// The file the statements come from (their cells are in its tree).
        var file: Int32
        var area: Int?
        var unit: MoneyUnit
        var sign: SignConvention
    }

    /// Expressions whose names can only be resolved once everything is declared.
    enum Pending {
        case cell(post: Int, column: Int, Expression, Scope)
        case total(area: Int, column: Int, Expression, Scope)
        case named(Int, Expression, Scope)
        case ram(Int, Expression, Scope)
        case tolerance(Expression, Scope)
        case bridge(Int, BridgeStatement, Scope)
        case formula(column: Int, Expression, Scope)
        case expectation(ExpectationStatement, Scope)
        case condition(ConditionStatement, Scope)
        case reserve(ReserveStatement, Scope)
        case profile(Int, ProfileStatement, Scope)
        case postProfile(post: Int, Name)
        case revision(RevisionStatement, Scope)
        case balance(BalanceStatement, Scope)
        case capitalGains(CapitalGainsStatement, Scope)
        case carryOver(CarryOverStatement, Scope)
        case riskEffect(Int, RiskEffectSyntax, Scope)
        case sensitivity(SensitivityStatement, Scope)
        case correlation(CorrelationStatement, Scope)
        case simulation(SimulationStatement, Scope)
        case alternative(Int, ScenarioStatement, Scope)
    }
    var profileIndex: [String: Int] = [:]
    /// True while a column formula is resolved: a lone column key names the row's value.
    var resolvingFormula = false
    /// The column whose formula is being resolved.
    var formulaColumn: Int?
    var pending: [Pending] = []
    var toleranceExpression: ResolvedExpression?
    var headerSpans: [String: SourceSpan] = [:]
    var bridgeYears: [Int: SourceSpan] = [:]
    /// Named values some expression reads (the others are warned about, R0330).
    var usedNamedValues = Set<Int>()
    /// Reserves (post, column) with a decision written in some block, valid or not.
    var reservesWithDecisions = Set<[Int]>()
    /// Every well-formed decision reference with where it is written, for R0334.
    var decisionReferences: [(reference: String, span: SourceSpan)] = []

    init(program: ParsedProgram) {
        self.program = program
        self.model = Model(sources: program.sources)
    }

    /// Checks a parsed program. The model is only meaningful when no error came back.
    /// Takes the program over: the main file's syntax tree is freed as it is declared.
    public static func check(_ program: consuming ParsedProgram) -> (model: Model, diagnostics: [Diagnostic], tolerance: ResolvedExpression?) {
        guard !program.trees.isEmpty else { return (Model(sources: program.sources), [], nil) }
        var result: (model: Model, diagnostics: [Diagnostic], tolerance: ResolvedExpression?)
        do {
            let checker = checked(program)
            result = (checker.model, checker.diagnostics, checker.toleranceExpression)
        }
        // The checker — its name tables, the rest of the tree — is gone: give it back.
        if result.model.posts.count >= FreedMemory.postsBetweenTrims { FreedMemory.trimNow() }
        return result
    }

    /// Every pass of `check`, keeping the checker: its name tables resolve what an
    /// exploration session types later (`ExplorationSession`). `program` must have a tree.
    static func checked(_ program: consuming ParsedProgram) -> Checker {
        var main: [Statement] = []
        swap(&main, &program.trees[0].statements)
        var checker = Checker(program: program)
        checker.declareColumns(main)
        checker.learnKeyColumns()
        checker.reserveCapacity()
        let scope = Scope(file: 0, area: nil, unit: .tkr, sign: .netCost)
        checker.settleDisplaySettings(main)
        // A file read in two parts: once the first part's statements are declared, its
        // cells are freed, so the tree's cells and the model's never both live whole.
        let split = min(checker.program.trees[0].laterStatementsStart, main.count)
        var later = Array(main[split...])
        main.removeSubrange(split...)
        let settings = checker.declareReleasing(&main, in: scope)
        checker.program.trees[0].cells = []
        checker.declareReleasing(&later, in: settings)
        // Every cell is declared: literal ones are in the model, the others queued.
        checker.program.trees[0].laterCells = []
        checker.resolvePending()
        checker.warnAboutUnusedNamedValues()
        checker.noteUndrawnReserves()
        checker.warnAboutParagraphsWithTwoDates()
        return checker
    }

    mutating func report(_ problem: Problem, _ span: SourceSpan?, notes: [Diagnostic.Note] = []) {
        guard quota.admits(problem.severity) else { return }
        diagnostics.append(Diagnostic(problem, at: span, notes: notes))
    }

    /// "Menade du …?" for a name not found. Each costs a pass over every name, so a file
    /// of many names and many misspellings was a hang: none once no more errors are kept,
    /// and none once the run has compared a million names.
    func suggestion<S: Collection>(for name: String, among candidates: @autoclosure () -> S) -> String?
    where S.Element == String {
        guard quota.keepsErrors, suggestionBudget.remaining > 0 else { return nil }
        let candidates = candidates()
        suggestionBudget.remaining -= candidates.count
        return NameSuggestion.closest(to: name, among: candidates)
    }

    /// Calls `body` for every statement with the file it is in, descending into areas
    /// and included files.
    func forEachStatement(_ statements: [Statement], file: Int32 = 0, _ body: (Statement, Int32) -> Void) {
        for statement in statements {
            body(statement, file)
            switch statement {
            case .area(let area): forEachStatement(area.body, file: file, body)
            case .include(let include):
                if let included = program.includes[include.span] {
                    forEachStatement(program.trees[Int(included)].statements, file: included, body)
                }
            default: break
            }
        }
    }

    /// Sizes the model's arrays once, from the number of posts the parser read.
    mutating func reserveCapacity() {
        let posts = program.trees.reduce(0) { $0 + $1.postCount }
        model.posts.reserveCapacity(posts)
        model.cells.reserveCapacity(posts * model.columns.count)
    }

    // MARK: - Columns

    /// Declared columns come first; without any `kolumn`, the keys used in cells
    /// become the columns in the order first written.
    mutating func declareColumns(_ statements: [Statement]) {
        var declared: [ColumnStatement] = []
        forEachStatement(statements) { statement, _ in
            if case .column(let column) = statement { declared.append(column) }
        }
        if declared.isEmpty {
            var keys: [Name] = []
            var seen = Set<String>()
            forEachStatement(statements) { statement, file in
                let range: CellRange
                switch statement {
                case .post(let post): range = post.cells
                case .total(let total): range = total.cells
                default: return
                }
                let tree = program.trees[Int(file)]
                for cell in tree.cells(of: range) where seen.insert(tree.cellKeys[Int(cell.keyIndex)]).inserted {
                    keys.append(tree.key(of: cell))
                }
            }
            for key in keys {
                let year = key.text.utf8.count == 4 ? Int(key.text) : nil
                addColumn(Column(key: key.text, label: key.text, year: year, span: key.span))
            }
            return
        }
        defer { checkPeriods(declared) }
        for column in declared {
            if let existing = columnIndex[column.key.text] {
                report(.duplicateColumn(column.key.text), column.key.span,
                       notes: [Diagnostic.Note(message: "först deklarerad här", span: model.columns[existing].span)])
                continue
            }
            var declaredColumn = Column(key: column.key.text, label: column.label ?? column.key.text,
                                        year: column.year, span: column.key.span)
            if let period = column.period {
                if !(1...12).contains(period.month) {
                    let month = period.month < 10 ? "0\(period.month)" : "\(period.month)"
                    report(.periodOutsideYear("\(period.year)-\(month)", reason: "månaden finns inte"), period.span)
                } else {
                    declaredColumn.period = (period.year, period.month)
                }
            }
            addColumn(declaredColumn)
        }
    }

    /// A period must lie in the years the file's other columns are about, or the year
    /// before them (a follow-up compares with the same months last year).
    mutating func checkPeriods(_ statements: [ColumnStatement]) {
        let years = Set(model.columns.filter { $0.period == nil }.compactMap(\.year))
        guard let first = years.min(), let last = years.max() else { return }
        for statement in statements {
            guard let period = statement.period, (1...12).contains(period.month),
                  !((first - 1)...last).contains(period.year) else { continue }
            let month = period.month < 10 ? "0\(period.month)" : "\(period.month)"
            report(.periodOutsideYear("\(period.year)-\(month)",
                                      reason: "filens kolumner gäller \(years.sorted().map(String.init).joined(separator: ", "))"),
                   period.span)
        }
    }

    private mutating func addColumn(_ column: Column) {
        columnIndex[column.key] = model.columns.count
        model.columns.append(column)
    }

    func column(for key: Name) -> Int? {
        columnIndex[key.text]
    }

    mutating func unknownColumn(_ key: Name) {
        report(.unknownColumn(key.text, suggestion: suggestion(for: key.text, among: model.columns.map(\.key))),
               key.span)
    }

    /// The unit and sign reports are shown in: the first `enhet` and `tecken` of the
    /// main file's top level.
    mutating func settleDisplaySettings(_ statements: [Statement]) {
        var unitSeen = false
        var signSeen = false
        for statement in statements {
            switch statement {
            case .unit(let unit, _) where !unitSeen:
                model.displayUnit = unit
                unitSeen = true
            case .sign(let sign, _) where !signSeen:
                model.displaySign = sign
                signSeen = true
            default: break
            }
        }
    }
}

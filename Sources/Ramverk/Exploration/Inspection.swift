/// One thing of the model shown whole (`:visa` in the REPL): a post, an area or a named
/// value with its values in every column, now and as loaded; an area with its lines; a
/// reserve with its decisions.
public struct Inspection: Sendable {
    public enum Kind: Sendable { case post, area, named }

    /// One column: its label, the value now and as loaded (nil = empty).
    public struct Figure: Sendable {
        public var column: String
        public var now: Value?
        public var loaded: Value?
    }

    /// A line of an area, with its value now in the column analysed.
    public struct Line: Sendable {
        public var name: String
        public var isArea: Bool
        public var now: Value?
    }

    public var kind: Kind
    /// The path: "Sammanställning.Förtroendemannaorganisation.Folkhälsa".
    public var name: String
    public var location: SourceSpan
    public var figures: [Figure] = []
    /// For an area: its lines (at most `shownLines`), and how many there are.
    public var lines: [Line] = []
    public var lineCount = 0
    /// The column the lines are shown in.
    public var linesColumn: String?
    /// For a post that is a reserve: the reserve worked through, now.
    public var reserves: [ReserveResult] = []

    public static let shownLines = 40
}

extension ExplorationSession {
    /// Shows the post, area or named value `text` names.
    public mutating func inspect(_ text: String) -> Result<Inspection, ExplorationProblem> {
        let file = SourceFile(path: ExplorationSession.typedPath, text: text)
        let index = addTyped(file)
        let parsed = Parser.parseInput(file, fileIndex: index, range: 0..<file.bytes.count)
        guard case .expression(let expression)? = parsed.input else {
            return .failure(ExplorationProblem(diagnostics: parsed.diagnostics, sources: sources))
        }
        let (resolved, problems) = resolver.resolveTyped(expression, file: index)
        if problems.contains(where: { $0.severity == .error }) {
            return .failure(ExplorationProblem(diagnostics: problems, sources: sources))
        }
        let columns = model.columns.indices
        var inspection: Inspection
        switch resolved {
        case .post(let post, _, _):
            let info = model.posts[post]
            inspection = Inspection(kind: .post, name: model.path(of: .post(post)), location: info.span)
            let flip = info.sign.factor < 0
            for column in columns {
                let loaded = baseEvaluation.value(post: post, column: column).flatMap { $0.negatedIf(flip) }
                inspection.figures.append(.init(column: model.columns[column].label, now: cellValue(post, column),
                                                loaded: loaded.map(Value.money)))
            }
            if whatIf != nil {
                var ignored: [CheckResult] = []
                for reserve in model.reserves where reserve.post == post {
                    inspection.reserves.append(whatIf!.evaluator.workThrough(reserve, into: &ignored))
                }
            }
        case .areaTotal(let area, _, _):
            let info = model.areas[area]
            inspection = Inspection(kind: .area, name: model.path(of: .area(area)), location: info.span)
            let flip = info.sign.factor < 0
            for column in columns {
                let loaded = baseEvaluation.total(area: area, column: column).flatMap { $0.negatedIf(flip) }
                inspection.figures.append(.init(column: model.columns[column].label, now: areaValue(area, column),
                                                loaded: loaded.map(Value.money)))
            }
            let lines = info.members.filter { if case .named = $0 { false } else { true } }
            inspection.lineCount = lines.count
            if let column {
                inspection.linesColumn = model.columns[column].label
                for member in lines.prefix(Inspection.shownLines) {
                    switch member {
                    case .post(let post):
                        inspection.lines.append(.init(name: model.posts[post].name, isArea: false, now: cellValue(post, column)))
                    case .area(let child):
                        inspection.lines.append(.init(name: model.areas[child].name, isArea: true, now: areaValue(child, column)))
                    case .named: break
                    }
                }
            }
        case .named(let named, _, _):
            let info = model.namedValues[named]
            inspection = Inspection(kind: .named, name: model.path(of: .named(named)), location: info.span)
            for column in columns {
                let loaded = baseEvaluation.namedValues[named * model.columns.count + column]
                inspection.figures.append(.init(column: model.columns[column].label, now: namedValue(named, column),
                                                loaded: loaded))
            }
            if columns.isEmpty {
                inspection.figures.append(.init(column: "", now: namedValue(named, nil), loaded: nil))
            }
        default:
            return .failure(ExplorationProblem(diagnostics: [], sources: sources))
        }
        _ = takeEvaluatorDiagnostics()
        return .success(inspection)
    }

    /// Every name the model declares: posts, areas, named values, risks and profiles,
    /// each once, and the column keys (for completion).
    public var declaredNames: [String] {
        var names = Set<String>()
        for post in model.posts { names.insert(post.name) }
        for area in model.areas { names.insert(area.name) }
        for named in model.namedValues { names.insert(named.name) }
        for risk in model.risks { names.insert(risk.name.text) }
        for profile in model.profiles { names.insert(profile.name) }
        return names.sorted()
    }
}

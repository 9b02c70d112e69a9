import Ramverk

/// The `:`-commands. Each has a Swedish name and, for names with å ä ö, the same
/// spelled with a, a, o, so they can be typed on any keyboard.
extension REPL {
    static let commandNames = [
        ":om", ":diff", ":ångra", ":återställ", ":spara-scenario", ":spara-scenario!", ":förklara", ":visa",
        ":risk", ":kontroll", ":ladda", ":tid", ":hjälp", ":avsluta",
    ]

    static let aliases = [
        ":angra": ":ångra", ":aterstall": ":återställ", ":forklara": ":förklara", ":hjalp": ":hjälp",
        ":help": ":hjälp", ":?": ":hjälp", ":q": ":avsluta", ":quit": ":avsluta", ":exit": ":avsluta",
    ]

    static let help = """
    Skriv ett uttryck för att räkna ut det, t.ex. Folkhälsa.2021 × 2 eller summa(Förtroendemannaorganisation).
    En referens utan kolumn gäller året som analyseras. Deklarationer (låt x = …, post …, område … { … })
    utökar modellen; ett block som inte är stängt fortsätter på nästa rad.

      :om ÄNDRING                   pröva en ändring: X = 800, X ökar med 10 %, X minskar med 2 000, X uteblir
      :diff                         alla ändringar mot den laddade filen
      :ångra                        ta tillbaka den senaste ändringen eller deklarationen
      :återställ                    ta tillbaka alla ändringar och deklarationer
      :spara-scenario "NAMN" FIL    skriv ändringarna som ett scenario-block sist i FIL
                                    (finns filen frågar Ramverk först; :spara-scenario! frågar inte)
      :förklara X                   hur X har räknats fram, steg för steg med fil och rad
      :visa [X]                     driftbudgeten, ramarna (:visa ramar), eller en post, ett område eller ett värde
      :kontroll                     alla kontroller
      :risk                         risk- och känslighetsanalysen, med ändringarna
      :ladda FIL                    läs in en annan scenariofil
      :tid                          visa hur lång tid varje svar tar (på/av)
      :hjälp                        den här texten
      :avsluta                      sluta (också Ctrl-D)

    Tab fyller i kommandon, nyckelord och namn (namn med mellanslag inom citattecken), pil upp och
    Ctrl-R söker i historiken, Ctrl-C avbryter raden. Ändras filen på disken läses den in igen.

    """

    func command<Editor: LineEditor>(_ line: String, editor: inout Editor) {
        let nameEnd = line.firstIndex(of: " ") ?? line.endIndex
        let typed = String(line[..<nameEnd])
        let name = REPL.aliases[typed] ?? typed
        let argumentStart = line[nameEnd...].firstIndex { $0 != " " && $0 != "\t" } ?? line.endIndex
        let argument = String(line[argumentStart...]).trimmingSpaces()
        switch name {
        case ":om":
            guard !argument.isEmpty else { return failed("Skriv en ändring efter :om, t.ex. :om Folkhälsa = 800.\n") }
            whatIf(line, from: line.utf8.distance(from: line.startIndex, to: argumentStart))
        case ":diff": difference()
        case ":ångra": undo()
        case ":återställ": reset()
        case ":spara-scenario": saveScenario(argument, force: false, editor: &editor)
        case ":spara-scenario!": saveScenario(argument, force: true, editor: &editor)
        case ":förklara":
            guard !argument.isEmpty else { return failed("Skriv vad som ska förklaras, t.ex. :förklara Folkhälsa.2021.\n") }
            explain(argument)
        case ":visa": show(argument)
        case ":risk": risk()
        case ":kontroll": checks()
        case ":ladda":
            guard !argument.isEmpty else { return failed("Skriv vilken fil som ska laddas: :ladda FIL.\n") }
            open(REPL.unquoted(argument))
        case ":tid":
            timing.toggle()
            output(timing ? "Tiden visas efter varje svar.\n" : "Tiden visas inte.\n")
        case ":hjälp": output(REPL.help)
        case ":avsluta": finished = true
        default:
            var message = "okänt kommando '\(typed)'"
            if let suggestion = NameSuggestion.closest(to: typed, among: REPL.commandNames) {
                message += "; menade du '\(suggestion)'?"
            }
            failed(message + " (:hjälp visar kommandona)\n")
        }
    }

    func whatIf(_ line: String, from start: Int) {
        switch session.whatIf(line, from: start) {
        case .applied(let result):
            actions.append(.change)
            let text = SessionText(session: session, colour: colour)
            render(result.diagnostics)
            output(text.whatIf(result, session: session))
        case .failed(let diagnostics):
            render(diagnostics)
        case .incomplete:
            failed("Ändringen är inte färdig: en parentes är inte stängd.\n")
        case .noColumn:
            failed("Modellen har ingen kolumn att göra ändringar i.\n")
        }
    }

    func difference() {
        let difference = session.difference()
        output(SessionText(session: session, colour: colour).difference(difference, session: session))
    }

    func undo() {
        guard let last = actions.popLast() else { return output("Det finns inget att ångra.\n") }
        switch last {
        case .change:
            if let change = session.undo() { output("Ångrade :om \(change.text)\n") }
        case .declaration:
            guard let removed = session.declarations.last else { return }
            rebuild(declarations: Array(session.declarations.dropLast()))
            let first = removed.lineText(1)
            output("Ångrade deklarationen \(first)\(removed.lineStarts.count > 1 ? " …" : "")\n")
        }
    }

    func reset() {
        session.undoAll()
        if !session.declarations.isEmpty { rebuild(declarations: []) }
        actions = []
        output("Modellen är som filen igen.\n")
    }

    /// The session with other declarations; on failure (the file changed and has errors)
    /// it stays as it was.
    func rebuild(declarations: [SourceFile]) {
        switch session.rebuilt(declarations: declarations) {
        case .success(let (rebuilt, dropped)):
            session = rebuilt
            sessionChanged()
            reportDropped(dropped)
        case .failure(let problem):
            report(problem, path: session.path ?? ExplorationSession.typedPath)
        }
    }

    func explain(_ argument: String) {
        switch session.explain(argument) {
        case .success(let explanation):
            output(SessionText(session: session, colour: colour).explanation(explanation))
        case .failure(let problem):
            render(problem.diagnostics, sources: problem.sources)
        }
    }

    func show(_ argument: String) {
        let renderer = TextReportRenderer(sources: session.sources, colour: colour)
        switch argument {
        case "", "driftbudget", "driftbudgeten":
            let report = DriftbudgetReportBuilder.build(model: session.model, evaluation: session.currentEvaluation())
            output(renderer.render(report))
        case "ramar", "ramarna":
            let report = DriftbudgetReportBuilder.build(model: session.model, evaluation: session.currentEvaluation())
            let rams = renderer.renderRams(report)
            output(rams.isEmpty ? "Filen har inga ramar.\n" : rams)
        default:
            switch session.inspect(argument) {
            case .success(let shown):
                output(SessionText(session: session, colour: colour).inspection(shown))
            case .failure(let problem):
                if problem.diagnostics.isEmpty {
                    failed(":visa visar en post, ett område eller ett värde; '\(argument)' är inget av dem.\n")
                } else {
                    render(problem.diagnostics, sources: problem.sources)
                }
            }
        }
    }

    func checks() {
        let report = DriftbudgetReportBuilder.build(model: session.model, evaluation: session.currentEvaluation())
        output(TextReportRenderer(sources: session.sources, colour: colour).renderChecks(report))
    }

    func risk() {
        guard !session.model.riskAnalysis.isEmpty else {
            return output("Filen har inga känsligheter eller kvantifierade risker.\n")
        }
        guard let analysis = session.riskAnalysis() else {
            return failed("Modellen har inget år att analysera.\n")
        }
        render(analysis.diagnostics)
        if !session.changes.isEmpty {
            output("Med \(session.changes.count == 1 ? "1 ändring" : "\(session.changes.count) ändringar") i kraft (:diff visar dem).\n")
        }
        output(TextRiskRenderer(unit: session.model.displayUnit, colour: colour).render(analysis))
    }

    /// A path as typed, without quotes around it.
    static func unquoted(_ text: String) -> String {
        text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") ? String(text.dropFirst().dropLast()) : text
    }
}

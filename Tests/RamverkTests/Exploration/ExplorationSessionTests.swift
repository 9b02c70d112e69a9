import Testing
@testable import Ramverk

/// The exploration session: typed expressions, declarations and what-ifs on a small
/// model held in memory.
struct ExplorationSessionTests {
    static let scenario = """
    kommun Exempel
    enhet tkr
    kolumn 2024 "Budget 2024"
    kolumn 2025 "Budget 2025"
    ram 2025 = 1 100 enligt "KF 2024-11-18 § 120"
    område Fritid {
      post Badhus             2024: 600    2025: 640
      post Idrottsplatser     2024: 400    2025: Idrottsplatser.2024 × 102 %
      summa                   2024: 1 000  2025: 1 048
    }
    """

    static func session(_ text: String = scenario) throws -> ExplorationSession {
        let files = MemoryFileSystem(["exempel.ramverk": text])
        switch ExplorationSession.load(path: "exempel.ramverk", fileSystem: files) {
        case .success(let (session, _)): return session
        case .failure(let problem): throw problem
        }
    }

    @Test("an expression is evaluated in the model, a reference without column in the year analysed")
    func expression() throws {
        var session = try Self.session()
        guard case .value(let value, _) = session.interpret("Idrottsplatser.2025 × 2") else {
            Issue.record("no value")
            return
        }
        #expect(value == .money(Money(ore: 81_600_000)))
        guard case .value(let alone, _) = session.interpret("Badhus") else {
            Issue.record("no value")
            return
        }
        #expect(alone == .money(Money(ore: 64_000_000)))
    }

    @Test("a what-if changes the result and the totals, and undo puts them back")
    func whatIfAndUndo() throws {
        var session = try Self.session()
        let line = ":om Badhus = 700"
        guard case .applied(let result) = session.whatIf(line, from: 4) else {
            Issue.record("not applied")
            return
        }
        #expect(result.change.text == "Badhus = 700")
        #expect(result.before.ramRemaining == [Money(ore: 5_200_000)])
        #expect(result.after.ramRemaining == [Money(ore: -800_000)])
        #expect(result.totals.map(\.name) == ["Fritid"])
        #expect(result.nowFailing.map(\.kind).contains(.ram))
        #expect(result.nowFailing.map(\.kind).contains(.printedTotal))
        #expect(session.undo() != nil)
        #expect(session.currentFigures()?.ramRemaining == [Money(ore: 5_200_000)])
        #expect(!session.checks.contains { !$0.passed })
    }

    @Test("an unknown name in a change is an error with a suggestion, on the typed line")
    func unknownName() throws {
        var session = try Self.session()
        guard case .failed(let problems) = session.whatIf(":om Badhuset ökar med 10 %", from: 4) else {
            Issue.record("applied")
            return
        }
        #expect(problems.map(\.code) == ["R0301"])
        let rendered = DiagnosticRenderer(sources: session.sources).render(problems)
        #expect(rendered.contains("<inmatning>:1:5: fel[R0301]: okänt namn 'Badhuset'"))
        #expect(rendered.contains("1 | :om Badhuset ökar med 10 %"))
        #expect(rendered.contains("  |     ^^^^^^^^"))
    }

    @Test("a declaration extends the model and keeps the changes in force")
    func declaration() throws {
        var session = try Self.session()
        _ = session.whatIf(":om Badhus = 700", from: 4)
        guard case .declared(let named, _, let dropped) = session.interpret("låt Andel = Badhus.2025 / summa(Fritid)") else {
            Issue.record("not declared")
            return
        }
        #expect(dropped.isEmpty)
        #expect(named.map(\.name) == ["Andel"])
        #expect(session.changes.map(\.text) == ["Badhus = 700"])
        guard case .value(let value, _) = session.interpret("Andel") else {
            Issue.record("no value")
            return
        }
        // 700 / (700 + 408)
        #expect(value == .number(Ratio(micros: 631_769), .plain))
    }

    @Test("an open block or parenthesis is incomplete, not an error")
    func incomplete() {
        #expect(ExplorationSession.isIncomplete("område Nytt {"))
        #expect(ExplorationSession.isIncomplete("område Nytt {\n  post A 2024: (1 +"))
        #expect(ExplorationSession.isIncomplete("(Badhus.2024 +"))
        #expect(!ExplorationSession.isIncomplete("Badhus.2024 +"))
        #expect(!ExplorationSession.isIncomplete("område Nytt {\n}"))
    }
}

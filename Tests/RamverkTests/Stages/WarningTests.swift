import Testing
@testable import Ramverk

/// The warnings R0330–R0334 (and the note R0331): where each points, and the cases that
/// must stay quiet.
struct WarningTests {
    // MARK: - R0330: a named value nothing reads

    @Test func namedValueInAnAreaThatNothingReadsIsWarnedAbout() {
        let source = MarkedSource("""
            kolumn 2021
            område Fritid {
              låt 1️⃣andel = 10 %
              post Bad 2021: 100
            }
            """)
        let run = Scenario.run(source)
        let diagnostic = expectDiagnostic("R0330", at: 1, in: source, run.diagnostics)
        #expect(diagnostic?.severity == .warning)
        #expect(diagnostic?.message == "värdet 'andel' används inte")
        #expect(run.evaluation != nil, "a warning does not stop the evaluation")
    }

    @Test func namedValuesThatAreReadOrShownAreNotWarnedAbout() {
        let run = Scenario.run("""
            kolumn 2021
            låt visas = 5
            område Fritid {
              låt andel = 10 %
              låt bas = 100
              post Bad 2021: bas × andel
            }
            kontroll Fritid.bas.2021 > 0
            """)
        #expect(Scenario.codes(run).isEmpty, "\(Scenario.render(run))")
    }

    @Test func aNamedValueReadOnlyFromAnotherAreaIsUsed() {
        let run = Scenario.run("""
            kolumn 2021
            område A { låt andel = 10 % }
            område B { post X 2021: 100 × A.andel }
            """)
        #expect(Scenario.codes(run).isEmpty)
    }

    // MARK: - R0331: a reserve no decision draws on

    @Test func anEmptyReserveIsANote() {
        let source = MarkedSource("""
            kolumn 2021
            post Reserv 2021: 100
            1️⃣reserv Reserv.2021 {
            }
            """)
        let run = Scenario.run(source)
        let diagnostic = expectDiagnostic("R0331", at: 1, in: source, run.diagnostics)
        #expect(diagnostic?.severity == .note)
        #expect(Scenario.render(run).contains("not[R0331]: inget beslut tar av reserven 'Reserv'; hela beloppet finns kvar"))
    }

    @Test func aReserveWithDecisionsOrWithFailedDecisionsIsNoNote() {
        let drawn = Scenario.run("""
            kolumn 2021
            post Reserv 2021: 100
            post Tolk 2021: 5
            reserv Reserv.2021 {
              beslut "KS 2021-03-01 § 4" 5 till Tolk
            }
            """)
        #expect(Scenario.codes(drawn).isEmpty)
        // The decision's own error is what the reader needs, not "no decision".
        let failed = Scenario.run("""
            kolumn 2021
            post Reserv 2021: 100
            reserv Reserv.2021 {
              beslut "KS 15 mars 2021" 5 till extern "X"
            }
            """)
        #expect(Scenario.codes(failed) == ["R0316"])
    }

    // MARK: - R0332: the same decision twice

    @Test func theSameDecisionToTheSameReceiverTwiceIsWarnedAbout() {
        let source = MarkedSource("""
            kolumn 2021
            post Reserv 2021: 100
            post Tolk 2021: 5
            reserv Reserv.2021 {
              beslut 2️⃣"KS 2021-03-01 § 4" 5 till Tolk
              beslut 1️⃣"KS 2021-03-01 § 4" 5 till Tolk
            }
            """)
        let run = Scenario.run(source)
        let diagnostic = expectDiagnostic("R0332", at: 1, in: source, run.diagnostics)
        #expect(diagnostic?.severity == .warning)
        #expect(diagnostic?.notes.first?.span.map { Int($0.start) } == source.offset(2))
    }

    @Test func oneDecisionToSeveralReceiversIsNotADuplicate() {
        let run = Scenario.run("""
            kolumn 2021
            post Reserv 2021: 100
            post Tolk 2021: 5
            post Bad 2021: 5
            reserv Reserv.2021 {
              beslut "KS 2021-03-01 § 4" 5 till Tolk
              beslut "KS 2021-03-01 § 4" 5 till Bad
              beslut "KS 2021-03-01 § 4" 5 till extern "Socialnämnden"
            }
            """)
        #expect(Scenario.codes(run).isEmpty, "\(Scenario.render(run))")
    }

    @Test func aRevisionInTwoBlocksOfTheSameYearIsWarnedAbout() {
        let source = MarkedSource("""
            kolumn 2021
            ram 2021 = 100
            post Tolk 2021: 5
            justering 2021 {
              beslut "KF 2021-06-14 § 90" 10
            }
            justering 2021 {
              beslut 1️⃣"KF 2021-06-14 § 90" 10
            }
            """)
        expectDiagnostic("R0332", at: 1, in: source, Scenario.run(source).diagnostics)
    }

    // MARK: - R0333: out of date order

    @Test func aDecisionOlderThanOneAboveItIsWarnedAbout() {
        let source = MarkedSource("""
            kolumn 2021
            post Reserv 2021: 100
            reserv Reserv.2021 {
              beslut 2️⃣"KS 2021-05-10 § 80" 5 till extern "A"
              beslut 1️⃣"KS 2021-03-15 § 45" 5 till extern "B"
              beslut "KS 2021-09-01 § 120" 5 till extern "C"
            }
            """)
        let run = Scenario.run(source)
        let diagnostic = expectDiagnostic("R0333", at: 1, in: source, run.diagnostics)
        #expect(diagnostic?.message == "beslutet \"KS 2021-03-15 § 45\" står efter ett senare beslut, \"KS 2021-05-10 § 80\"")
        #expect(diagnostic?.notes.first?.span.map { Int($0.start) } == source.offset(2))
        // Still counted in date order.
        #expect(run.evaluation?.reserves.first?.lines.map(\.reference).first == "KS 2021-03-15 § 45")
    }

    @Test func revisionsOutOfOrderAreWarnedAboutButTheSameDateIsInOrder() {
        let source = MarkedSource("""
            kolumn 2020
            ram 2020 = 1 000
            post Tolk 2020: 5
            justering 2020 {
              beslut "KF 2020-06-15 § 90" 60
              beslut "KF 2020-06-15 § 91" 5
              beslut 1️⃣"KF 2020-02-10 § 12" −10
            }
            """)
        let run = Scenario.run(source)
        expectDiagnostic("R0333", at: 1, in: source, run.diagnostics)
        #expect(Scenario.codes(run) == ["R0333"])
    }

    // MARK: - R0334: one paragraph, two dates

    @Test func theSameParagraphOfTheSameBodyAndYearWithTwoDatesIsWarnedAbout() {
        let source = MarkedSource("""
            kolumn 2021
            ram 2021 = 1 000 enligt 2️⃣"KF 2021-02-08 § 12"
            post Tolk 2021: 5
            post Reserv 2021: 100
            reserv Reserv.2021 {
              beslut 1️⃣"KF 2021-04-19 § 12" 5 till Tolk
            }
            """)
        let run = Scenario.run(source)
        let diagnostic = expectDiagnostic("R0334", at: 1, in: source, run.diagnostics)
        #expect(diagnostic?.message
                == "beslutet \"KF 2021-04-19 § 12\" har samma paragraf som \"KF 2021-02-08 § 12\" men ett annat datum")
        // The ram's span starts at `ram`; the note points at the ram statement.
        #expect(diagnostic?.notes.count == 1)
    }

    @Test func otherBodiesOtherYearsAndTheSameDateAreNoConflict() {
        let run = Scenario.run("""
            kolumn 2021
            ram 2021 = 1 000 enligt "KF 2020-11-09 § 12"
            post Tolk 2021: 5
            post Reserv 2021: 100
            reserv Reserv.2021 {
              beslut "KS 2021-04-19 § 12" 5 till Tolk
              beslut "KF 2021-04-19 § 12" 5 till extern "A"
              beslut "KF 2021-04-19 § 12" 5 till extern "B"
            }
            """)
        #expect(Scenario.codes(run).isEmpty, "\(Scenario.render(run))")
    }

    // MARK: - The repository's scenarios

    /// Haninge declares two reserves the document names no decisions for: the notes are
    /// true and intended. Nothing else new may appear in the real documents.
    @Test func theScenariosHaveOnlyTheIntendedNotes() throws {
        for (path, expected) in [("Scenarios/haninge-2021.ramverk", ["R0331", "R0331"]),
                                 ("Scenarios/vaggeryd-2024-04.ramverk", [])] {
            let text = try #require(Scenario.load(repositoryFile: path))
            let run = Pipeline.run(text: text, path: path)
            #expect(Scenario.codes(run) == expected, "\(path):\n\(Scenario.render(run))")
        }
    }
}

import Foundation
import Testing
@testable import RamverkREPL

/// The REPL's session logic, driven through the line-editor interface: a script in, the
/// transcript (prompts, what was typed, the answers) out.
struct SessionTranscriptTests {
    @Test("expressions are printed the Swedish way, with their unit")
    func values() throws {
        let scratch = try Scratch()
        scratch.write("exempel.ramverk", exampleScenario)
        let run = runScript([.line("Badhus.2024 × 2"), .line("(Andel × 100) %"), .line("3,7 %"), .line("ram 2025")],
                            file: scratch.path("exempel.ramverk"))
        let expected = """
        Ramverk – interaktiv session. :hjälp visar kommandona; :avsluta eller Ctrl-D slutar.
        Laddade \(scratch.path("exempel.ramverk")): 3 poster i 1 område; alla 3 kontroller stämmer. Ändringar räknas för 2025 (Budget 2025).
        ramverk> Badhus.2024 × 2
        1 200 tkr
        ramverk> (Andel × 100) %
        61,07 %
        ramverk> 3,7 %
        3,7 %
        ramverk> ram 2025
        1 100 tkr
        ramverk> ^D


        """
        #expect(run.transcript == expected)
        #expect(run.status == 0)
    }

    @Test(":om shows what changed, which checks now fail; :diff and :ångra")
    func whatIf() throws {
        let scratch = try Scratch()
        scratch.write("exempel.ramverk", exampleScenario)
        let run = runScript([.line(":om Badhus ökar med 10 %"), .line(":diff"), .line(":ångra"), .line(":diff")],
                            file: scratch.path("exempel.ramverk"))
        let file = scratch.path("exempel.ramverk")
        let answer = """
        ramverk> :om Badhus ökar med 10 %
        Badhus: 640 tkr → 704 tkr
        Belopp i tkr, år 2025:
                             före  efter  förändring
          Resultat             52    −12         −64
          Nettokostnad      1 048  1 112         +64
          Kvar av ram 2025     52    −12         −64
        Summor som ändras:
          Summa Fritid, Budget 2025  1 048  →  1 112
        Kontroller som inte stämmer längre:
          ✗ Summa Fritid, Budget 2025: tryckt 1 048, beräknat 1 112, differens −64
              \(file):10:3
          ✗ Ram 2025, Budget 2025: ram 1 100, nettokostnad 1 112, överskriden med 12
              \(file):5:1
        ramverk> :diff
        Ändringar mot filen:
          1. :om Badhus ökar med 10 %    (Badhus: 640 tkr → 704 tkr)
        """
        #expect(run.transcript.contains(answer))
        #expect(run.transcript.contains("""
        ramverk> :ångra
        Ångrade :om Badhus ökar med 10 %
        ramverk> :diff
        Inga ändringar; modellen är som filen.
        """))
    }

    @Test("an error is rendered with a caret under the typed line, and the session goes on")
    func errors() throws {
        let scratch = try Scratch()
        scratch.write("exempel.ramverk", exampleScenario)
        let run = runScript([.line(":om Badhuset = 800"), .line("Badhus.2024")], file: scratch.path("exempel.ramverk"),
                            interactive: false)
        #expect(run.transcript.contains("""
        ramverk> :om Badhuset = 800
        <inmatning>:1:5: fel[R0301]: okänt namn 'Badhuset'
          |
        1 | :om Badhuset = 800
          |     ^^^^^^^^
          = hjälp: menade du 'Badhus'?
          = not: 'Badhus' är deklarerad på rad 7
        ramverk> Badhus.2024
        600 tkr
        """))
        // A script that had an error says so in its exit status.
        #expect(run.status == 65)
    }

    @Test("an open block continues on the next line with the continuation prompt; Ctrl-C drops it")
    func multiLine() throws {
        let run = runScript([
            .line("område Nytt {"), .line("  post A  2024: 5"), .interrupt,
            .line("kolumn 2024"), .line("område Nytt {"), .line("  post A  2024: (5 +"), .line("  2)"), .line("}"),
            .line("summa(Nytt)"),
        ])
        #expect(run.transcript.contains("""
        ramverk> område Nytt {
           ...>   post A  2024: 5
           ...> ^C
        ramverk> kolumn 2024
        Modellen har utökats.
        ramverk> område Nytt {
           ...>   post A  2024: (5 +
           ...>   2)
           ...> }
        Modellen har utökats.
        ramverk> summa(Nytt)
        7 tkr
        """))
        #expect(run.remembered.contains("  post A  2024: (5 +"))
    }

    @Test("a declaration extends the model, :ångra takes it back, :återställ takes back everything")
    func declarations() throws {
        let scratch = try Scratch()
        scratch.write("exempel.ramverk", exampleScenario)
        let run = runScript([
            .line("låt Tak = 2 000 tkr"), .line(":om Badhus = 700"), .line(":ångra"), .line(":ångra"), .line("Tak"),
            .line("låt Tak = 3 000"), .line(":om Badhus = 700"), .line(":återställ"), .line("Badhus"), .line("Tak"),
        ], file: scratch.path("exempel.ramverk"))
        #expect(run.transcript.contains("ramverk> låt Tak = 2 000 tkr\nTak = 2 000 tkr\n"))
        #expect(run.transcript.contains("ramverk> :ångra\nÅngrade :om Badhus = 700\nramverk> :ångra\nÅngrade deklarationen låt Tak = 2 000 tkr\n"))
        #expect(run.transcript.contains("ramverk> Tak\n<inmatning>:1:1: fel[R0301]: okänt namn 'Tak'"))
        #expect(run.transcript.contains("ramverk> :återställ\nModellen är som filen igen.\nramverk> Badhus\n640 tkr\nramverk> Tak\n<inmatning>"))
    }

    @Test(":förklara follows a figure back to what the file says, with file and line")
    func explain() throws {
        let scratch = try Scratch()
        scratch.write("exempel.ramverk", exampleScenario)
        let file = scratch.path("exempel.ramverk")
        let run = runScript([.line(":om Badhus = 700"), .line(":förklara Fritid")], file: file)
        #expect(run.transcript.contains("""
        ramverk> :förklara Fritid
        Summa Fritid, Budget 2025 = 1 108 tkr   summan av 3 rader; tryckt summa på rad 10   (\(file):6:8)
          ← Fritid.Badhus, Budget 2025 = 700 tkr   ändrad i sessionen: Badhus = 700   (\(file):7:8)
          ← Fritid.Idrottsplatser, Budget 2025 = 408 tkr   = Idrottsplatser.2024 × 102 %   (\(file):8:8)
            ← Fritid.Idrottsplatser, Budget 2024 = 400 tkr   skrivet i filen   (\(file):8:8)
          ← Fritid.Bad- och simhall, Budget 2025 = 0 tkr   skrivet i filen   (\(file):9:8)
        """))
    }

    @Test(":visa shows a post or an area in every column, now and in the file")
    func show() throws {
        let scratch = try Scratch()
        scratch.write("exempel.ramverk", exampleScenario)
        let file = scratch.path("exempel.ramverk")
        let run = runScript([.line(":om Badhus = 700"), .line(":visa Badhus"), .line(":visa Fritid"), .line(":visa 1 + 1")],
                            file: file)
        #expect(run.transcript.contains("""
        ramverk> :visa Badhus
        post Fritid.Badhus   (\(file):7:8)
          Budget 2024  600 tkr
          Budget 2025  700 tkr  (i filen 640 tkr)
        ramverk> :visa Fritid
        område Fritid   (\(file):6:8)
          Budget 2024  1 000 tkr
          Budget 2025  1 108 tkr  (i filen 1 048 tkr)
        Rader, Budget 2025:
          Badhus            700 tkr
          Idrottsplatser    408 tkr
          Bad- och simhall    0 tkr
        ramverk> :visa 1 + 1
        :visa visar en post, ett område eller ett värde; '1 + 1' är inget av dem.
        """))
    }

    @Test(":förklara names the decisions that draw on a reserve, and those that give a post money from it")
    func explainReserve() throws {
        let scratch = try Scratch()
        scratch.write("reserv.ramverk", """
        enhet tkr
        kolumn 2021 "Budget 2021"
        område Förtroendemannaorganisation {
          post Kommunstyrelsens reserv  2021: 20 500
          post Folkhälsa                2021: 500
        }
        reserv "Kommunstyrelsens reserv".2021 {
          beslut "KS 2021-03-15 § 45" 2 000 till Folkhälsa
          beslut "KS 2021-05-10 § 80" 15 000 till extern "Socialnämnden"
        }

        """)
        let file = scratch.path("reserv.ramverk")
        let run = runScript([.line(":förklara \"Kommunstyrelsens reserv\""), .line(":förklara Folkhälsa"),
                             .line(":visa \"Kommunstyrelsens reserv\"")], file: file)
        #expect(run.transcript.contains("""
        ramverk> :förklara "Kommunstyrelsens reserv"
        Förtroendemannaorganisation.Kommunstyrelsens reserv, Budget 2021 = 20 500 tkr   skrivet i filen   (\(file):4:8)
          ← beslut KS 2021-03-15 § 45   tar 2 000 ur reserven till Folkhälsa   (\(file):8:3)
          ← beslut KS 2021-05-10 § 80   tar 15 000 ur reserven till extern "Socialnämnden"   (\(file):9:3)
        ramverk> :förklara Folkhälsa
        Förtroendemannaorganisation.Folkhälsa, Budget 2021 = 500 tkr   skrivet i filen   (\(file):5:8)
          ← beslut KS 2021-03-15 § 45   för 2 000 hit från reserven Kommunstyrelsens reserv   (\(file):8:3)
        """))
        #expect(run.transcript.contains("Reserv: Kommunstyrelsens reserv (Budget 2021, belopp i tkr)"))
        #expect(run.transcript.contains("  Kvar "))
    }

    @Test(":kontroll lists the checks as kör does")
    func checks() throws {
        let scratch = try Scratch()
        scratch.write("exempel.ramverk", exampleScenario)
        let run = runScript([.line(":om Badhus = 653"), .line(":kontroll")], file: scratch.path("exempel.ramverk"))
        #expect(run.transcript.contains("""
        ramverk> :kontroll
        Kontroller (tolerans ±1 tkr)
          ✗ Summa Fritid, Budget 2025: tryckt 1 048, beräknat 1 061, differens −13
              \(scratch.path("exempel.ramverk")):10:3
          ✓ 2 kontroller stämmer

        Resultat: 1 av 3 kontroller stämmer inte.
        """))
    }

    @Test("unknown commands get a suggestion; :hjälp lists the commands; :avsluta ends")
    func commands() {
        let run = runScript([.line(":förklar X"), .line(":hjälp"), .line(":avsluta"), .line("1 + 1")])
        #expect(run.transcript.contains("okänt kommando ':förklar'; menade du ':förklara'? (:hjälp visar kommandona)"))
        #expect(run.transcript.contains(":spara-scenario \"NAMN\" FIL"))
        #expect(!run.transcript.contains("ramverk> 1 + 1"))
    }
}

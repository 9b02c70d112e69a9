import Foundation
import Testing
@testable import RamverkREPL

/// What the REPL does with files: reloading a scenario that changed on disk, writing a
/// scenario block, loading another file.
struct FileTranscriptTests {
    @Test("a changed file is read again at the next command, with the changes in force")
    func hotReload() throws {
        let scratch = try Scratch()
        scratch.write("exempel.ramverk", exampleScenario)
        let changed = exampleScenario.replacingOccurrences(of: "2024: 600    2025: 640", with: "2024: 600    2025: 650")
        let broken = changed.replacingOccurrences(of: "summa                   2024", with: "summa  Okänd.2024 2024")
        let run = runScript([
            .line(":om Idrottsplatser = 100"),
            .run { scratch.write("exempel.ramverk", changed) },
            .line("Badhus"),
            .line("summa(Fritid)"),
            .run { scratch.write("exempel.ramverk", broken) },
            .line("Badhus"),
            .line("Badhus × 2"),
        ], file: scratch.path("exempel.ramverk"))
        let file = scratch.path("exempel.ramverk")
        #expect(run.transcript.contains("""
        ramverk> Badhus
        \(file) har ändrats och har lästs in igen.
        650 tkr
        ramverk> summa(Fritid)
        750 tkr
        ramverk> Badhus
        \(file) har ändrats men har fel:
        """))
        #expect(run.transcript.contains("Den senast fungerande modellen gäller.\n650 tkr\nramverk> Badhus × 2\n1 300 tkr\n"))
    }

    @Test("a file with errors at the start loads once it is put right")
    func startsBroken() throws {
        let scratch = try Scratch()
        scratch.write("exempel.ramverk", "enhet tusen\n")
        let run = runScript([
            .line("1 + 1"),
            .run { scratch.write("exempel.ramverk", exampleScenario) },
            .line("Badhus"),
        ], file: scratch.path("exempel.ramverk"))
        #expect(run.transcript.contains("fel[R0201]"))
        #expect(run.transcript.contains("Modellen laddades inte"))
        #expect(run.transcript.contains("ramverk> Badhus\nLaddade \(scratch.path("exempel.ramverk")): 3 poster"))
        #expect(run.transcript.hasSuffix("640 tkr\nramverk> ^D\n\n"))
    }

    @Test(":spara-scenario writes the changes as a scenario block, asks before adding to a file")
    func saveScenario() throws {
        let scratch = try Scratch()
        scratch.write("exempel.ramverk", exampleScenario)
        let target = scratch.path("alt.ramverk")
        let run = runScript([
            .line(":spara-scenario \"Alt C\" \(target)"),
            .line(":om Badhus = 800"),
            .line(":om \"Bad- och simhall\" minskar med 2 000"),
            .line(":spara-scenario \"Alt C\" \(target)"),
            .line(":spara-scenario \"Alt D\" \(target)"),
            .line("n"),
            .line(":spara-scenario \"Alt D\" \(target)"),
            .line("j"),
            .line(":spara-scenario! \"Alt C\" \(target)"),
            .line(":spara-scenario! \"Alt E\" \(target)"),
            .line(":spara-scenario Alt \(target)"),
        ], file: scratch.path("exempel.ramverk"))
        let block = { (name: String) in
            "scenario \"\(name)\" {\n  Badhus = 800\n  \"Bad- och simhall\" minskar med 2 000\n}\n"
        }
        #expect(scratch.read("alt.ramverk") == block("Alt C") + "\n" + block("Alt D") + "\n" + block("Alt E"))
        #expect(run.transcript.contains("Det finns inga ändringar att spara (:om gör en)."))
        #expect(run.transcript.contains("Sparade scenariot \"Alt C\" med 2 ändringar i \(target)."))
        #expect(run.transcript.contains("""
        ramverk> :spara-scenario "Alt D" \(target)
        \(target) finns redan. Lägga till scenariot sist i filen? (j/n) n
        Scenariot sparades inte.
        """))
        #expect(run.transcript.contains("\(target) har redan ett scenario \"Alt C\"; välj ett annat namn."))
        #expect(run.transcript.contains("Skriv scenariots namn inom citattecken och filen"))
    }

    @Test(":ladda reads another file; one that cannot be read leaves the session as it was")
    func load() throws {
        let scratch = try Scratch()
        scratch.write("exempel.ramverk", exampleScenario)
        let run = runScript([
            .line(":ladda \(scratch.path("finns-inte.ramverk"))"),
            .line(":ladda \(scratch.path("exempel.ramverk"))"),
            .line("Badhus"),
        ])
        #expect(run.transcript.contains("\(scratch.path("finns-inte.ramverk")): fel: kan inte läsa filen: filen finns inte"))
        #expect(run.transcript.contains("ramverk> Badhus\n640 tkr\n"))
    }

    @Test(":risk runs the känslighetsanalys from the state with the changes in force")
    func risk() throws {
        let scratch = try Scratch()
        scratch.write("exempel.ramverk", exampleScenario + "känslighet \"Badhus +10 %\" { Badhus ökar med 10 % }\n")
        let run = runScript([.line(":risk"), .line(":om Badhus = 1 000"), .line(":risk")], file: scratch.path("exempel.ramverk"))
        #expect(run.transcript.contains("Utgångsläge: resultat 52"))
        #expect(run.transcript.contains("Med 1 ändring i kraft (:diff visar dem)."))
        // 10 % of 1 000 instead of 10 % of 640.
        #expect(run.transcript.contains("Utgångsläge: resultat −308"))
        #expect(run.transcript.contains("Badhus +10 %      −100  █"))
    }
}

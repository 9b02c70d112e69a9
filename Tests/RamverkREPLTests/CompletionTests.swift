import Testing
import Ramverk
@testable import RamverkREPL

/// Tab completion: commands, keywords and names, quoted when they need it.
struct CompletionTests {
    let completer = Completer(commands: REPL.commandNames, names: [
        "Folkhälsa", "Förtroendemannaorganisation", "Kommunstyrelsens reserv", "Kommunstyrelse", "Tolk", "ram", "Bad- och simhall",
    ])

    @Test("a command at the start of the line")
    func commands() {
        #expect(completer.complete(":fö").candidates == [":förklara"])
        #expect(completer.complete(":å").candidates == [":återställ", ":ångra"].sorted())
        #expect(completer.complete("  :spara").commonPrefix == ":spara-scenario")
    }

    @Test("names and keywords, with å ä ö")
    func names() {
        #expect(completer.complete("Folk").candidates == ["Folkhälsa"])
        #expect(completer.complete(":om Fört").candidates == ["Förtroendemannaorganisation"])
        #expect(completer.complete("Sammanställning.Fol").candidates == ["Folkhälsa"])
        #expect(completer.complete("kontro").candidates == ["kontroll"])
        #expect(completer.complete("Folkhälsa.2021 × Tol").word == "Tol")
    }

    @Test("names that are not one plain word come in quotes")
    func quoted() {
        #expect(completer.complete("Kommunst").candidates == ["\"Kommunstyrelsens reserv\"", "Kommunstyrelse"])
        // A quoted and a plain candidate share nothing: Tab lists them.
        #expect(completer.complete("Kommunst").commonPrefix == "")
        #expect(completer.complete("\"Kommunstyrelsens r").candidates == ["\"Kommunstyrelsens reserv\""])
        #expect(completer.complete("\"Kommunstyrelsens r").word == "\"Kommunstyrelsens r")
        #expect(completer.complete("Bad").candidates == ["\"Bad- och simhall\""])
        // A name spelled like a keyword needs quotes to be read as a name.
        #expect(completer.complete("ra").candidates == ["\"ram\"", "ram", "ramförändring"])
    }

    @Test("after `Område.` only that area's names and the columns")
    func scopedToTheArea() {
        let scoped = Completer(commands: REPL.commandNames, names: ["Folkhälsa", "Förtroendemannaorganisation", "Fritid", "2021"],
                               parts: { name in
                                   switch name {
                                   case "Förtroendemannaorganisation": ["Folkhälsa", "Kommunstyrelsens reserv", "2021"]
                                   case "Kommunstyrelsens reserv": ["2021"]
                                   default: nil
                                   }
                               })
        #expect(scoped.complete("Förtroendemannaorganisation.F").candidates == ["Folkhälsa"])
        #expect(scoped.complete("Förtroendemannaorganisation.").candidates
                == ["\"Kommunstyrelsens reserv\"", "2021", "Folkhälsa"].sorted())
        #expect(scoped.complete("Förtroendemannaorganisation.\"Kommun").candidates == ["\"Kommunstyrelsens reserv\""])
        #expect(scoped.complete("\"Kommunstyrelsens reserv\".2").candidates == ["2021"])
        // An unknown name before the dot: every name, as before.
        #expect(scoped.complete("Okänd.F").candidates == ["Folkhälsa", "Fritid", "Förtroendemannaorganisation"].sorted())
    }

    @Test("the parts of a name, from the loaded model")
    func partsFromTheModel() throws {
        let run = Pipeline.run(text: """
            kolumn 2021
            område Sammanställning {
              post Folkhälsa 2021: 1
              område "Kommunstyrelsens reserv" { post Rest 2021: 2 }
            }
            område Annat { post Folkhälsa 2021: 3 }
            låt x = 1
            """, path: "t.ramverk")
        let model = try #require(run.model)
        #expect(REPL.parts(of: "Sammanställning", in: model) == ["Folkhälsa", "Kommunstyrelsens reserv", "2021"])
        #expect(REPL.parts(of: "Folkhälsa", in: model) == ["2021"])
        #expect(REPL.parts(of: "x", in: model) == ["2021"])
        #expect(REPL.parts(of: "Okänd", in: model) == nil)
    }

    @Test("nothing to complete")
    func nothing() {
        #expect(completer.complete("").candidates.isEmpty)
        #expect(completer.complete("1 + ").candidates.isEmpty)
        #expect(completer.complete("Xyz").candidates.isEmpty)
    }
}

/// The history file: one entry a line, capped, no repeats in a row.
struct HistoryTests {
    @Test("where the history is kept")
    func path() {
        #expect(History.path(environment: ["HOME": "/home/anna"]) == "/home/anna/.ramverk_history")
        #expect(History.path(environment: ["HOME": "/home/anna", "XDG_STATE_HOME": "/home/anna/.local/state"])
            == "/home/anna/.local/state/ramverk/historik")
        #expect(History.path(environment: [:]) == nil)
    }

    @Test("a line is added at the end, once, and the oldest go past the limit")
    func adding() {
        var bytes: [UInt8] = []
        bytes = History.adding("1 + 1", to: bytes)
        bytes = History.adding("1 + 1", to: bytes)
        bytes = History.adding(":om Folkhälsa = 800", to: bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "1 + 1\n:om Folkhälsa = 800\n")
        for number in 0..<(History.limit + 10) { bytes = History.adding("rad \(number)", to: bytes) }
        let entries = History.entries(bytes)
        #expect(entries.count == History.limit)
        #expect(entries.first == "rad 10")
        #expect(entries.last == "rad \(History.limit + 9)")
    }
}

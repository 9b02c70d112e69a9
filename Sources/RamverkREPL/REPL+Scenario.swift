import Ramverk

/// `:spara-scenario "Alt C" FIL`: the changes in force as a `scenario` block, each as
/// typed, written at the end of FIL. The file is written whole and atomically; an
/// existing file gets the block added only after the user says yes (or with
/// `:spara-scenario!`), and never a second scenario of the same name.
extension REPL {
    func saveScenario<Editor: LineEditor>(_ argument: String, force: Bool, editor: inout Editor) {
        guard let (name, path) = REPL.scenarioArguments(argument) else {
            return failed("Skriv scenariots namn inom citattecken och filen: :spara-scenario \"Alt C\" alt-c.ramverk\n")
        }
        guard !session.changes.isEmpty else { return failed("Det finns inga ändringar att spara (:om gör en).\n") }
        let block = REPL.scenarioBlock(name: name, changes: session.changes.map(\.text))
        var bytes: [UInt8] = []
        if FileWatch.exists(path) {
            switch fileSystem.read(path) {
            case .failure(let error):
                return failed("\(path): fel: kan inte läsa filen: \(error.reason)\n")
            case .success(let existing):
                bytes = existing
            }
            if String(decoding: bytes, as: UTF8.self).contains("scenario \(REPL.quoted(name))") {
                return failed("\(path) har redan ett scenario \(REPL.quoted(name)); välj ett annat namn.\n")
            }
            if !force {
                let question = "\(path) finns redan. Lägga till scenariot sist i filen? (j/n) "
                if !editor.isInteractive { output(question + "\n") }
                guard case .line(let answer) = editor.readLine(prompt: question),
                      ["j", "ja", "y", "yes"].contains(answer.trimmingSpaces().lowercased()) else {
                    return output("Scenariot sparades inte.\n")
                }
            }
            if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
            if !bytes.isEmpty { bytes.append(0x0A) }
        }
        bytes += Array(block.utf8)
        switch writer.write(bytes, to: path) {
        case .failure(let failure):
            failed("\(path): fel: kan inte skriva filen: \(failure.reason); filen är oförändrad\n")
        case .success:
            let count = session.changes.count
            output("Sparade scenariot \(REPL.quoted(name)) med \(count == 1 ? "1 ändring" : "\(count) ändringar") i \(path).\n")
            if !session.declarations.isEmpty {
                output("Deklarationerna från sessionen ingår inte i scenariot.\n")
            }
        }
    }

    /// `"Alt C" FIL` → ("Alt C", "FIL"); nil without a quoted name or a file.
    static func scenarioArguments(_ argument: String) -> (name: String, path: String)? {
        guard argument.hasPrefix("\"") else { return nil }
        var name = ""
        var escaped = false
        var end: String.Index?
        var index = argument.index(after: argument.startIndex)
        while index < argument.endIndex {
            let character = argument[index]
            if escaped {
                name.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                end = index
                break
            } else {
                name.append(character)
            }
            index = argument.index(after: index)
        }
        guard let end, !name.isEmpty else { return nil }
        let path = unquoted(String(argument[argument.index(after: end)...]).trimmingSpaces())
        return path.isEmpty ? nil : (name, path)
    }

    /// scenario "NAME" { one change a line }, each change as typed on one line.
    static func scenarioBlock(name: String, changes: [String]) -> String {
        var text = "scenario \(quoted(name)) {\n"
        for change in changes {
            let oneLine = change.map { $0 == "\n" || $0 == "\t" || $0 == "\r" ? " " : String($0) }.joined()
            text += "  " + oneLine.trimmingSpaces() + "\n"
        }
        return text + "}\n"
    }

    /// A string literal of the language: `"` and `\` escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }
}

extension String {
    /// Every `target` replaced (no Foundation in the shell).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        map { $0 == target ? replacement : String($0) }.joined()
    }
}

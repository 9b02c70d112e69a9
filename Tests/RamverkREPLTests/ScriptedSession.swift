import Foundation
import Ramverk
import RamverkREPL

/// A line editor that types a script: each line is shown after its prompt in the
/// transcript, as a terminal would show it, and the REPL's answers follow.
struct ScriptedLineEditor: LineEditor {
    enum Step {
        case line(String)
        /// Ctrl-C.
        case interrupt
        /// Something done between two lines (a file changed on disk).
        case run(() -> Void)
    }

    var steps: [Step]
    let transcript: Transcript
    var isInteractive: Bool
    var remembered: [String] = []

    mutating func readLine(prompt: String) -> LineInput {
        while !steps.isEmpty {
            switch steps.removeFirst() {
            case .line(let text):
                transcript.text += prompt + text + "\n"
                return .line(text)
            case .interrupt:
                transcript.text += prompt + "^C\n"
                return .interrupted
            case .run(let action):
                action()
            }
        }
        transcript.text += prompt + "^D\n"
        return .end
    }

    mutating func remember(_ line: String) {
        remembered.append(line)
    }
}

final class Transcript: @unchecked Sendable {
    var text = ""
}

/// Writes with Foundation's atomic write, standing in for the shell's `AtomicFile`.
struct FoundationWriter: FileWriter {
    func write(_ bytes: [UInt8], to path: String) -> Result<Void, WriteFailure> {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            return .success(())
        } catch {
            return .failure(WriteFailure(reason: "kan inte skriva"))
        }
    }
}

/// A folder of its own for one test, removed at the end.
final class Scratch {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ramverk-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) {
        try? Data(text.utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
    }

    func read(_ name: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }
}

/// Runs a script through a REPL; the transcript and the exit status.
func runScript(_ steps: [ScriptedLineEditor.Step], file: String? = nil, interactive: Bool = true)
    -> (transcript: String, status: Int32, remembered: [String]) {
    let transcript = Transcript()
    let repl = REPL(writer: FoundationWriter()) { transcript.text += $0 }
    var editor = ScriptedLineEditor(steps: steps, transcript: transcript, isInteractive: interactive)
    let status = repl.run(&editor, path: file)
    return (transcript.text, status, editor.remembered)
}

let exampleScenario = """
kommun Exempel
enhet tkr
kolumn 2024 "Budget 2024"
kolumn 2025 "Budget 2025"
ram 2025 = 1 100 enligt "KF 2024-11-18 § 120"
område Fritid {
  post Badhus             2024: 600    2025: 640
  post Idrottsplatser     2024: 400    2025: Idrottsplatser.2024 × 102 %
  post "Bad- och simhall" 2024: 0      2025: 0
  summa                   2024: 1 000  2025: 1 048
}
låt Andel = Badhus / summa(Fritid)

"""

import CEditLine
import Ramverk
import RamverkREPL
#if canImport(Glibc)
import Glibc
#endif

/// libedit's C callbacks carry no context of ours: the prompt, the completion and the
/// Ctrl-C flag live here. There is one line editor per process.
nonisolated(unsafe) private var promptText: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var completeWord: ((String) -> Completer.Completion)?
nonisolated(unsafe) private var interrupted: Int32 = 0

/// Line editing in a terminal with libedit (emacs keys): Tab completes through the
/// REPL's `Completer`, Ctrl-R searches the history, Ctrl-C drops the line, Ctrl-D on an
/// empty line ends the session. The history is kept in a file across sessions (see
/// `History`), written atomically after each line.
final class LibeditLineEditor: LineEditor {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?

    var isInteractive: Bool { true }

    init?(historyPath: String?, complete: @escaping (String) -> Completer.Completion) {
        LibeditLineEditor.useUTF8()
        guard let editLine = ramverk_el_init("ramverk"), let history = history_init() else { return nil }
        self.editLine = editLine
        self.history = history
        self.historyPath = historyPath
        completeWord = complete
        ramverk_history_set_size(history, Int32(History.limit))
        if let historyPath, case .success(let bytes) = LocalFileSystem().read(historyPath) {
            for entry in History.entries(bytes) { ramverk_history_enter(history, entry) }
        }
        ramverk_el_set_editor(editLine, "emacs")
        // libedit puts the terminal back in order before a signal reaches us.
        ramverk_el_set_signal(editLine, 1)
        ramverk_el_set_history(editLine, history)
        ramverk_el_set_prompt(editLine) { _ in promptText }
        ramverk_el_add_function(editLine, "ramverk-complete", "Fyll i ord", { editLine, _ in
            guard let editLine else { return UInt8(CC_ERROR) }
            return LibeditLineEditor.complete(editLine)
        })
        ramverk_el_bind(editLine, "^I", "ramverk-complete")
        ramverk_el_bind(editLine, "^R", "em-inc-search-prev")
        LibeditLineEditor.catchInterrupts()
    }

    deinit {
        el_end(editLine)
        history_end(history)
    }

    func readLine(prompt: String) -> LineInput {
        free(promptText)
        promptText = strdup(prompt)
        interrupted = 0
        var count: Int32 = 0
        guard let line = el_gets(editLine, &count), count > 0 else {
            if interrupted != 0 {
                interrupted = 0
                Terminal.write("\n")
                return .interrupted
            }
            return .end
        }
        var text = String(cString: line)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        if interrupted != 0 {
            interrupted = 0
            return .interrupted
        }
        return .line(text)
    }

    func remember(_ line: String) {
        ramverk_history_enter(history, line)
        guard let historyPath else { return }
        LibeditLineEditor.makeFolder(of: historyPath)
        var existing: [UInt8] = []
        if case .success(let bytes) = LocalFileSystem().read(historyPath) { existing = bytes }
        // A history that cannot be written is no reason to stop the session.
        _ = AtomicFile.write(History.adding(line, to: existing), to: historyPath)
    }

    // MARK: - Completion

    /// Tab: one candidate replaces the word; several fill in what they share, or are
    /// listed under the line when they share no more than is typed.
    private static func complete(_ editLine: OpaquePointer) -> UInt8 {
        guard let info = el_line(editLine), let completeWord else { return UInt8(CC_ERROR) }
        let buffer = info.pointee.buffer!
        let length = info.pointee.cursor - buffer
        let before = String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
        let completion = completeWord(before)
        switch completion.candidates.count {
        case 0:
            return UInt8(CC_ERROR)
        case 1:
            let candidate = completion.candidates[0]
            replace(completion.word, with: candidate + (candidate.hasPrefix(":") ? " " : ""), in: editLine)
            return UInt8(CC_REFRESH)
        default:
            let prefix = completion.commonPrefix
            if prefix.count > completion.word.count {
                replace(completion.word, with: prefix, in: editLine)
                return UInt8(CC_REFRESH)
            }
            Terminal.write("\n" + columns(completion.candidates))
            return UInt8(CC_REDISPLAY)
        }
    }

    private static func replace(_ word: String, with text: String, in editLine: OpaquePointer) {
        // libedit counts characters as wide characters, one per Unicode scalar.
        if !word.isEmpty { el_deletestr(editLine, Int32(word.unicodeScalars.count)) }
        el_insertstr(editLine, text)
    }

    /// Candidates in columns across an 80-character line.
    private static func columns(_ candidates: [String]) -> String {
        let width = (candidates.map(\.count).max() ?? 0) + 2
        let perLine = max(1, 80 / width)
        var out = ""
        for (index, candidate) in candidates.enumerated() {
            out += candidate
            if (index + 1) % perLine == 0 || index == candidates.count - 1 {
                out += "\n"
            } else {
                out += String(repeating: " ", count: width - candidate.count)
            }
        }
        return out
    }

    // MARK: - Terminal set-up

    /// libedit reads å ä ö as characters only in a UTF-8 locale: the user's if it is one,
    /// else C.UTF-8.
    private static func useUTF8() {
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    /// Ctrl-C sets a flag and interrupts the read (no SA_RESTART), so the line is dropped
    /// and the session goes on.
    private static func catchInterrupts() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interrupted = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    private static func makeFolder(of path: String) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let folder = String(path[..<slash])
        if FileWatchProbe.exists(folder) { return }
        makeFolder(of: folder)
        mkdir(folder, 0o700)
    }
}

/// Whether a path exists, for creating the history's folder.
enum FileWatchProbe {
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }
}

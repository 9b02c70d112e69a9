#if canImport(Glibc)
import Glibc
#endif

/// What reading a line gave: the line (without its line end), Ctrl-C (the line is
/// dropped), or the end of input (Ctrl-D, or the end of a piped script).
public enum LineInput: Equatable, Sendable {
    case line(String)
    case interrupted
    case end
}

/// Where the REPL gets its lines: libedit in a terminal, standard input in a pipe, a
/// list of lines in a test. The three hooks Lua's REPL hides its line editing behind.
public protocol LineEditor {
    /// True in a terminal: prompts and the greeting are shown, and errors do not change
    /// the exit status.
    var isInteractive: Bool { get }
    /// Shows `prompt` and reads one line.
    mutating func readLine(prompt: String) -> LineInput
    /// Keeps a line typed for the history (what a piped script types is not kept).
    mutating func remember(_ line: String)
}

/// Lines from standard input, without prompts or line editing: `ramverk < skript.txt`
/// and `echo ':om …' | ramverk repl FIL`.
public struct PlainLineEditor: LineEditor {
    private var buffer: [UInt8] = []
    private var ended = false
    private let descriptor: Int32

    public init(descriptor: Int32 = 0) {
        self.descriptor = descriptor
    }

    public var isInteractive: Bool { false }

    public mutating func readLine(prompt: String) -> LineInput {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == 0x0D { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            if ended {
                guard !buffer.isEmpty else { return .end }
                defer { buffer = [] }
                return .line(String(decoding: buffer, as: UTF8.self))
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                ended = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
    }

    public mutating func remember(_ line: String) {}
}

#if canImport(Glibc)
import Glibc
#endif

/// Output to the terminal or a pipe, without Foundation (the binary starts faster).
enum Terminal {
    static func write(_ text: String) { write(text, to: 1) }

    static func writeError(_ text: String) { write(text, to: 2) }

    /// Writes bytes of a report to standard output.
    static func writeOutput(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { write($0, to: 1) }
    }

    /// Writes a chunk of a streamed report to standard output, where it lies.
    static func writeOutput(_ bytes: UnsafeRawBufferPointer) {
        write(bytes, to: 1)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    /// Writes all of `buffer`, resuming after partial writes and interrupts.
    private static func write(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return  // A closed pipe (e.g. `| head`): nothing more to do.
            }
            offset += written
        }
    }

    /// Colour only for a terminal, and never when NO_COLOR is set (no-color.org).
    static func wantsColour(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && getenv("NO_COLOR") == nil
    }

    /// Reads standard input to its end.
    static func readStandardInput() -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}

extension OptionSpec {
    /// `--ingen-färg`, which every command has.
    static func noColour(help: String = "Ingen färg, även i en terminal.") -> OptionSpec {
        .flag("ingen-färg", help: help)
    }
}

/// Ends a command with a status other than 0, once it has said why (or, for 1, once
/// the report shows the checks that failed).
struct ExitCode: Error {
    let status: Int32

    init(_ status: Int32) {
        self.status = status
    }
}

/// The documented exit codes (README, `ramverk --help`).
enum ExitStatus {
    static let ok: Int32 = 0
    static let checkFailed: Int32 = 1
    static let usage: Int32 = 64
    static let scenarioError: Int32 = 65
    static let unreadableInput: Int32 = 66
    static let internalError: Int32 = 70
    /// A file could not be written (`formatera`, `-o FIL`); sysexits' EX_CANTCREAT.
    static let cannotWrite: Int32 = 73
}

import Foundation
@testable import Ramverk

/// An example of docs/diagnostiker.md made into files: the block is the file
/// `exempel.ramverk`, and the annotations the document explains at its top add other
/// files and what a Markdown file cannot hold:
///
/// - `# upprepa N:` repeats the lines after it, up to the next blank line, N times;
///   `{n}` in them becomes 1, 2, … N and `{n+1}` one more;
/// - `# fil: NAMN` starts another file of the same folder (up to the next such line);
/// - `# mapp: NAMN` is a folder and `# för stor fil: NAMN` a file over the size limit;
/// - `⟨FF⟩` is a byte in hex, and `⟨201 × (⟩` is `(` written 201 times.
struct DocumentedExample {
    static let mainFile = "exempel.ramverk"

    var files: [String: [UInt8]] = [:]
    var folders: Set<String> = []
    var tooLarge: Set<String> = []

    init(_ block: String) {
        var current = DocumentedExample.mainFile
        var text: [String: String] = [current: ""]
        var order = [current]
        for line in DocumentedExample.expandRepeats(block) {
            if let name = DocumentedExample.value(of: "# fil:", in: line) {
                current = name
                if text[name] == nil { order.append(name) }
                text[name, default: ""] = ""
            } else if let name = DocumentedExample.value(of: "# mapp:", in: line) {
                folders.insert(name)
            } else if let name = DocumentedExample.value(of: "# för stor fil:", in: line) {
                tooLarge.insert(name)
            } else {
                text[current, default: ""] += line + "\n"
            }
        }
        for name in order { files[name] = DocumentedExample.bytes(text[name] ?? "") }
    }

    /// The whole pipeline on `exempel.ramverk`, and a short simulation when it has
    /// quantified risks (for the codes only a simulation gives).
    func run() -> ScenarioRun? {
        guard var run = try? Pipeline.run(path: DocumentedExample.mainFile, fileSystem: ExampleFileSystem(example: self)).get()
        else { return nil }
        if let model = run.model, !run.hasErrors, !model.riskAnalysis.quantifiedRisks.isEmpty {
            let simulated = RiskAnalysis.run(model, options: .init(iterations: 1_000, seed: 1))
            run.diagnostics += simulated.diagnostics.filter { found in
                !run.diagnostics.contains { $0.code == found.code && $0.span == found.span }
            }
        }
        return run
    }

    private static func value(of prefix: String, in line: String) -> String? {
        guard line.hasPrefix(prefix) else { return nil }
        return line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
    }

    /// The lines of `block` with every `# upprepa N:` group written out.
    static func expandRepeats(_ block: String) -> [String] {
        var lines: [String] = []
        var pending = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        while let line = pending.popFirst() {
            guard let count = value(of: "# upprepa", in: line).flatMap({ Int($0.dropLast()) }) else {
                lines.append(line)
                continue
            }
            var group: [String] = []
            while let next = pending.first, !next.isEmpty {
                group.append(next)
                pending.removeFirst()
            }
            for n in 1...count {
                for template in group {
                    lines.append(template.replacingOccurrences(of: "{n+1}", with: String(n + 1))
                        .replacingOccurrences(of: "{n}", with: String(n)))
                }
            }
        }
        return lines
    }

    /// The text as bytes, with `⟨FF⟩` as the byte 0xFF and `⟨201 × (⟩` written out.
    static func bytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "⟨"), let close = rest[open...].firstIndex(of: "⟩") {
            bytes += Array(rest[..<open].utf8)
            let inside = rest[rest.index(after: open)..<close]
            if let times = inside.firstIndex(of: "×"), let count = Int(inside[..<times].trimmingCharacters(in: .whitespaces)) {
                let unit = inside[inside.index(after: times)...].trimmingCharacters(in: .whitespaces)
                bytes += Array(String(repeating: unit, count: count).utf8)
            } else if let byte = UInt8(inside, radix: 16) {
                bytes.append(byte)
            }
            rest = rest[rest.index(after: close)...]
        }
        return bytes + Array(rest.utf8)
    }
}

/// The files of a documented example, in memory, with folders and over-large files.
struct ExampleFileSystem: FileSystem {
    var example: DocumentedExample

    func read(_ path: String) -> Result<[UInt8], FileReadError> {
        let path = MemoryFileSystem.normalize(path)
        if example.folders.contains(path) { return .failure(.isDirectory) }
        if example.tooLarge.contains(path) { return .failure(.tooLarge(limitMiB: maximumFileSizeMiB)) }
        guard let bytes = example.files[path] else { return .failure(.notFound) }
        return .success(bytes)
    }

    func realPath(_ path: String) -> String? {
        let path = MemoryFileSystem.normalize(path)
        let exists = example.files[path] != nil || example.folders.contains(path) || example.tooLarge.contains(path)
        return exists ? path : nil
    }
}

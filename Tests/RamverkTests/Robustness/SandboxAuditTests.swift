import Foundation
import Testing

/// A scenario file can never write, delete, execute or reach the network: nothing on
/// the way from a scenario to a report can. The library (`Sources/Ramverk`) reads files
/// through the C library only, and uses no API that writes, deletes, runs a program or
/// opens a socket — not even Foundation, which would bring all of those. The command
/// line (`Sources/RamverkCLI`) writes only through `AtomicFile` (reports with `-o`,
/// `formatera`, the REPL's history and saved scenarios: files the user names or owns)
/// and to standard output and error; the REPL (`Sources/RamverkREPL`) writes only
/// through the `FileWriter` the shell gives it, which is `AtomicFile`.
///
/// This test reads the sources, so a change that adds such a call fails it; a call that
/// is truly needed goes into `allowed` with its reason, where a reviewer sees it.
struct SandboxAuditTests {
    /// What writes, deletes, runs or connects, as patterns over source text.
    static let forbidden: [(pattern: String, what: String)] = [
        (#"\bimport\s+(Foundation|FoundationNetworking|FoundationEssentials)\b"#, "Foundation (files, processes, network)"),
        (#"\b(FileManager|FileHandle|DispatchIO|URLSession|URLRequest|NWConnection|Process|NSTask|Pipe)\b"#,
         "Foundation's files, processes or network"),
        (#"\bO_(WRONLY|RDWR|CREAT|TRUNC|APPEND)\b"#, "opening a file for writing"),
        (call("fopen|freopen|fdopen|creat|open64|openat|fwrite|fputs|fputc|fprintf|pwrite|pwritev|writev|sendfile|splice"),
         "writing to a file"),
        // write(2): qualified (as a type with its own `write` must call it), or given a
        // descriptor; `output.write(…)` and `func write(` are not it.
        (#"\b(Glibc|Darwin|Musl)\.write\s*\("#, "write(2)"),
        (#"(?<![.\w])(?<!func )write\s*\(\s*(\d|fd\b|descriptor|fileDescriptor|STDOUT|STDERR)"#, "write(2)"),
        (call("unlink|unlinkat|remove|rename|renameat|renameat2|rmdir|mkdir|mkdirat|mkstemp|mkostemp|mkdtemp|mkfifo|mknod"
              + "|link|linkat|symlink|symlinkat|truncate|ftruncate|chmod|fchmod|chown|fchown|lchown|utime|utimes|futimes"),
         "creating, deleting, renaming or changing a file"),
        (call("system|popen|fork|vfork|execv|execve|execvp|execl|execlp|execle|posix_spawn|posix_spawnp|dlopen|ptrace"),
         "running a program or loading code"),
        (call("socket|socketpair|connect|bind|listen|accept|accept4|getaddrinfo|gethostbyname|sendto|recvfrom|sendmsg|recvmsg"),
         "the network"),
    ]

    /// A call of one of `names` (not a method `x.name(`, not a declaration `func name(`).
    static func call(_ names: String) -> String {
        #"(?<![.\w])(?<!func )(Glibc\.|Darwin\.|Musl\.)?("# + names + #")\s*\("#
    }

    /// Calls that are meant, by file: the one place files are written, and the one
    /// place standard output and error are.
    static let allowed: [String: [String]] = [
        "Sources/RamverkCLI/AtomicFile.swift": ["write(2)", "creating, deleting, renaming or changing a file",
                                                "opening a file for writing", "writing to a file"],
        "Sources/RamverkCLI/Terminal.swift": ["write(2)"],
        // The command's message when a mapped scenario file shrinks under the run, written
        // to standard error (descriptor 2) by the SIGBUS handler, which may not allocate.
        "Sources/Ramverk/Source/MappedFiles.swift": ["write(2)"],
        // The REPL's history file is ~/.ramverk_history, or $XDG_STATE_HOME/ramverk/historik,
        // whose folder is made when missing; the file itself goes through AtomicFile.
        "Sources/RamverkCLI/LibeditLineEditor.swift": ["creating, deleting, renaming or changing a file"],
    ]

    /// The source without comments and string literals, so a doc comment about
    /// `write(` or a message mentioning a socket does not count.
    static func code(_ source: String) -> String {
        var out = ""
        var index = source.startIndex
        while index < source.endIndex {
            let rest = source[index...]
            if rest.hasPrefix("//") {
                index = rest.firstIndex(of: "\n") ?? source.endIndex
            } else if rest.hasPrefix("/*") {
                index = rest.range(of: "*/").map(\.upperBound) ?? source.endIndex
            } else if rest.hasPrefix("\"") {
                // Skip the literal (also #"…"# and """…"""), keep an empty one in its place.
                let quotes = rest.hasPrefix("\"\"\"") ? "\"\"\"" : "\""
                var end = source.index(index, offsetBy: quotes.count)
                while end < source.endIndex, !source[end...].hasPrefix(quotes) {
                    end = source[end] == "\\" ? source.index(end, offsetBy: 2, limitedBy: source.endIndex) ?? source.endIndex
                        : source.index(after: end)
                }
                out += "\"\""
                index = source.index(end, offsetBy: quotes.count, limitedBy: source.endIndex) ?? source.endIndex
            } else {
                out.append(source[index])
                index = source.index(after: index)
            }
        }
        return out
    }

    /// "file:line: what (text)" for each forbidden call in `source`.
    static func findings(in source: String, file: String) -> [String] {
        let code = code(source)
        var found: [String] = []
        for (pattern, what) in forbidden where !(allowed[file] ?? []).contains(what) {
            let regex = try! NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: code, range: NSRange(code.startIndex..., in: code)) {
                let range = Range(match.range, in: code)!
                let line = code[..<range.lowerBound].count { $0 == "\n" } + 1
                found.append("\(file):\(line): \(what) (\(code[range]))")
            }
        }
        return found
    }

    static func sources(under folder: String) -> [String] {
        let root = GrammarTests.root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { "\(folder)/\($0)" }
    }

    @Test("the library and the command line use nothing that writes, deletes, runs or connects, but where allowed")
    func audit() throws {
        // The REPL's session logic too: it writes only through the `FileWriter` it is given.
        let files = ["Sources/Ramverk", "Sources/RamverkREPL", "Sources/RamverkCLI"].flatMap(SandboxAuditTests.sources(under:))
        #expect(files.count > 80)
        var findings: [String] = []
        for file in files {
            let source = try String(contentsOf: GrammarTests.root.appendingPathComponent(file), encoding: .utf8)
            findings += SandboxAuditTests.findings(in: source, file: file)
        }
        #expect(findings.isEmpty, "\(findings.joined(separator: "\n"))")
    }

    @Test("the library opens files only with O_RDONLY")
    func readOnly() throws {
        var opens = 0
        for file in SandboxAuditTests.sources(under: "Sources/Ramverk") {
            let code = SandboxAuditTests.code(try String(contentsOf: GrammarTests.root.appendingPathComponent(file), encoding: .utf8))
            // open(2) takes O_ flags (a method called open, `SVG.open(…)`, does not).
            for line in code.split(separator: "\n") where line.contains("open(") && line.contains("O_") {
                opens += 1
                #expect(line.contains("O_RDONLY"), "\(file): \(line)")
            }
        }
        #expect(opens >= 1, "LocalFileSystem opens files")
    }

    @Test("the audit finds what it looks for, and not in comments or strings")
    func auditWorks() {
        let bad = """
            import Foundation
            let fd = open(path, O_WRONLY | O_CREAT)
            _ = Glibc.write(fd, p, n)
            unlink(path); rename(a, b)
            let p = Process()
            let s = socket(AF_INET, SOCK_STREAM, 0)
            _ = system("rm -rf /")
            """
        let found = SandboxAuditTests.findings(in: bad, file: "x.swift")
        for what in ["Foundation (files, processes, network)", "opening a file for writing", "write(2)",
                     "creating, deleting, renaming or changing a file", "Foundation's files, processes or network",
                     "the network", "running a program or loading code"] {
            #expect(found.contains { $0.contains(what) }, "missed: \(what)")
        }
        let harmless = """
            // unlink(path) and socket( in a comment
            let message = "kan inte skriva filen: write( failed, Process"
            writer.write(lines); items.remove(at: 0); text.split(separator: "/")
            func write(_ text: String) {}
            """
        #expect(SandboxAuditTests.findings(in: harmless, file: "x.swift").isEmpty)
        #expect(SandboxAuditTests.findings(in: "_ = write(1, p, n)", file: "Sources/RamverkCLI/Terminal.swift").isEmpty)
    }
}

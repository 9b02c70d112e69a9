import Synchronization

/// Every file of a scenario, parsed: the main file and what it includes.
public struct ParsedProgram: Sendable {
    public var sources = SourceSet()
    /// Syntax trees by file index.
    public var trees: [SyntaxTree] = []
    /// Which file an `inkludera` statement brought in, by the statement's span.
    public var includes: [SourceSpan: Int32] = [:]
    public var diagnostics: [Diagnostic] = []

    public init() {}
}

/// Reads and parses a scenario and its `inkludera` files. An included file must lie in
/// the including file's folder or below it — no absolute paths, no "..", no symbolic
/// link that leads out — and end in `.ramverk`; cycles and depth are bounded.
public struct ProgramLoader {
    public static let maximumIncludeDepth = 16

    let fileSystem: any FileSystem
    var program = ParsedProgram()
    /// Real paths of the files being included, innermost last (for cycles).
    private var stack: [String] = []
    /// A line of a thousand `inkludera` of missing files is a thousand problems.
    private var quota = DiagnosticQuota()

    public init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Loads the main file. A main file that cannot be read is the caller's to report
    /// (exit 66); problems inside the scenario come back as diagnostics.
    public static func load(path: String, fileSystem: any FileSystem) -> Result<ParsedProgram, FileReadError> {
        switch fileSystem.readSource(path, included: false) {
        case .failure(let error):
            return .failure(error)
        case .success(let bytes):
            var loader = ProgramLoader(fileSystem: fileSystem)
            loader.stack = [fileSystem.realPath(path) ?? path]
            loader.add(SourceFile(path: path, bytes: bytes))
            return .success(loader.program)
        }
    }

    /// Parses text that is not on disk (a REPL line, a test) as the main file.
    public static func load(text: String, path: String, fileSystem: any FileSystem) -> ParsedProgram {
        var loader = ProgramLoader(fileSystem: fileSystem)
        loader.stack = [path]
        loader.add(SourceFile(path: path, text: text))
        return loader.program
    }

    private mutating func add(_ file: SourceFile) {
        let index = program.sources.add(file)
        program.trees.append(SyntaxTree(file: index, statements: []))
        StageClock.mark("read \(file.path)")
        if let bad = UTF8Validation.firstInvalidOffset(file.bytes) {
            program.diagnostics.append(Diagnostic(.invalidUTF8, at: SourceSpan(file: index, start: bad, end: bad + 1)))
            return
        }
        StageClock.mark("validate UTF-8")
        let (tree, diagnostics) = Parser.parse(file, fileIndex: index)
        StageClock.mark("parse")
        // What the parsers have not given back of a mapped file (see `Parser.releasePassedSource`).
        file.bytes.release(0..<file.bytes.count)
        program.trees[Int(index)] = tree
        program.diagnostics.append(contentsOf: diagnostics)
        if tree.mayInclude { loadIncludes(in: tree.statements, of: file) }
    }

    private mutating func loadIncludes(in statements: [Statement], of file: SourceFile) {
        for statement in statements {
            switch statement {
            case .include(let include):
                loadInclude(include, from: file)
            case .area(let area):
                loadIncludes(in: area.body, of: file)
            default:
                break
            }
        }
    }

    private mutating func loadInclude(_ include: IncludeStatement, from file: SourceFile) {
        let path = include.path
        let span = include.pathSpan
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || components.contains("..") || path.hasPrefix("~") {
            return report(.includeOutsideFolder(path), span)
        }
        // A NUL ends the path for the C library, so "x␀.ramverk" would open x.
        if !path.hasSuffix(".ramverk") || path.utf8.contains(0) {
            return report(.includeNotRamverk(path), span)
        }
        if stack.count > ProgramLoader.maximumIncludeDepth {
            return report(.includeTooDeep(limit: ProgramLoader.maximumIncludeDepth), span)
        }
        let folder = ProgramLoader.folder(of: file.path)
        let candidate = folder == "." ? path : folder + "/" + path
        guard let real = fileSystem.realPath(candidate) else {
            return report(.includeNotFound(path), span)
        }
        // The real path must stay under the including file's real folder: this is what
        // stops a symbolic link from leading out.
        if let realFolder = fileSystem.realPath(folder) {
            let prefix = realFolder.hasSuffix("/") ? realFolder : realFolder + "/"
            if !real.hasPrefix(prefix) { return report(.includeOutsideFolder(path), span) }
        }
        if stack.contains(real) {
            return report(.includeCycle(path), span)
        }
        // The file checked above, by its real path: not the path again, whose links
        // could have been changed in between.
        switch fileSystem.readSource(real, included: true) {
        case .failure(let error):
            switch error {
            case .notFound: report(.includeNotFound(path), span)
            case .tooLarge(let limit): report(.fileTooLarge(limit: limit), span)
            default: report(.includeUnreadable(path, reason: error.reason), span)
            }
        case .success(let bytes):
            program.includes[include.span] = Int32(program.sources.files.count)
            stack.append(real)
            add(SourceFile(path: candidate, bytes: bytes))
            stack.removeLast()
        }
    }

    private mutating func report(_ problem: Problem, _ span: SourceSpan) {
        guard quota.admits(problem.severity) else { return }
        program.diagnostics.append(Diagnostic(problem, at: span))
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }
}

/// UTF-8 validation with an ASCII fast path; a large file is validated in two halves at
/// once, cut at a line end (a multi-byte character never spans one).
enum UTF8Validation {
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        firstInvalidOffset(SourceBytes(bytes))
    }

    static func firstInvalidOffset(_ bytes: SourceBytes) -> Int? {
        guard bytes.count >= ParallelParse.threshold,
              let newline = bytes[(bytes.count / 2)...].firstIndex(of: 0x0A) else {
            return bytes.withUnsafeBufferPointer { firstInvalidOffset($0, 0..<bytes.count) }
        }
        let halves = [0..<newline + 1, newline + 1..<bytes.count]
        let found = Mutex<[Int?]>([nil, nil])
        WorkerPool.shared.perform(2) { half in
            let offset = bytes.withUnsafeBufferPointer { firstInvalidOffset($0, halves[half]) }
            found.withLock { $0[half] = offset }
        }
        return found.withLock { $0[0] ?? $0[1] }
    }

    /// The first offset in `range` where the bytes are not UTF-8; `range` starts at a
    /// character boundary.
    private static func firstInvalidOffset(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var i = range.lowerBound
        let count = range.upperBound
        while i < count {
            i = ByteScan.firstNonASCII(in: buffer, from: i, to: count)
            guard i < count else { break }
            let b0 = buffer[i]
            let length: Int
            var minimum: UInt32
            switch b0 {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return i
            }
            guard i + length <= count else { return i }
            var value = UInt32(b0) & (0xFF >> (length + 1))
            for k in 1..<length {
                let byte = buffer[i + k]
                guard byte & 0xC0 == 0x80 else { return i }
                value = value << 6 | UInt32(byte & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i }
            minimum = 0
            i += length
        }
        return nil
    }
}

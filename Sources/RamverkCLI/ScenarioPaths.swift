#if canImport(Glibc)
import Glibc
#endif

/// The files a command line names: files as given, folders searched for `*.ramverk`
/// (in name order, so every run goes through them in the same order), leaving out
/// hidden files and folders — `.git`, `.build*` — and symbolic links inside folders,
/// which could lead in a circle or to a file met twice.
enum ScenarioPaths {
    enum Entry: Equatable {
        case file(String)
        /// A path that cannot be read, and what to say about it (in Swedish:
        /// "kan inte läsa mappen: åtkomst nekad").
        case unreadable(path: String, problem: String)
    }

    static func expand(_ paths: [String]) -> [Entry] {
        var entries: [Entry] = []
        var seen = Set<String>()
        for path in paths {
            for entry in expand(path) {
                // The same file named twice (`Scenarios Scenarios/a.ramverk`) is done once.
                if case .file(let file) = entry, !seen.insert(realPath(file) ?? file).inserted { continue }
                entries.append(entry)
            }
        }
        return entries
    }

    private static func expand(_ path: String) -> [Entry] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let why = errno == ENOENT || errno == ENOTDIR ? "filen finns inte" : reason(errno)
            return [.unreadable(path: path, problem: "kan inte läsa filen: \(why)")]
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return [.file(path)] }
        var entries: [Entry] = []
        walk(path, into: &entries)
        return entries
    }

    private static func walk(_ folder: String, into entries: inout [Entry]) {
        guard let directory = opendir(folder) else {
            entries.append(.unreadable(path: folder, problem: "kan inte läsa mappen: \(reason(errno))"))
            return
        }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(directory)
        // Byte order, not the locale's: the same on every machine.
        names.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        for name in names {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(path, into: &entries)
            case S_IFREG where name.hasSuffix(".ramverk"): entries.append(.file(path))
            default: break
            }
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func reason(_ code: Int32) -> String {
        code == EACCES || code == EPERM ? "åtkomst nekad" : String(cString: strerror(code))
    }
}

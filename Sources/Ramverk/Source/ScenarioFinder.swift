#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the paths given to `ramverk kontrollera` into scenario files: a file is taken
/// as it is, a folder is searched (with its subfolders) for `*.ramverk`. Read-only,
/// through the C library like `LocalFileSystem`.
public enum ScenarioFinder {
    /// A scenario file to check, or a path that gave none.
    public enum Entry: Sendable, Equatable {
        case file(String)
        case unreadable(String, FileReadError)

        public var path: String {
            switch self {
            case .file(let path), .unreadable(let path, _): path
            }
        }
    }

    /// The files under `paths`, in a fixed order: the paths in the order given, and the
    /// files found in a folder sorted by path (byte order, so the order is the same on
    /// every machine and in every locale). Hidden files and folders (".git", ".build…")
    /// are skipped, and so are symbolic links to folders, which could lead in a circle.
    /// A file named twice is checked once.
    public static func find(_ paths: [String]) -> [Entry] {
        var entries: [Entry] = []
        var seen = Set<String>()
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                entries.append(.unreadable(path, errno == EACCES ? .unreadable("åtkomst nekad") : .notFound))
                continue
            }
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                if seen.insert(path).inserted { entries.append(.file(path)) }
                continue
            }
            var found: [String] = []
            var closed: [String] = []
            walk(folder(path), into: &found, closed: &closed)
            // A folder that cannot be read is reported, so nothing is skipped unseen.
            for folder in closed { entries.append(.unreadable(folder, .unreadable("åtkomst nekad"))) }
            if found.isEmpty && closed.isEmpty {
                // Most likely a mistyped folder in a CI script: better to fail than to
                // pass having checked nothing.
                entries.append(.unreadable(path, .unreadable("mappen har inga .ramverk-filer")))
                continue
            }
            found.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for file in found where seen.insert(file).inserted { entries.append(.file(file)) }
        }
        return entries
    }

    /// "Scenarios/" and "Scenarios" name the same folder; files in it are
    /// "Scenarios/x.ramverk" either way.
    private static func folder(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// Adds the `*.ramverk` files under `folder` to `found`, and the folders that cannot
    /// be read to `closed`.
    private static func walk(_ folder: String, into found: inout [String], closed: inout [String]) {
        guard let directory = opendir(folder) else {
            closed.append(folder)
            return
        }
        defer { closedir(directory) }
        var subfolders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name.hasPrefix(".") { continue }
            let path = folder == "/" ? "/" + name : folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                subfolders.append(path)
            case S_IFLNK:
                // A link to a file is checked like the file; a link to a folder is not
                // followed.
                var target = stat()
                if name.hasSuffix(".ramverk"), stat(path, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG {
                    found.append(path)
                }
            case S_IFREG:
                if name.hasSuffix(".ramverk") { found.append(path) }
            default:
                continue
            }
        }
        for subfolder in subfolders { walk(subfolder, into: &found, closed: &closed) }
    }
}

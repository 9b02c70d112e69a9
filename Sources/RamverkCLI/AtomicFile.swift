#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that it is either all old or all new, never half written: the bytes
/// go to a temporary file in the same folder (a rename is only atomic within one file
/// system), which is flushed to disk and then renamed over the target. On any failure
/// the temporary file is removed and the target is untouched. For `formatera`, the
/// REPL's history and `:spara-scenario`; for reports later.
enum AtomicFile {
    /// Why a write failed, in Swedish, for messages.
    struct WriteError: Error, Equatable {
        var reason: String
    }

    /// Replaces (or creates) the file at `path` with `bytes`. A replaced file keeps its
    /// permissions (and its owner, when allowed); a symbolic link stays a link and its
    /// target is replaced.
    static func write(_ bytes: [UInt8], to path: String) -> Result<Void, WriteError> {
        let target = resolvedPath(path)
        let folder = folder(of: target)
        var info = stat()
        let existing = stat(target, &info) == 0
        let mode: mode_t = existing ? info.st_mode & 0o7777 : 0o666 & ~currentUmask()

        var template = Array("\(folder)/.\(baseName(of: target)).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return .failure(error(errno)) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)

        func fail(_ code: Int32) -> Result<Void, WriteError> {
            close(descriptor)
            unlink(temporary)
            return .failure(error(code))
        }
        if let code = writeAll(bytes, to: descriptor) { return fail(code) }
        if fchmod(descriptor, mode) != 0 { return fail(errno) }
        // Only root may give a file away; for anyone else the owner is already right.
        if existing && geteuid() == 0 { _ = fchown(descriptor, info.st_uid, info.st_gid) }
        if fsync(descriptor) != 0 { return fail(errno) }
        if close(descriptor) != 0 {
            unlink(temporary)
            return .failure(error(errno))
        }
        if rename(temporary, target) != 0 {
            let code = errno
            unlink(temporary)
            return .failure(error(code))
        }
        // The rename itself is on disk once the folder is flushed. The new contents are
        // in place either way, so a folder that cannot be flushed is no failure.
        let directory = open(folder, O_RDONLY | O_DIRECTORY)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
        return .success(())
    }

    /// Writes all of `bytes`, resuming after partial writes and interrupts; the error
    /// code on failure.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// The path with symbolic links followed, so the link is kept and its target
    /// replaced; the path itself when it does not exist yet.
    private static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func currentUmask() -> mode_t {
        // umask can only be read by setting it; the CLI is single-threaded here.
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    static func error(_ code: Int32) -> WriteError {
        switch code {
        case EACCES, EPERM: WriteError(reason: "åtkomst nekad")
        case EROFS: WriteError(reason: "filsystemet är skrivskyddat")
        case ENOSPC: WriteError(reason: "disken är full")
        case EDQUOT: WriteError(reason: "diskkvoten är slut")
        case EFBIG: WriteError(reason: "filen blir större än tillåtet")
        case ENOENT, ENOTDIR: WriteError(reason: "mappen finns inte")
        case EIO: WriteError(reason: "in- eller utmatningsfel")
        default: WriteError(reason: String(cString: strerror(code)))
        }
    }
}

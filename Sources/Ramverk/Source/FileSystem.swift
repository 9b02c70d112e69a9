#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Why a file could not be read.
public enum FileReadError: Error, Sendable, Equatable {
    case notFound
    case isDirectory
    case tooLarge(limitMiB: Int)
    case unreadable(String)

    /// In Swedish, for messages.
    public var reason: String {
        switch self {
        case .notFound: "filen finns inte"
        case .isDirectory: "det är en mapp"
        case .tooLarge(let limit): "filen är större än \(limit) MiB"
        case .unreadable(let why): why
        }
    }
}

/// What the loader may do with files: read them and resolve their real path. Nothing
/// else — a scenario can never write, delete or execute. Tests use an in-memory one.
public protocol FileSystem: Sendable {
    func read(_ path: String) -> Result<[UInt8], FileReadError>
    /// Reads a file that a scenario includes: like `read`, but only a regular file. A
    /// named pipe would wait for a writer for ever, and a device may never end.
    func readIncluded(_ path: String) -> Result<[UInt8], FileReadError>
    /// A scenario file as the loader keeps it: `read` (or `readIncluded` for a file
    /// that a scenario includes) as `SourceBytes`, which a file system may map.
    func readSource(_ path: String, included: Bool) -> Result<SourceBytes, FileReadError>
    /// The absolute path with symbolic links resolved, or nil if it does not exist.
    func realPath(_ path: String) -> String?
}

extension FileSystem {
    /// Files in memory are all regular.
    public func readIncluded(_ path: String) -> Result<[UInt8], FileReadError> { read(path) }

    public func readSource(_ path: String, included: Bool) -> Result<SourceBytes, FileReadError> {
        (included ? readIncluded(path) : read(path)).map { SourceBytes($0) }
    }
}

/// Largest scenario file read (offsets in spans are 32-bit; 256 MiB is far beyond
/// any real budget and keeps memory bounded).
public let maximumFileSizeMiB = 256

/// The real file system, read-only, through the C library (no Foundation, so the
/// binary starts fast).
public struct LocalFileSystem: FileSystem {
    /// Whether a large regular file (from `mappedSize`) is mapped into memory rather
    /// than read, so that its pages can be given back once parsed (`SourceBytes`). Only
    /// for a command that has called `MappedFiles.exitWhenTruncated` first.
    public var mapsLargeFiles: Bool

    public init(mapsLargeFiles: Bool = false) {
        self.mapsLargeFiles = mapsLargeFiles
    }

    /// Files from this size are mapped when `mapsLargeFiles` (smaller ones cost more to
    /// map than to read, and are a small part of any peak).
    public static let mappedSize = 8 << 20

    /// The main file may be a pipe (`ramverk kör <(…)`), read to its end.
    public func read(_ path: String) -> Result<[UInt8], FileReadError> {
        readSource(path, included: false).map { Array($0) }
    }

    public func readIncluded(_ path: String) -> Result<[UInt8], FileReadError> {
        readSource(path, included: true).map { Array($0) }
    }

    /// An included file must be a regular file.
    public func readSource(_ path: String, included regularOnly: Bool) -> Result<SourceBytes, FileReadError> {
        // Without O_NONBLOCK, opening a named pipe waits for a writer: an included FIFO
        // hung the run before anything could look at what it is.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (regularOnly ? O_NONBLOCK : 0))
        guard descriptor >= 0 else { return .failure(Self.error(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(Self.error(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.isDirectory) }
        let regular = (info.st_mode & S_IFMT) == S_IFREG
        if regularOnly && !regular { return .failure(.unreadable("det är ingen vanlig fil")) }
        let limit = maximumFileSizeMiB << 20
        if info.st_size > limit { return .failure(.tooLarge(limitMiB: maximumFileSizeMiB)) }
        let size = Int(info.st_size)
        if regular && mapsLargeFiles && size >= Self.mappedSize, let mapped = MappedFiles.map(descriptor, size: size) {
            return .success(mapped)
        }
        // A regular file is read straight into a buffer of its size (no copy of 90 MB
        // for the largest files); what follows reads on until end of file, as for pipes
        // and special files, whose st_size is 0.
        var start = SourceBytes([UInt8]())
        if regular && size > 0 {
            var failure: Int32 = 0
            start = SourceBytes(filling: size) { LocalFileSystem.readRegular(descriptor, into: $0, failure: &failure) }
            if failure != 0 { return .failure(Self.error(failure)) }
            // Reading on continues where the file was read to (it may have grown).
            if lseek(descriptor, off_t(start.count), SEEK_SET) < 0 { return .failure(Self.error(errno)) }
        }
        var rest = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Self.error(errno))
            }
            if count == 0 { break }
            rest.append(contentsOf: chunk[0..<count])
            if start.count + rest.count > limit { return .failure(.tooLarge(limitMiB: maximumFileSizeMiB)) }
        }
        return .success(rest.isEmpty ? start : SourceBytes(Array(start) + rest))
    }

    /// Files from this size are read in two halves at once: copying 90 MB out of the
    /// page cache, and the page faults of the array it goes to, take a core ≈ 40 ms.
    static let parallelReadSize = 8 << 20

    /// Reads a regular file into `buffer` (its size when opened) with `pread`; returns how
    /// many bytes were read from the start without a gap (a file that shrank meanwhile
    /// ends early), setting `failure` on an error.
    private static func readRegular(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>,
                                    failure: inout Int32) -> Int {
        let size = buffer.count
        let half = size >= parallelReadSize ? size / 2 : size
        let ranges = half < size ? [0..<half, half..<size] : [0..<size]
        // The address as an integer: each part writes only its own range.
        let base = Int(bitPattern: buffer.baseAddress)
        let done = Mutex([Int](repeating: 0, count: ranges.count))
        let errors = Mutex(Int32(0))
        WorkerPool.shared.perform(ranges.count) { part in
            let range = ranges[part]
            var offset = range.lowerBound
            while offset < range.upperBound {
                let pointer = UnsafeMutableRawPointer(bitPattern: base + offset)
                let read = pread(descriptor, pointer, range.upperBound - offset, off_t(offset))
                if read < 0 && errno == EINTR { continue }
                if read < 0 { errors.withLock { $0 = errno } }
                if read <= 0 { break }
                offset += read
            }
            done.withLock { $0[part] = offset - range.lowerBound }
        }
        failure = errors.withLock { $0 }
        let counts = done.withLock { $0 }
        // Only what was read without a gap counts.
        return counts[0] < ranges[0].count || counts.count == 1 ? counts[0] : counts[0] + counts[1]
    }

    public func realPath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func error(_ code: Int32) -> FileReadError {
        switch code {
        case ENOENT, ENOTDIR: .notFound
        case EISDIR: .isDirectory
        case EACCES, EPERM: .unreadable("åtkomst nekad")
        default: .unreadable(String(cString: strerror(code)))
        }
    }
}

/// Files held in memory, for tests and for the REPL's typed input.
public struct MemoryFileSystem: FileSystem {
    public var files: [String: [UInt8]]

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public func read(_ path: String) -> Result<[UInt8], FileReadError> {
        guard let bytes = files[Self.normalize(path)] else { return .failure(.notFound) }
        return .success(bytes)
    }

    public func realPath(_ path: String) -> String? {
        let normalized = Self.normalize(path)
        return files[normalized] != nil ? normalized : nil
    }

    /// Folds "a/./b" and "a/x/../b" so paths compare as the real file system would.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", !parts.isEmpty { parts.removeLast(); continue }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}

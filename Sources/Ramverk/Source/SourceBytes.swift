#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a source file: a buffer of its own, or — for a large file the command
/// line reads (`LocalFileSystem(mapsLargeFiles:)`) — the file mapped into memory.
///
/// Why a mapping: a file of a million posts is 90 MB, and read into memory it stays
/// resident through the whole run although, once parsed, only a diagnostic's few lines
/// are read again. A mapped file's pages can be handed back (`release`) as the parser
/// passes them; reading one again later faults it back in from the page cache. That
/// takes the file out of the run's peak memory (BENCHMARKS.md).
///
/// Immutable once made, so it is shared between threads (the two halves of a large
/// file are parsed at once).
public struct SourceBytes: RandomAccessCollection, @unchecked Sendable {
    public typealias Index = Int
    public typealias Element = UInt8

    /// Owns the memory: frees or unmaps it when the last copy goes.
    private final class Storage {
        let base: UnsafeMutableRawPointer?
        let count: Int
        /// The mapping's length, 0 for an allocated buffer.
        let mappedLength: Int

        init(base: UnsafeMutableRawPointer?, count: Int, mappedLength: Int) {
            self.base = base
            self.count = count
            self.mappedLength = mappedLength
        }

        deinit {
            guard let base else { return }
            if mappedLength > 0 {
                MappedFiles.forget(base)
                munmap(base, mappedLength)
            } else {
                base.deallocate()
            }
        }
    }

    private let storage: Storage
    private let base: UnsafePointer<UInt8>
    public let count: Int

    private init(storage: Storage) {
        self.storage = storage
        // An empty file has no memory; any non-nil address does, as nothing is read.
        base = UnsafePointer(storage.base?.assumingMemoryBound(to: UInt8.self))
            ?? UnsafePointer(bitPattern: MemoryLayout<UInt64>.alignment)!
        count = storage.count
    }

    /// A copy of `bytes`.
    public init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        self.init(filling: bytes.count) { buffer in
            _ = buffer.initialize(from: bytes)
            return buffer.count
        }
    }

    /// A buffer of up to `capacity` bytes that `fill` writes, returning how many it wrote.
    init(filling capacity: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        guard capacity > 0 else {
            self.init(storage: Storage(base: nil, count: 0, mappedLength: 0))
            return
        }
        let memory = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        let buffer = UnsafeMutableBufferPointer(start: memory.bindMemory(to: UInt8.self, capacity: capacity), count: capacity)
        let count = Swift.max(0, Swift.min(fill(buffer), capacity))
        self.init(storage: Storage(base: memory, count: count, mappedLength: 0))
    }

    /// The first `count` bytes of a mapping of `length` bytes at `base`, which this takes over.
    init(mapped base: UnsafeMutableRawPointer, count: Int, length: Int) {
        self.init(storage: Storage(base: base, count: count, mappedLength: length))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> UInt8 {
        precondition(UInt(bitPattern: position) < UInt(bitPattern: count), "a byte of the file")
        return base[position]
    }

    /// True when the bytes are a file mapped into memory.
    public var isMapped: Bool { storage.mappedLength > 0 }

    public func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    public func withContiguousStorageIfAvailable<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result? {
        try withUnsafeBufferPointer(body)
    }

    /// Hands back to the system the memory of the whole pages inside `range`, for a
    /// mapped file; nothing for a buffer. The bytes stay readable: a page read again is
    /// read from the file (the page cache) again.
    public func release(_ range: Range<Int>) {
        guard isMapped else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = Swift.min(range.upperBound, count) / page * page
        guard end > start, let memory = storage.base else { return }
        madvise(memory + start, end - start, Int32(MADV_DONTNEED))
    }
}

extension SourceBytes: Equatable {
    public static func == (left: SourceBytes, right: SourceBytes) -> Bool {
        left.count == right.count && left.withUnsafeBufferPointer { a in
            right.withUnsafeBufferPointer { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }
}

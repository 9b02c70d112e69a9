import Synchronization

/// One scenario file as loaded: its path as the user named it and its bytes.
///
/// The lexer works on bytes (UTF-8) for speed; lines and character columns are only
/// computed when a diagnostic is rendered, so they cost nothing on the happy path.
public final class SourceFile: Sendable {
    /// The path as it should appear in messages (relative as the user typed it).
    public let path: String
    /// The raw bytes of the file, exactly as read (a large file read by the command
    /// line is mapped, and the parser gives its pages back as it goes: `SourceBytes`).
    public let bytes: SourceBytes
    /// Byte offsets at which each line starts (line 1 starts at 0). 32-bit: files are
    /// limited far below 2 GiB. Found on first use: only diagnostics need lines, and
    /// a run without any should not pay a pass over the file for them.
    public var lineStarts: [Int32] {
        lineStartsCache.withLock { cache in
            if let cache { return cache }
            let starts = SourceFile.lineStarts(of: bytes)
            cache = starts
            return starts
        }
    }
    private let lineStartsCache = Mutex<[Int32]?>(nil)

    public init(path: String, bytes: SourceBytes) {
        self.path = path
        self.bytes = bytes
    }

    public convenience init(path: String, bytes: [UInt8]) {
        self.init(path: path, bytes: SourceBytes(bytes))
    }

    private static func lineStarts(of bytes: SourceBytes) -> [Int32] {
        bytes.withUnsafeBufferPointer { buffer in
            let lines = ByteScan.count(0x0A, in: buffer) + 1
            return [Int32](unsafeUninitializedCapacity: lines) { starts, count in
                starts[0] = 0
                count = 1
                for i in 0..<buffer.count where buffer[i] == 0x0A {
                    starts[count] = Int32(truncatingIfNeeded: i + 1)
                    count += 1
                }
            }
        }
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The 1-based line that holds `offset`.
    public func line(of offset: Int) -> Int {
        let lineStarts = lineStarts
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(lineStarts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// The bytes of line `line` (1-based) without its line end.
    public func lineBytes(_ line: Int) -> Slice<SourceBytes> {
        let lineStarts = lineStarts
        let start = Int(lineStarts[line - 1])
        var end = line < lineStarts.count ? Int(lineStarts[line]) - 1 : bytes.count
        if end > start, end <= bytes.count, end > 0, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<max(start, end)]
    }

    /// The text of line `line`, with invalid UTF-8 shown as U+FFFD.
    public func lineText(_ line: Int) -> String {
        String(decoding: lineBytes(line), as: UTF8.self)
    }

    /// 1-based line and 1-based column counted in characters (so `ä` is one column).
    public func location(of offset: Int) -> SourceLocation {
        var offset = offset
        // At a CR LF line end the position is the end of the line, before the CR.
        if offset > 0, offset <= bytes.count, bytes[offset - 1] == 0x0D, offset == bytes.count || bytes[offset] == 0x0A {
            offset -= 1
        }
        let line = line(of: offset)
        var start = Int(lineStarts[line - 1])
        // A byte-order mark is not text: the first character after it is column 1.
        if start == 0, bytes.starts(with: SourceFile.byteOrderMark) { start = min(3, max(offset, 0)) }
        let prefix = bytes[start..<min(max(start, offset), bytes.count)]
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        return SourceLocation(line: line, column: column)
    }

    /// What Windows editors put at the start of a UTF-8 file; the lexer skips it.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The text covered by a byte range.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }
}

/// A human position: 1-based line and character column.
public struct SourceLocation: Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var description: String { "\(line):\(column)" }
}

/// A byte range in one file. Kept small (the syntax tree holds many of them).
public struct SourceSpan: Equatable, Hashable, Sendable {
    /// Index of the file in the `SourceSet` it came from.
    public var file: Int32
    public var start: Int32
    public var end: Int32

    public init(file: Int32, start: Int, end: Int) {
        self.file = file
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
    }

    public var range: Range<Int> { Int(start)..<Int(max(start, end)) }

    /// The span from the start of `self` to the end of `other`.
    public func through(_ other: SourceSpan) -> SourceSpan {
        guard other.file == file else { return self }
        return SourceSpan(file: file, start: Int(start), end: Int(max(end, other.end)))
    }
}

/// Every file of one run, in load order; spans refer to files by index.
public struct SourceSet: Sendable {
    public private(set) var files: [SourceFile] = []

    public init() {}

    public mutating func add(_ file: SourceFile) -> Int32 {
        files.append(file)
        return Int32(files.count - 1)
    }

    public subscript(_ index: Int32) -> SourceFile { files[Int(index)] }
}

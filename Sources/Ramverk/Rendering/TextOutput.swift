/// Text being rendered, as UTF-8 bytes. A report of a million rows is written
/// straight into this buffer (no string per cell) and handed to `sink` in chunks at
/// line ends, so memory stays bounded whatever the size of the report.
///
/// The bytes live in memory the output owns and are written through a pointer: a
/// large table is tens of millions of small writes, and an array's checks and calls
/// on each of them were most of the cost of writing it. Every write first makes room
/// for itself (`reserve`, one comparison), so none can go past the end. Not copyable:
/// two copies would share that memory.
public struct TextOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private let sink: ((UnsafeRawBufferPointer) -> Void)?
    private static let chunkSize = 1 << 16

    /// Collects everything in `bytes`.
    public init() {
        self.init(capacity: 1 << 12)
    }

    /// Collects everything, with room for about `capacity` bytes before it grows.
    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        sink = nil
    }

    /// Hands the text to `sink` in chunks; call `finish()` at the end.
    public init(sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        capacity = TextOutput.chunkSize * 2
        base = .allocate(capacity: capacity)
        self.sink = sink
    }

    deinit { base.deallocate() }

    /// The text written and not yet handed to a sink.
    public var bytes: [UInt8] { Array(written) }

    public var string: String { String(decoding: written, as: UTF8.self) }

    private var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    public mutating func finish() {
        guard let sink, count > 0 else { return }
        sink(UnsafeRawBufferPointer(written))
        count = 0
    }

    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(utf8: $0) }
    }

    mutating func append(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Literal text, without making a String of it.
    mutating func append(literal text: StaticString) {
        text.withUTF8Buffer { append(utf8: $0) }
    }

    mutating func append(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends text rendered elsewhere (whole lines). When streaming, what is pending
    /// goes to the sink first and then `more` itself, without copying it here.
    public mutating func append(_ more: TextBytes) {
        if let sink {
            finish()
            more.withUnsafeBytes(sink)
        } else {
            more.withUnsafeBytes { append(utf8: $0.assumingMemoryBound(to: UInt8.self)) }
        }
    }

    /// Gives up the text written so far, without copying it, and starts empty.
    public mutating func take() -> TextBytes {
        let taken = TextBytes(base, count: count)
        capacity = 16
        base = .allocate(capacity: capacity)
        count = 0
        return taken
    }

    @inline(__always)
    mutating func spaces(_ spaces: Int) {
        guard spaces > 0 else { return }
        // Padding between figures is a few bytes, too short for a call to memset to pay:
        // sixteen spaces are stored at once (past the padding, within the room reserved,
        // where the next write goes anyway).
        reserve(max(spaces, 16))
        let raw = UnsafeMutableRawPointer(base + count)
        raw.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, as: UInt64.self)
        raw.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, toByteOffset: 8, as: UInt64.self)
        if spaces > 16 { (base + count + 16).update(repeating: 0x20, count: spaces - 16) }
        count += spaces
    }

    /// Ends a line: trailing spaces are dropped, and a full buffer goes to the sink.
    mutating func newline() {
        while count > 0 && base[count - 1] == 0x20 { count -= 1 }
        append(byte: 0x0A)
        if sink != nil && count >= TextOutput.chunkSize { finish() }
    }

    /// True when the text so far ends with a blank line.
    var endsWithBlankLine: Bool {
        count >= 2 && base[count - 1] == 0x0A && base[count - 2] == 0x0A
    }

    /// A scaled integer the Swedish way ("−1 234,5"), right-aligned in `width` columns.
    mutating func appendNumber(scaled value: Int64, decimals: Int, width: Int) {
        let length = SwedishNumberFormat.width(scaled: value, decimals: decimals)
        spaces(width - length)
        // The minus is one column and three bytes; digits, separators and the comma one each.
        reserve(length + 2)
        count += SwedishNumberFormat.write(scaled: value, decimals: decimals, length: length, to: base + count)
    }

    /// Makes room for `more` bytes after `count`.
    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if capacity - count < more { grow(toHold: more) }
    }

    private mutating func grow(toHold more: Int) {
        let newCapacity = max(capacity * 2, count + more)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}

/// Text a `TextOutput` has given up (`take()`): a block of a table written on one
/// thread goes to the output on another as it lies, not copied.
public final class TextBytes: @unchecked Sendable {
    // Sendable unchecked: the bytes are never written after `take()` hands them over.
    private let base: UnsafeMutablePointer<UInt8>
    private let count: Int

    fileprivate init(_ base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit { base.deallocate() }

    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        body(UnsafeRawBufferPointer(start: base, count: count))
    }
}

/// Text being rendered, as UTF-8 bytes. A report of a million rows is written
/// straight into this buffer (no string per cell) and handed to `sink` in chunks at
/// line ends, so memory stays bounded whatever the size of the report.
public struct TextOutput {
    public private(set) var bytes: [UInt8] = []
    private let sink: ((ArraySlice<UInt8>) -> Void)?
    private let chunkSize = 1 << 16

    /// Collects everything in `bytes`.
    public init() {
        sink = nil
        bytes.reserveCapacity(1 << 12)
    }

    /// Hands the text to `sink` in chunks; call `finish()` at the end.
    public init(sink: @escaping (ArraySlice<UInt8>) -> Void) {
        self.sink = sink
        bytes.reserveCapacity(1 << 17)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func finish() {
        guard let sink, !bytes.isEmpty else { return }
        sink(bytes[...])
        bytes.removeAll(keepingCapacity: true)
    }

    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(byte: UInt8) { bytes.append(byte) }

    /// Appends text rendered elsewhere (whole lines), handing full chunks to the sink.
    mutating func append(bytes more: [UInt8]) {
        bytes.append(contentsOf: more)
        if let sink, bytes.count >= chunkSize {
            sink(bytes[...])
            bytes.removeAll(keepingCapacity: true)
        }
    }

    mutating func spaces(_ count: Int) {
        guard count > 0 else { return }
        bytes.append(contentsOf: repeatElement(0x20, count: count))
    }

    /// Ends a line: trailing spaces are dropped, and a full buffer goes to the sink.
    mutating func newline() {
        while let last = bytes.last, last == 0x20 { bytes.removeLast() }
        bytes.append(0x0A)
        if let sink, bytes.count >= chunkSize {
            sink(bytes[...])
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// True when the text so far ends with a blank line.
    var endsWithBlankLine: Bool {
        bytes.count >= 2 && bytes[bytes.count - 1] == 0x0A && bytes[bytes.count - 2] == 0x0A
    }

    /// A scaled integer the Swedish way ("−1 234,5"), right-aligned in `width` columns.
    mutating func appendNumber(scaled value: Int64, decimals: Int, width: Int) {
        spaces(width - SwedishNumberFormat.width(scaled: value, decimals: decimals))
        if value < 0 { bytes.append(contentsOf: [0xE2, 0x88, 0x92]) }  // U+2212 minus
        var magnitude = value.magnitude
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var produced = 0
        repeat {
            if produced == decimals && decimals > 0 { digits.append(UInt8(ascii: ",")) }
            let wholeIndex = produced - decimals
            if wholeIndex > 0 && wholeIndex % 3 == 0 { digits.append(0x20) }
            digits.append(UInt8(truncatingIfNeeded: magnitude % 10) + 0x30)
            magnitude /= 10
            produced += 1
        } while magnitude > 0 || produced <= decimals
        bytes.append(contentsOf: digits.reversed())
    }
}

/// The column keys written in cells so far, each once, for finding a key by its bytes.
/// A file has a handful of keys ("2024", "Prognos") and a million cells: comparing a key
/// of up to eight bytes is one integer comparison, and no string is made per cell.
struct CellKeyTable {
    /// The keys as written.
    private(set) var texts: [String] = []
    /// Per key: its first eight bytes packed little-endian, and its length.
    private var packed: [UInt64] = []
    private var lengths: [Int] = []
    /// Keys longer than eight bytes, compared byte by byte (rare).
    private var long: [[UInt8]] = []

    var count: Int { texts.count }

    /// The index of the key written as `range` of `bytes`, if it is known.
    func index(of bytes: SourceBytes, _ range: Range<Int>) -> Int? {
        bytes.withUnsafeBufferPointer { index(of: ByteCursor($0, limit: $0.count), range) }
    }

    /// The index of the key written as `range` of the cursor's bytes, if it is known.
    func index(of bytes: ByteCursor, _ range: Range<Int>) -> Int? {
        let length = range.count
        let prefix = CellKeyTable.prefix(of: bytes, range)
        for index in 0..<packed.count where lengths[index] == length && packed[index] == prefix {
            if length <= 8 || long[index].indices.allSatisfy({ long[index][$0] == bytes[range.lowerBound + $0] }) {
                return index
            }
        }
        return nil
    }

    /// Adds a key (known not to be in the table); returns its index.
    mutating func add(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        texts.append(text)
        packed.append(bytes.withUnsafeBufferPointer { CellKeyTable.prefix(of: ByteCursor($0, limit: $0.count), 0..<$0.count) })
        lengths.append(bytes.count)
        long.append(bytes.count > 8 ? bytes : [])
        return texts.count - 1
    }

    /// The first eight bytes of `range`, little-endian, zero beyond its end: one load
    /// where the buffer has eight bytes to read, masked to the key.
    private static func prefix(of bytes: ByteCursor, _ range: Range<Int>) -> UInt64 {
        let length = min(range.count, 8)
        if let word = bytes.load8(range.lowerBound) {
            return length == 8 ? word : word & ((1 << (UInt64(length) * 8)) - 1)
        }
        var value: UInt64 = 0
        for offset in 0..<length { value |= UInt64(bytes[range.lowerBound + offset]) << (UInt64(offset) * 8) }
        return value
    }
}

/// Column alignment for text reports. Widths count characters, not bytes, so names with
/// å ä ö line up.
struct TextTable {
    enum Alignment { case left, right }

    /// Characters as a terminal shows them: Unicode scalars, less combining marks
    /// (U+0300–U+036F), counted straight from UTF-8.
    static func width(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable(width(utf8:)) ?? exactWidth(text.utf8)
    }

    /// `width` of UTF-8 bytes. Names are measured for every row of a table, twice, so
    /// the bytes are taken eight at a time: the scalars are the bytes less the
    /// continuation bytes (10xxxxxx), counted with a mask. Only text holding a lead byte
    /// of a combining mark (0xCC or 0xCD) is counted again the exact way.
    static func width(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var continuations = 0
        var markLeads: UInt64 = 0
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            // Bit 7 of each byte set where bit 7 is set and bit 6 is clear.
            continuations += (word & ~(word << 1) & highBits).nonzeroBitCount
            // Nonzero when some byte, less its lowest bit, is 0xCC (a zero byte of x).
            let x = (word & 0xFEFE_FEFE_FEFE_FEFE) ^ 0xCCCC_CCCC_CCCC_CCCC
            markLeads |= (x &- 0x0101_0101_0101_0101) & ~x & highBits
            offset += 8
        }
        while offset < bytes.count {
            let byte = base[offset]
            continuations += byte & 0xC0 == 0x80 ? 1 : 0
            markLeads |= byte & 0xFE == 0xCC ? 1 : 0
            offset += 1
        }
        return markLeads == 0 ? bytes.count - continuations : exactWidth(bytes)
    }

    /// Scalars less combining marks: U+0300–U+033F are 0xCC and any continuation byte,
    /// U+0340–U+036F are 0xCD and 0x80–0xAF.
    private static func exactWidth<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
        var count = 0
        var lead: UInt8 = 0
        for byte in bytes {
            if byte & 0xC0 != 0x80 {
                count += 1
                lead = byte
            } else if lead == 0xCC || (lead == 0xCD && byte <= 0xAF) {
                count -= 1
                lead = 0
            } else {
                lead = 0
            }
        }
        return count
    }

    static func pad(_ text: String, to width: Int, _ alignment: Alignment) -> String {
        let missing = width - TextTable.width(text)
        guard missing > 0 else { return text }
        let spaces = String(repeating: " ", count: missing)
        return alignment == .left ? text + spaces : spaces + text
    }

    /// Shortens text longer than `width` with an ellipsis.
    static func fit(_ text: String, to width: Int) -> String {
        guard TextTable.width(text) > width, width > 1 else { return text }
        return String(text.prefix(width - 1)) + "…"
    }
}

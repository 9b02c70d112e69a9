/// Column alignment for text reports. Widths count characters, not bytes, so names with
/// å ä ö line up.
struct TextTable {
    enum Alignment { case left, right }

    /// Characters as a terminal shows them: Unicode scalars, less combining marks
    /// (U+0300–U+036F), counted straight from UTF-8.
    static func width(_ text: String) -> Int {
        var count = 0
        var lead: UInt8 = 0
        for byte in text.utf8 {
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

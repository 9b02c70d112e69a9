/// Column alignment for text reports. Widths count characters, not bytes, so names with
/// å ä ö line up.
struct TextTable {
    enum Alignment { case left, right }

    static func width(_ text: String) -> Int { text.count }

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

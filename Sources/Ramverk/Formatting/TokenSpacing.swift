/// The space between two tokens on a line. One space where spacing is free; none where
/// the language reads tokens together; as written where the spacing carries meaning.
enum TokenSpacing {
    static func separator(_ a: FormatToken, _ b: FormatToken) -> String {
        // In a declared name a '-', '.' or '/' tight against a word is part of the name,
        // and every other gap is one space: `Södertörns miljö- och hälsoskyddsförbund`.
        if let name = a.name, name == b.name {
            return a.end == b.start ? "" : " "
        }
        if endsNameTightly(a, b) { return "" }
        // Two spaces around cells: they set cells apart for the eye, and a year key
        // after a number written one space away would read as its last digit group.
        if b.startsCell || a.endsCell { return "  " }
        if b.kind == .colon || b.kind == .rightParen || b.kind == .comma { return "" }
        if a.role == .prefixOperator || a.kind == .leftParen { return "" }
        if b.kind == .leftParen {
            // `summa(…)`, `periodandel(4)`: functions take their parenthesis; after other
            // words it stays as written, so syntax added later is not reshaped.
            if a.keyword == .summa || a.keyword == .periodandel { return "" }
            if a.kind == .word || a.kind == .keyword { return a.end == b.start ? "" : " " }
            return " "
        }
        // References: `"Kommunstyrelsens reserv".2021`.
        if a.kind == .dot || b.kind == .dot { return "" }
        if a.isUnclassifiedOperator || b.isUnclassifiedOperator {
            return a.end == b.start ? "" : " "
        }
        if a.kind == .number && b.kind == .number && startsDigitGroup(b.text) {
            // "5 123" would lex as one number: keep them apart.
            return "  "
        }
        return " "
    }

    /// A '-', '.' or '/' that ends a name belongs to it because it was written tight
    /// against what follows (`post A −2021: 5` is the post "A −"): it must stay tight.
    static func endsNameTightly(_ a: FormatToken, _ b: FormatToken) -> Bool {
        a.name != nil && a.name != b.name && a.end == b.start && [.minus, .dot, .divide].contains(a.kind)
    }

    /// True when `text` starts with exactly three digits: the lexer would join it to a
    /// number written one space before it.
    static func startsDigitGroup(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(4))
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        return bytes.count >= 3 && bytes[0..<3].allSatisfy(isDigit) && (bytes.count == 3 || !isDigit(bytes[3]))
    }

    /// The tokens as one piece of text.
    static func join(_ tokens: ArraySlice<FormatToken>) -> String {
        var text = ""
        var previous: FormatToken?
        for token in tokens {
            if let previous { text += separator(previous, token) }
            text += token.text
            previous = token
        }
        return text
    }
}

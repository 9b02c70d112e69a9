/// A token as the formatter writes it: its canonical spelling, and what decides the
/// space around it (its role, the declared name or cell it belongs to, how it was
/// spaced in the source).
struct FormatToken {
    var kind: TokenKind
    var keyword: Keyword?
    var role: TokenRoles.Role?
    /// The canonical text.
    var text: String
    /// Where the token stands in the source.
    var start: Int32
    var end: Int32
    /// The index of the declared name the token is a word of, if any.
    var name: Int?
    /// The first token of a cell (its key), and the last token of one.
    var startsCell = false
    var endsCell = false

    /// A sign, operator or piece of punctuation the parser gave no role: a '-' in a
    /// period (`2024-04`), or one in syntax added later. Its spacing is kept as written.
    var isUnclassifiedOperator: Bool {
        role == nil && name == nil && [.plus, .minus, .times, .divide].contains(kind)
    }
}

/// The canonical spelling of tokens. Only what cannot change meaning is rewritten:
/// amounts (not years, keys or words of a name), operators, comparisons, and words
/// that are keywords in any case. Strings, names and keywords stay as written —
/// keywords are only keywords when written in lower case, so their case is already
/// canonical, and changing the case of any other word would change what it names.
enum CanonicalSpelling {
    /// The minus of expressions: U+2212, as the printed documents and the reports write it.
    static let minus = "−"

    static func text(of token: Token, role: TokenRoles.Role?, inNormalizedName: Bool,
                     source: SourceFile) -> String {
        let written = source.text(token.range)
        switch token.kind {
        case .number where role == .amount:
            return groupedAmount(written)
        case .number where inNormalizedName:
            // The parser read this name with its spaces made plain (it was not written
            // one space apart): digit groups from a PDF already became plain spaces.
            return plainSpaces(written)
        case .minus where role != nil: return minus
        case .times where role != nil: return "×"
        case .divide where role != nil: return "/"
        case .lessEqual: return "≤"
        case .greaterEqual: return "≥"
        case .notEqual: return "≠"
        case .word where role == .caseFreeKeyword: return written.lowercased()
        default: return written
        }
    }

    /// `20500` → `20 500`, `1 167,50` → `1 167,50`, `0 020` → `20`: the digits of the
    /// whole part in groups of three with plain spaces (also from four digits, as the
    /// reports write amounts), the decimal comma and its digits as written.
    static func groupedAmount(_ written: String) -> String {
        var whole: [UInt8] = []
        var decimals: [UInt8] = []
        var inDecimals = false
        for byte in written.utf8 {
            if byte == UInt8(ascii: ",") {
                inDecimals = true
            } else if byte >= 0x30 && byte <= 0x39 {
                if inDecimals { decimals.append(byte) } else { whole.append(byte) }
            }
            // Anything else is a digit-group separator (space, no-break spaces).
        }
        while whole.count > 1 && whole[0] == UInt8(ascii: "0") { whole.removeFirst() }
        var out: [UInt8] = []
        out.reserveCapacity(whole.count + whole.count / 3 + decimals.count + 1)
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { out.append(0x20) }
            out.append(digit)
        }
        if !decimals.isEmpty {
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: decimals)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// No-break, narrow no-break, thin and figure spaces made plain.
    static func plainSpaces(_ text: String) -> String {
        let pdfSpaces: Set<Unicode.Scalar> = ["\u{00A0}", "\u{202F}", "\u{2009}", "\u{2007}"]
        guard text.unicodeScalars.contains(where: pdfSpaces.contains) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { pdfSpaces.contains($0) ? " " : $0 }))
    }
}

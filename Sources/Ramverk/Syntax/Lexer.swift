/// Turns the bytes of one file into tokens, on demand (the parser pulls them, so a
/// large file never exists as a token array). Works on UTF-8 bytes: ASCII is decided
/// byte by byte, and only non-ASCII letters are decoded.
public struct Lexer {
    public let file: SourceFile
    let fileIndex: Int32
    let bytes: SourceBytes
    var position: Int
    public private(set) var diagnostics: [Diagnostic] = []
    private var quota = DiagnosticQuota()

    /// Value of the last number token (mantissa and decimals), set by `next()`.
    public private(set) var numberValue: NumberLiteral = NumberLiteral(mantissa: 0, decimals: 0)

    /// Where the text to read ends (the end of the file, or of the part of it one
    /// parser reads when a large file is read in two parts at once).
    let limit: Int

    public init(file: SourceFile, fileIndex: Int32, range: Range<Int>? = nil) {
        self.file = file
        self.fileIndex = fileIndex
        self.bytes = file.bytes
        let range = range ?? 0..<file.bytes.count
        limit = range.upperBound
        // A byte-order mark from Windows editors is not part of the program.
        position = range.lowerBound == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : range.lowerBound
    }

    private mutating func report(_ problem: Problem, _ start: Int, _ end: Int) {
        // A megabyte of NUL bytes or of '€' is a million problems: keep what a run shows.
        guard quota.admits(problem.severity) else { return }
        diagnostics.append(Diagnostic(problem, at: SourceSpan(file: fileIndex, start: start, end: end)))
    }

    public mutating func next() -> Token {
        let count = limit
        while position < count {
            let byte = bytes[position]
            let start = position
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0C:
                position += 1
            case 0x0A:
                position += 1
                return Token(kind: .newline, start: Int32(start), end: Int32(position))
            case UInt8(ascii: "#"):
                while position < count && bytes[position] != 0x0A { position += 1 }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                return lexNumber()
            case UInt8(ascii: "\""):
                return lexString(closing: .ascii)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                return lexWord()
            case UInt8(ascii: "+"): return single(.plus)
            case UInt8(ascii: "-"): return single(.minus)
            case UInt8(ascii: "*"): return single(.times)
            case UInt8(ascii: "/"): return single(.divide)
            case UInt8(ascii: "%"): return single(.percent)
            case UInt8(ascii: "("): return single(.leftParen)
            case UInt8(ascii: ")"): return single(.rightParen)
            case UInt8(ascii: "{"): return single(.leftBrace)
            case UInt8(ascii: "}"): return single(.rightBrace)
            case UInt8(ascii: ":"): return single(.colon)
            case UInt8(ascii: "="): return single(.equals)
            case UInt8(ascii: "<"): return pair(UInt8(ascii: "="), .lessEqual, else: .less)
            case UInt8(ascii: ">"): return pair(UInt8(ascii: "="), .greaterEqual, else: .greater)
            case UInt8(ascii: "!") where position + 1 < count && bytes[position + 1] == UInt8(ascii: "="):
                position += 2
                return Token(kind: .notEqual, start: Int32(start), end: Int32(position))
            case UInt8(ascii: ","): return single(.comma)
            case UInt8(ascii: "."): return single(.dot)
            case UInt8(ascii: ";"): return single(.semicolon)
            case 0x00:
                position += 1
                report(.nulByte, start, position)
            case 0x80...:
                if let token = lexNonASCII() { return token }
            default:
                position += 1
                report(.unexpectedCharacter(describe(byte)), start, position)
            }
        }
        return Token(kind: .endOfFile, start: Int32(count), end: Int32(count))
    }

    private mutating func single(_ kind: TokenKind) -> Token {
        position += 1
        return Token(kind: kind, start: Int32(position - 1), end: Int32(position))
    }

    /// A one-byte operator, or two bytes when `second` follows (`<=`).
    private mutating func pair(_ second: UInt8, _ long: TokenKind, else short: TokenKind) -> Token {
        let start = position
        if position + 1 < limit, bytes[position + 1] == second {
            position += 2
            return Token(kind: long, start: Int32(start), end: Int32(position))
        }
        return single(short)
    }

    /// A control character at `offset` — C0 but the tab, DEL, C1 (U+0080–U+009F), or a
    /// bidirectional formatting character — with how it is named in messages and its
    /// length in bytes. The bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F)
    /// make a name or a decision read differently on screen from what it is: a post shown
    /// as "Skola" could be another ("Trojan Source").
    static func controlCharacter(_ bytes: SourceBytes, at offset: Int, limit: Int) -> (name: String, length: Int)? {
        let byte = bytes[offset]
        if (byte < 0x20 && byte != 0x09) || byte == 0x7F { return ("(kod \(byte))", 1) }
        if byte == 0xC2, offset + 1 < limit, (0x80...0x9F).contains(bytes[offset + 1]) {
            return ("(kod \(bytes[offset + 1]))", 2)
        }
        if byte == 0xE2, offset + 2 < limit, let scalar = bidiControl(bytes[offset + 1], bytes[offset + 2]) {
            return ("(U+\(String(scalar, radix: 16, uppercase: true)), riktningstecken)", 3)
        }
        return nil
    }

    /// The scalar of a bidi control written E2 `second` `third`, or nil.
    static func bidiControl(_ second: UInt8, _ third: UInt8) -> UInt32? {
        let scalar = 0x2000 + (UInt32(second & 0x3F) << 6) + UInt32(third & 0x3F)
        switch scalar {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return scalar
        default: return nil
        }
    }

    private func describe(_ byte: UInt8) -> String {
        byte < 0x20 || byte == 0x7F ? "(kod \(byte))" : "'\(Character(Unicode.Scalar(byte)))'"
    }

    // MARK: - Non-ASCII: operators pasted from documents, letters, spaces

    private mutating func lexNonASCII() -> Token? {
        let start = position
        let (scalar, length) = decodeScalar(at: position)
        switch scalar.value {
        case 0x2212, 0x2013:  // − minus sign, – en dash (PDF minus)
            position += length
            return Token(kind: .minus, start: Int32(start), end: Int32(position))
        case 0x00D7:  // ×
            position += length
            return Token(kind: .times, start: Int32(start), end: Int32(position))
        case 0x00F7:  // ÷
            position += length
            return Token(kind: .divide, start: Int32(start), end: Int32(position))
        case 0x2264, 0x2265, 0x2260, 0x00B1:  // ≤ ≥ ≠ ±
            position += length
            let kind: TokenKind = switch scalar.value {
            case 0x2264: .lessEqual
            case 0x2265: .greaterEqual
            case 0x2260: .notEqual
            default: .plusMinus
            }
            return Token(kind: kind, start: Int32(start), end: Int32(position))
        case 0x201C, 0x201D:  // “ ” from word processors
            return lexString(closing: .typographic)
        case 0x00A0, 0x202F, 0x2009, 0x2007, 0xFEFF:  // spaces from PDFs
            position += length
            return nil
        default:
            if isLetter(scalar) { return lexWord() }
            position += length
            report(.unexpectedCharacter("'\(Character(scalar))' (U+\(String(scalar.value, radix: 16, uppercase: true)))"), start, position)
            return nil
        }
    }

    /// Decodes the scalar at `offset`; the file was validated as UTF-8 before lexing.
    private func decodeScalar(at offset: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[offset])
        func cont(_ i: Int) -> UInt32 { offset + i < limit ? UInt32(bytes[offset + i] & 0x3F) : 0 }
        let value: UInt32
        let length: Int
        if b0 < 0x80 { value = b0; length = 1 }
        else if b0 < 0xE0 { value = (b0 & 0x1F) << 6 | cont(1); length = 2 }
        else if b0 < 0xF0 { value = (b0 & 0x0F) << 12 | cont(1) << 6 | cont(2); length = 3 }
        else { value = (b0 & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3); length = 4 }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", min(length, limit - offset))
    }

    /// Latin-1 letters (å ä ö é …; not × and ÷) without a Unicode property look-up.
    private func isLatin1Letter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0xC0 && scalar.value <= 0xFF && scalar.value != 0xD7 && scalar.value != 0xF7
    }

    private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        isLatin1Letter(scalar) || scalar.properties.isAlphabetic
    }

    private func isWordContinuation(_ scalar: Unicode.Scalar) -> Bool {
        if isLatin1Letter(scalar) || scalar.properties.isAlphabetic { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .decimalNumber: return true
        default: return false
        }
    }

    // MARK: - Words and keywords

    private mutating func lexWord() -> Token {
        let start = position
        while position < limit {
            let byte = bytes[position]
            if byte < 0x80 {
                let isWordByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
                    || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
                if !isWordByte { break }
                position += 1
            } else {
                let (scalar, length) = decodeScalar(at: position)
                if !isWordContinuation(scalar) { break }
                position += length
            }
        }
        let keyword = Lexer.keyword(bytes, start, position)
        return Token(kind: keyword == nil ? .word : .keyword, keyword: keyword, start: Int32(start), end: Int32(position))
    }

    private static let keywordsByLength: [[([UInt8], Keyword)]] = {
        var table = [[([UInt8], Keyword)]](repeating: [], count: 32)
        for keyword in Keyword.allCases {
            let spelling = Array(keyword.spelling.utf8)
            table[spelling.count].append((spelling, keyword))
        }
        return table
    }()

    private static func keyword(_ bytes: SourceBytes, _ start: Int, _ end: Int) -> Keyword? {
        let length = end - start
        guard length < keywordsByLength.count else { return nil }
        candidates: for (spelling, keyword) in keywordsByLength[length] {
            for i in 0..<length where spelling[i] != bytes[start + i] { continue candidates }
            return keyword
        }
        return nil
    }

    // MARK: - Numbers: "20 500", "247,0", "1 167,5"

    private mutating func lexNumber() -> Token {
        let start = position
        let number = scanNumber(at: start)
        position = number.end
        if number.decimalPoint {
            report(.decimalPointNotComma(file.text(start..<position)), start, position)
        }
        if number.tooLarge { report(.numberTooLarge, start, position) }
        numberValue = number.tooLarge ? NumberLiteral(mantissa: 0, decimals: 0) : number.value
        return Token(kind: .number, start: Int32(start), end: Int32(position))
    }

    func scanNumber(at start: Int) -> ScannedNumber {
        bytes.withUnsafeBufferPointer { ByteCursor($0, limit: limit).scanNumber(at: start) }
    }

    // MARK: - Strings

    private enum Closing { case ascii, typographic }

    private mutating func lexString(closing: Closing) -> Token {
        let start = position
        position += closing == .ascii ? 1 : 3
        while position < limit {
            let byte = bytes[position]
            if byte == 0x0A || (byte == 0x0D && position + 1 < limit && bytes[position + 1] == 0x0A) { break }
            if let control = Lexer.controlCharacter(bytes, at: position, limit: limit) {
                // A string's text reaches reports and terminals (ESC starts a terminal's
                // control sequences: a post name could retitle the window) and the C
                // library (a NUL cut `inkludera "x␀.ramverk"` short, to the file x). A
                // comment's text never leaves the file.
                report(byte == 0 ? .nulByte : .unexpectedCharacter(control.name), position, position + control.length)
                position += control.length
                continue
            }
            if closing == .ascii {
                if byte == UInt8(ascii: "\\"), position + 1 < limit, [UInt8(ascii: "\""), UInt8(ascii: "\\")].contains(bytes[position + 1]) {
                    position += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    return Token(kind: .string, start: Int32(start), end: Int32(position))
                }
            } else if byte == 0xE2, position + 2 < limit, bytes[position + 1] == 0x80,
                      bytes[position + 2] == 0x9D || bytes[position + 2] == 0x9C {
                position += 3
                return Token(kind: .string, start: Int32(start), end: Int32(position))
            }
            position += 1
        }
        report(.unterminatedString, start, position)
        return Token(kind: .string, start: Int32(start), end: Int32(position))
    }

    /// The content of a string token: quotes removed, `\"` and `\\` unescaped.
    public static func stringValue(_ token: Token, in file: SourceFile) -> String {
        let bytes = file.bytes
        var start = token.range.lowerBound
        var end = token.range.upperBound
        let typographic = bytes[start] != UInt8(ascii: "\"")
        start += typographic ? 3 : 1
        if end - start >= (typographic ? 3 : 1) {
            let closed = typographic
                ? (bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80)
                : bytes[end - 1] == UInt8(ascii: "\"")
            if closed { end -= typographic ? 3 : 1 }
        }
        guard start < end else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            if !typographic, bytes[i] == UInt8(ascii: "\\"), i + 1 < end {
                out.append(bytes[i + 1])
                i += 2
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A number as written: an integer mantissa and how many of its digits are decimals
/// ("247,0" = 2470 with 1 decimal). Exact; typed by the evaluator.
public struct NumberLiteral: Sendable, Equatable {
    public var mantissa: Int64
    public var decimals: Int

    /// The value as a plain number, if it fits the precision of `Ratio`.
    public var ratio: Ratio? {
        if decimals <= Ratio.decimals {
            let (value, overflow) = mantissa.multipliedReportingOverflow(by: ExactArithmetic.pow10(Ratio.decimals - decimals))
            return overflow ? nil : Ratio(micros: value)
        }
        return nil
    }

    /// The value as an amount in `unit`, if exactly whole öre.
    public func money(in unit: MoneyUnit) -> Money? {
        // The common case — no more decimals than the unit has öre digits ("264 048,4"
        // tkr) — is one exact Int64 multiplication; the rest takes the 128-bit path.
        if decimals <= unit.exactDecimals {
            let (ore, overflow) = mantissa.multipliedReportingOverflow(by: unit.ore / ExactArithmetic.pow10(decimals))
            if !overflow { return Money(ore: ore) }
        }
        let product = Int128(mantissa) * Int128(unit.ore)
        let divisor = Int128(ExactArithmetic.pow10(decimals))
        guard product % divisor == 0 else { return nil }
        return ExactArithmetic.narrow(product / divisor).map(Money.init(ore:))
    }

    /// As an integer, when it has no decimals (years, column keys).
    public var integer: Int? { decimals == 0 ? Int(mantissa) : nil }
}

/// Names: as declared (words up to a cell, a block or the line end), and as written in
/// expressions (one word, or a quoted string).
extension Parser {
    /// name = STRING | name_word { name_word } ;
    /// name_word = WORD | NUMBER ;
    /// Words end before a cell (`2021:`), a block, '=' or the end of the line. A '-',
    /// '.' or '/' written tight against a word belongs to the name
    /// ("Södertörns miljö- och hälsoskyddsförbund", "Internationellt. EU och vänorter").
    mutating func parseName() throws(Failure) -> Name {
        let first = tokens.peek()
        if first.kind == .string {
            tokens.advance()
            let text = Parser.canonicalName(Lexer.stringValue(first, in: tokens.file))
            if Parser.isBlank(text) { throw fail(.emptyName, tokens.span(first)) }
            return Name(text: text, span: tokens.span(first))
        }
        var last: Token?
        // Most names are words one space apart: then the name is the source text as it
        // stands, made into a string once.
        var singleSpaced = true
        let bytes = tokens.file.bytes
        while true {
            let token = tokens.peek()
            let attached = last.map { $0.end == token.start } ?? false
            let isPunctuation = token.kind == .minus || token.kind == .dot || token.kind == .divide
            if token.isNameWord {
                if tokens.peek(1).kind == .colon { break }
            } else if !(isPunctuation && (attached || (last != nil && tokens.peek(1).start == token.end
                                                                        && tokens.peek(1).isNameWord))) {
                break
            }
            if let last, !attached, !(token.start == last.end + 1 && bytes[Int(last.end)] == 0x20) {
                singleSpaced = false
            }
            last = tokens.advance()
        }
        guard let last else { throw expected("ett namn") }
        roles?.names.append(first.start..<last.end)
        let span = SourceSpan(file: tokens.fileIndex, start: Int(first.start), end: Int(last.end))
        if singleSpaced {
            return Name(text: tokens.file.text(span.range), span: span)
        }
        return Name(text: Parser.normalizeSpaces(bytes[span.range]), span: span)
    }

    /// A name that is empty or only spaces: it would print as a blank line.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// A quoted name as compared with others: the spaces a PDF puts between words
    /// (no-break, narrow no-break, thin, figure) read as plain spaces.
    static func canonicalName(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        // Four scalars: comparing beats hashing into a set (this runs for every quoted name).
        func isPDFSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "\u{2009}" || scalar == "\u{2007}"
        }
        guard text.unicodeScalars.contains(where: isPDFSpace) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isPDFSpace($0) ? " " : $0 }))
    }

    /// Words of a name joined by one space, however they were spaced in the source
    /// (tabs, several spaces, no-break spaces from a PDF). Digit groups inside a number
    /// are kept as written.
    static func normalizeSpaces<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String where Bytes.Index == Int {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            var spaceLength = 0
            // Every space the lexer skips between words (Lexer.next, lexNonASCII): a form
            // feed or a lone CR left in a name made "Tolk␌Bad" another post than "Tolk Bad"
            // until the formatter wrote it with a space (found by the fuzzer).
            if byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0D { spaceLength = 1 }
            else if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0xA0 { spaceLength = 2 }
            else if byte == 0xE2, index + 2 < bytes.endIndex, bytes[index + 1] == 0x80,
                    [0xAF, 0x89, 0x87].contains(bytes[index + 2]) { spaceLength = 3 }
            else if byte == 0xEF, index + 2 < bytes.endIndex, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { spaceLength = 3 }
            if spaceLength > 0 {
                pendingSpace = true
                index += spaceLength
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// After a declared name: punctuation there means a name that needed quotes.
    mutating func rejectPunctuationAfterName(_ right: Bool) throws(Failure) {
        guard right else { return }
        let token = tokens.peek()
        switch token.kind {
        case .leftParen, .rightParen, .comma, .plus, .times, .percent, .equals, .colon:
            throw fail(.punctuationInName(found: tokens.describe(token)), tokens.span(token))
        default:
            return
        }
    }

    /// name_ref = WORD | STRING ;
    mutating func parseNameRef() throws(Failure) -> Name {
        let token = tokens.peek()
        switch token.kind {
        case .word:
            tokens.advance()
            return Name(text: tokens.text(token), span: tokens.span(token))
        case .string:
            tokens.advance()
            let text = Parser.canonicalName(Lexer.stringValue(token, in: tokens.file))
            if Parser.isBlank(text) { throw fail(.emptyName, tokens.span(token)) }
            return Name(text: text, span: tokens.span(token))
        default:
            throw expected("ett namn")
        }
    }
}

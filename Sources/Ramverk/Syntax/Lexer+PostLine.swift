/// The fast reader of the commonest line of a budget: a post whose name is words one
/// space apart and whose cells are plain amounts,
///
///     post Hälso- och sjukvård Trollet  2024: 247 853  2025: −264 048,4
///
/// read straight from the bytes instead of token by token (a file of a million posts is
/// almost nothing else). It builds exactly what `Parser.parsePost` builds from the same
/// text and declines — returning nil, reading nothing — at the first byte it is not sure
/// of, so every other line (quoted names, units, expressions, a new column key, a tab in
/// a name, CR LF, errors) is read by the parser as before. `ParserTests` compares the
/// two on lines made to sit on every edge of what this accepts.
extension Lexer {
    /// What a post line held: the name's bytes and the last token, for the statement's
    /// span. The cells were appended to the parser's cell array.
    struct PostLine {
        var nameStart: Int
        var nameEnd: Int
        var last: Token
    }

    /// Reads a post line from just after its `post` keyword. `keys` are the cell keys
    /// met so far (their bytes; a new key declines, so the parser interns it);
    /// `negationAllowed` is false when a unary minus would nest too deep.
    mutating func readPostLine(keys: CellKeyTable, into cells: inout [Cell], negationAllowed: Bool) -> PostLine? {
        let cellCount = cells.count
        guard let line = scanPostLine(keys: keys, into: &cells, negationAllowed: negationAllowed) else {
            cells.removeSubrange(cellCount...)
            return nil
        }
        position = Int(line.last.end)
        return line
    }

    /// The keyword of a line `post NAME …`, read from the bytes: spaces or tabs, a line
    /// end when `afterLineEnd` (the statement before is then ended by it), spaces or tabs,
    /// and `post` and a space. Returns its token, read past; nil, nothing read, for
    /// anything else (a comment, a blank line, CR LF, another statement: the tokens' way).
    mutating func postKeyword(afterLineEnd: Bool) -> Token? {
        let found: Int? = bytes.withUnsafeBufferPointer { buffer in
            var at = position
            while at < limit && (buffer[at] == 0x20 || buffer[at] == 0x09) { at += 1 }
            if afterLineEnd {
                guard at < limit, buffer[at] == 0x0A else { return nil }
                at += 1
                while at < limit && (buffer[at] == 0x20 || buffer[at] == 0x09) { at += 1 }
            }
            guard at + 4 < limit, buffer[at] == UInt8(ascii: "p"), buffer[at + 1] == UInt8(ascii: "o"),
                  buffer[at + 2] == UInt8(ascii: "s"), buffer[at + 3] == UInt8(ascii: "t"), buffer[at + 4] == 0x20
            else { return nil }
            return at
        }
        guard let start = found else { return nil }
        position = start + 4
        return Token(kind: .keyword, keyword: .post, start: Int32(start), end: Int32(start + 4))
    }

    private func scanPostLine(keys: CellKeyTable, into cells: inout [Cell], negationAllowed: Bool) -> PostLine? {
        bytes.withUnsafeBufferPointer { buffer in
            PostLineScanner(bytes: ByteCursor(buffer, limit: limit), keys: keys, file: fileIndex)
                .scan(from: position, into: &cells, negationAllowed: negationAllowed)
        }
    }
}

/// The byte-level reading of `Lexer.readPostLine`.
private struct PostLineScanner {
    let bytes: ByteCursor
    let keys: CellKeyTable
    let file: Int32
    var limit: Int { bytes.limit }

    func scan(from start: Int, into cells: inout [Cell], negationAllowed: Bool) -> Lexer.PostLine? {
        var at = start
        guard at < limit, bytes[at] == 0x20 else { return nil }
        at = bytes.skipSpaces(from: at)
        let nameStart = at
        var nameEnd = at
        // The first cell's key, found where the name ends (each key is looked up once).
        var key: (index: Int, colon: Int)?
        if at < limit, bytes[at] == UInt8(ascii: "\"") {
            // "Skolskjuts Kajen, övrigt": plain text in quotes, then a cell.
            guard let end = quotedNameEnd(at) else { return nil }
            nameEnd = end
            at = bytes.skipSpaces(from: end, tabs: true)
            key = cellKey(at: at)
            guard key != nil else { return nil }
        }
        // The name: words one space apart, a '-' tight after a word ("Hälso- och").
        while key == nil {
            guard at < limit else { return nil }
            if bytes.isDigit(at) {
                // A number: only a cell key ends the name here ("Konto 131" is the parser's).
                key = cellKey(at: at)
                guard key != nil else { return nil }
                break
            }
            guard let end = wordEnd(at) else { return nil }
            if end < limit && bytes[end] == UInt8(ascii: ":") {
                // A word tight against ':' is a cell key: it ends the name.
                guard let index = keys.index(of: bytes, at..<end) else { return nil }
                key = (index, end)
                break
            }
            at = end
            if at < limit && bytes[at] == UInt8(ascii: "-") {
                at += 1
                if wordEnd(at) != nil {  // "Hälso-och": the next word, tight
                    nameEnd = at
                    continue
                }
            }
            nameEnd = at
            guard at < limit, bytes[at] == 0x20 else { return nil }
            // One space before another word; a cell after one or more.
            let next = bytes.skipSpaces(from: at)
            if next != at + 1 {
                key = cellKey(at: next)
                guard key != nil else { return nil }
            }
            at = next
        }
        guard nameEnd > nameStart else { return nil }
        // The cells: KEY ":" amount, until the line ends.
        var last = Token(kind: .newline, start: 0, end: 0)
        while let (keyIndex, colon) = key {
            let keyStart = at
            at = bytes.skipSpaces(from: colon + 1, tabs: true)
            var minusStart: Int?
            if at < limit, let length = minusLength(at) {
                minusStart = at
                at = bytes.skipSpaces(from: at + length)
            }
            guard bytes.isDigit(at) else { return nil }
            let number = bytes.scanNumber(at: at)
            guard !number.decimalPoint && !number.tooLarge else { return nil }
            let numberSpan = SourceSpan(file: file, start: at, end: number.end)
            var value = Expression.number(number.value, span: numberSpan)
            if let minusStart {
                guard negationAllowed else { return nil }
                value = .negate(value, span: SourceSpan(file: file, start: minusStart, end: number.end))
            }
            cells.append(Cell(keyIndex: Int32(keyIndex), keyStart: Int32(keyStart), value: value))
            last = Token(kind: .number, start: Int32(at), end: Int32(number.end))
            at = bytes.skipSpaces(from: number.end, tabs: true)
            if at >= limit { break }
            switch bytes[at] {
            case 0x0A, UInt8(ascii: "#"), UInt8(ascii: "}"), UInt8(ascii: ";"):
                return Lexer.PostLine(nameStart: nameStart, nameEnd: nameEnd, last: last)
            default:
                // Only another cell may follow on the line.
                key = cellKey(at: at)
                if key == nil { return nil }
            }
        }
        guard last.kind == .number else { return nil }
        return Lexer.PostLine(nameStart: nameStart, nameEnd: nameEnd, last: last)
    }

    /// The end (after the closing quote) of a quoted name at `start` holding only what
    /// reads as itself: printable ASCII but '\\', and Latin-1 letters. nil for an escape,
    /// a control or bidi character, a PDF space (the parser makes it a plain space), any
    /// other non-ASCII text, a name of nothing or only spaces, or no closing quote on the line.
    private func quotedNameEnd(_ start: Int) -> Int? {
        var at = start + 1
        var blank = true
        while at < limit {
            let byte = bytes[at]
            if byte == UInt8(ascii: "\"") { return blank ? nil : at + 1 }  // a blank name is the parser's (R0207)
            if byte != 0x20 { blank = false }
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") {
                at += 1
            } else if byte == 0xC3, at + 1 < limit, bytes[at + 1] >= 0x80, bytes[at + 1] <= 0xBF {
                at += 2
            } else {
                return nil
            }
        }
        return nil
    }

    /// The end of a plain word at `start`: ASCII letters, digits and '_' and Latin-1
    /// letters (å ä ö é …), starting with a letter. nil for anything else, which the
    /// parser reads.
    private func wordEnd(_ start: Int) -> Int? {
        var at = start
        while at < limit {
            let byte = bytes[at]
            if (byte | 0x20) &- 0x61 < 26 || byte == 0x5F {
                at += 1
            } else if byte &- 0x30 < 10 {
                if at == start { return nil }
                at += 1
            } else if byte == 0xC3, at + 1 < limit, bytes[at + 1] >= 0x80, bytes[at + 1] <= 0xBF,
                      bytes[at + 1] != 0x97, bytes[at + 1] != 0xB7 {
                // U+00C0–U+00FF but × and ÷.
                at += 2
            } else if byte >= 0x80 {
                return nil
            } else {
                break
            }
        }
        return at > start ? at : nil
    }

    /// A cell key at `start` — a word or a number written tight against ':' — that is
    /// one of `keys`: its index and where its colon is.
    private func cellKey(at start: Int) -> (Int, Int)? {
        var end = start
        while end < limit, bytes[end] != UInt8(ascii: ":") {
            let byte = bytes[end]
            guard (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == 0x5F else { return nil }
            end += 1
        }
        guard end < limit, end > start, let index = keys.index(of: bytes, start..<end) else { return nil }
        return (index, end)
    }

    /// The length of a minus sign at `offset`: '-', U+2212 or U+2013 (PDF minus), or nil.
    private func minusLength(_ offset: Int) -> Int? {
        if bytes[offset] == UInt8(ascii: "-") { return 1 }
        if bytes[offset] == 0xE2, offset + 2 < limit,
           (bytes[offset + 1] == 0x88 && bytes[offset + 2] == 0x92) || (bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0x93) {
            return 3
        }
        return nil
    }
}

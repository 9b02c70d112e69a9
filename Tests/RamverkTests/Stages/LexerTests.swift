import Testing
@testable import Ramverk

/// The lexer: token kinds, spans (byte offsets), number values and lexical diagnostics.
struct LexerTests {
    /// One token as the tests see it.
    struct Lexed: Equatable, CustomStringConvertible {
        var kind: TokenKind
        var text: String
        var start: Int
        var end: Int
        var number: NumberLiteral?
        var keyword: Keyword?

        var description: String { "\(kind)(\(text.debugDescription))@\(start)..<\(end)" }
    }

    /// Every token of `text` up to (not including) the end of file, and the diagnostics.
    static func lex(_ text: String) -> (tokens: [Lexed], diagnostics: [Diagnostic]) {
        lex(bytes: Array(text.utf8))
    }

    static func lex(bytes: [UInt8]) -> (tokens: [Lexed], diagnostics: [Diagnostic]) {
        let file = SourceFile(path: "t.ramverk", bytes: bytes)
        var lexer = Lexer(file: file, fileIndex: 0)
        var tokens: [Lexed] = []
        for _ in 0..<10_000 {
            let token = lexer.next()
            if token.kind == .endOfFile { break }
            tokens.append(Lexed(kind: token.kind, text: file.text(token.range), start: Int(token.start),
                                end: Int(token.end), number: token.kind == .number ? lexer.numberValue : nil,
                                keyword: token.keyword))
        }
        return (tokens, lexer.diagnostics)
    }

    static func kinds(_ text: String) -> [TokenKind] {
        lex(text).tokens.map(\.kind)
    }

    static func numbers(_ text: String) -> [NumberLiteral] {
        lex(text).tokens.compactMap(\.number)
    }

    // MARK: - Numbers and digit groups

    @Test func digitGroupWithSpaceIsOneNumber() {
        let (tokens, diagnostics) = LexerTests.lex("20 500")
        #expect(diagnostics.isEmpty)
        #expect(tokens == [Lexed(kind: .number, text: "20 500", start: 0, end: 6,
                                 number: NumberLiteral(mantissa: 20_500, decimals: 0))])
    }

    @Test func twoYearCellsAreFourNumbers() {
        let (tokens, diagnostics) = LexerTests.lex("2020: 1 000  2021: 20 500")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.number, .colon, .number, .number, .colon, .number])
        #expect(tokens.compactMap(\.number).map(\.mantissa) == [2020, 1000, 2021, 20_500])
        #expect(tokens.map(\.text) == ["2020", ":", "1 000", "2021", ":", "20 500"])
        #expect(tokens[2].start == 6 && tokens[2].end == 11)
    }

    @Test func aGroupJoinsOnlyExactlyThreeDigits() {
        #expect(LexerTests.numbers("1 000 2021").map(\.mantissa) == [1000, 2021])
        #expect(LexerTests.numbers("1 00").map(\.mantissa) == [1, 0])
        #expect(LexerTests.numbers("12 3456").map(\.mantissa) == [12, 3456])
        #expect(LexerTests.numbers("1 234 567").map(\.mantissa) == [1_234_567])
        // Two spaces never join.
        #expect(LexerTests.numbers("1  000").map(\.mantissa) == [1, 0])
    }

    @Test func decimalComma() {
        let (tokens, diagnostics) = LexerTests.lex("247,0 1 167,5 0,25")
        #expect(diagnostics.isEmpty)
        #expect(tokens.compactMap(\.number) == [
            NumberLiteral(mantissa: 2470, decimals: 1),
            NumberLiteral(mantissa: 11_675, decimals: 1),
            NumberLiteral(mantissa: 25, decimals: 2),
        ])
        #expect(tokens.map(\.text) == ["247,0", "1 167,5", "0,25"])
    }

    @Test func commaWithoutDigitAfterItIsAComma() {
        #expect(LexerTests.kinds("3, 4") == [.number, .comma, .number])
        #expect(LexerTests.kinds("3,") == [.number, .comma])
    }

    @Test(arguments: [
        ("\u{00A0}", 2),  // no-break space
        ("\u{202F}", 3),  // narrow no-break space
        ("\u{2009}", 3),  // thin space
        ("\u{2007}", 3),  // figure space
    ])
    func typographicSpacesGroupDigits(separator: String, length: Int) {
        let (tokens, diagnostics) = LexerTests.lex("20\(separator)500\(separator)000")
        #expect(diagnostics.isEmpty)
        #expect(tokens.count == 1)
        #expect(tokens.first?.number == NumberLiteral(mantissa: 20_500_000, decimals: 0))
        #expect(tokens.first?.end == 2 + 3 + 3 + 2 * length)
    }

    @Test func typographicSpaceBetweenYearsSeparatesNumbers() {
        // A no-break space before a four-digit group is only white space.
        #expect(LexerTests.numbers("1\u{00A0}000\u{00A0}2021").map(\.mantissa) == [1000, 2021])
    }

    @Test func decimalPointIsDiagnosed() {
        let (tokens, diagnostics) = LexerTests.lex("ram 2021 = 247.5")
        #expect(tokens.last?.kind == .number)
        #expect(tokens.last?.text == "247.5")
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics.first
        #expect(diagnostic?.problem == .decimalPointNotComma("247.5"))
        #expect(diagnostic?.code == "R0106")
        #expect(diagnostic?.message == "decimalpunkt i '247.5'")
        #expect(diagnostic?.help == "skriv decimalkomma: 247,5")
        #expect(diagnostic?.span == SourceSpan(file: 0, start: 11, end: 16))
    }

    @Test func eighteenDigitsFitNineteenDoNot() {
        let fits = LexerTests.lex("999 999 999 999 999 999")
        #expect(fits.diagnostics.isEmpty)
        #expect(fits.tokens.first?.number?.mantissa == 999_999_999_999_999_999)

        let (tokens, diagnostics) = LexerTests.lex("x 1 000 000 000 000 000 000")
        #expect(tokens.count == 2)
        #expect(diagnostics.map(\.problem) == [.numberTooLarge])
        #expect(diagnostics.first?.span == SourceSpan(file: 0, start: 2, end: 27))
        #expect(diagnostics.first?.help == "belopp och tal får ha högst 18 siffror")
    }

    @Test func numberBeyondInt64DoesNotTrap() {
        let (tokens, diagnostics) = LexerTests.lex(String(repeating: "9", count: 40))
        #expect(tokens.count == 1)
        #expect(tokens.first?.number?.mantissa == 0)
        #expect(diagnostics.map(\.code) == ["R0105"])
    }

    // MARK: - Operators pasted from documents

    @Test func minusSigns() {
        let (tokens, diagnostics) = LexerTests.lex("-1 \u{2212}1 167 \u{2013}5")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.minus, .number, .minus, .number, .minus, .number])
        // U+2212 and U+2013 are three bytes each; the span covers all of them.
        #expect(tokens[2].start == 3 && tokens[2].end == 6)
        #expect(tokens[3].text == "1 167")
        #expect(tokens[4].start == 12 && tokens[4].end == 15)
    }

    @Test func timesAndDivide() {
        let (tokens, diagnostics) = LexerTests.lex("2 × 3 * 4 ÷ 5 / 6 % 7")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.number, .times, .number, .times, .number, .divide, .number, .divide,
                                       .number, .percent, .number])
        #expect(tokens[1].start == 2 && tokens[1].end == 4)  // × is two bytes
    }

    @Test func punctuation() {
        #expect(LexerTests.kinds("( ) { } : = , . ; +") == [
            .leftParen, .rightParen, .leftBrace, .rightBrace, .colon, .equals, .comma, .dot, .semicolon, .plus,
        ])
    }

    // MARK: - Strings

    @Test func asciiStringWithEscapes() {
        let text = #"inkludera "a \"b\" \\ c""#
        let file = SourceFile(path: "t", text: text)
        var lexer = Lexer(file: file, fileIndex: 0)
        _ = lexer.next()
        let string = lexer.next()
        #expect(string.kind == .string)
        #expect(Int(string.start) == 10 && Int(string.end) == text.utf8.count)
        #expect(Lexer.stringValue(string, in: file) == #"a "b" \ c"#)
        #expect(lexer.diagnostics.isEmpty)
    }

    @Test func typographicQuotes() {
        let text = "post “Internationellt. EU och vänorter” 2020: 223"
        let file = SourceFile(path: "t", text: text)
        var lexer = Lexer(file: file, fileIndex: 0)
        #expect(lexer.next().isKeyword(.post))
        let string = lexer.next()
        #expect(string.kind == .string)
        #expect(string.start == 5)
        #expect(Int(string.end) == 5 + "“Internationellt. EU och vänorter”".utf8.count)
        #expect(Lexer.stringValue(string, in: file) == "Internationellt. EU och vänorter")
        #expect(lexer.next().kind == .number)
        #expect(lexer.diagnostics.isEmpty)
    }

    @Test func unterminatedStringEndsAtLineEnd() {
        let (tokens, diagnostics) = LexerTests.lex("nämnd \"Kommunstyrelsen\npost A")
        #expect(tokens.map(\.kind) == [.keyword, .string, .newline, .keyword, .word])
        #expect(diagnostics.map(\.problem) == [.unterminatedString])
        // From the opening quote to the end of the line.
        #expect(diagnostics.first?.span == SourceSpan(file: 0, start: 7, end: 23))
        #expect(diagnostics.first?.message == "texten saknar avslutande citattecken")
    }

    @Test func unterminatedTypographicString() {
        let (tokens, diagnostics) = LexerTests.lex("post “Tolk\n")
        #expect(tokens.map(\.kind) == [.keyword, .string, .newline])
        #expect(diagnostics.map(\.code) == ["R0104"])
    }

    // MARK: - Words and keywords

    @Test func keywordsWithSwedishLetters() {
        let (tokens, _) = LexerTests.lex("område ramförändring år låt från förändring engångspost nämnd bokföring")
        #expect(tokens.map(\.keyword) == [.omrade, .ramforandring, .ar, .lat, .fran, .forandring, .engangspost,
                                          .namnd, .bokforing])
        #expect(tokens.allSatisfy { $0.kind == .keyword })
    }

    @Test func everyKeywordSpellingLexesAsItsKeyword() {
        for keyword in Keyword.allCases {
            let (tokens, diagnostics) = LexerTests.lex(keyword.spelling)
            #expect(tokens.count == 1 && tokens.first?.keyword == keyword, "\(keyword.spelling)")
            #expect(diagnostics.isEmpty)
        }
    }

    @Test func wordsThatLookLikeKeywords() {
        let (tokens, _) = LexerTests.lex("Område områden året ramförändringar Summa kronor tkr2")
        #expect(tokens.allSatisfy { $0.kind == .word && $0.keyword == nil }, "\(tokens)")
        #expect(tokens.map(\.text) == ["Område", "områden", "året", "ramförändringar", "Summa", "kronor", "tkr2"])
    }

    @Test func wordsWithSwedishLettersHaveByteSpans() {
        let (tokens, diagnostics) = LexerTests.lex("Åtgärder Södertörns hälsoskyddsförbund_2")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.text) == ["Åtgärder", "Södertörns", "hälsoskyddsförbund_2"])
        #expect(tokens.map(\.start) == [0, 11, 24])
        #expect(tokens.map(\.kind) == [.word, .word, .word])
    }

    @Test func wordsEndBeforeTightPunctuation() {
        let (tokens, _) = LexerTests.lex("miljö- Internationellt. Förtroendemannaorganisation.Folkhälsa.2021")
        #expect(tokens.map(\.kind) == [.word, .minus, .word, .dot, .word, .dot, .word, .dot, .number])
        #expect(tokens.last?.number?.mantissa == 2021)
    }

    // MARK: - Comments, line ends, byte-order mark, bad bytes

    @Test func commentsRunToTheEndOfTheLine() {
        let (tokens, diagnostics) = LexerTests.lex("post A # 2020: 5 “ ” @ \u{0}?\npost B")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.text) == ["post", "A", "\n", "post", "B"])
    }

    @Test func crlfIsOneLineEnd() {
        let (tokens, diagnostics) = LexerTests.lex("post A\r\npost B\r\n")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.keyword, .word, .newline, .keyword, .word, .newline])
        #expect(tokens[2].start == 7)
        let file = SourceFile(path: "t", text: "post A\r\npost B\r\n")
        #expect(file.location(of: 8) == Ramverk.SourceLocation(line: 2, column: 1))
        #expect(file.lineText(1) == "post A")
    }

    @Test func byteOrderMarkIsSkipped() {
        let (tokens, diagnostics) = LexerTests.lex("\u{FEFF}kommun Haninge")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.keyword, .word])
        #expect(tokens.first?.start == 3)
        let run = Scenario.run("\u{FEFF}kommun Haninge\n")
        #expect(run.diagnostics.isEmpty)
        #expect(run.model?.municipality == "Haninge")
    }

    @Test func nulByteIsDiagnosed() {
        let (tokens, diagnostics) = LexerTests.lex(bytes: Array("post A".utf8) + [0] + Array(" 2020: 1".utf8))
        #expect(tokens.map(\.kind) == [.keyword, .word, .number, .colon, .number])
        #expect(diagnostics.map(\.problem) == [.nulByte])
        #expect(diagnostics.first?.span == SourceSpan(file: 0, start: 6, end: 7))
        #expect(diagnostics.first?.message == "filen innehåller ett NUL-tecken")
    }

    @Test func unexpectedCharacters() {
        let (tokens, diagnostics) = LexerTests.lex("a @ b € c")
        #expect(tokens.map(\.text) == ["a", "b", "c"])
        #expect(diagnostics.map(\.message) == ["oväntat tecken '@'", "oväntat tecken '€' (U+20AC)"])
        #expect(diagnostics.map { $0.span.map { Int($0.start) } } == [2, 6])
    }

    @Test func invalidUTF8IsDiagnosedByTheLoader() {
        var files = MemoryFileSystem([:])
        files.files["bad.ramverk"] = Array("post Tolk 2020: 1\npost ".utf8) + [0xC3, 0x28] + Array(" 2020: 2\n".utf8)
        guard case .success(let program) = ProgramLoader.load(path: "bad.ramverk", fileSystem: files) else {
            Issue.record("the file should be readable")
            return
        }
        #expect(program.diagnostics.map(\.problem) == [.invalidUTF8])
        #expect(program.diagnostics.first?.span?.start == 23)
    }
}

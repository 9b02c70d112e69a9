import Testing
@testable import Ramverk

/// The formatter, rule by rule: indentation, spacing, spelling of amounts and operators,
/// tables, labelled items, comments, blank lines, line ends. Every case is also checked
/// to be idempotent and to mean what its input meant.
struct FormatterTests {
    /// The formatted text of a file that must have no syntax errors; checks that
    /// formatting it again changes nothing and that its syntax tree is unchanged.
    static func format(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        format(bytes: Array(text.utf8), sourceLocation: sourceLocation)
    }

    static func format(bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        guard case .formatted(let output) = Formatter.format(SourceFile(path: "t.ramverk", bytes: bytes)) else {
            Issue.record("not formatted: \(Formatter.format(SourceFile(path: "t.ramverk", bytes: bytes)))",
                         sourceLocation: sourceLocation)
            return ""
        }
        let again = Formatter.format(SourceFile(path: "t.ramverk", bytes: output))
        #expect(again == .formatted(output), "not idempotent", sourceLocation: sourceLocation)
        let before = ParserTests.parse(String(decoding: bytes, as: UTF8.self)).statements
        let after = ParserTests.parse(String(decoding: output, as: UTF8.self)).statements
        #expect(before == after, "the syntax tree changed", sourceLocation: sourceLocation)
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: - Indentation and blocks

    @Test("two spaces per block level, whatever the input's indentation")
    func indentation() {
        #expect(FormatterTests.format("område A {\npost X 2021: 1\n\t\tområde B {\n        post Y 2021: 2\n}\n   }\n") == """
            område A {
              post X  2021: 1
              område B {
                post Y  2021: 2
              }
            }

            """)
    }

    @Test("';' and statements after '{' go on lines of their own; an empty block keeps two lines")
    func statementsOnLinesOfTheirOwn() {
        #expect(FormatterTests.format("enhet tkr; kolumn 2021\nområde A { post X 2021: 1 }\nreserv X.2021 {}") == """
            enhet tkr
            kolumn 2021
            område A {
              post X  2021: 1
            }
            reserv X.2021 {
            }

            """)
    }

    // MARK: - Spacing and spelling

    @Test("one space between tokens where spacing is free; operators and comparisons as the handbook writes them")
    func spacingAndOperators() {
        let text = """
            kolumn Prognos
            kolumn Budget
            kolumn Avvikelse=Prognos-Budget
            låt x=( 5*2 )/4
            förvänta "a"   x=- 5 ±0,5
            kontroll x<=summa( A , B )
            kontroll x >= 1 ; kontroll x != 2
            område A {
              post B  Prognos: 1
            }

            """
        #expect(FormatterTests.format(text) == """
            kolumn Prognos
            kolumn Budget
            kolumn Avvikelse = Prognos − Budget
            låt x = (5 × 2) / 4
            förvänta "a" x = −5 ± 0,5
            kontroll x ≤ summa(A, B)
            kontroll x ≥ 1
            kontroll x ≠ 2
            område A {
              post B  Prognos: 1
            }

            """)
    }

    @Test("amounts get Swedish digit groups; years, keys, references and names keep theirs")
    func numberGrouping() {
        let text = """
            kolumn 2021
            ram 2021 = 247000 enligt "KF 2020-11-09 § 185"
            låt a = 1167,50 + 0020 + 1\u{00A0}000 + 3461
            post 10001 Kvarteret Björken 2021: 20500
            post B 2021: "10001 Kvarteret Björken".2021 × 2
            tolerans 1500 kr

            """
        #expect(FormatterTests.format(text) == """
            kolumn 2021
            ram 2021 = 247 000 enligt "KF 2020-11-09 § 185"
            låt a = 1 167,50 + 20 + 1 000 + 3 461
            post 10001 Kvarteret Björken  2021: 20 500
            post B                        2021: "10001 Kvarteret Björken".2021 × 2
            tolerans 1 500 kr

            """)
    }

    @Test("names are never changed: punctuation tight against a word stays, quotes stay")
    func namesUnchanged() {
        let text = """
            post Södertörns miljö- och hälsoskyddsförbund 2020: 7 759
            post "Internationellt. EU och vänorter" 2020: 223
            post Internationellt. EU och vänorter 2020: 1
            post Kultur/fritid   och  bad 2020: 7

            """
        #expect(FormatterTests.format(text) == """
            post Södertörns miljö- och hälsoskyddsförbund  2020: 7 759
            post "Internationellt. EU och vänorter"        2020:   223
            post Internationellt. EU och vänorter          2020:     1
            post Kultur/fritid och bad                     2020:     7

            """)
    }

    @Test("a '-' that ends a name because it was tight against the cell stays tight")
    func punctuationEndingAName() {
        // `post A −2021: 5` is the post "A −": a space after the '−' would make it "A".
        #expect(FormatterTests.format("post A −2021: 5\npost BB 2021: 6\npost C 0Prognos: 1\n") == """
            post A −2021: 5
            post BB   2021: 6
            post C 0           Prognos: 1

            """)
    }

    @Test("a period keeps its '-'; words read as keywords in any case are written in lower case")
    func periodsAndCaseFreeKeywords() {
        let text = """
            kolumn Utfall "Utfall 2024-04" period 2024-04
            realisationsvinster 2024 {
              Budget 10000
              UTFALL 12 000
            }

            """
        #expect(FormatterTests.format(text) == """
            kolumn Utfall "Utfall 2024-04" period 2024-04
            realisationsvinster 2024 {
              budget 10 000
              utfall 12 000
            }

            """)
    }

    // MARK: - Tables

    @Test("table rows: heads padded, one column per key, amounts right-aligned, expressions left")
    func tableAlignment() {
        let text = """
            område A {
            post Kommunstyrelsens reserv 2020: 1 000 2021: 20 500
            post Folkhälsa 2020: 150   2021: Folkhälsa.2020 + 350
            post Ny 2021: 247,0 mnkr
            summa 2020: 1 150 2021: 20 850
            }

            """
        #expect(FormatterTests.format(text) == """
            område A {
              post Kommunstyrelsens reserv  2020: 1 000  2021: 20 500
              post Folkhälsa                2020:   150  2021: Folkhälsa.2020 + 350
              post Ny                                    2021:  247,0 mnkr
              summa                         2020: 1 150  2021: 20 850
            }

            """)
    }

    @Test("a key first seen on a later row gets its own column before the keys after it")
    func sparseTable() {
        let text = """
            post Investeringsreserv Inv2021: 50 000 Plan2022: 50 000
            post Vattenplan BudgetTom: 24 500 Inv2021: 2 500 Plan2022: 2 500
            post Gammal Plan2022: 1

            """
        #expect(FormatterTests.format(text) == """
            post Investeringsreserv                     Inv2021: 50 000  Plan2022: 50 000
            post Vattenplan          BudgetTom: 24 500  Inv2021:  2 500  Plan2022:  2 500
            post Gammal                                                  Plan2022:      1

            """)
    }

    @Test("rows with their keys in different orders are aligned side by side")
    func tableInDifferentOrders() {
        #expect(FormatterTests.format("post A 2020: 1 2021: 2\npost BB 2021: 30 2020: 40\n") == """
            post A   2020:  1  2021:  2
            post BB  2021: 30  2020: 40

            """)
    }

    @Test("a blank line, another statement or a block ends a table; a comment does not")
    func tableGroups() {
        let text = """
            post A 2021: 1
            # mitt i tabellen
            post Lång rad 2021: 100

            post B 2021: 22
            tecken resultat
            post CCC 2021: 3
            post D 2021: 4 profil Säsong

            """
        #expect(FormatterTests.format(text) == """
            post A         2021:   1
            # mitt i tabellen
            post Lång rad  2021: 100

            post B  2021: 22
            tecken resultat
            post CCC  2021: 3
            post D    2021: 4  profil Säsong

            """)
    }

    @Test("a statement written over several lines keeps its line breaks and is not aligned")
    func continuationLines() {
        let text = """
            område A {
              post Lång  2021: (1 000 +
            2 000 +  # andra raden
                 3 000)
              post B  2021: 5
            }

            """
        #expect(FormatterTests.format(text) == """
            område A {
              post Lång  2021: (1 000 +
                  2 000 +  # andra raden
                  3 000)
              post B  2021: 5
            }

            """)
    }

    // MARK: - Labelled items

    @Test("items the author aligned after their quoted text stay aligned; others get one space")
    func labelAlignment() {
        let text = """
            ramförändring 2021 {
              från 228 600
              förändring "Trygghet"  10,0 mnkr
              förändring "Kommunstyrelsens reserv"    19,5 mnkr
              förändring "Övrigt" −1,1 mnkr
            }
            förvänta "Kort" a = 1
            förvänta "Längre text" a = 1

            """
        #expect(FormatterTests.format(text) == """
            ramförändring 2021 {
              från 228 600
              förändring "Trygghet"                 10,0 mnkr
              förändring "Kommunstyrelsens reserv"  19,5 mnkr
              förändring "Övrigt" −1,1 mnkr
            }
            förvänta "Kort" a = 1
            förvänta "Längre text" a = 1

            """)
    }

    // MARK: - Comments

    @Test("comments stay where they stand: own-line at the block's indentation, trailing on their line")
    func comments() {
        let text = """
            # Överst
            kommun Haninge   # kommunen
              # före området
            område A {   # öppnar
                # i området
            post X 2021: 1     # kort
            post Längre namn 2021: 20 # längre
            # sist i blocket
            }  # stänger
            låt a = 1 # ett
            låt bb = 2 # två
            #utan mellanslag\t

            """
        #expect(FormatterTests.format(text) == """
            # Överst
            kommun Haninge  # kommunen
            # före området
            område A {  # öppnar
              # i området
              post X            2021:  1  # kort
              post Längre namn  2021: 20  # längre
              # sist i blocket
            }  # stänger
            låt a = 1   # ett
            låt bb = 2  # två
            #utan mellanslag

            """)
    }

    @Test("a comment after ';' or '{' stays on that line; a file of only comments is kept")
    func commentsAfterSeparators() {
        #expect(FormatterTests.format("enhet tkr; # enheten\nområde A { # öppnar\n}\n") == """
            enhet tkr  # enheten
            område A {  # öppnar
            }

            """)
        #expect(FormatterTests.format("# bara\n\n\n# kommentarer") == "# bara\n\n# kommentarer\n")
    }

    // MARK: - Blank lines, whitespace, line ends

    @Test("at most one blank line, none at the ends of the file or just inside braces")
    func blankLines() {
        #expect(FormatterTests.format("\n\n\nenhet tkr\n\n\n\nområde A {\n\n\n  post X 2021: 1\n\n\n}\n\n\n") == """
            enhet tkr

            område A {
              post X  2021: 1
            }

            """)
    }

    @Test("trailing whitespace removed, a final line end added, an empty file stays empty")
    func whitespaceAndFinalNewline() {
        #expect(FormatterTests.format("enhet tkr   \t") == "enhet tkr\n")
        #expect(FormatterTests.format("") == "")
        #expect(FormatterTests.format("\n\n  \n") == "")
    }

    @Test("CR LF line ends become LF; a byte-order mark is dropped")
    func lineEndsAndByteOrderMark() {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("enhet tkr\r\n# kommentar\r\npost A 2021: 1\r\n".utf8)
        #expect(FormatterTests.format(bytes: bytes) == "enhet tkr\n# kommentar\npost A  2021: 1\n")
    }

    @Test("PDF spaces between the words of a name become plain spaces, inside quotes they stay")
    func pdfSpaces() {
        let text = "post Skatter\u{00A0}och  generella 2020: −5\u{00A0}303\u{00A0}000\npost \"A\u{00A0}B\" 2020: 1\n"
        #expect(FormatterTests.format(text) == """
            post Skatter och generella  2020: −5 303 000
            post "A\u{00A0}B"                  2020:          1

            """)
    }

    // MARK: - Files that are not formatted

    @Test("a file with syntax errors is not formatted; its errors come back")
    func syntaxErrors() {
        guard case .syntaxErrors(let errors) = Formatter.format(SourceFile(path: "t.ramverk", text: "område A {\npost X 2021: 1\n")) else {
            Issue.record("formatted a file with a syntax error")
            return
        }
        #expect(errors.map(\.code) == ["R0202"])
        guard case .syntaxErrors(let utf8) = Formatter.format(SourceFile(path: "t.ramverk", bytes: [0x61, 0xFF])) else {
            Issue.record("formatted invalid UTF-8")
            return
        }
        #expect(utf8.map(\.code) == ["R0101"])
    }

    @Test("errors the checker finds do not stop the formatter")
    func checkerErrorsAreFormatted() {
        #expect(FormatterTests.format("post A 2021: Okänd+1") == "post A  2021: Okänd + 1\n")
    }

    @Test("numbers that would join when one space apart are kept two apart")
    func numbersKeptApart() {
        #expect(TokenSpacing.startsDigitGroup("123"))
        #expect(TokenSpacing.startsDigitGroup("123,5"))
        #expect(!TokenSpacing.startsDigitGroup("2021"))
        #expect(!TokenSpacing.startsDigitGroup("12"))
        #expect(FormatterTests.format("post A 1  202: 5\n") == "post A 1  202: 5\n")
    }
}

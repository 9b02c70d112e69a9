import Testing
@testable import Ramverk

/// The lexer's fast reader of post lines (`Lexer.readPostLine`) must build exactly what
/// the parser builds token by token — names, cells, values and every span — and decline
/// whatever it is not sure of. The parser reads token by token when it collects token
/// roles for the formatter, which gives the reference tree.
struct PostLineReaderTests {
    /// Every post of `text`, spans included, and the diagnostics: fast reader, then reference.
    static func both(_ text: String) -> (fast: [String], reference: [String]) {
        let file = SourceFile(path: "t.ramverk", text: text)
        let (fast, fastDiagnostics) = Parser.parse(file, fileIndex: 0, range: nil)
        let (reference, referenceDiagnostics, _) = Parser.parseWithRoles(file, fileIndex: 0)
        func lines(_ tree: SyntaxTree, _ diagnostics: [Diagnostic]) -> [String] {
            var out: [String] = []
            func walk(_ statements: [Statement]) {
                for statement in statements {
                    switch statement {
                    case .post(let post):
                        out.append(describe(post, tree))
                    case .area(let area):
                        out.append("område \(area.name.text) \(area.span)")
                        walk(area.body)
                    default:
                        out.append(ParserTests.dump(statement, tree))
                    }
                }
            }
            walk(tree.statements)
            return out + diagnostics.map { "\($0.message) \(String(describing: $0.span))" }
        }
        return (lines(fast, fastDiagnostics), lines(reference, referenceDiagnostics))
    }

    static func describe(_ post: PostStatement, _ tree: SyntaxTree) -> String {
        var text = "post [\(post.name.text)] \(post.name.span) \(post.span)"
        for cell in tree.cells(of: post.cells) {
            text += " \(tree.key(of: cell).text)@\(cell.keyStart)=\(describe(cell.value))"
        }
        if let profile = post.profile { text += " profil \(profile.text)" }
        return text
    }

    static func describe(_ expression: Expression) -> String {
        switch expression {
        case .number(let literal, let span): "\(literal.mantissa)e-\(literal.decimals)\(span)"
        case .negate(let inner, let span): "(-\(describe(inner)))\(span)"
        default: "\(ParserTests.dump(expression))\(expression.span)"
        }
    }

    /// Lines on every edge of what the fast reader takes, each after a line that puts
    /// both column keys in the key table (a new key is always the parser's).
    static let lines = [
        "post Kommunfullmäktige  2024: 3 461  Prognos: 3 513",
        "post Hälso- och sjukvård Trollet 2024: 247 853 Prognos: 264 048,4",
        "post Hälso-och 2024: 1",
        "post Hälso- 2024: 1",
        "post Skolskjuts Kajen 2024: −1 167  Prognos: – 5",
        "post Ekonomi 2024: -12,5 Prognos:-3",
        "post A  B 2024: 1",
        "post A\tB 2024: 1",
        "post A 2024: 1\r",
        "post A 2024 : 1",
        "post A 2024: 1 Prognos: 2 # kommentar",
        "post A 2024: 1;post B 2024: 2",
        "post A 2024: 5 100: 6",
        "post A 2024: 5 tkr",
        "post A 2024: 5 % Prognos: 1",
        "post A 2024: 5 + 1",
        "post A 2024: 5 - 1",
        "post A 2024: 2 000 000 000 000 000 000 000",
        "post A 2024: 2.5",
        "post Konto 131 2024: 1",
        "post E4 Väg 2024: 1",
        "post Ärende Ö 2024: 1 profil Säsong",
        "post A 2024: 1 B",
        "post A 2024: 1 2025: 2",
        "post A 2024: 1 Ny: 2",
        "post \"Citerat namn\" 2024: 1",
        "post \"Skolskjuts Kajen, övrigt\"  2024: −1 167 Prognos: 2",
        "post \"Ärende: 1\"\t2024: 1",
        "post \"A\"2024: 1",
        "post \"\" 2024: 1",
        "post \"   \" 2024: 1",
        "post \"A\\\"B\" 2024: 1",
        "post \"A\u{00A0}B\" 2024: 1",
        "post \"A\u{202E}B\" 2024: 1",
        "post \"A € B\" 2024: 1",
        "post \"A\" profil X",
        "post \"A\" B 2024: 1",
        "post \"Öppen 2024: 1",
        "post “Typografiskt” 2024: 1",
        "post A.B 2024: 1",
        "post A/B 2024: 1",
        "post A -B 2024: 1",
        "post A × B 2024: 1",
        "post A",
        "post 2024: 1",
        "post Prognos: 1",
        "post Ram och profil 2024: 1",
        "post Budget:x 2024: 1",
        "post A 2024:",
        "post A 2024: Prognos: 1",
        "post A 2024: - Prognos: 1",
        "post µ 2024: 1",
        "post A\u{00A0}B 2024: 1",
        "post A 2024:\u{00A0}1",
        "post A 2024: 1\u{00A0}000",
        "post A 2024: 1 000,5 Prognos: −0,25",
        // Padding into columns, read eight bytes at a time: runs of every length around
        // eight, a tab inside a run, a run to the end of the line.
        "post A                   2024:          1          Prognos:   2",
        "post Lång rad       \t        2024:\t       1",
        "post         B 2024: 1",
        "post \"C d\"                2024:        −1 000       ",
        "post E" + String(repeating: " ", count: 7) + "2024:" + String(repeating: " ", count: 8) + "5" + String(repeating: " ", count: 9),
        "post F 2024:" + String(repeating: " ", count: 16) + "-" + String(repeating: " ", count: 15) + "7",
    ]

    @Test("each line reads the same fast and token by token", arguments: PostLineReaderTests.lines)
    func sameTree(line: String) {
        let text = "kolumn 2024\nkolumn Prognos\npost Först 2024: 1 Prognos: 2\n\(line)\n"
        let (fast, reference) = PostLineReaderTests.both(text)
        #expect(fast == reference)
    }

    /// `post` and spaces, then the end of the input: the reader must not look past it
    /// (the fuzzer found a read one byte beyond a REPL line, under AddressSanitizer).
    @Test("`post` and spaces at the very end of the input", arguments: ["post ", "post    ", "kolumn 2024\npost  "])
    func postAtTheEnd(text: String) {
        let (fast, reference) = PostLineReaderTests.both(text)
        #expect(fast == reference)
        // Read as part of a longer buffer (a REPL line), nothing after the range counts:
        // a quoted name right after it must not be taken for the post's name.
        let longer = SourceFile(path: "rad", text: text + "\"Namn\" 2024: 1")
        let part = Parser.parseInput(longer, fileIndex: 0, range: 0..<text.utf8.count)
        let alone = Parser.parseInput(SourceFile(path: "rad", text: text), fileIndex: 0, range: 0..<text.utf8.count)
        #expect(part.diagnostics.map(\.message) == alone.diagnostics.map(\.message))
        #expect(!alone.diagnostics.isEmpty)
    }

    @Test("inside blocks, at the end of a block and at the end of the file")
    func blocksAndEnds() {
        let text = """
            kolumn 2024
            område A {
              post X 2024: 1
              post Y  2024: -2}
            område B { post Z 2024: 3 }
            post W 2024: 4
            """
        let (fast, reference) = PostLineReaderTests.both(text)
        #expect(fast == reference)
        #expect(fast.contains { $0.hasPrefix("post [Y]") })
    }

    /// Random lines from the pieces the fast reader has to tell apart.
    @Test func generatedLines() {
        var generator = MutationTests.SplitMix64(state: 7)
        let words = ["A", "Hälso-", "och", "sjukvård", "Ö", "E4", "2024", "Prognos", "profil", "-", "−", "1 000",
                     "5", "12,5", ":", "tkr", "%", "\"q r\"", "x.y", "\t", "  ", "#c", ";", "}", "{", "(", "1)"]
        var text = "kolumn 2024\nkolumn Prognos\npost Först 2024: 1 Prognos: 2\n"
        for _ in 0..<400 {
            var line = "post"
            for _ in 0..<Int(generator.next() % 7) + 1 {
                line += (generator.next() % 3 == 0 ? "" : " ") + words[Int(generator.next() % UInt64(words.count))]
            }
            text += line + "\n"
        }
        let (fast, reference) = PostLineReaderTests.both(text)
        #expect(fast == reference)
    }

    /// Post lines inside areas, where a line starting with `post` is found in the bytes
    /// and ends the statement before it (`Parser.parseItems`): between them, what else
    /// can separate or end statements — blank lines, comments, ';', CR LF, tabs, a '}'
    /// on the line, other statements, broken lines — in random order.
    @Test func generatedAreas() {
        var generator = MutationTests.SplitMix64(state: 11)
        let posts = ["post A 2024: 1", "post \"B c\" 2024: 2 Prognos: 3", "post Hälso- och vård 2024: −4",
                     "post E 2024: 1 + 2", "post F", "post G 2024: x", "post H 2024: 5 # c", "post I 2024: 6;",
                     "post  J  2024: 7", "\tpost K 2024: 8", "post L 2024: 9 profil P", "posten M 2024: 1"]
        let others = ["", "# kommentar", ";", "summa 2024: 10", "låt v = 1", "\r", "  ", "}", "område Inre {",
                      "post", "post ", "2024: 5", "område Tom { }"]
        var text = "kolumn 2024\nkolumn Prognos\nprofil P = 100 %\n"
        for area in 0..<30 {
            text += "område Yttre\(area) {\n"
            for _ in 0..<Int(generator.next() % 12) {
                let pick = generator.next() % 4 == 0 ? others[Int(generator.next() % UInt64(others.count))]
                    : posts[Int(generator.next() % UInt64(posts.count))]
                text += (generator.next() % 3 == 0 ? "    " : "  ") + pick + (generator.next() % 9 == 0 ? "\r\n" : "\n")
            }
            text += generator.next() % 5 == 0 ? "}" : "}\n"
        }
        let (fast, reference) = PostLineReaderTests.both(text)
        #expect(fast == reference)
        #expect(fast.count > 100)
    }
}

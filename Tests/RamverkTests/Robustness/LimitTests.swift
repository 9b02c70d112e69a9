import Testing
@testable import Ramverk

/// Every documented limit, hit: each gives its code at a position, never a crash, a
/// hang or a stack overflow — and the inputs the issue names (overflow, division by
/// zero, a percentage of a percentage, cycles, deep nesting, long lines, NUL, BOM, CR LF).
/// The command line's exit codes for the same inputs are in HostileFileTests.
struct LimitTests {
    static func codes(_ run: ScenarioRun) -> [String] { run.diagnostics.map(\.code) }

    @Test("10 000 nested parentheses: R0205 at the 201st")
    func nestedParentheses() {
        let source = MarkedSource("kolumn 2024\npost A 2024: " + String(repeating: "(", count: 200) + "1️⃣"
                                  + String(repeating: "(", count: 9_800) + "1" + String(repeating: ")", count: 10_000))
        let run = Scenario.run(source)
        expectDiagnostic("R0205", at: 1, in: source, run.diagnostics)
    }

    @Test("300 000 operators in a row nest like parentheses: R0205, not a stack overflow")
    func longOperatorChain() {
        let terms = Array(repeating: "1", count: 300_000).joined(separator: " + ")
        let run = Scenario.run("kolumn 2024\nlåt a = \(terms)\npost A 2024: a\n")
        #expect(LimitTests.codes(run) == ["R0205"])
        // 200 operators are as deep as 200 parentheses: allowed; one more is not.
        let chain = { (count: Int) in Array(repeating: "1", count: count).joined(separator: " × ") }
        #expect(LimitTests.codes(Scenario.run("kolumn 2024\nlåt a = \(chain(201))\npost A 2024: a\n")) == [])
        #expect(LimitTests.codes(Scenario.run("kolumn 2024\nlåt a = \(chain(202))\npost A 2024: a\n")) == ["R0205"])
    }

    @Test("200 values each 195 levels deep: R0505, not a stack overflow")
    func deepEvaluation() {
        var lines = ["kolumn 2024", "post P 2024: v198", "låt v0 = 1"]
        for n in 1...198 { lines.append("låt v\(n) = " + String(repeating: "−", count: 195) + "v\(n - 1)") }
        let run = Scenario.run(lines.joined(separator: "\n"))
        #expect(Set(LimitTests.codes(run)) == ["R0505"])
        #expect(run.hasErrors && run.evaluation != nil)
    }

    @Test("a chain of 201 values: R0504")
    func longChain() {
        var lines = ["kolumn 2024"]
        for n in 1...201 { lines.append("post P\(n) 2024: P\(n + 1)") }
        lines.append("post P202 2024: 1")
        #expect(Set(LimitTests.codes(Scenario.run(lines.joined(separator: "\n")))) == ["R0504"])
    }

    @Test("a cycle of definitions: R0503 naming the cycle")
    func cycle() {
        let run = Scenario.run("kolumn 2024\nlåt a = b\nlåt b = a\npost P 2024: a\n")
        #expect(LimitTests.codes(run) == ["R0503"])
        #expect(run.diagnostics.first?.message.contains("a") == true)
    }

    @Test("overflow, division by zero: R0501, R0502 at the expression")
    func arithmeticErrors() {
        let overflow = MarkedSource("kolumn 2024\nenhet mdkr\npost A 2024: 1️⃣900 000 000 × 900 000 000\n")
        expectDiagnostic("R0501", at: 1, in: overflow, Scenario.run(overflow).diagnostics)
        let zero = MarkedSource("kolumn 2024\npost A 2024: 1️⃣1 / (2 − 2)\n")
        expectDiagnostic("R0502", at: 1, in: zero, Scenario.run(zero).diagnostics)
        let literal = Scenario.run("kolumn 2024\npost A 2024: 9 999 999 999 999 999 999\n")
        #expect(LimitTests.codes(literal) == ["R0105"])
    }

    @Test("a percentage of a percentage: R0429; a product of two is a percentage")
    func percentOfPercent() {
        let source = MarkedSource("kolumn 2024\nlåt ökning = 2,4 %\npost Lön 2024: 1 000 × 1️⃣ökning %\n")
        expectDiagnostic("R0429", at: 1, in: source, Scenario.run(source).diagnostics)
        let product = Scenario.run("kolumn 2024\nlåt p = 5 % × 10 %\npost A 2024: 1 000 × p\n")
        #expect(product.diagnostics.isEmpty)
        // 1 000 × 0,5 % = 5 tkr of cost: −5 tkr in the internal (result) sign.
        #expect(product.value("A", "2024") == Money(ore: -500_000))
    }

    @Test("% rounds half away from zero, like every other operation")
    func percentRounds() {
        #expect(Arithmetic.percentOf(.number(Ratio(micros: 150), .plain)) == .success(.number(Ratio(micros: 2), .percent)))
        #expect(Arithmetic.percentOf(.number(Ratio(micros: -150), .plain)) == .success(.number(Ratio(micros: -2), .percent)))
        #expect(Arithmetic.percentOf(.number(Ratio(micros: 149), .plain)) == .success(.number(Ratio(micros: 1), .percent)))
    }

    @Test("the limit shown again with more added keeps the one R0608, last")
    func limitShownTwice() {
        let errors = (0..<150).map { Diagnostic(.divisionByZero, at: SourceSpan(file: 0, start: $0, end: $0 + 1)) }
        let once = DiagnosticLimit.shown(errors)
        #expect(once.count == DiagnosticLimit.maximumShown + 1)
        let again = DiagnosticLimit.shown(once + errors.prefix(3))
        #expect(again.count == once.count)
        #expect(again.filter { $0.code == "R0608" }.count == 1)
        #expect(again.last?.span == once.last?.span)
    }

    @Test("a megabyte of bad characters: 100 errors and R0608, quickly")
    func tooManyProblems() {
        let line = "kolumn 2024\npost A 2024: " + String(repeating: "€", count: 1_000_000) + "\n"
        let run = Scenario.run(line)
        #expect(run.diagnostics.count == DiagnosticLimit.maximumShown + 1)
        #expect(run.diagnostics.dropLast().allSatisfy { $0.code == "R0103" })
        #expect(run.diagnostics.last?.code == "R0608")
        #expect(run.diagnostics.last?.severity == .note)
        // The 101st problem's place.
        #expect(run.diagnostics.last?.span?.start == Int32(25 + 100 * 3))
        // Each problem shows its part of the line, not the whole megabyte.
        let rendered = Scenario.render(run)
        #expect(rendered.utf8.count < 200_000)
    }

    @Test("half a million statements in error on one line, and a million unknown names")
    func manyStatementsInError() {
        let run = Scenario.run(String(repeating: "x;", count: 500_000))
        #expect(LimitTests.codes(run).filter { $0 == "R0201" }.count == 100)
        #expect(LimitTests.codes(run).last == "R0608")
        var lines = ["kolumn 2024"]
        for n in 0..<20_000 { lines.append("låt namn\(n) = 1") }
        for n in 0..<20_000 { lines.append("låt ref\(n) = nman\(n)") }
        let names = Scenario.run(lines.joined(separator: "\n"))
        #expect(names.diagnostics.filter { $0.code == "R0301" }.count == 100)
        #expect(names.diagnostics.filter { $0.severity == .warning || $0.severity == .note }.count <= 101)
    }

    @Test("warnings are counted apart: 150 warnings do not hide an error")
    func warningsDoNotHideErrors() {
        var lines = ["kolumn 2024", "område X {"]
        for n in 0..<150 { lines.append("  låt oanvänd\(n) = 1") }
        lines += ["}", "post A 2024: 1 / 0"]
        let run = Scenario.run(lines.joined(separator: "\n"))
        #expect(run.hasErrors)
        #expect(run.diagnostics.contains { $0.code == "R0502" })
        #expect(run.diagnostics.filter { $0.code == "R0330" }.count == 100)
        #expect(run.diagnostics.last?.code == "R0608")
    }

    @Test("NUL: R0102 in the text and in a string; a NUL in an include path opens nothing")
    func nul() {
        let text = MarkedSource("kommun X1️⃣\u{0}\nkommun \"Y2️⃣\u{0}\"\n")
        let run = Scenario.run(text)
        #expect(LimitTests.codes(run) == ["R0102", "R0102"])
        #expect(run.diagnostics.map { Int($0.span!.start) } == [text.offset(1), text.offset(2)])
        let include = Scenario.run("inkludera \"x\u{0}.ramverk\"\n", files: ["x": "kommun Fel\n"])
        #expect(include.sources.files.count == 1, "the file x was read")
        #expect(LimitTests.codes(include).contains("R0606"))
    }

    @Test("control characters: R0103 also in quotes, and never sent to a terminal")
    func controlCharacters() {
        let source = MarkedSource("kolumn 2024\npost \"a1️⃣\u{1B}]0;titel2️⃣\u{07}b\" 2024: 1\n")
        let run = Scenario.run(source)
        #expect(LimitTests.codes(run) == ["R0103", "R0103"])
        #expect(run.diagnostics.map { Int($0.span!.start) } == [source.offset(1), source.offset(2)])
        #expect(run.diagnostics.first?.help == "ett styrtecken hör inte hemma i en textfil; ta bort det")
        let rendered = Scenario.render(run)
        #expect(!rendered.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(rendered.contains("post \"a␛]0;titel␇b\" 2024: 1"))
        // A tab in a string is text; C1 controls are refused like C0.
        #expect(LimitTests.codes(Scenario.run("kommun \"a\tb\"\n")) == [])
        #expect(LimitTests.codes(Scenario.run("kommun \"a\u{9B}b\"\n")) == ["R0103"])
        #expect(DiagnosticRenderer.visible("a\u{1B}[31mb\u{7F}\u{85}") == "a␛[31mb␡\u{FFFD}")
    }

    @Test("bidi controls: R0103 in quotes (a name must read as it is), shown as U+FFFD")
    func bidiControls() {
        let source = MarkedSource("kolumn 2024\npost \"Skola 1️⃣\u{202E}loks\" 2024: 1\nkommun \"2️⃣\u{2066}x\"\n")
        let run = Scenario.run(source)
        #expect(LimitTests.codes(run) == ["R0103", "R0103"])
        #expect(run.diagnostics.map { Int($0.span!.start) } == [source.offset(1), source.offset(2)])
        #expect(run.diagnostics.first?.message.contains("U+202E") == true)
        let rendered = Scenario.render(run)
        #expect(!rendered.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        // Right-to-left text itself is text.
        #expect(LimitTests.codes(Scenario.run("kommun \"שלום\"\n")) == [])
    }

    @Test("invalid UTF-8: R0101 at the first bad byte, on its line")
    func invalidUTF8() {
        let bytes = Array("kolumn 2024\npost Malm".utf8) + [0xF6] + Array(" 2024: 1\n".utf8)
        let run = Pipeline.run(ProgramLoaderTestSupport.load(bytes))
        #expect(LimitTests.codes(run) == ["R0101"])
        let location = Scenario.location(of: run.diagnostics[0], in: run.sources)
        #expect(location == Ramverk.SourceLocation(line: 2, column: 10))
    }

    @Test("a name of only spaces is as empty as no name (R0207): it printed as a blank row")
    func blankNames() {
        #expect(LimitTests.codes(Scenario.run("kolumn 2024\npost \"   \" 2024: 1\n")) == ["R0207"])
        #expect(LimitTests.codes(Scenario.run("kolumn 2024\npost \"\u{00A0}\" 2024: 1\n")) == ["R0207"])
        #expect(LimitTests.codes(Scenario.run("kolumn 2024\npost \" A \" 2024: 1\n")) == [])
    }

    @Test("invalid UTF-8 in a large file, validated in two halves: the first bad byte of the file")
    func invalidUTF8InALargeFile() {
        let line = Array("post Ärende 2024: 1\n".utf8)
        var bytes: [UInt8] = []
        while bytes.count < ParallelParse.threshold + 1000 { bytes += line }
        let late = bytes.count * 3 / 4
        let early = bytes.count / 4
        var one = bytes
        one[late] = 0xF6
        #expect(UTF8Validation.firstInvalidOffset(one) == late)
        var two = one
        two[early] = 0xC3
        two[early + 1] = 0x28
        #expect(UTF8Validation.firstInvalidOffset(two) == early)
        #expect(UTF8Validation.firstInvalidOffset(bytes) == nil)
    }

    @Test("a byte-order mark and CR LF line ends: the same result, the same columns")
    func byteOrderMarkAndCRLF() {
        let plain = "kolumn 2024\npost A 2024: 1 €\n"
        let variants = [plain, "\u{FEFF}" + plain, plain.replacingOccurrences(of: "\n", with: "\r\n"),
                        "\u{FEFF}" + plain.replacingOccurrences(of: "\n", with: "\r\n")]
        for text in variants {
            let run = Scenario.run(text)
            #expect(LimitTests.codes(run) == ["R0103"])
            #expect(Scenario.location(of: run.diagnostics[0], in: run.sources) == Ramverk.SourceLocation(line: 2, column: 16))
        }
        let first = Scenario.run("\u{FEFF}post A 2024: 1 €\n")
        #expect(Scenario.location(of: first.diagnostics[0], in: first.sources) == Ramverk.SourceLocation(line: 1, column: 16))
        #expect(Scenario.render(first).contains("1 | post A 2024: 1 €\n  |                ^\n"))
        let valid = "kommun X\nkolumn 2024\npost A 2024: 1\n"
        let reports = [valid, "\u{FEFF}" + valid.replacingOccurrences(of: "\n", with: "\r\n")].map { text -> String in
            let run = Scenario.run(text)
            return TextReportRenderer(sources: run.sources).render(DriftbudgetReportBuilder.build(model: run.model!, evaluation: run.evaluation!))
        }
        #expect(reports[0] == reports[1])
    }

    @Test("an include cycle and 17 levels of includes: R0603, R0604")
    func includes() {
        let cycle = Scenario.run("inkludera \"a.ramverk\"\n", files: ["a.ramverk": "inkludera \"b.ramverk\"\n",
                                                                      "b.ramverk": "inkludera \"a.ramverk\"\n"])
        #expect(LimitTests.codes(cycle) == ["R0603"])
        var files: [String: String] = [:]
        for n in 1...20 { files["d\(n).ramverk"] = "inkludera \"d\(n + 1).ramverk\"\n" }
        let deep = Scenario.run("inkludera \"d1.ramverk\"\n", files: files)
        #expect(LimitTests.codes(deep) == ["R0604"])
    }
}

/// Loads bytes that are not valid UTF-8 as the main file (`Scenario.run` takes text).
enum ProgramLoaderTestSupport {
    static func load(_ bytes: [UInt8]) -> ParsedProgram {
        var files = MemoryFileSystem([:])
        files.files["test.ramverk"] = bytes
        guard case .success(let program) = ProgramLoader.load(path: "test.ramverk", fileSystem: files) else {
            fatalError("test.ramverk is in memory")
        }
        return program
    }
}

import Foundation
import Testing

/// `--format csv` read back with a real CSV parser, Python's `csv` module, as Excel
/// would read it: `;` between fields, UTF-8 with a byte-order mark, CR LF line ends,
/// quoting per RFC 4180, amounts that parse as numbers with a decimal comma.
struct CSVOutputTests {
    /// What Python's csv module made of a file, with the raw facts about its bytes.
    struct Parsed: Decodable {
        var bom: Bool
        var crlf: Int
        var lf: Int
        var rows: [[String]]

        var header: [String] { rows[0] }
        var body: [[String]] { Array(rows.dropFirst()) }

        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
    }

    static let reader = """
        import csv, io, json, sys
        data = open(sys.argv[1], "rb").read()
        text = data.decode("utf-8")
        if text.startswith("\\ufeff"):
            text = text[1:]
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True))
        print(json.dumps({"bom": data.startswith(b"\\xef\\xbb\\xbf"), "crlf": data.count(b"\\r\\n"),
                          "lf": data.count(b"\\n"), "rows": rows}))
        """

    /// Runs `ramverk arguments… -o FILE` and parses FILE with Python; nil (and a note)
    /// when python3 is not installed.
    static func parse(_ arguments: [String], stdin: String? = nil, expectExit: Int32) throws -> Parsed? {
        guard let python = ExternalTool.find("python3") else {
            print("CSVOutputTests: skipped, python3 is not installed")
            return nil
        }
        let folder = try ExternalTool.scratchFolder("csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rapport.csv")
        let run = try RamverkBinary.run(arguments + ["--format", "csv", "-o", file.path], stdin: stdin)
        #expect(run.exitCode == expectExit, "\(run.stderr)")
        #expect(run.stdout.isEmpty, "with -o nothing goes to standard output")
        let output = try ExternalTool.run(python, ["-c", reader, file.path])
        #expect(output.exitCode == 0, "Python's csv module could not read the file: \(output.stderr)")
        return try JSONDecoder().decode(Parsed.self, from: Data(output.stdout.utf8))
    }

    /// An amount or share as Excel reads a number: ASCII minus, digits, decimal comma.
    static func isNumber(_ text: String) -> Bool {
        text.range(of: #"^-?[0-9]+(,[0-9]+)?$"#, options: .regularExpression) != nil
    }

    static func checkShape(_ parsed: Parsed) {
        #expect(parsed.bom, "no byte-order mark: Excel would read the file as Windows-1252")
        #expect(parsed.crlf == parsed.lf && parsed.lf == parsed.rows.count, "every line ends in CR LF")
        for row in parsed.body { #expect(row.count == parsed.header.count, "\(row)") }
    }

    @Test("kör --format csv: the driftbudget rows, every amount a number Excel reads")
    func driftbudget() throws {
        guard let parsed = try CSVOutputTests.parse(["kör", "Scenarios/haninge-2021.ramverk"], expectExit: 1) else { return }
        CSVOutputTests.checkShape(parsed)
        #expect(Array(parsed.header.prefix(5)) == ["Tabell", "Typ", "Nivå", "Område", "Namn"])
        for row in parsed.body {
            for cell in row.dropFirst(5) where !cell.isEmpty {
                #expect(CSVOutputTests.isNumber(cell), "'\(cell)' in \(row[4]) is not a number for Excel")
            }
        }
        // One row per post, total and table total of the JSON report (areas are paths).
        let json = try RamverkBinary.run(["kör", "Scenarios/haninge-2021.ramverk", "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let rows = report?["rows"] as? [[String: Any]] ?? []
        #expect(parsed.body.count == rows.count { $0["kind"] as? String != "area" })

        let folkhalsa = try #require(parsed.body.first { $0[4] == "Folkhälsa" })
        #expect(folkhalsa[3] == "Sammanställning / Förtroendemannaorganisation")
        #expect(folkhalsa[1] == "post")
        #expect(folkhalsa[parsed.column("Budget 2020 (tkr)")!] == "150")
        #expect(folkhalsa[parsed.column("Budget 2021 [2021] (tkr)")!] == "500")
        #expect(folkhalsa[parsed.column("Förändring Budget 2020–Budget 2021 (tkr)")!] == "350")
        #expect(folkhalsa[parsed.column("Förändring Budget 2020–Budget 2021 (%)")!] == "233,3")
        let total = try #require(parsed.body.first { $0[4] == "Summa Kommunstyrelsen" })
        #expect(total[1] == "summa")
        #expect(total[parsed.column("Budget 2020 (tkr)")!] == "230034")
        let reduced = try #require(parsed.body.first { $0[4] == "Kommittéer och råd" })
        #expect(reduced[parsed.column("Förändring Budget 2020–Budget 2021 (tkr)")!] == "-100")
    }

    @Test("kör --format csv: separators, quotes and formula-like names survive a round trip; amounts stay exact")
    func quotingAndExactness() throws {
        let scenario = """
            enhet tkr
            kolumn 2024 "Budget; 2024"
            kolumn 2025 "Budget 2025"
            område "Kultur; \\"fritid\\"" {
              post "=SUMMA(A1)"  2024: 1,5    2025: 2
              post "Bad <&>"     2024: −3     2025: 4,00001
            }
            """
        guard let parsed = try CSVOutputTests.parse(["kör", "-"], stdin: scenario, expectExit: 0) else { return }
        CSVOutputTests.checkShape(parsed)
        #expect(parsed.header[5] == "Budget; 2024 (tkr)")
        #expect(parsed.body.map { $0[3] } == ["Kultur; \"fritid\"", "Kultur; \"fritid\"", "Kultur; \"fritid\""])
        // A name Excel would run as a formula is written as text.
        #expect(parsed.body[0][4] == "'=SUMMA(A1)")
        #expect(parsed.body[1][4] == "Bad <&>")
        #expect(Array(parsed.body[1][5...6]) == ["-3", "4,00001"], "amounts are exact, not rounded to the unit")
        #expect(parsed.body[2][4] == "Summa Kultur; \"fritid\"")
    }

    @Test("risk --format csv: känslighetsanalys, simulation and contributors in one table")
    func risk() throws {
        guard let parsed = try CSVOutputTests.parse(["risk", "Scenarios/haninge-2021.ramverk"], expectExit: 0) else { return }
        CSVOutputTests.checkShape(parsed)
        #expect(Array(parsed.header.prefix(3)) == ["Tabell", "Namn", "Påverkan på resultatet (tkr)"])
        let parts = parsed.body.map { $0[0] }
        #expect(parts.count { $0 == "Känslighetsanalys" } == 7)
        #expect(parts.count { $0 == "Simulering" } == 4)
        #expect(parts.count { $0 == "Riskbidrag" } == 4)
        #expect(parsed.body[0][1] == "Realisationsvinster uteblir")
        #expect(parsed.body[0][2] == "-15000")
        let result = try #require(parsed.body.first { $0[0] == "Simulering" && $0[1] == "Resultat" })
        #expect(result[parsed.column("Andel under 0 (%)")!] == "34,441")
        for row in parsed.body {
            for cell in row.dropFirst(2) where !cell.isEmpty {
                #expect(CSVOutputTests.isNumber(cell), "'\(cell)' in \(row[1]) is not a number for Excel")
            }
        }
    }

    @Test("jämför --format csv: base and scenarios side by side, every figure a number Excel reads")
    func comparison() throws {
        guard let parsed = try CSVOutputTests.parse(["jämför", "Scenarios/haninge-2021-alternativ.ramverk", "--iterationer", "2000"],
                                                     expectExit: 1) else { return }
        CSVOutputTests.checkShape(parsed)
        #expect(Array(parsed.header.prefix(4)) == ["Typ", "Nivå", "Namn", "Bas (tkr)"])
        // Five scenarios, three columns each.
        #expect(parsed.header.count == 4 + 5 * 3)
        let folkhalsa = try #require(parsed.body.first { $0[2] == "Folkhälsa" })
        #expect(folkhalsa[3] == "500")
        #expect(folkhalsa[parsed.column("Δ Alt B – mindre reserv, mer folkhälsa (tkr)")!] == "2000")
        for row in parsed.body {
            for cell in row.dropFirst(3) where !cell.isEmpty {
                #expect(CSVOutputTests.isNumber(cell), "'\(cell)' in \(row[2]) is not a number for Excel")
            }
        }
    }
}

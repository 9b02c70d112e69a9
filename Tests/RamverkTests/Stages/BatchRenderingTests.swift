import Foundation
import Testing
@testable import Ramverk

/// The three renderings of a `kontrollera` run: text, GitHub workflow commands and JSON.
struct BatchRenderingTests {
    static let files: [String: String] = [
        "bra.ramverk": """
            kolumn 2021
            område A {
              post X 2021: 1
              summa 2021: 1
            }
            """,
        "fel.ramverk": "kolumn 2021\npost X 2021: y\n",
        "kontroll.ramverk": """
            kolumn 2021
            post X 2021: 1
            förvänta "X är 2,0 %" X.2021 / X.2021 = 2,0 %
            """,
        "varning.ramverk": """
            kolumn 2021
            område A {
              låt oanvänd = 1
              post Reserv 2021: 5
            }
            reserv A.Reserv.2021 {
            }
            """,
    ]

    /// The run over `names` (in that order), from the in-memory files.
    static func run(_ names: [String]) -> BatchResult {
        BatchCheck.run(names.map { .file($0) }, fileSystem: MemoryFileSystem(files))
    }

    // MARK: - Text

    @Test func textGroupsEachFilesProblemsAndEndsWithTheSummary() {
        let text = BatchTextRenderer().render(BatchRenderingTests.run(["bra.ramverk", "fel.ramverk", "kontroll.ramverk"]))
        #expect(text == """
            bra.ramverk: kontrollen stämmer
            fel.ramverk: 1 fel; inget räknades ut
            fel.ramverk:2:14: fel[R0301]: okänt namn 'y'
              |
            2 | post X 2021: y
              |              ^
              = hjälp: menade du 'X'?
              = not: 'X' är deklarerad på rad 2

            kontroll.ramverk: kontrollen stämmer inte
              ✗ X är 2,0 %: förväntat 2,0 %, beräknat 100,0 %, differens −98,0 procentenheter
                  kontroll.ramverk:3:1

            3 filer, 1 fel, 1 kontroll stämmer inte

            """)
    }

    @Test func quietTextIsEmptyForACleanRunAndLeavesOutNotes() {
        let quiet = BatchTextRenderer(quiet: true)
        #expect(quiet.render(BatchRenderingTests.run(["bra.ramverk"])).isEmpty)
        let warned = quiet.render(BatchRenderingTests.run(["bra.ramverk", "varning.ramverk"]))
        #expect(warned.hasPrefix("varning.ramverk: kontrollen stämmer, 1 varning\n"), "the reserve is a check")
        #expect(warned.contains("varning[R0330]"))
        #expect(!warned.contains("R0331"), "notes are left out when quiet")
        #expect(!warned.contains("filer"), "no summary when quiet")
    }

    @Test func theSummaryCountsInSingularAndPlural() {
        var tally = BatchTally()
        tally.files = 1
        tally.checks = 1
        #expect(BatchTextRenderer.summary(tally) == "1 fil, 1 kontroll stämmer")
        tally.files = 12
        tally.errors = 3
        tally.warnings = 1
        tally.checks = 40
        tally.failedChecks = 2
        #expect(BatchTextRenderer.summary(tally) == "12 filer, 3 fel, 1 varning, 2 kontroller stämmer inte")
        tally.unreadable = 1
        tally.warnings = 2
        tally.notes = 1
        tally.failedChecks = 1
        #expect(BatchTextRenderer.summary(tally)
                == "12 filer, 1 sökväg kan inte läsas, 3 fel, 2 varningar, 1 not, 1 kontroll stämmer inte")
        tally = BatchTally()
        tally.files = 2
        tally.notes = 2
        tally.checks = 5
        #expect(BatchTextRenderer.summary(tally) == "2 filer, 2 noter, alla 5 kontroller stämmer")
    }

    // MARK: - GitHub

    @Test func githubWritesOneCommandPerProblemWithPlacesAndTitles() {
        let output = GitHubAnnotationRenderer().render(
            BatchRenderingTests.run(["bra.ramverk", "fel.ramverk", "kontroll.ramverk", "varning.ramverk"]))
        #expect(output == """
            ::error file=fel.ramverk,line=2,col=14,endLine=2,endColumn=14,title=R0301::okänt namn 'y'%0Ahjälp: menade du 'X'?%0Anot: 'X' är deklarerad på rad 2
            ::error file=kontroll.ramverk,line=3,col=1,endLine=3,endColumn=45,title=Kontroll stämmer inte::X är 2,0 %25: förväntat 2,0 %25, beräknat 100,0 %25, differens −98,0 procentenheter
            ::warning file=varning.ramverk,line=3,col=7,endLine=3,endColumn=13,title=R0330::värdet 'oanvänd' används inte%0Ahjälp: ett värde i ett område visas inte i rapporten; använd det i en uträkning eller ta bort raden
            ::notice file=varning.ramverk,line=6,col=1,endLine=6,endColumn=20,title=R0331::inget beslut tar av reserven 'Reserv'; hela beloppet finns kvar
            4 filer, 1 fel, 1 varning, 1 not, 1 kontroll stämmer inte

            """)
    }

    @Test func githubEscapesDataAndProperties() {
        #expect(GitHubAnnotationRenderer.escapeData("100 % klart\r\nrad 2: a, b") == "100 %25 klart%0D%0Arad 2: a, b")
        #expect(GitHubAnnotationRenderer.escapeProperty("mapp/a,b:c%.ramverk") == "mapp/a%2Cb%3Ac%25.ramverk")
        let command = GitHubAnnotationRenderer().command(
            "error", file: SpanPosition(path: "a,b.ramverk", start: SourceLocation(line: 1, column: 2),
                                        end: SourceLocation(line: 3, column: 1)),
            title: "R0202: x", message: "m")
        // Over several lines: no endColumn (GitHub takes columns only within one line).
        #expect(command == "::error file=a%2Cb.ramverk,line=1,col=2,endLine=3,title=R0202%3A x::m\n")
    }

    @Test func githubReportsAnUnreadablePathWithoutAFile() {
        let result = BatchCheck.run([.unreadable("finns/inte", .notFound)], fileSystem: MemoryFileSystem([:]))
        #expect(GitHubAnnotationRenderer(quiet: true).render(result)
                == "::error title=ramverk::finns/inte: kan inte läsas: filen finns inte\n")
    }

    // MARK: - JSON

    @Test func jsonHoldsEveryFileWithPositionsAndTheSummary() throws {
        let result = BatchRenderingTests.run(["fel.ramverk", "kontroll.ramverk", "varning.ramverk"])
        let text = JSONDiagnosticsRenderer().render(result, exitCode: 65, warningsAsErrors: false)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "ramverk.kontrollera/1")
        let files = try #require(document["files"] as? [[String: Any]])
        #expect(files.map { $0["status"] as? String } == ["error", "checkFailed", "ok"])
        let diagnostic = try #require((files[0]["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["code"] as? String == "R0301")
        #expect(diagnostic["severity"] as? String == "error")
        #expect([diagnostic["line"], diagnostic["column"], diagnostic["endLine"], diagnostic["endColumn"]]
                    .map { $0 as? Int } == [2, 14, 2, 14])
        #expect(diagnostic["help"] as? String == "menade du 'X'?")
        #expect((diagnostic["notes"] as? [[String: Any]])?.first?["line"] is NSNull)
        let check = try #require((files[1]["failedChecks"] as? [[String: Any]])?.first)
        #expect(check["kind"] as? String == "expectation")
        #expect(check["message"] as? String == "X är 2,0 %: förväntat 2,0 %, beräknat 100,0 %, differens −98,0 procentenheter")
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["exitCode"] as? Int == 65)
        #expect(summary["text"] as? String == "3 filer, 1 fel, 1 varning, 1 not, 1 kontroll stämmer inte")
    }

    @Test func spanPositionsCountCharactersAndEndOnTheLastOne() {
        var sources = SourceSet()
        let file = sources.add(SourceFile(path: "a.ramverk", text: "post Bä 2021: 1\nx\n"))
        let name = SpanPosition(SourceSpan(file: file, start: 5, end: 8), in: sources)
        #expect(name?.start == SourceLocation(line: 1, column: 6))
        #expect(name?.end == SourceLocation(line: 1, column: 7), "ä is one column")
        let throughLineEnd = SpanPosition(SourceSpan(file: file, start: 14, end: 17), in: sources)
        #expect(throughLineEnd?.end == SourceLocation(line: 1, column: 16))
        let empty = SpanPosition(SourceSpan(file: file, start: 17, end: 17), in: sources)
        #expect(empty?.start == empty?.end)
    }
}

import Testing
@testable import Ramverk

/// The marker helper itself: if it miscounts, every position test lies.
struct MarkedSourceTests {
    @Test func markersAreStrippedAndCountedInBytes() {
        let source = MarkedSource("post 1️⃣Åtgärd 2021: 2️⃣5\n3️⃣låt x = 1")
        #expect(source.text == "post Åtgärd 2021: 5\nlåt x = 1")
        #expect(source.offset(1) == 5)
        // "Åtgärd 2021: " is 13 characters but 15 bytes (Å and ä take two each).
        #expect(source.offset(2) == 5 + 15)
        #expect(source.offset(3) == Array("post Åtgärd 2021: 5\n".utf8).count)
    }

    @Test func locationsCountCharacters() {
        let source = MarkedSource("kolumn 2021\npost Åtgärd 2021: 1️⃣x")
        #expect(source.location(1) == Ramverk.SourceLocation(line: 2, column: 19))
        // The library's own computation agrees with the helper's.
        let file = SourceFile(path: "t", text: source.text)
        #expect(file.location(of: source.offset(1)) == source.location(1))
    }

    @Test func pipelineHelperRunsEveryStage() {
        let run = Scenario.run("kolumn 2021\npost A 2021: 1\n")
        #expect(run.diagnostics.isEmpty)
        #expect(run.value("A", "2021") == Money(ore: -100_000))
    }
}

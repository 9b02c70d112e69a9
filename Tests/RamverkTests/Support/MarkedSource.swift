import Testing
@testable import Ramverk

/// A scenario text with position markers, in the style of swift-syntax's tests:
/// `1️⃣`, `2️⃣` … `9️⃣` (and `0️⃣`) are removed from the text, and each marker's place in
/// the stripped text is kept as a byte offset and as a line:column (columns count
/// characters, as diagnostics do).
///
///     let source = MarkedSource("post A 2021: 1️⃣Folkhalsa")
///     source.text          // "post A 2021: Folkhalsa"
///     source.offset(1)     // 13
struct MarkedSource {
    /// The text with every marker removed.
    let text: String
    /// Marker number → byte offset (UTF-8) in `text`.
    let offsets: [Int: Int]
    /// Marker number → 1-based line and character column in `text`.
    let locations: [Int: Ramverk.SourceLocation]

    init(_ marked: String) {
        var stripped = String.UnicodeScalarView()
        var offsets: [Int: Int] = [:]
        var locations: [Int: Ramverk.SourceLocation] = [:]
        var byteOffset = 0
        var line = 1
        var lineText = String.UnicodeScalarView()
        let scalars = Array(marked.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            // A keycap marker is DIGIT, U+FE0F (emoji presentation), U+20E3 (keycap).
            if ("0"..."9").contains(scalar), index + 2 < scalars.count,
               scalars[index + 1] == "\u{FE0F}", scalars[index + 2] == "\u{20E3}" {
                let number = Int(scalar.value - 0x30)
                precondition(offsets[number] == nil, "marker \(number) appears twice")
                offsets[number] = byteOffset
                locations[number] = Ramverk.SourceLocation(line: line, column: String(lineText).count + 1)
                index += 3
                continue
            }
            stripped.append(scalar)
            byteOffset += String(scalar).utf8.count
            if scalar == "\n" {
                line += 1
                lineText = String.UnicodeScalarView()
            } else {
                lineText.append(scalar)
            }
            index += 1
        }
        self.text = String(stripped)
        self.offsets = offsets
        self.locations = locations
    }

    /// The byte offset of marker `number`; fails the test (and returns -1) if absent.
    func offset(_ number: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int {
        guard let offset = offsets[number] else {
            Issue.record("no marker \(number) in the source", sourceLocation: sourceLocation)
            return -1
        }
        return offset
    }

    /// The line and character column of marker `number`.
    func location(_ number: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Ramverk.SourceLocation {
        guard let location = locations[number] else {
            Issue.record("no marker \(number) in the source", sourceLocation: sourceLocation)
            return Ramverk.SourceLocation(line: 0, column: 0)
        }
        return location
    }
}

/// Runs text through the pipeline and reads what came out, for the stage tests.
enum Scenario {
    static let path = "test.ramverk"

    /// The whole pipeline on `text`, as the main file `test.ramverk`. `files` are other
    /// files of the in-memory file system (for `inkludera`).
    static func run(_ text: String, files: [String: String] = [:]) -> ScenarioRun {
        var all = files
        all[path] = text
        return Pipeline.run(text: text, path: path, fileSystem: MemoryFileSystem(all))
    }

    /// The pipeline on a marked source.
    static func run(_ source: MarkedSource, files: [String: String] = [:]) -> ScenarioRun {
        run(source.text, files: files)
    }

    /// Only the loader and parser: the syntax trees and the syntax diagnostics.
    static func parse(_ text: String) -> ParsedProgram {
        ProgramLoader.load(text: text, path: path, fileSystem: MemoryFileSystem([path: text]))
    }

    /// Loads, parses and checks, without evaluating.
    static func check(_ text: String) -> (program: ParsedProgram, model: Model, diagnostics: [Diagnostic]) {
        let program = parse(text)
        let checked = Checker.check(program)
        return (program, checked.model, program.diagnostics + checked.diagnostics)
    }

    /// Every diagnostic of `run` rendered as the command line prints it (no colour).
    static func render(_ run: ScenarioRun) -> String {
        DiagnosticRenderer(sources: run.sources).render(run.diagnostics)
    }

    /// The codes of the diagnostics, in order.
    static func codes(_ run: ScenarioRun) -> [String] {
        run.diagnostics.map(\.code)
    }

    /// Where a diagnostic starts, as line:column in its file.
    static func location(of diagnostic: Diagnostic, in sources: SourceSet) -> Ramverk.SourceLocation? {
        guard let span = diagnostic.span else { return nil }
        return sources[span.file].location(of: Int(span.start))
    }

    /// The text a diagnostic's span covers.
    static func text(of diagnostic: Diagnostic, in sources: SourceSet) -> String? {
        guard let span = diagnostic.span else { return nil }
        return sources[span.file].text(span.range)
    }
}

/// Expects exactly one diagnostic with `code` in `diagnostics`, starting at marker
/// `marker` of `source`, and returns it for further checks.
@discardableResult
func expectDiagnostic(_ code: String, at marker: Int, in source: MarkedSource, _ diagnostics: [Diagnostic],
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    let matching = diagnostics.filter { $0.code == code }
    guard matching.count == 1, let diagnostic = matching.first else {
        Issue.record("expected one \(code), got \(diagnostics.map { "\($0.code) \($0.message)" })",
                     sourceLocation: sourceLocation)
        return nil
    }
    #expect(diagnostic.span.map { Int($0.start) } == source.offset(marker, sourceLocation: sourceLocation),
            "\(code) starts at the wrong place", sourceLocation: sourceLocation)
    return diagnostic
}

/// Amounts for expectations, in öre.
enum Amount {
    static func kr(_ value: Int64) -> Money { Money(ore: value * 100) }
    static func tkr(_ value: Int64) -> Money { Money(ore: value * 100_000) }
    static func mnkr(_ value: Int64) -> Money { Money(ore: value * 100_000_000) }
}

/// Readers of an evaluated run by name, so tests need not know model indices.
extension ScenarioRun {
    func postIndex(_ name: String) -> Int? {
        model?.posts.firstIndex { $0.name == name }
    }

    func areaIndex(_ name: String) -> Int? {
        model?.areas.firstIndex { $0.name == name }
    }

    func columnIndex(_ key: String) -> Int? {
        model?.columns.firstIndex { $0.key == key }
    }

    /// A post's value in internal (result) sign: income positive, cost negative.
    func value(_ post: String, _ column: String) -> Money? {
        guard let evaluation, let post = postIndex(post), let column = columnIndex(column) else { return nil }
        return evaluation.value(post: post, column: column)
    }

    /// An area's computed total in internal (result) sign.
    func total(_ area: String, _ column: String) -> Money? {
        guard let evaluation, let area = areaIndex(area), let column = columnIndex(column) else { return nil }
        return evaluation.total(area: area, column: column)
    }
}

extension Scenario {
    /// The text of a file of the repository (found from this source file's path).
    static func load(repositoryFile path: String) -> String? {
        var folder = #filePath
        while let slash = folder.lastIndex(of: "/") {
            folder = String(folder[..<slash])
            let candidate = folder + "/" + path
            if case .success(let bytes) = LocalFileSystem().read(candidate) {
                return String(decoding: bytes, as: UTF8.self)
            }
            if folder.isEmpty { break }
        }
        return nil
    }
}

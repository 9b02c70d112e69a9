import Foundation
import Testing
@testable import Ramverk

/// A large file mapped into memory (`LocalFileSystem(mapsLargeFiles:)`, `SourceBytes`):
/// the same bytes, the same parse, and pages given back stay readable.
struct MappedSourceTests {
    /// A scenario of about `size` bytes: two areas of posts, with an error on `errorLine`
    /// (a reference to a missing post) when given.
    static func largeScenario(atLeast size: Int, errorLine: Int? = nil) -> String {
        var text = "kommun Storvik\nnämnd Kommunstyrelsen\nenhet tkr\nkolumn 2024 \"Budget 2024\"\n"
        var line = 4
        var post = 0
        for area in ["Förskola", "Äldreomsorg"] {
            text += "område \(area) {\n"
            line += 1
            while text.utf8.count < size / 2 * (area == "Förskola" ? 1 : 2) {
                line += 1
                if line == errorLine {
                    text += "  post \"Fel \(post)\" 2024: Saknas + 1\n"
                } else {
                    text += "  post \"Rad \(post) åäö\" 2024: \(post % 997) 00\(post % 10)\n"
                }
                post += 1
            }
            text += "}\n"
            line += 1
        }
        return text
    }

    @Test func aLargeFileIsMappedAndReadsAsTheSameBytes() throws {
        let text = MappedSourceTests.largeScenario(atLeast: LocalFileSystem.mappedSize + 4_321)
        try BatchCheckTests.withFolder(["stor.ramverk": text]) { root in
            let mapping = LocalFileSystem(mapsLargeFiles: true)
            guard case .success(let mapped) = mapping.readSource(root + "/stor.ramverk", included: false) else {
                Issue.record("not read")
                return
            }
            #expect(mapped.isMapped)
            #expect(mapped == SourceBytes(Array(text.utf8)))
            // Given back, and read again from the file.
            mapped.release(0..<mapped.count)
            #expect(Array(mapped) == Array(text.utf8))
            // Without the option, or for a small file, the bytes are read.
            let read = try #require(try? LocalFileSystem().readSource(root + "/stor.ramverk", included: false).get())
            #expect(!read.isMapped && read == mapped)
        }
        try BatchCheckTests.withFolder(["liten.ramverk": "kommun A\n"]) { root in
            let small = try #require(try? LocalFileSystem(mapsLargeFiles: true).readSource(root + "/liten.ramverk", included: false).get())
            #expect(!small.isMapped && Array(small) == Array("kommun A\n".utf8))
        }
    }

    /// The parser gives the mapped file's pages back as it goes; a diagnostic found
    /// afterwards still shows its line with the caret, as for a file read into memory.
    @Test func aMappedFileParsesAndReportsAsAFileInMemory() throws {
        let text = MappedSourceTests.largeScenario(atLeast: LocalFileSystem.mappedSize + 100, errorLine: 12)
        try BatchCheckTests.withFolder(["stor.ramverk": text]) { root in
            func rendered(_ fileSystem: LocalFileSystem) throws -> (String, Int?) {
                let run = try Pipeline.run(path: root + "/stor.ramverk", fileSystem: fileSystem).get()
                #expect(run.sources.files[0].bytes.isMapped == fileSystem.mapsLargeFiles)
                return (DiagnosticRenderer(sources: run.sources, colour: false).render(run.diagnostics), run.model?.posts.count)
            }
            let mapped = try rendered(LocalFileSystem(mapsLargeFiles: true))
            let read = try rendered(LocalFileSystem())
            #expect(mapped.0 == read.0)
            #expect(mapped.0.contains("Saknas"))
            #expect(mapped.0.contains("stor.ramverk:12:"))
            #expect(mapped.1 == read.1)
        }
    }

    @Test func bytesCopiedFromAnArrayAreTheArray() {
        let bytes = SourceBytes(Array("åäö\n".utf8))
        #expect(!bytes.isMapped)
        #expect(Array(bytes) == Array("åäö\n".utf8))
        #expect(SourceBytes([UInt8]()).isEmpty)
        #expect(String(decoding: bytes[0..<2], as: UTF8.self) == "å")
        // Releasing a buffer in memory does nothing to it.
        bytes.release(0..<bytes.count)
        #expect(Array(bytes) == Array("åäö\n".utf8))
    }
}

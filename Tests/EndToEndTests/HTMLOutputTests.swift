import Foundation
import Testing

/// `--format html`: one self-contained page — nothing fetched, no scripts — with its
/// charts inline, and every text escaped.
struct HTMLOutputTests {
    @Test("kör --format html is self-contained: UTF-8, Swedish, inline style and SVG, nothing external")
    func selfContained() throws {
        let run = try RamverkBinary.run(["kör", "Scenarios/haninge-2021.ramverk", "--format", "html"])
        #expect(run.exitCode == 1)
        let page = run.stdout
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
        #expect(page.contains("@page { size: A4;"))
        for forbidden in ["<script", "<link", "<iframe", "<object", "src=", "href=", "url(", "@import"] {
            #expect(!page.contains(forbidden), "the page must not load anything: \(forbidden)")
        }
        // The only address is the SVG namespace, which names and never loads.
        let addresses = page.components(separatedBy: "http://").count + page.components(separatedBy: "https://").count - 2
        let namespaces = page.components(separatedBy: "http://www.w3.org/2000/svg").count - 1
        #expect(addresses == namespaces)
        // Δ per område, the tornado and the histogram.
        #expect(page.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(page.contains("Förändring per område, Budget 2020 → Budget 2021"))
        #expect(page.contains(">P50: 3 689</text>"))
        #expect(page.contains("Resultat: 8 av 105 kontroller stämmer inte."))
    }

    @Test("names and labels are escaped in tables and charts")
    func escaping() throws {
        let scenario = """
            kommun "<Ö&Ä>"
            enhet tkr
            kolumn 2024 "Budget <2024>"
            kolumn 2025 "Budget 2025"
            område "Kultur & \\"fritid\\"" {
              post "<script>alert(1)</script>"  2024: 1    2025: 2
              post "Bad"                        2024: 3    2025: 1
            }
            område Skola {
              post Grund  2024: 5  2025: 6
            }
            """
        let run = try RamverkBinary.run(["kör", "-", "--format", "html"], stdin: scenario)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let page = run.stdout
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("Kultur &amp; &quot;fritid&quot;"))
        #expect(page.contains("&lt;Ö&amp;Ä&gt; kommun"))
        #expect(page.contains("Budget &lt;2024&gt;"))
        #expect(page.contains("<svg "), "two areas with a change: a Δ chart")
    }

    @Test("risk --format html of a file without a risk analysis says so")
    func riskWithoutAnalysis() throws {
        let run = try RamverkBinary.run(["risk", "-", "--format", "html"], stdin: "enhet tkr\nområde A {\n  post B  2024: 1\n}\n")
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("<p>Filen har inga känsligheter eller kvantifierade risker.</p>"))
    }
}

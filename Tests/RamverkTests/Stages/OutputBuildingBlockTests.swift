import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Ramverk

/// The reusable pieces of the CSV and HTML output: the CSV writer, escaping, the
/// chart scale and the SVG charts.
struct OutputBuildingBlockTests {
    // MARK: - CSVWriter

    @Test func csvRowsHaveBOMSemicolonsAndCRLF() {
        var csv = CSVWriter()
        csv.row(["Namn", "Belopp (tkr)"])
        csv.row([.text("Folkhälsa"), .number(scaled: -12_345, decimals: 1)])
        csv.row([.text("Tom"), .empty])
        #expect(csv.output == "\u{FEFF}Namn;Belopp (tkr)\r\nFolkhälsa;-1234,5\r\nTom;\r\n")
        #expect(Array(csv.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(CSVWriter(byteOrderMark: false).output.isEmpty)
    }

    @Test func csvQuotingFollowsRFC4180() {
        #expect(CSVWriter.quoted("plain") == "plain")
        #expect(CSVWriter.quoted("a;b") == "\"a;b\"")
        #expect(CSVWriter.quoted("säg \"hej\"") == "\"säg \"\"hej\"\"\"")
        #expect(CSVWriter.quoted("två\r\nrader") == "\"två\r\nrader\"")
        #expect(CSVWriter.quoted("rad\nny") == "\"rad\nny\"")
        #expect(CSVWriter.quoted(" kant ") == "\" kant \"")
        #expect(CSVWriter.quoted("1,5") == "1,5", "the decimal comma needs no quotes with ; between fields")
    }

    @Test func csvTextThatLooksLikeAFormulaIsGuarded() {
        #expect(CSVWriter.guarded("=SUMMA(A1)") == "'=SUMMA(A1)")
        #expect(CSVWriter.guarded("+46 8") == "'+46 8")
        #expect(CSVWriter.guarded("-5") == "'-5")
        #expect(CSVWriter.guarded("@x") == "'@x")
        #expect(CSVWriter.guarded("−1 %") == "−1 %", "the typographic minus starts no formula")
        #expect(CSVWriter.guarded("Löner +1 %") == "Löner +1 %")
        var csv = CSVWriter(byteOrderMark: false)
        csv.row([.text("=1+1;2")])
        #expect(csv.output == "\"'=1+1;2\"\r\n")
    }

    @Test func csvNumbersAreExact() {
        let field = { (field: CSVWriter.Field) in CSVWriter.text(of: field) }
        #expect(field(.amount(Money(ore: 22_860_000_000), unit: .tkr)) == "228600")
        #expect(field(.amount(Money(ore: 50_050_000), unit: .tkr)) == "500,5")
        #expect(field(.amount(Money(ore: -1), unit: .tkr)) == "-0,00001")
        #expect(field(.amount(Money(ore: 24_700_000_000), unit: .mnkr)) == "247,0")
        #expect(field(.amount(nil, unit: .tkr)) == "")
        #expect(field(.percent(Ratio(micros: 344_410))) == "34,441")
        #expect(field(.percent(Ratio(micros: 1_000_000))) == "100")
        #expect(field(.ratio(Ratio(micros: -665_057))) == "-0,665057")
        #expect(field(.ratio(Ratio(micros: 680_000))) == "0,68")
        #expect(field(.integer(12_345)) == "12345", "no digit grouping: Excel must read a number")
    }

    // MARK: - Markup

    @Test func markupEscapes() {
        #expect(Markup.escape("<a href=\"x\">Å & 'ö'</a>") == "&lt;a href=&quot;x&quot;&gt;Å &amp; &#39;ö&#39;&lt;/a&gt;")
        #expect(Markup.escape("a\u{0}b") == "a\u{FFFD}b")
        #expect(Markup.coordinate(12.25) == "12.3")
        #expect(Markup.coordinate(3.0) == "3")
        #expect(Markup.coordinate(-0.04) == "0")
        #expect(Markup.coordinate(-7.5) == "-7.5")
        #expect(Markup.coordinate(.nan) == "0")
    }

    @Test func htmlTableEscapesAndAligns() {
        var table = HTMLTable(header: [.init("<Namn>"), .init("Belopp", .right)])
        table.add([.init("A & B", indent: 2), .number("−1 434", className: "fel")], className: "summa")
        let html = table.render()
        #expect(html.contains("<th>&lt;Namn&gt;</th><th class=\"h\">Belopp</th>"))
        #expect(html.contains("<tr class=\"summa\"><td style=\"padding-left:2.5em\">A &amp; B</td><td class=\"h tal fel\">−1 434</td></tr>"))
    }

    @Test func htmlDocumentIsSelfContained() {
        var document = HTMLDocument(title: "Rapport <1>")
        document.header(subtitle: "Kommun", lines: ["Belopp i tkr"])
        document.paragraph("x < y")
        let page = document.render()
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(page.contains("<title>Rapport &lt;1&gt;</title>"))
        #expect(page.contains("default-src 'none'"))
        #expect(page.contains("@page { size: A4;"))
        #expect(page.contains("<p>x &lt; y</p>"))
    }

    // MARK: - Charts

    @Test func scaleTicksAreRoundAndNeverFinerThanAUnit() {
        let scale = ChartScale(low: -5_438, high: 20_847, granularity: 1, expand: true)
        #expect(scale.low == -10_000 && scale.high == 30_000)
        #expect(scale.ticks == [-10_000, 0, 10_000, 20_000, 30_000])
        let tiny = ChartScale(low: 0, high: 3, granularity: 100_000, expand: true)
        #expect(tiny.ticks == [0, 100_000])
        let inside = ChartScale(low: -113, high: 17, granularity: 1, targetTicks: 6, expand: false)
        #expect(inside.low == -113 && inside.high == 17)
        #expect(inside.ticks == [-100, -50, 0])
        #expect(ChartScale.niceStep(0.3, minimum: 1) == 1)
        #expect(ChartScale.niceStep(2_345, minimum: 1) == 5_000)
    }

    /// Parses SVG as XML: a chart must be well-formed, whatever its labels.
    static func isWellFormed(_ svg: String) -> Bool {
        XMLParser(data: Data(svg.utf8)).parse()
    }

    @Test func barChartDrawsSignedBarsFromZero() {
        let chart = BarChart(title: "Förändring <&>", bars: [
            .init(label: "Förtroendemannaorganisation", value: 20_847, valueText: "+20 847"),
            .init(label: "Kommunstyrelseförvaltning & \"x\"", value: -5_438, valueText: "−5 438", tone: .secondary),
        ])
        let svg = chart.render { String($0) }
        #expect(OutputBuildingBlockTests.isWellFormed(svg))
        #expect(svg.contains("aria-label=\"Förändring &lt;&amp;&gt;\""))
        #expect(svg.contains(">+20 847</text>"))
        #expect(svg.contains("Kommunstyrelseförvaltning &amp; &quot;x&quot;"))
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 2)
        #expect(svg.contains(ChartTone.secondary.colour))
    }

    @Test func tornadoIsSymmetricAndColouredBySign() {
        let chart = TornadoChart(title: "Tornado", rows: [
            .init(label: "Realisationsvinster uteblir", effect: -15_000, effectText: "−15 000"),
            .init(label: "Löner −1 %", effect: 1_112, effectText: "+1 112"),
            .init(label: "Skatteunderlag", effect: 0, effectText: "0"),
            .init(label: "Okänd", effect: nil, effectText: "–"),
        ])
        let svg = chart.render { String($0) }
        #expect(OutputBuildingBlockTests.isWellFormed(svg))
        #expect(svg.contains(">-20000</text>") && svg.contains(">20000</text>"), "the same reach on both sides")
        #expect(svg.contains(ChartTone.worse.colour) && svg.contains(ChartTone.better.colour))
        #expect(svg.contains("← sämre resultat"))
    }

    @Test func histogramMarksPercentilesAndColoursDeficits() {
        var counts = [Int](repeating: 0, count: 40)
        for index in counts.indices { counts[index] = 100 - abs(index - 25) * 2 }
        let chart = HistogramChart(title: "Resultat", counts: counts, minimum: -113_185, maximum: 16_574,
                                   markers: [.init(label: "P5", value: -14_628, valueText: "−14 628"),
                                             .init(label: "P50", value: 3_689, valueText: "3 689", emphasised: true),
                                             .init(label: "P95", value: 12_802, valueText: "12 802")])
        let svg = chart.render { String($0) }
        #expect(OutputBuildingBlockTests.isWellFormed(svg))
        #expect(svg.contains(">P5: −14 628</text>"))
        #expect(svg.contains("font-weight=\"600\" font-size=\"11.5\">P50: 3 689</text>"))
        #expect(svg.contains(">P95: 12 802</text>"))
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 40)
        #expect(svg.contains(ChartTone.worse.colour) && svg.contains(ChartTone.primary.colour))
        #expect(svg.contains("viewBox=\"0 0 760 "))
        let empty = HistogramChart(title: "Tom", counts: [], minimum: 5, maximum: 5).render { String($0) }
        #expect(OutputBuildingBlockTests.isWellFormed(empty))
    }
}

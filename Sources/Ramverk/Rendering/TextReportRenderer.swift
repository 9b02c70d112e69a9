import Dispatch
import Synchronization

/// Renders a driftbudget report as aligned Swedish text for the terminal: the
/// driftbudget table with changes between years, rams, ramförändringar and the checks.
/// Deterministic: the same report gives the same bytes.
public struct TextReportRenderer: Sendable {
    public var colour: Bool
    /// Where check locations point to (file:line:col).
    public var sources: SourceSet

    public init(sources: SourceSet, colour: Bool = false) {
        self.sources = sources
        self.colour = colour
    }

    static let maximumNameWidth = 56

    func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func amount(_ money: Money?, _ unit: MoneyUnit) -> String {
        money.map { SwedishNumberFormat.format($0, unit: unit) } ?? ""
    }

    public func render(_ report: DriftbudgetReport, riskAnalysis: RiskAnalysisResult? = nil) -> String {
        var output = TextOutput()
        render(report, riskAnalysis: riskAnalysis, to: &output)
        return output.string
    }

    /// Writes the report into `output` (which may stream it to a file or terminal);
    /// the risk- och känslighetsanalys, if given, goes before the checks.
    public func render(_ report: DriftbudgetReport, riskAnalysis: RiskAnalysisResult? = nil, to output: inout TextOutput) {
        output.append("Driftbudget\n")
        if let owner = ReportOwner.line(municipality: report.municipality, committee: report.committee) {
            output.append(owner + "\n")
        }
        output.append("Belopp i \(report.unit.rawValue) (\(report.sign.phrase))\n\n")
        for table in report.tables where !table.rows.isEmpty { renderTable(report, table, to: &output) }
        var out = ""
        if !report.namedValues.isEmpty { renderNamedValues(report, into: &out) }
        if !report.rams.isEmpty { renderRams(report, into: &out) }
        for ram in report.rams where !ram.revisions.isEmpty { renderRevisions(ram, unit: report.unit, into: &out) }
        for bridge in report.bridges { renderBridge(bridge, unit: report.unit, into: &out) }
        for reserve in report.reserves { renderReserve(reserve, unit: report.unit, into: &out) }
        for carryOver in report.carryOvers { renderCarryOver(carryOver, unit: report.unit, into: &out) }
        if !report.capitalGains.isEmpty { renderCapitalGains(report.capitalGains, unit: report.unit, into: &out) }
        for balance in report.balances { renderBalance(balance, unit: report.unit, into: &out) }
        if !report.risks.isEmpty { renderRisks(report.risks, into: &out) }
        if let riskAnalysis, riskAnalysis.year != nil {
            out += TextRiskRenderer(unit: report.unit, colour: colour).render(riskAnalysis) + "\n"
        }
        renderChecks(report, into: &out)
        output.append(out)
    }

    // MARK: - The driftbudget table

    /// The figures of one row after the name: each shown column, then per change the
    /// difference and the percentage, as scaled integers (amounts in the unit's
    /// decimals, percentages with one decimal). nil = blank; `noPercentage` = "–" (a
    /// change from zero has no percentage).
    private func figures(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table, row: Int,
                         into values: inout [Int64?]) {
        let unit = report.unit
        let decimals = unit.displayDecimals
        var index = 0
        for column in table.columns {
            values[index] = report.value(row: row, column: column)?.scaled(in: unit, decimals: decimals)
            index += 1
        }
        let isArea = report.rows[row].kind == .area
        for change in table.changes {
            let from = report.value(row: row, column: change.from)
            let to = report.value(row: row, column: change.to)
            if !isArea, let from, let to, let delta = to.subtracting(from) {
                values[index] = delta.scaled(in: unit, decimals: decimals)
                values[index + 1] = SwedishNumberFormat.percentChange(delta, from: from) ?? TextReportRenderer.noPercentage
            } else {
                values[index] = nil
                values[index + 1] = nil
            }
            index += 2
        }
    }

    static let noPercentage = Int64.min

    private func renderTable(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table,
                             to output: inout TextOutput) {
        let columnCount = table.columns.count
        let unitDecimals = report.unit.displayDecimals
        var headers = table.columns.map { report.columns[$0].label }
        var decimals = Array(repeating: unitDecimals, count: columnCount)
        var isPercent = Array(repeating: false, count: columnCount)
        for _ in table.changes {
            headers += ["Förändring", "%"]
            decimals += [unitDecimals, 1]
            isPercent += [false, true]
        }
        // First pass: widths, computed from the numbers without formatting them.
        var (nameWidth, widths) = measure(report, table, table.rows, decimals: decimals, isPercent: isPercent,
                                          headerWidths: headers.map(TextTable.width))
        for (cell, printed) in report.printedMismatches where table.rows.contains(cell / report.columns.count) {
            guard let column = table.columns.firstIndex(of: cell % report.columns.count) else { continue }
            let scaled = printed.scaled(in: report.unit, decimals: unitDecimals)
            widths[column] = max(widths[column], SwedishNumberFormat.width(scaled: scaled, decimals: unitDecimals))
        }
        nameWidth = min(nameWidth, TextReportRenderer.maximumNameWidth)

        output.spaces(nameWidth)
        for (index, header) in headers.enumerated() {
            output.spaces(2 + widths[index] - TextTable.width(header))
            output.append(header)
        }
        output.newline()
        let layout = RowLayout(nameWidth: nameWidth, widths: widths, decimals: decimals, isPercent: isPercent)
        renderRowsUsingBothCores(report, table, layout, to: &output)
    }

    /// The widest name (with indentation) and the widest figure of each column in `rows`.
    private func measure(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table, _ rows: Range<Int>,
                         decimals: [Int], isPercent: [Bool], headerWidths: [Int]) -> (Int, [Int]) {
        var nameWidth = 10
        var widths = headerWidths
        var values = [Int64?](repeating: nil, count: headerWidths.count)
        for row in rows {
            nameWidth = max(nameWidth, report.rows[row].depth * 2 + TextTable.width(report.rows[row].name))
            figures(report, table, row: row, into: &values)
            for index in widths.indices {
                var width = 0
                if values[index] == TextReportRenderer.noPercentage {
                    width = 1  // "–"
                } else if let value = values[index] {
                    width = SwedishNumberFormat.width(scaled: value, decimals: decimals[index]) + (isPercent[index] ? 2 : 0)
                }
                widths[index] = max(widths[index], width)
            }
        }
        return (nameWidth, widths)
    }

    /// Widths and kinds of a table's columns, fixed before its rows are written.
    struct RowLayout: Sendable {
        var nameWidth: Int
        var widths: [Int]
        var decimals: [Int]
        var isPercent: [Bool]
    }

    /// Rows written per block; two blocks are written at a time, one per core.
    static let rowBlock = 8_192

    /// Writes a large table's rows two blocks at a time, each on its own thread into its
    /// own buffer, then both in order: the text is the same as written in one go.
    private func renderRowsUsingBothCores(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table,
                                          _ layout: RowLayout, to output: inout TextOutput) {
        let rows = table.rows
        guard rows.count > 2 * TextReportRenderer.rowBlock else {
            renderRows(report, table, rows, layout, to: &output)
            return
        }
        let buffers = BlockBuffers()
        var start = rows.lowerBound
        while start < rows.upperBound {
            let middle = min(start + TextReportRenderer.rowBlock, rows.upperBound)
            let end = min(middle + TextReportRenderer.rowBlock, rows.upperBound)
            let blocks = [start..<middle, middle..<end]
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                var block = TextOutput()
                renderRows(report, table, blocks[index], layout, to: &block)
                buffers.set(index, block.bytes)
            }
            output.append(bytes: buffers.take(0))
            output.append(bytes: buffers.take(1))
            start = end
        }
    }

    private func renderRows(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table, _ rows: Range<Int>,
                            _ layout: RowLayout, to output: inout TextOutput) {
        let (nameWidth, widths) = (layout.nameWidth, layout.widths)
        var values = [Int64?](repeating: nil, count: widths.count)
        let hasMismatches = !report.printedMismatches.isEmpty
        for rowIndex in rows {
            let row = report.rows[rowIndex]
            // Indentation and name straight into the output; a string is built only for a
            // name too long for its column.
            let indent = row.depth * 2
            var nameLength = indent + TextTable.width(row.name)
            if nameLength > nameWidth {
                let fitted = TextTable.fit(String(repeating: " ", count: indent) + row.name, to: nameWidth)
                output.append(row.kind == .post ? fitted : paint(fitted, "1"))
                nameLength = nameWidth
            } else {
                output.spaces(indent)
                output.append(row.kind == .post ? row.name : paint(row.name, "1"))
            }
            output.spaces(nameWidth - nameLength)
            figures(report, table, row: rowIndex, into: &values)
            for index in widths.indices {
                output.spaces(2)
                if values[index] == TextReportRenderer.noPercentage {
                    output.spaces(widths[index] - 1)
                    output.append("–")
                } else if let value = values[index] {
                    if layout.isPercent[index] {
                        output.appendNumber(scaled: value, decimals: 1, width: widths[index] - 2)
                        output.append(" %")
                    } else {
                        output.appendNumber(scaled: value, decimals: layout.decimals[index], width: widths[index])
                    }
                } else {
                    output.spaces(widths[index])
                }
            }
            output.newline()
            if hasMismatches {
                renderMismatch(report, table, row: rowIndex, nameWidth: nameWidth, widths: widths, to: &output)
            }
            // A blank line after each top-level area, and after the table.
            if (row.kind == .total && row.depth == 0) || rowIndex == table.rows.upperBound - 1 {
                if !output.endsWithBlankLine { output.newline() }
            }
        }
    }

    /// A printed total that does not match: the printed figure under the computed one.
    private func renderMismatch(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table, row: Int,
                                nameWidth: Int, widths: [Int], to output: inout TextOutput) {
        let columnCount = report.columns.count
        guard table.columns.contains(where: { report.printedMismatches[row * columnCount + $0] != nil }) else {
            return
        }
        let decimals = report.unit.displayDecimals
        var line = TextOutput()
        let label = String(repeating: "  ", count: report.rows[row].depth + 1) + "tryckt"
        line.append(label)
        line.spaces(nameWidth - TextTable.width(label))
        for (shown, column) in table.columns.enumerated() {
            line.spaces(2)
            if let printed = report.printedMismatches[row * columnCount + column] {
                line.appendNumber(scaled: printed.scaled(in: report.unit, decimals: decimals), decimals: decimals,
                                  width: widths[shown])
            } else {
                line.spaces(widths[shown])
            }
        }
        output.append(paint(trimTrailing(line.string) + "  ✗ avviker", "31"))
        output.newline()
    }

    func trimTrailing(_ line: String) -> String {
        var line = line
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}

/// The two buffers of a round of parallel row writing; each thread sets its own slot.
private final class BlockBuffers: Sendable {
    private let slots = Mutex<[[UInt8]]>([[], []])

    func set(_ index: Int, _ bytes: [UInt8]) {
        slots.withLock { $0[index] = bytes }
    }

    func take(_ index: Int) -> [UInt8] {
        slots.withLock { slots in
            let bytes = slots[index]
            slots[index] = []
            return bytes
        }
    }
}

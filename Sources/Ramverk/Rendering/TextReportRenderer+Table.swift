import Synchronization

/// The driftbudget table of the text report: a header line, then a line per row with
/// the name and the figures right-aligned in columns (each shown column, then per
/// change the difference and the percentage), a printed total that does not match
/// under its row, and a blank line after each top-level area and after the table.
extension TextReportRenderer {
    /// Rows written per block. A large table is measured in two halves and written two
    /// blocks at a time, one per core, each into its own buffer, then in order: the
    /// text is the same as written in one go.
    static let rowBlock = 8_192

    /// A table's columns, fixed before its rows are written.
    struct RowLayout: Sendable {
        var nameWidth: Int
        /// Per figure column.
        var widths: [Int]
        /// Amounts to the unit's shown decimals.
        var scale: DisplayScale
        /// Per change, its columns' positions among the table's (`changePositions`).
        var changes: [(from: Int?, to: Int?)]
    }

    func renderTable(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table, to output: inout TextOutput) {
        var headers = table.columns.map { report.columns[$0].label }
        for _ in table.changes { headers += ["Förändring", "%"] }
        let measured = measure(report, table)
        var widths = measured.columns(headers: headers.map(TextTable.width), report, table, table.rows)
        let decimals = report.unit.displayDecimals
        for (cell, printed) in report.printedMismatches where table.rows.contains(cell / report.columns.count) {
            guard let column = table.columns.firstIndex(of: cell % report.columns.count) else { continue }
            let scaled = printed.scaled(in: report.unit, decimals: decimals)
            widths[column] = max(widths[column], SwedishNumberFormat.width(scaled: scaled, decimals: decimals))
        }
        let nameWidth = min(measured.name, TextReportRenderer.maximumNameWidth)

        output.spaces(nameWidth)
        for (index, header) in headers.enumerated() {
            output.spaces(2 + widths[index] - TextTable.width(header))
            output.append(header)
        }
        output.newline()
        let scale = DisplayScale(unit: report.unit, decimals: decimals)
        let layout = RowLayout(nameWidth: nameWidth, widths: widths, scale: scale,
                               changes: TextReportRenderer.changePositions(table))
        renderRows(report, table, layout, to: &output)
    }

    /// The widest name and figures of a table, a large one in two halves at once.
    private func measure(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table) -> TableWidths {
        let rows = table.rows
        guard rows.count > 2 * TextReportRenderer.rowBlock else { return TableWidths(report, table, rows) }
        let middle = rows.lowerBound + rows.count / 2
        let halves = [rows.lowerBound..<middle, middle..<rows.upperBound]
        let parts = onBothCores { index in TableWidths(report, table, halves[index]) }
        var widths = TableWidths(table)
        for part in parts { widths.merge(part) }
        return widths
    }

    private func renderRows(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table, _ layout: RowLayout,
                            to output: inout TextOutput) {
        let rows = table.rows
        guard rows.count > 2 * TextReportRenderer.rowBlock else {
            writeRows(report, table, rows, layout, to: &output)
            return
        }
        // A line's columns and a little for multibyte letters and minus signs: a block's
        // buffer then rarely has to grow.
        let lineEstimate = layout.nameWidth + layout.widths.reduce(0) { $0 + 2 + $1 } + 16
        var start = rows.lowerBound
        while start < rows.upperBound {
            let middle = min(start + TextReportRenderer.rowBlock, rows.upperBound)
            let end = min(middle + TextReportRenderer.rowBlock, rows.upperBound)
            let blocks = [start..<middle, middle..<end]
            let written = onBothCores { index in
                var block = TextOutput(capacity: blocks[index].count * lineEstimate)
                writeRows(report, table, blocks[index], layout, to: &block)
                return block.take()
            }
            for bytes in written { output.append(bytes) }
            start = end
        }
    }

    private func writeRows(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table, _ rows: Range<Int>,
                           _ layout: RowLayout, to output: inout TextOutput) {
        // A row's amounts, kept for its changes; written through a span, which checks
        // bounds but not, on every write, whether the array is shared.
        var amountStore = [Money?](repeating: nil, count: table.columns.count)
        var amounts = amountStore.mutableSpan
        let hasMismatches = !report.printedMismatches.isEmpty
        for row in rows {
            let kind = report.rows.kind(at: row)
            let indent = report.rows.depth(at: row) * 2
            let nameLength = writeName(report, row: row, indent: indent, width: layout.nameWidth, to: &output)
            // An area's line is its name: its figures are blank, and trailing spaces go.
            if kind != .area {
                output.spaces(layout.nameWidth - nameLength)
                writeFigures(report, table, row: row, layout, amounts: &amounts, to: &output)
            }
            output.newline()
            if hasMismatches {
                renderMismatch(report, table, row: row, layout, to: &output)
            }
            // A blank line after each top-level area, and after the table.
            if (kind == .total && indent == 0) || row == table.rows.upperBound - 1 {
                if !output.endsWithBlankLine { output.newline() }
            }
        }
    }

    /// The figures of a row, each after two spaces and right-aligned in its column: the
    /// shown columns' amounts (kept in `amounts`), then per change the difference and
    /// the percentage ("–" from zero).
    private func writeFigures(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table, row: Int,
                              _ layout: RowLayout, amounts: inout MutableSpan<Money?>, to output: inout TextOutput) {
        let (widths, scale) = (layout.widths, layout.scale)
        for (position, column) in table.columns.enumerated() {
            let amount = report.value(row: row, column: column)
            amounts[position] = amount
            output.spaces(2)
            if let amount {
                output.appendNumber(scaled: scale.scaled(amount), decimals: scale.decimals, width: widths[position])
            } else {
                output.spaces(widths[position])
            }
        }
        for (index, positions) in layout.changes.enumerated() {
            let position = table.columns.count + 2 * index
            guard let (delta, from) = TextReportRenderer.change(amounts, positions) else {
                output.spaces(2 + widths[position] + 2 + widths[position + 1])
                continue
            }
            output.spaces(2)
            output.appendNumber(scaled: scale.scaled(delta), decimals: scale.decimals, width: widths[position])
            output.spaces(2)
            let percent = SwedishNumberFormat.percentChange(delta, from: from) ?? TextReportRenderer.noPercentage
            if percent == TextReportRenderer.noPercentage {
                output.spaces(widths[position + 1] - 1)
                output.append(literal: "–")
            } else {
                output.appendNumber(scaled: percent, decimals: 1, width: widths[position + 1] - 2)
                output.append(literal: " %")
            }
        }
    }

    /// Each change of a table by the positions of its two columns among the table's
    /// columns, so a row's amounts are read once. (The builder makes changes only
    /// between a table's own columns; a change without them would stay blank.)
    static func changePositions(_ table: DriftbudgetReport.Table) -> [(from: Int?, to: Int?)] {
        table.changes.map { (table.columns.firstIndex(of: $0.from), table.columns.firstIndex(of: $0.to)) }
    }

    /// A change between two of a row's `amounts` and the figure it is from (for the
    /// percentage); nil when either is blank or the difference does not fit.
    static func change(_ amounts: borrowing MutableSpan<Money?>, _ positions: (from: Int?, to: Int?))
        -> (delta: Money, from: Money)? {
        guard let fromPosition = positions.from, let toPosition = positions.to,
              let from = amounts[fromPosition], let to = amounts[toPosition], let delta = to.subtracting(from) else {
            return nil
        }
        return (delta, from)
    }

    /// Indentation and name straight into the output, bold (in colour) unless a post's;
    /// a string is built only for a name too long for its column, or to paint it.
    /// Returns the columns written.
    private func writeName(_ report: DriftbudgetReport, row: Int, indent: Int, width nameWidth: Int,
                           to output: inout TextOutput) -> Int {
        let bold = report.rows.kind(at: row) != .post
        // The bytes are read where they lie, to measure and then to copy.
        let length = indent + report.rows.withUTF8Name(at: row, TextTable.width(utf8:))
        if length <= nameWidth && !(bold && colour) {
            output.spaces(indent)
            report.rows.withUTF8Name(at: row) { output.append(utf8: $0) }
            return length
        }
        let name = report.rows.name(at: row)
        if length > nameWidth {
            let fitted = TextTable.fit(String(repeating: " ", count: indent) + name, to: nameWidth)
            output.append(bold ? paint(fitted, "1") : fitted)
            return nameWidth
        }
        output.spaces(indent)
        output.append(paint(name, "1"))
        return length
    }

    /// A printed total that does not match: the printed figure under the computed one.
    private func renderMismatch(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table, row: Int,
                                _ layout: RowLayout, to output: inout TextOutput) {
        let columnCount = report.columns.count
        guard table.columns.contains(where: { report.printedMismatches[row * columnCount + $0] != nil }) else {
            return
        }
        let decimals = report.unit.displayDecimals
        var line = TextOutput()
        let label = String(repeating: "  ", count: report.rows.depth(at: row) + 1) + "tryckt"
        line.append(label)
        line.spaces(layout.nameWidth - TextTable.width(label))
        for (shown, column) in table.columns.enumerated() {
            line.spaces(2)
            if let printed = report.printedMismatches[row * columnCount + column] {
                line.appendNumber(scaled: printed.scaled(in: report.unit, decimals: decimals), decimals: decimals,
                                  width: layout.widths[shown])
            } else {
                line.spaces(layout.widths[shown])
            }
        }
        output.append(paint(trimTrailing(line.string) + "  ✗ avviker", "31"))
        output.newline()
    }

    /// Runs `work(0)` and `work(1)` at the same time, one per core; the results in order.
    private func onBothCores<Result: Sendable>(_ work: @Sendable (Int) -> Result) -> [Result] {
        let results = ResultPair<Result>()
        WorkerPool.shared.perform(2) { index in
            results.set(index, work(index))
        }
        return results.both
    }
}

/// The results of `onBothCores`; each thread sets its own slot.
private final class ResultPair<Result: Sendable>: Sendable {
    private let slots = Mutex<[Result?]>([nil, nil])

    func set(_ index: Int, _ result: Result) {
        slots.withLock { $0[index] = result }
    }

    var both: [Result] { slots.withLock { $0.compactMap { $0 } } }
}

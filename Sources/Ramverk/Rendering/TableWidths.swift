/// The widths of a driftbudget table's text columns, measured without formatting a
/// figure. A number's width grows with its distance from zero, and scaling to the
/// shown decimals keeps amounts in order, so a column is as wide as its smallest or
/// its largest figure: a row costs a few comparisons, not a division per figure.
/// Percentages are ordered by the fraction they round (difference ÷ earlier figure),
/// compared by cross-multiplying in 128 bits, which is exact; only the two extreme
/// changes of a column are divided.
struct TableWidths: Sendable {
    /// The widest name with its indentation (not yet capped).
    private(set) var name = 10
    /// Per figure column (the table's columns, then per change the difference and the
    /// percentage): the smallest and largest amount in öre, nil while blank.
    private var ranges: [(lowest: Int64, highest: Int64)?]
    /// Per change: the lowest and highest change relative to the earlier figure.
    private var ratios: [(lowest: Ratio, highest: Ratio)?]
    /// Per change: some row has "–" (a change from zero).
    private var dashes: [Bool]

    /// A change relative to its earlier figure: delta ÷ |from| (from ≠ 0).
    private struct Ratio: Sendable {
        var delta: Money
        var from: Money

        static func < (a: Ratio, b: Ratio) -> Bool {
            Int128(a.delta.ore) * Int128(b.from.ore.magnitude) < Int128(b.delta.ore) * Int128(a.from.ore.magnitude)
        }
    }

    /// Nothing measured yet.
    init(_ table: DriftbudgetReport.Table) {
        ranges = Array(repeating: nil, count: table.columns.count + 2 * table.changes.count)
        ratios = Array(repeating: nil, count: table.changes.count)
        dashes = Array(repeating: false, count: table.changes.count)
    }

    /// The names and figures of `rows` measured.
    init(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table, _ rows: Range<Int>) {
        self.init(table)
        let changes = TextReportRenderer.changePositions(table)
        var amountStore = [Money?](repeating: nil, count: table.columns.count)
        var (rangeStore, ratioStore, dashStore) = (ranges, ratios, dashes)
        do {
            // Written through spans, which check bounds but not, on every write, whether
            // the array is shared.
            var amounts = amountStore.mutableSpan
            var ranges = rangeStore.mutableSpan
            var ratios = ratioStore.mutableSpan
            var dashes = dashStore.mutableSpan
            for row in rows {
                // Past the cap the name's width no longer matters. A name is never wider
                // than its UTF-8 bytes, whose count the string keeps, so only a name with
                // more bytes than the widest so far is read (most are not: reading the
                // bytes of a million names, each on a heap of its own, was most of the
                // cost of measuring).
                let indent = report.rows.depth(at: row) * 2
                if name < TextReportRenderer.maximumNameWidth && indent + report.rows.nameByteCount(at: row) > name {
                    name = max(name, indent + report.rows.withUTF8Name(at: row, TextTable.width(utf8:)))
                }
                if report.rows.kind(at: row) == .area { continue }  // An area's line has no figures.
                for (position, column) in table.columns.enumerated() {
                    let amount = report.value(row: row, column: column)
                    amounts[position] = amount
                    if let amount { TableWidths.include(amount.ore, at: position, in: &ranges) }
                }
                for (index, positions) in changes.enumerated() {
                    guard let (delta, from) = TextReportRenderer.change(amounts, positions) else { continue }
                    TableWidths.include(delta.ore, at: table.columns.count + 2 * index, in: &ranges)
                    if from.ore == 0 {
                        dashes[index] = true
                    } else {
                        TableWidths.include(Ratio(delta: delta, from: from), at: index, in: &ratios)
                    }
                }
            }
        }
        (ranges, ratios, dashes) = (rangeStore, ratioStore, dashStore)
    }

    private static func include(_ ore: Int64, at position: Int,
                                in ranges: inout MutableSpan<(lowest: Int64, highest: Int64)?>) {
        if let range = ranges[position] {
            ranges[position] = (min(range.lowest, ore), max(range.highest, ore))
        } else {
            ranges[position] = (ore, ore)
        }
    }

    private static func include(_ ratio: Ratio, at index: Int,
                                in ratios: inout MutableSpan<(lowest: Ratio, highest: Ratio)?>) {
        if let extremes = ratios[index] {
            ratios[index] = (ratio < extremes.lowest ? ratio : extremes.lowest,
                             extremes.highest < ratio ? ratio : extremes.highest)
        } else {
            ratios[index] = (ratio, ratio)
        }
    }

    /// Both parts of a table measured at once.
    mutating func merge(_ other: TableWidths) {
        name = max(name, other.name)
        var (rangeStore, ratioStore) = (ranges, ratios)
        do {
            var ranges = rangeStore.mutableSpan
            var ratios = ratioStore.mutableSpan
            for position in other.ranges.indices {
                guard let range = other.ranges[position] else { continue }
                TableWidths.include(range.lowest, at: position, in: &ranges)
                TableWidths.include(range.highest, at: position, in: &ranges)
            }
            for index in other.ratios.indices {
                guard let extremes = other.ratios[index] else { continue }
                TableWidths.include(extremes.lowest, at: index, in: &ratios)
                TableWidths.include(extremes.highest, at: index, in: &ratios)
            }
        }
        (ranges, ratios) = (rangeStore, ratioStore)
        for index in dashes.indices where other.dashes[index] { dashes[index] = true }
    }

    /// The width of each figure column: at least its header's, and as wide as its
    /// widest figure. `rows` are measured again, row by row, only for a percentage
    /// column whose extreme does not fit in 64 bits (absurd amounts).
    func columns(headers: [Int], _ report: DriftbudgetReport, _ table: DriftbudgetReport.Table,
                 _ rows: Range<Int>) -> [Int] {
        let decimals = report.unit.displayDecimals
        let scale = DisplayScale(unit: report.unit, decimals: decimals)
        var widths = headers
        for (position, range) in ranges.enumerated() {
            guard let range else { continue }
            for ore in [range.lowest, range.highest] {
                let width = SwedishNumberFormat.width(scaled: scale.scaled(Money(ore: ore)), decimals: decimals)
                widths[position] = max(widths[position], width)
            }
        }
        for index in table.changes.indices {
            let position = table.columns.count + 2 * index + 1
            if dashes[index] { widths[position] = max(widths[position], 1) }
            guard let extremes = ratios[index] else { continue }
            for ratio in [extremes.lowest, extremes.highest] {
                guard let percent = SwedishNumberFormat.percentChange(ratio.delta, from: ratio.from),
                      percent != TextReportRenderer.noPercentage else {
                    widths[position] = max(widths[position], exactPercentWidth(report, table, change: index, rows))
                    break
                }
                widths[position] = max(widths[position], TableWidths.percentWidth(percent))
            }
        }
        return widths
    }

    /// "12,5 %": the number and a space and the sign.
    static func percentWidth(_ percent: Int64) -> Int {
        SwedishNumberFormat.width(scaled: percent, decimals: 1) + 2
    }

    /// The widest percentage of a change column, every row computed.
    private func exactPercentWidth(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table, change index: Int,
                                   _ rows: Range<Int>) -> Int {
        let positions = TextReportRenderer.changePositions(table)[index]
        var amountStore = [Money?](repeating: nil, count: table.columns.count)
        var amounts = amountStore.mutableSpan
        var width = 0
        for row in rows {
            for (position, column) in table.columns.enumerated() {
                amounts[position] = report.value(row: row, column: column)
            }
            guard let (delta, from) = TextReportRenderer.change(amounts, positions) else { continue }
            let percent = SwedishNumberFormat.percentChange(delta, from: from) ?? TextReportRenderer.noPercentage
            width = max(width, percent == TextReportRenderer.noPercentage ? 1 : TableWidths.percentWidth(percent))
        }
        return width
    }
}

/// Draws labelled horizontal bars of signed values as an SVG: a label per bar on the
/// left, the bar from the zero line, the figure at its end, and a value axis below.
/// Long Swedish names fit because the bars lie down. Takes plain data — values in any
/// integer scale (öre, say) and their texts — so any report can draw with it: Δ per
/// område in `kör`, Δ against the base in `jämför`; `TornadoChart` draws with it too.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var value: Int64
        /// The figure written at the bar's end ("+20 847").
        public var valueText: String
        public var tone: ChartTone

        public init(label: String, value: Int64, valueText: String, tone: ChartTone = .primary) {
            self.label = label
            self.value = value
            self.valueText = valueText
            self.tone = tone
        }
    }

    /// What the chart shows, for screen readers and as its tooltip.
    public var title: String
    public var bars: [Bar]
    /// The smallest step between ticks, in the values' scale (one display unit).
    public var granularity: Int64
    /// Zero in the middle, the same length for the same size either way (a tornado).
    public var symmetric = false
    /// Words above the chart on each side of zero ("← sämre", "bättre →").
    public var legend: (left: String, right: String)?

    public init(title: String, bars: [Bar], granularity: Int64 = 1) {
        self.title = title
        self.bars = bars
        self.granularity = granularity
    }

    static let width = 760.0
    static let rowHeight = 26.0
    static let barHeight = 16.0
    static let maximumLabelCharacters = 40

    /// The SVG; `tickText` writes an axis value ("20 000").
    public func render(tickText: (Int64) -> String) -> String {
        let values = bars.map(\.value)
        let largest = values.map(\.magnitude).max() ?? 0
        let scale: ChartScale
        if symmetric {
            let reach = Int64(clamping: max(largest, UInt64(max(granularity, 1))))
            scale = ChartScale(low: -reach, high: reach, granularity: granularity, expand: true)
        } else {
            scale = ChartScale(low: min(values.min() ?? 0, 0), high: max(values.max() ?? 0, 0),
                               granularity: granularity, expand: true)
        }
        let labels = bars.map { SVG.fit($0.label, characters: BarChart.maximumLabelCharacters) }
        let labelWidth = max(60, (labels.map(SVG.width).max() ?? 0) + 14)
        let figureWidth = (bars.map { SVG.width($0.valueText) }.max() ?? 0) + 8
        // Room for the figures at the bars' ends, on the sides where bars go.
        let hasNegative = symmetric || values.contains { $0 < 0 }
        let hasPositive = symmetric || values.contains { $0 >= 0 }
        let plotStart = labelWidth + (hasNegative ? figureWidth : 6)
        let plotEnd = BarChart.width - (hasPositive ? figureWidth : 10)
        let top = legend == nil ? 8.0 : 28.0
        let bottom = top + Double(bars.count) * BarChart.rowHeight
        let height = bottom + 26
        let x = { (value: Int64) in scale.position(value, from: plotStart, to: plotEnd) }
        let zero = x(0)

        var out = SVG.open(width: BarChart.width, height: height, title: title)
        for tick in scale.ticks {
            out += SVG.line(x(tick), top - 4, x(tick), bottom, colour: SVG.gridColour)
            out += SVG.text(tickText(tick), x: x(tick), y: bottom + 17, anchor: .middle, colour: SVG.mutedColour, size: 11)
        }
        if let legend {
            out += SVG.text(legend.left, x: zero - 8, y: 16, anchor: .end, colour: SVG.mutedColour, size: 11.5)
            out += SVG.text(legend.right, x: zero + 8, y: 16, anchor: .start, colour: SVG.mutedColour, size: 11.5)
        }
        for (index, bar) in bars.enumerated() {
            let rowTop = top + Double(index) * BarChart.rowHeight
            let middle = rowTop + BarChart.rowHeight / 2
            out += SVG.text(labels[index], x: labelWidth - 10, y: middle + 4, anchor: .end,
                            full: labels[index] == bar.label ? nil : bar.label)
            let end = x(bar.value)
            let barTop = middle - BarChart.barHeight / 2
            out += SVG.rect(min(zero, end), barTop, abs(end - zero), BarChart.barHeight, fill: bar.tone.colour)
            if bar.value < 0 {
                out += SVG.text(bar.valueText, x: end - 5, y: middle + 4, anchor: .end, colour: SVG.mutedColour)
            } else {
                out += SVG.text(bar.valueText, x: end + 5, y: middle + 4, anchor: .start, colour: SVG.mutedColour)
            }
        }
        out += SVG.line(zero, top - 4, zero, bottom, colour: SVG.mutedColour, width: 1.2)
        out += SVG.line(plotStart, bottom, plotEnd, bottom, colour: SVG.gridColour)
        return out + "</svg>\n"
    }
}

/// A tornado: each factor's signed effect on a result as a bar around a centre line,
/// worse to the left and better to the right, the largest on top, on one scale for
/// both sides. Plain data, like `BarChart`, which draws it.
public struct TornadoChart: Sendable {
    public struct Row: Sendable {
        public var label: String
        /// The effect; nil = could not be computed (drawn as no bar, "–").
        public var effect: Int64?
        public var effectText: String

        public init(label: String, effect: Int64?, effectText: String) {
            self.label = label
            self.effect = effect
            self.effectText = effectText
        }
    }

    public var title: String
    /// In the order to draw, largest effect first.
    public var rows: [Row]
    public var granularity: Int64
    /// True when a positive effect is better (the result's sign); colours follow it.
    public var positiveIsBetter = true
    public var legend = (left: "← sämre resultat", right: "bättre resultat →")

    public init(title: String, rows: [Row], granularity: Int64 = 1) {
        self.title = title
        self.rows = rows
        self.granularity = granularity
    }

    public func render(tickText: (Int64) -> String) -> String {
        let bars = rows.map { row in
            let effect = row.effect ?? 0
            let better = positiveIsBetter ? effect > 0 : effect < 0
            return BarChart.Bar(label: row.label, value: effect, valueText: row.effectText,
                                tone: effect == 0 ? .muted : better ? .better : .worse)
        }
        var chart = BarChart(title: title, bars: bars, granularity: granularity)
        chart.symmetric = true
        chart.legend = legend
        return chart.render(tickText: tickText)
    }
}

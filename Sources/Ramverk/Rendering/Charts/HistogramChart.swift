/// Draws a histogram as an SVG: equal bins from a minimum to a maximum, bins below a
/// threshold (zero, say) in the "worse" colour, and vertical markers with labels (P5,
/// P50, P95) above the bars. Plain data — counts, the range and the markers in any one
/// integer scale — so it serves any simulated figure.
public struct HistogramChart: Sendable {
    public struct Marker: Sendable {
        /// "P5".
        public var label: String
        public var value: Int64
        /// The value as written ("−14 628").
        public var valueText: String
        /// The middle marker is drawn solid, the others dashed.
        public var emphasised: Bool

        public init(label: String, value: Int64, valueText: String, emphasised: Bool = false) {
            self.label = label
            self.value = value
            self.valueText = valueText
            self.emphasised = emphasised
        }
    }

    public var title: String
    /// Counts of equal bins; bin i covers [minimum + i·w, minimum + (i+1)·w) with
    /// w = (maximum − minimum + 1) / counts.count, as `SimulationSummary.histogram`.
    public var counts: [Int]
    public var minimum: Int64
    public var maximum: Int64
    public var markers: [Marker]
    /// Bins wholly below it are drawn as worse, and a line marks it when in range.
    public var threshold: Int64?
    public var granularity: Int64

    public init(title: String, counts: [Int], minimum: Int64, maximum: Int64, markers: [Marker] = [],
                threshold: Int64? = 0, granularity: Int64 = 1) {
        self.title = title
        self.counts = counts
        self.minimum = minimum
        self.maximum = maximum
        self.markers = markers
        self.threshold = threshold
        self.granularity = granularity
    }

    static let width = 760.0
    static let plotHeight = 190.0
    static let labelRow = 15.0

    /// The SVG; `tickText` writes an axis value.
    public func render(tickText: (Int64) -> String) -> String {
        let left = 20.0
        let right = HistogramChart.width - 20
        // The bins span [minimum, maximum + 1): one past the largest value.
        let upper = maximum == Int64.max ? maximum : maximum + 1
        let range = ChartScale(low: minimum, high: upper, granularity: granularity, targetTicks: 6, expand: false)
        let x = { (value: Int64) in range.position(value, from: left, to: right) }

        // Marker labels in rows, so labels close together do not overlap.
        var placed: [(x: Double, row: Int, text: String, marker: Marker)] = []
        var rowEnds: [Double] = []
        for marker in markers.sorted(by: { $0.value < $1.value }) {
            let text = "\(marker.label): \(marker.valueText)"
            let half = SVG.width(text) / 2
            let centre = min(max(x(marker.value), left + half), right - half)
            let row = rowEnds.firstIndex { $0 + 8 < centre - half } ?? rowEnds.count
            if row == rowEnds.count { rowEnds.append(centre + half) } else { rowEnds[row] = centre + half }
            placed.append((centre, row, text, marker))
        }
        let top = 10 + Double(max(rowEnds.count, 1)) * HistogramChart.labelRow + 6
        let baseline = top + HistogramChart.plotHeight
        let height = baseline + 30

        var out = SVG.open(width: HistogramChart.width, height: height, title: title)
        for tick in range.ticks {
            out += SVG.line(x(tick), top, x(tick), baseline, colour: SVG.gridColour)
            out += SVG.text(tickText(tick), x: x(tick), y: baseline + 18, anchor: .middle, colour: SVG.mutedColour, size: 11)
        }
        let largest = counts.max() ?? 0
        if largest > 0 && !counts.isEmpty {
            let binWidth = (right - left) / Double(counts.count)
            let span = Double(upper) - Double(minimum)
            for (index, count) in counts.enumerated() where count > 0 {
                let binHigh = Double(minimum) + span * Double(index + 1) / Double(counts.count)
                let worse = threshold.map { binHigh <= Double($0) } ?? false
                let height = HistogramChart.plotHeight * Double(count) / Double(largest)
                out += SVG.rect(left + Double(index) * binWidth + 0.5, baseline - height, binWidth - 1, height,
                                fill: (worse ? ChartTone.worse : ChartTone.primary).colour)
            }
        }
        out += SVG.line(left, baseline, right, baseline, colour: SVG.mutedColour)
        if let threshold, threshold > minimum, threshold < upper {
            out += SVG.line(x(threshold), top, x(threshold), baseline, colour: SVG.mutedColour, width: 1)
        }
        for item in placed {
            let markerX = x(item.marker.value)
            let labelY = 10 + Double(item.row + 1) * HistogramChart.labelRow - 3
            out += SVG.line(markerX, labelY + 4, markerX, baseline, colour: SVG.textColour,
                            width: item.marker.emphasised ? 1.6 : 1.1, dash: item.marker.emphasised ? nil : "4 3")
            out += SVG.text(item.text, x: item.x, y: labelY, anchor: .middle,
                            weight: item.marker.emphasised ? "600" : nil, size: 11.5)
        }
        return out + "</svg>\n"
    }
}

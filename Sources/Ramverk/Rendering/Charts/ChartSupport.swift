/// The colour of a bar, by what it means; each chart is coloured inline so it looks the
/// same inside any page.
public enum ChartTone: Sendable {
    /// An increase, or a plain figure.
    case primary
    /// A decrease.
    case secondary
    /// Better for the result.
    case better
    /// Worse for the result.
    case worse
    case muted

    var colour: String {
        switch self {
        case .primary: "#3a6f9f"
        case .secondary: "#d08a2c"
        case .better: "#2e7d4f"
        case .worse: "#b8433b"
        case .muted: "#9aa5b1"
        }
    }
}

/// Where the ticks of a value axis go: steps of 1, 2 or 5 times a power of ten, never
/// finer than `granularity` (one display unit, so two ticks never show the same text).
/// Values are integers in any scale (öre, say); only positions on the drawing are
/// Double.
struct ChartScale {
    var low: Double
    var high: Double
    var ticks: [Int64]

    /// A scale from `low` to `high`; `expand` widens it to whole steps (bar charts),
    /// else it stays as given and only the ticks inside are kept (a histogram's range).
    init(low: Int64, high: Int64, granularity: Int64, targetTicks: Int = 5, expand: Bool) {
        var lowValue = Double(low)
        var highValue = Double(high)
        let minimumStep = Double(max(granularity, 1))
        if highValue <= lowValue {
            lowValue -= minimumStep
            highValue += minimumStep
        }
        let step = ChartScale.niceStep((highValue - lowValue) / Double(max(targetTicks, 1)), minimum: minimumStep)
        if expand {
            lowValue = (lowValue / step).rounded(.down) * step
            highValue = (highValue / step).rounded(.up) * step
        }
        self.low = lowValue
        self.high = highValue
        var ticks: [Int64] = []
        var tick = (lowValue / step).rounded(.up) * step
        while tick <= highValue + step * 1e-9 && ticks.count < 50 {
            if abs(tick) < 9.0e18 { ticks.append(Int64(tick)) }
            tick += step
        }
        self.ticks = ticks
    }

    /// 1, 2 or 5 × 10^k, the smallest at least `raw` and `minimum`.
    static func niceStep(_ raw: Double, minimum: Double) -> Double {
        let wanted = max(raw, minimum)
        var power = 1.0
        while power * 10 <= wanted { power *= 10 }
        while power > wanted && power > 1 { power /= 10 }
        for factor in [1.0, 2.0, 5.0, 10.0] where power * factor >= wanted {
            return max(power * factor, minimum)
        }
        return power * 10
    }

    /// The position of `value` between `start` and `end` on the drawing.
    func position(_ value: Int64, from start: Double, to end: Double) -> Double {
        guard high > low else { return start }
        return start + (Double(value) - low) / (high - low) * (end - start)
    }
}

/// Pieces of SVG markup shared by the charts.
enum SVG {
    static let fontFamily = "&quot;Segoe UI&quot;, &quot;Helvetica Neue&quot;, Arial, &quot;Liberation Sans&quot;, sans-serif"
    static let textColour = "#1f2933"
    static let mutedColour = "#5b6770"
    static let gridColour = "#e1e6eb"
    /// Average width of a character at font size 12, for laying out labels (no font
    /// metrics are at hand; labels that could be too long are shortened).
    static let characterWidth = 7.0

    static func open(width: Double, height: Double, title: String) -> String {
        let w = Markup.coordinate(width)
        let h = Markup.coordinate(height)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" "
            + "role=\"img\" aria-label=\"\(Markup.escape(title))\" font-family=\"\(fontFamily)\" font-size=\"12\">\n"
            + "<title>\(Markup.escape(title))</title>\n"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, colour: String, width: Double = 1,
                     dash: String? = nil) -> String {
        "<line x1=\"\(Markup.coordinate(x1))\" y1=\"\(Markup.coordinate(y1))\" x2=\"\(Markup.coordinate(x2))\" "
            + "y2=\"\(Markup.coordinate(y2))\" stroke=\"\(colour)\" stroke-width=\"\(Markup.coordinate(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>\n"
    }

    static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String) -> String {
        "<rect x=\"\(Markup.coordinate(x))\" y=\"\(Markup.coordinate(y))\" width=\"\(Markup.coordinate(max(width, 0)))\" "
            + "height=\"\(Markup.coordinate(max(height, 0)))\" fill=\"\(fill)\"/>\n"
    }

    enum Anchor: String { case start, middle, end }

    /// A text; `full` (the whole text, when this one is shortened) shows on hover.
    static func text(_ text: String, x: Double, y: Double, anchor: Anchor = .start, colour: String = textColour,
                     weight: String? = nil, size: Double? = nil, full: String? = nil) -> String {
        var attributes = "x=\"\(Markup.coordinate(x))\" y=\"\(Markup.coordinate(y))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        attributes += " fill=\"\(colour)\""
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let size { attributes += " font-size=\"\(Markup.coordinate(size))\"" }
        let hover = full.map { "<title>\(Markup.escape($0))</title>" } ?? ""
        return "<text \(attributes)>\(hover)\(Markup.escape(text))</text>\n"
    }

    /// Estimated drawn width of `text` at font size 12.
    static func width(_ text: String) -> Double {
        Double(TextTable.width(text)) * characterWidth
    }

    /// `text` shortened with an ellipsis to at most `characters` characters.
    static func fit(_ text: String, characters: Int) -> String {
        TextTable.fit(text, to: characters)
    }
}

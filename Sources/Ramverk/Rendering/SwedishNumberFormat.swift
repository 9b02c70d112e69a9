/// Numbers the Swedish way: space between digit groups ("20 500"), decimal comma
/// ("247,0"), a real minus sign ("−1 167") and a space before % ("3,7 %").
public enum SwedishNumberFormat {
    /// Which minus to write: U+2212 for people, ASCII for machines (CSV, JSON).
    public enum Minus: Sendable { case typographic, ascii }

    /// A scaled integer with `decimals` decimals: (24700, 1) → "2 470,0".
    public static func format(scaled value: Int64, decimals: Int, minus: Minus = .typographic,
                              groupSeparator: String = " ") -> String {
        let negative = value < 0
        let magnitude = value.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<decimals { divisor *= 10 }
        let whole = magnitude / divisor
        let fraction = magnitude % divisor
        let digits = String(whole)
        var grouped = ""
        grouped.reserveCapacity(digits.utf8.count + digits.utf8.count / 3 * groupSeparator.utf8.count + 8)
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += groupSeparator }
            grouped.append(digit)
        }
        if decimals > 0 {
            let fractionDigits = String(fraction)
            grouped += "," + String(repeating: "0", count: decimals - fractionDigits.count) + fractionDigits
        }
        guard negative && magnitude != 0 else { return grouped }
        return (minus == .typographic ? "−" : "-") + grouped
    }

    /// A count: "100 000".
    public static func integer(_ value: Int) -> String {
        format(scaled: Int64(value), decimals: 0)
    }

    /// A number for machines: "-25000.5" (ASCII minus, no grouping, decimal point).
    public static func machine(_ ratio: Ratio) -> String {
        String(number(ratio, minus: .ascii, groupSeparator: "").map { $0 == "," ? "." : $0 })
    }

    /// How many characters `format(scaled:decimals:)` writes for `value`.
    public static func width(scaled value: Int64, decimals: Int) -> Int {
        var magnitude = value.magnitude
        var digits = 0
        repeat {
            digits += 1
            magnitude /= 10
        } while magnitude > 0
        let whole = max(digits - decimals, 1)
        let total = max(digits, decimals + 1)
        return total + (whole - 1) / 3 + (decimals > 0 ? 1 : 0) + (value < 0 ? 1 : 0)
    }

    /// A change as a percentage of the earlier figure's size, scaled by 10 (one decimal),
    /// rounded once; nil from zero.
    public static func percentChange(_ delta: Money, from: Money) -> Int64? {
        guard from.ore != 0 else { return nil }
        let scaled = ExactArithmetic.divideRounded(Int128(delta.ore) * 1000, Int128(from.ore.magnitude))
        return scaled.flatMap(ExactArithmetic.narrow)
    }

    /// An amount in a unit with that unit's usual decimals: "20 500", "247,0".
    public static func format(_ money: Money, unit: MoneyUnit, decimals: Int? = nil, minus: Minus = .typographic) -> String {
        let decimals = decimals ?? unit.displayDecimals
        return format(scaled: money.scaled(in: unit, decimals: decimals), decimals: decimals, minus: minus)
    }

    /// The fewest decimals (at least the unit's usual ones) that show every one of
    /// `amounts` exactly in `unit`: a 500 kr tolerance is "0,5" tkr, not "1".
    public static func exactDecimals(_ amounts: [Money], unit: MoneyUnit) -> Int {
        var decimals = unit.displayDecimals
        for money in amounts {
            while decimals < unit.exactDecimals {
                let divisor = unit.ore / ExactArithmetic.pow10(decimals)
                if divisor <= 1 || money.ore % divisor == 0 { break }
                decimals += 1
            }
        }
        return decimals
    }

    /// An amount with its unit: "247,0 mnkr".
    public static func formatWithUnit(_ money: Money, unit: MoneyUnit) -> String {
        format(money, unit: unit) + " " + unit.rawValue
    }

    /// A plain number as a percentage with one decimal: 0,037 → "3,7 %".
    public static func percent(_ ratio: Ratio, decimals: Int = 1, minus: Minus = .typographic) -> String {
        // micros × 100 / 10^(6 − decimals) gives the percentage scaled by 10^decimals.
        let divisor = Int128(ExactArithmetic.pow10(Ratio.decimals - 2 - decimals))
        let scaled = ExactArithmetic.divideRounded(Int128(ratio.micros), divisor) ?? 0
        return format(scaled: ExactArithmetic.narrow(scaled) ?? 0, decimals: decimals, minus: minus) + " %"
    }

    /// A plain number with up to six decimals, trailing zeros dropped: "1,02".
    public static func number(_ ratio: Ratio, minus: Minus = .typographic, groupSeparator: String = " ") -> String {
        var text = format(scaled: ratio.micros, decimals: Ratio.decimals, minus: minus, groupSeparator: groupSeparator)
        while text.hasSuffix("0") && text.contains(",") { text.removeLast() }
        if text.hasSuffix(",") { text.removeLast() }
        return text
    }
}

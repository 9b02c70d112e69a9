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
    @inline(__always)
    public static func width(scaled value: Int64, decimals: Int) -> Int {
        let digits = digitCount(value.magnitude)
        let whole = max(digits - decimals, 1)
        let total = max(digits, decimals + 1)
        return total + (whole - 1) / 3 + (decimals > 0 ? 1 : 0) + (value < 0 ? 1 : 0)
    }

    /// Decimal digits of `value`, at least one, without a loop: the bit length times
    /// log10 2 (1233 / 4096, a little under) gives the count or one less, and one
    /// comparison with a power of ten decides.
    @inline(__always)
    static func digitCount(_ value: UInt64) -> Int {
        let estimate = ((64 - value.leadingZeroBitCount) * 1233) >> 12
        return max(estimate + (value >= powersOfTen[estimate] ? 1 : 0), 1)
    }

    /// 10^0 … 10^19, the powers of ten a UInt64 holds. Written out, so the table is
    /// laid out at compile time and reading it needs no check that it was made.
    private static let powersOfTen: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
        10_000_000_000_000_000_000,
    ]

    /// Writes `format(scaled:decimals:)` with the typographic minus to `destination`,
    /// which has room for `length + 2` bytes where `length` is `width(scaled:decimals:)`
    /// (the minus is one column but three bytes); returns the bytes written. Digits are
    /// written from the last, so no intermediate string or array is needed.
    static func write(scaled value: Int64, decimals: Int, length: Int,
                      to destination: UnsafeMutablePointer<UInt8>) -> Int {
        var start = destination
        var columns = length
        if value < 0 {
            (start[0], start[1], start[2]) = (0xE2, 0x88, 0x92)  // U+2212 minus
            start += 3
            columns -= 1
        }
        var position = columns
        var magnitude = value.magnitude
        if decimals > 0 {
            for _ in 0..<decimals {
                position -= 1
                start[position] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
            }
            position -= 1
            start[position] = UInt8(ascii: ",")
        }
        // The whole part from its last group to its first; each later group and the
        // space before it go in one four-byte store. The first has no leading zeros.
        while magnitude >= 1000 {
            let group = UInt32(truncatingIfNeeded: magnitude % 1000)
            let digits = (0x30 + group / 100) << 8 | (0x30 + group / 10 % 10) << 16 | (0x30 + group % 10) << 24
            position -= 4
            UnsafeMutableRawPointer(start + position).storeBytes(of: (0x20 | digits).littleEndian, as: UInt32.self)
            magnitude /= 1000
        }
        start[position - 1] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
        if magnitude >= 10 { start[position - 2] = UInt8(truncatingIfNeeded: magnitude / 10 % 10) + 0x30 }
        if magnitude >= 100 { start[position - 3] = UInt8(truncatingIfNeeded: magnitude / 100) + 0x30 }
        position -= magnitude >= 100 ? 3 : magnitude >= 10 ? 2 : 1
        assert(position == 0, "length must be width(scaled:decimals:)")
        return start - destination + columns
    }

    /// A change as a percentage of the earlier figure's size, scaled by 10 (one decimal),
    /// rounded once; nil from zero.
    public static func percentChange(_ delta: Money, from: Money) -> Int64? {
        guard from.ore != 0 else { return nil }
        // In 64 bits when delta × 1000 fits, as it does for any real budget: a 128-bit
        // division is a library call, several times slower. The same rounding as
        // `ExactArithmetic.divideRounded` (the divisor here is positive).
        let (numerator, overflow) = delta.ore.multipliedReportingOverflow(by: 1000)
        if !overflow && from.ore != .min {
            let denominator = from.ore < 0 ? -from.ore : from.ore
            let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
            if remainder.magnitude * 2 >= denominator.magnitude { return numerator < 0 ? quotient - 1 : quotient + 1 }
            return quotient
        }
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

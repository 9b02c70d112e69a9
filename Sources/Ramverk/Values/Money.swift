/// An exact amount of money in öre, in result sign (income positive, cost negative).
/// Never a floating-point number: every operation is exact or rounds once, by the
/// rule in `ExactArithmetic`, and overflow is reported rather than trapped.
public struct Money: Sendable, Hashable, Comparable {
    public var ore: Int64

    public init(ore: Int64) { self.ore = ore }

    public static let zero = Money(ore: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.ore < rhs.ore }

    /// nil on overflow.
    public func adding(_ other: Money) -> Money? {
        let (sum, overflow) = ore.addingReportingOverflow(other.ore)
        return overflow ? nil : Money(ore: sum)
    }

    /// nil on overflow.
    public func subtracting(_ other: Money) -> Money? {
        let (difference, overflow) = ore.subtractingReportingOverflow(other.ore)
        return overflow ? nil : Money(ore: difference)
    }

    /// nil on overflow (only `Int64.min` has no negation).
    public func negated() -> Money? {
        ore == .min ? nil : Money(ore: -ore)
    }

    /// The amount times a plain number, rounded to whole öre.
    public func multiplied(by ratio: Ratio) -> Money? {
        let product = Int128(ore) * Int128(ratio.micros)
        guard let rounded = ExactArithmetic.divideRounded(product, Int128(Ratio.scale)) else { return nil }
        return ExactArithmetic.narrow(rounded).map(Money.init(ore:))
    }

    /// The amount divided by a plain number, rounded to whole öre; nil on division by
    /// zero or overflow (callers tell the two apart by checking the divisor).
    public func divided(by ratio: Ratio) -> Money? {
        let numerator = Int128(ore) * Int128(Ratio.scale)
        guard let rounded = ExactArithmetic.divideRounded(numerator, Int128(ratio.micros)) else { return nil }
        return ExactArithmetic.narrow(rounded).map(Money.init(ore:))
    }

    /// How many times `other` goes into `self`, as a plain number rounded to millionths.
    public func ratio(to other: Money) -> Ratio? {
        let numerator = Int128(ore) * Int128(Ratio.scale)
        guard let rounded = ExactArithmetic.divideRounded(numerator, Int128(other.ore)) else { return nil }
        return ExactArithmetic.narrow(rounded).map(Ratio.init(micros:))
    }

    /// The amount expressed in `unit`, rounded half away from zero to `decimals`,
    /// as a scaled integer (e.g. 247,0 mnkr with 1 decimal → 2470).
    public func scaled(in unit: MoneyUnit, decimals: Int) -> Int64 {
        let divisor64 = unit.ore / ExactArithmetic.pow10(decimals)
        if divisor64 > 1 {
            // The common case, in 64 bits: round half away from zero.
            let quotient = ore / divisor64
            let remainder = ore % divisor64
            if remainder.magnitude * 2 >= divisor64.magnitude { return ore < 0 ? quotient - 1 : quotient + 1 }
            return quotient
        }
        let denominator = Int128(unit.ore) / Int128(ExactArithmetic.pow10(decimals))
        if denominator <= 1 {
            // Showing more decimals than whole öre: multiply instead.
            let factor = Int128(ExactArithmetic.pow10(decimals)) / Int128(unit.ore)
            return ExactArithmetic.narrow(Int128(ore) * max(factor, 1)) ?? ore
        }
        return ExactArithmetic.narrow(ExactArithmetic.divideRounded(Int128(ore), denominator) ?? 0) ?? 0
    }
}

/// An exact dimensionless number (a "tal": 1,02, 3,7 %, 90 000) in millionths.
public struct Ratio: Sendable, Hashable, Comparable {
    public static let scale: Int64 = 1_000_000
    public static let decimals = 6

    public var micros: Int64

    public init(micros: Int64) { self.micros = micros }

    public static let zero = Ratio(micros: 0)
    public static let one = Ratio(micros: scale)

    public static func < (lhs: Ratio, rhs: Ratio) -> Bool { lhs.micros < rhs.micros }

    public func adding(_ other: Ratio) -> Ratio? {
        let (sum, overflow) = micros.addingReportingOverflow(other.micros)
        return overflow ? nil : Ratio(micros: sum)
    }

    public func subtracting(_ other: Ratio) -> Ratio? {
        let (difference, overflow) = micros.subtractingReportingOverflow(other.micros)
        return overflow ? nil : Ratio(micros: difference)
    }

    public func negated() -> Ratio? { micros == .min ? nil : Ratio(micros: -micros) }

    public func multiplied(by other: Ratio) -> Ratio? {
        let product = Int128(micros) * Int128(other.micros)
        guard let rounded = ExactArithmetic.divideRounded(product, Int128(Ratio.scale)) else { return nil }
        return ExactArithmetic.narrow(rounded).map(Ratio.init(micros:))
    }

    public func divided(by other: Ratio) -> Ratio? {
        let numerator = Int128(micros) * Int128(Ratio.scale)
        guard let rounded = ExactArithmetic.divideRounded(numerator, Int128(other.micros)) else { return nil }
        return ExactArithmetic.narrow(rounded).map(Ratio.init(micros:))
    }

    /// The number read as an amount in `unit`, rounded to whole öre.
    public func moneyRounded(in unit: MoneyUnit) -> Money? {
        let product = Int128(micros) * Int128(unit.ore)
        guard let rounded = ExactArithmetic.divideRounded(product, Int128(Ratio.scale)) else { return nil }
        return ExactArithmetic.narrow(rounded).map(Money.init(ore:))
    }

    /// The number read as an amount in `unit` (a bare `20 500` in a tkr table).
    /// nil when it is not whole öre or does not fit.
    public func money(in unit: MoneyUnit) -> Money? {
        let product = Int128(micros) * Int128(unit.ore)
        guard product % Int128(Ratio.scale) == 0 else { return nil }
        return ExactArithmetic.narrow(product / Int128(Ratio.scale)).map(Money.init(ore:))
    }
}

/// Amounts brought to a unit's shown decimals, exactly as `Money.scaled(in:decimals:)`
/// does it, for the millions of figures of a large table. A 64-bit division by a value
/// known only at run time costs tens of cycles (and the compiler folds a switch over
/// the usual divisors back into one), so the divisor's reciprocal is worked out once
/// and each amount is divided by a multiplication, corrected to the exact quotient.
struct DisplayScale: Sendable {
    let unit: MoneyUnit
    let decimals: Int
    /// Öre per shown step (e.g. 100 000 for whole tkr); 1 or less when more decimals
    /// are shown than whole öre have, which `Money.scaled` handles.
    private let divisor: Int64
    /// ⌊(2^64 − 1) ÷ divisor⌋. For n < 2^64 the high half of n × reciprocal is
    /// n ÷ divisor less at most 1: n × reciprocal ÷ 2^64 > n ÷ divisor − n ÷ 2^64.
    private let reciprocal: UInt64

    init(unit: MoneyUnit, decimals: Int) {
        self.unit = unit
        self.decimals = decimals
        divisor = unit.ore / ExactArithmetic.pow10(decimals)
        reciprocal = divisor > 1 ? UInt64.max / UInt64(divisor) : 0
    }

    /// The amount as a scaled integer, rounded half away from zero.
    @inline(__always)
    func scaled(_ money: Money) -> Int64 {
        guard divisor > 1 else { return money.scaled(in: unit, decimals: decimals) }
        let step = UInt64(divisor)
        let magnitude = money.ore.magnitude
        var quotient = magnitude.multipliedFullWidth(by: reciprocal).high
        var remainder = magnitude - quotient * step
        if remainder >= step {
            quotient += 1
            remainder -= step
        }
        // Half away from zero. remainder < step ≤ 10^11, so doubling it cannot
        // overflow, and quotient ≤ 2^63 ÷ 2 + 1 fits in an Int64.
        if remainder * 2 >= step { quotient += 1 }
        return money.ore < 0 ? -Int64(quotient) : Int64(quotient)
    }
}

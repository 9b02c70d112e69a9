/// Integer helpers behind the exact money and number types. One rounding rule for
/// the whole language: **to nearest, halves away from zero** (kommersiell avrundning),
/// applied whenever a product or quotient is brought back to whole öre or to
/// millionths.
enum ExactArithmetic {
    /// `numerator / denominator` rounded half away from zero; nil on division by zero.
    static func divideRounded(_ numerator: Int128, _ denominator: Int128) -> Int128? {
        guard denominator != 0 else { return nil }
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder == 0 { return quotient }
        // Compare 2·|r| with |d| without overflow: |r| < |d| ≤ Int128.max/… is safe
        // because operands come from Int64 products.
        let twiceRemainder = remainder.magnitude * 2
        if twiceRemainder >= denominator.magnitude {
            return (numerator < 0) != (denominator < 0) ? quotient - 1 : quotient + 1
        }
        return quotient
    }

    /// Narrows to Int64, nil when out of range.
    static func narrow(_ value: Int128) -> Int64? {
        guard value >= Int128(Int64.min), value <= Int128(Int64.max) else { return nil }
        return Int64(value)
    }

    static func pow10(_ exponent: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<exponent { result &*= 10 }
        return result
    }
}

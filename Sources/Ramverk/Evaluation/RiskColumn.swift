/// A risk's values over a block of iterations, as the shortcut (`AffineShortcut`) takes
/// them: each draw rounded to whole öre (or millionths, for a number) as
/// `ExactArithmetic` rounds, put on the target's written value (or replacing it) and
/// turned to the internal sign — a column per risk, the block's rows in order. Where
/// that fails (a draw or a sum out of range) the value is 0 and the iteration failed.
enum RiskColumn {
    /// An amount risk's column over the block: each draw rounded to öre, added to the
    /// base (or replacing it) and turned to the internal sign; 0 where that fails, and
    /// the iteration failed. Returns a bound on the magnitudes in the column.
    ///
    /// The hot loop of the shortcut. Written so that the compiler makes vector code of
    /// it: no branch and no trapping conversion per draw. A draw below 2⁵¹ in magnitude
    /// is rounded in floating point: a + 1.5·2⁵² lies in [2⁵², 2⁵³), where the doubles
    /// are the integers, so the addition rounds a to the nearest integer (ties to even)
    /// and the integer is the sum's bit pattern less the constant's; the remainder
    /// a − n is then exact, and a tie (remainder ½) rounded down is moved up. That is
    /// `rounded(_:)` — half away from zero — exactly. Base and sign then cannot
    /// overflow when |base| + the largest rounded draw fits, which is checked once, after
    /// the loop, with the draws' range: the rare block that fails either check (a draw
    /// beyond 2⁵¹, ±∞ or NaN; a base near the limits) is done again with checks, row by
    /// row.
    static func amounts(_ column: UnsafeMutablePointer<Int64>, risk: Int, _ block: IterationBlock,
                                     base: Int64, replacing: Bool, flip: Bool) -> UInt64 {
        let draws = block.draws(of: risk)
        let addend = replacing ? 0 : base
        // value ^ mask − mask is value, or −value when the mask is all ones.
        let flipMask: Int64 = flip ? -1 : 0
        let magic = 0x1.8p52
        let magicBits = Int64(bitPattern: magic.bitPattern)
        var outOfRange: UInt64 = 0
        var magnitudes: UInt64 = 0
        for row in 0..<block.rows {
            let draw = draws[row]
            let a = draw.magnitude
            outOfRange |= a < 0x1p51 ? 0 : 1
            let shifted = a + magic
            let nearest = Int64(bitPattern: shifted.bitPattern) &- magicBits
            let magnitude = nearest &+ (a - (shifted - magic) == 0.5 ? 1 : 0)
            // OR-ed, not compared: an upper bound (below twice the largest) is enough,
            // and an OR is one vector instruction where a 64-bit maximum is many.
            magnitudes |= UInt64(bitPattern: magnitude)
            let drawn = draw < 0 ? 0 &- magnitude : magnitude
            column[row] = ((addend &+ drawn) ^ flipMask) &- flipMask
        }
        let (largest, overflow) = addend.magnitude.addingReportingOverflow(magnitudes)
        if outOfRange == 0 && !overflow && largest <= UInt64(Int64.max) { return largest }
        return checkedAmounts(column, risk: risk, block, base: base, replacing: replacing, flip: flip)
    }

    /// `amounts` with every step checked, row by row.
    private static func checkedAmounts(_ column: UnsafeMutablePointer<Int64>, risk: Int, _ block: IterationBlock,
                                            base: Int64, replacing: Bool, flip: Bool) -> UInt64 {
        var largest: UInt64 = 0
        let draws = block.draws(of: risk)
        for row in 0..<block.rows {
            var value: Int64 = 0
            var ok = false
            if let drawn = rounded(draws[row]) {
                var overflow = false
                (value, overflow) = replacing ? (drawn, false) : base.addingReportingOverflow(drawn)
                if flip && !overflow { (value, overflow) = (0 as Int64).subtractingReportingOverflow(value) }
                ok = !overflow
            }
            // A failed iteration's values are 0, so the sums cannot trap on it.
            column[row] = ok ? value : 0
            largest = Swift.max(largest, column[row].magnitude)
            if !ok { block.succeeded[row] = false }
        }
        return largest
    }

    /// A bare number's column: the number (millionths) takes part as the amount it
    /// rounds to in `unit` — no sign convention, so no flip. Returns a bound on the
    /// magnitudes in the column.
    ///
    /// Like `amounts`, in floating point without a branch per draw, so that it becomes
    /// vector code: the draw rounded to whole millionths (exact below 2⁵¹, as there),
    /// the number n = base + draw (exact below 2⁵³: whole numbers), then the amount
    /// n·u/10⁶ öre rounded half away from zero, with u/10⁶ in lowest terms num/den
    /// (tkr: 1/10). The quotient q = n·num/den is rounded once, by the division, and
    /// that cannot move it across a half-öre k + ½: a tie is exact (a double below
    /// 2⁵²), and any other q is at least 1/(2·den) from one, more than the division's
    /// error |q|·2⁻⁵³ while |q| < 2⁵⁰/den. So q rounds, with the same trick as a draw,
    /// to exactly `amount(micros:in:)`. A block outside those bounds is done again with
    /// checks, row by row.
    static func numbers(_ column: UnsafeMutablePointer<Int64>, risk: Int, _ block: IterationBlock,
                        base: Int64, unit: MoneyUnit, replacing: Bool) -> UInt64 {
        let addend = replacing ? 0 : base
        guard addend.magnitude < 1 << 53 else {
            return checkedNumbers(column, risk: risk, block, base: base, unit: unit, replacing: replacing)
        }
        let common = greatestCommonDivisor(unit.ore, Ratio.scale)
        let (numerator, denominator) = (Double(unit.ore / common), Double(Ratio.scale / common))
        let quotientLimit = Swift.min(0x1p51, 0x1p50 / denominator)
        let (draws, start) = (block.draws(of: risk), Double(addend))
        let magic = 0x1.8p52
        let magicBits = Int64(bitPattern: magic.bitPattern)
        var outOfRange: UInt64 = 0
        var magnitudes: UInt64 = 0
        for row in 0..<block.rows {
            let draw = draws[row]
            let a = draw.magnitude
            let nearestDraw = (a + magic) - magic
            let roundedDraw = nearestDraw + (a - nearestDraw == 0.5 ? 1 : 0)
            let quotient = (start + (draw < 0 ? -roundedDraw : roundedDraw)) * numerator / denominator
            let q = quotient.magnitude
            outOfRange |= (a < 0x1p51 ? 0 : 1) | (q < quotientLimit ? 0 : 1)
            let shifted = q + magic
            let nearest = Int64(bitPattern: shifted.bitPattern) &- magicBits
            let magnitude = nearest &+ (q - (shifted - magic) == 0.5 ? 1 : 0)
            magnitudes |= UInt64(bitPattern: magnitude)
            column[row] = quotient < 0 ? 0 &- magnitude : magnitude
        }
        if outOfRange == 0 { return magnitudes }
        return checkedNumbers(column, risk: risk, block, base: base, unit: unit, replacing: replacing)
    }

    private static func greatestCommonDivisor(_ a: Int64, _ b: Int64) -> Int64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    /// `numbers` with every step checked, row by row.
    private static func checkedNumbers(_ column: UnsafeMutablePointer<Int64>, risk: Int, _ block: IterationBlock,
                                       base: Int64, unit: MoneyUnit, replacing: Bool) -> UInt64 {
        var largest: UInt64 = 0
        for row in 0..<block.rows {
            var value: Int64 = 0
            var ok = false
            if let drawn = rounded(block.draws(of: risk)[row]) {
                var overflow = false
                (value, overflow) = replacing ? (drawn, false) : base.addingReportingOverflow(drawn)
                if !overflow, let amount = amount(micros: value, in: unit) {
                    (value, ok) = (amount, true)
                }
            }
            column[row] = ok ? value : 0
            largest = Swift.max(largest, column[row].magnitude)
            if !ok { block.succeeded[row] = false }
        }
        return largest
    }

    /// A bare number (millionths) as the öre it makes in `unit`, rounded half away from
    /// zero: `Ratio.moneyRounded(in:)` without its 128-bit division when the product
    /// fits in 64 bits (for tkr, any number below 92 000 000 000).
    @inline(__always)
    static func amount(micros: Int64, in unit: MoneyUnit) -> Int64? {
        let (product, overflow) = micros.multipliedReportingOverflow(by: unit.ore)
        guard !overflow else { return Ratio(micros: micros).moneyRounded(in: unit)?.ore }
        let quotient = product / Ratio.scale
        let remainder = product % Ratio.scale
        // The remainder has the product's sign; ±½ or beyond rounds away from zero.
        return remainder.magnitude * 2 >= UInt64(Ratio.scale) ? quotient + product.signum() : quotient
    }

    /// A draw (öre, or millionths for a number) rounded half away from zero, as
    /// `ExactArithmetic` rounds; nil beyond ±2⁶², where the conversion would trap.
    @inline(__always)
    static func rounded(_ draw: Double) -> Int64? {
        guard draw.isFinite, draw.magnitude < 4.6e18 else { return nil }
        return roundedInRange(draw)
    }

    /// `rounded(_:)` of a draw known to be within ±4.6·10¹⁸.
    @inline(__always)
    static func roundedInRange(_ draw: Double) -> Int64 {
        // Truncate (one instruction), then look at the exact remainder, without branches
        // (its side is a coin toss for the predictor): the sign bit of remainder − ½ is
        // clear exactly when remainder ≥ ½ (the subtraction is exact there), and of
        // −½ − remainder when remainder ≤ −½.
        let whole = Int64(draw)
        let remainder = draw - Double(whole)
        let up = 1 &- Int64(bitPattern: (remainder - 0.5).bitPattern >> 63)
        let down = 1 &- Int64(bitPattern: (-0.5 - remainder).bitPattern >> 63)
        return whole &+ up &- down
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard normal values by Marsaglia and Tsang's ziggurat: exact (a rejection
/// method, not an approximation) and about four times faster than Box–Muller, since
/// 99 % of draws cost one 64-bit random number, a table look-up and a multiplication —
/// no logarithm, square root or sine. Normal drivers dominate a risk model's sampling
/// time, so this is where the engine's speed comes from.
///
/// The area under f(x) = exp(−x²/2), x ≥ 0, is covered by 256 horizontal layers of
/// equal area v: layer i spans heights f(xᵢ) … f(xᵢ₊₁) and widths 0 … xᵢ, the bottom one
/// standing for the rectangle [0, r] × [0, f(r)] plus the tail beyond r. A draw picks a
/// layer and a point x in it; x < xᵢ₊₁ lies under the curve for sure, otherwise a
/// height is drawn to test it (or, in the bottom layer, the tail is sampled).
///
/// Each draw splits one random number into separate bits — layer from bits 0–7, sign
/// from bit 8, position from bits 11–63 — so that layer and position are independent
/// (the flaw Doornik found in the original, which took both from the same bits).
struct Ziggurat: @unchecked Sendable {
    // @unchecked: two tables written once, in `init`, then only read, by any thread.
    static let layers = 256
    /// xᵢ for i in 0 ... 256: x₀ = v/f(r) (the bottom layer's equivalent width),
    /// x₁ = r, x₂₅₆ = 0.
    let x: UnsafeMutablePointer<Double>
    /// f(xᵢ); f₂₅₆ = 1.
    let f: UnsafeMutablePointer<Double>
    /// Where the tail starts.
    let r: Double

    /// The tables, computed once per process (from libm, so the same on every run).
    static let shared = Ziggurat()

    private init() {
        let n = Self.layers
        x = .allocate(capacity: n + 1)
        f = .allocate(capacity: n + 1)
        r = Self.tailStart()
        _ = Self.overshoot(r: r, table: x)
        x[n] = 0
        for i in 0..<n { f[i] = exp(-0.5 * x[i] * x[i]) }
        f[n] = 1
    }

    /// Where the bisection of `bisectedTailStart` ends with glibc's exp, log and erfc.
    static let knownTailStart = Double(bitPattern: 0x400D_3BB4_8209_AD34)  // 3.6541528853610092

    /// r, where the layers exactly reach the top: `bisectedTailStart()`, whose 51
    /// rounds of 255 exp and log cost a third of a millisecond before the first draw of
    /// a run. The bisection ends where the overshoot changes sign between two
    /// neighbouring doubles, and near the root it changes sign once (none other within
    /// 2 000 doubles either side, with glibc), so when it changes between
    /// `knownTailStart` and the double below it, that is the bisection's answer, found
    /// with two rounds. A test checks that the two agree; with another libm the check
    /// may fail, and the bisection runs.
    static func tailStart() -> Double {
        let known = knownTailStart
        if overshoot(r: known, table: nil) <= 0 && overshoot(r: known.nextDown, table: nil) > 0 { return known }
        return bisectedTailStart()
    }

    /// r by bisection: too small an r makes the layers too thick, and they pass the top
    /// before the last one. Until low and high are neighbouring doubles (about 52
    /// halvings): from there a midpoint is one of them and changes nothing, so stopping
    /// gives the same r as the 100 rounds this once ran.
    static func bisectedTailStart() -> Double {
        var low = 3.0, high = 4.0
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if middle == low || middle == high { break }
            if overshoot(r: middle, table: nil) > 0 { low = middle } else { high = middle }
        }
        return high
    }

    /// For a tail start r, stacks the layers of area v(r) and returns by how much the
    /// top layer's upper edge misses 1 (> 0: the stack passed the top too early).
    /// Writes x₀ … x₂₅₅ to `table` when given.
    private static func overshoot(r: Double, table: UnsafeMutablePointer<Double>?) -> Double {
        let fr = exp(-0.5 * r * r)
        // ∫ᵣ^∞ exp(−x²/2) dx = √(π/2)·erfc(r/√2).
        let area = r * fr + 1.2533141373155003 * erfc(r * 0.7071067811865476)
        table?[0] = area / fr
        table?[1] = r
        var current = r
        for i in 1..<(layers - 1) {
            let top = exp(-0.5 * current * current) + area / current
            if top >= 1 { return 1 }
            current = (-2 * log(top)).squareRoot()
            table?[i + 1] = current
        }
        return exp(-0.5 * current * current) + area / current - 1
    }

    /// One standard normal value.
    @inline(__always)
    func next(using generator: inout SeededGenerator) -> Double {
        while true {
            let bits = generator.next()
            let layer = Int(truncatingIfNeeded: bits & 0xFF)
            // Bit 8 moved to the sign bit: a negation without a branch.
            let sign = (bits & 0x100) << 55
            let value = Double(bits >> 11) * 0x1.0p-53 * x[layer]
            if value < x[layer &+ 1] { return Double(bitPattern: value.bitPattern | sign) }
            // The generator handed over and back by value, not by address: a caller's
            // generator whose address is taken must live in memory, and its four words
            // would be stored and loaded around every draw instead of staying in
            // registers.
            let (accepted, advanced) = rareCase(layer: layer, value: value, generator: generator)
            generator = advanced
            if let accepted { return Double(bitPattern: accepted.bitPattern | sign) }
        }
    }

    /// The 1 % of draws outside a layer's sure part: the tail beyond r (Marsaglia's
    /// exponential method), or a wedge point kept if it lies under the curve. nil:
    /// rejected, draw again.
    @inline(never)
    private func rareCase(layer: Int, value: Double, generator: SeededGenerator) -> (Double?, SeededGenerator) {
        var generator = generator
        if layer == 0 {
            while true {
                // 1 − u in (0, 1]: the logarithms stay finite.
                let a = -log(1 - generator.nextUnitDouble()) / r
                let b = -log(1 - generator.nextUnitDouble())
                if 2 * b > a * a { return (r + a, generator) }
            }
        }
        let height = f[layer] + generator.nextUnitDouble() * (f[layer + 1] - f[layer])
        return (height < exp(-0.5 * value * value) ? value : nil, generator)
    }
}

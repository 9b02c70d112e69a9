#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One driver's distribution prepared for the hot loop: constants precomputed, and a
/// sampler that fills a whole column of a block of iterations at once. Switching on
/// the kind once per column instead of once per sample lets each loop be a tight,
/// branch-free run of one formula.
///
/// A column is `count` values `stride` apart (the block is iteration-major, so that
/// each iteration's draws are contiguous for the evaluator).
enum SamplingKernel: Sendable {
    case constant(Double)
    case uniform(low: Double, width: Double)
    /// x = min + leftScale·√u below `split`, max − rightScale·√(1 − u) above: the
    /// triangular inverse CDF with √((b−a)(c−a)) and √((b−a)(b−c)) taken out.
    case triangular(min: Double, max: Double, split: Double, leftScale: Double, rightScale: Double)
    case normal(mean: Double, sd: Double)
    case lognormal(LognormalParameters)
    /// The consequence's kernel, and the whole distribution for the copula's quantile.
    indirect case event(probability: Double, consequence: SamplingKernel, distribution: Distribution)

    init(_ distribution: Distribution) {
        switch distribution {
        case .constant(let value):
            self = .constant(value)
        case .uniform(let low, let high):
            self = .uniform(low: low, width: high - low)
        case .triangular(let a, let c, let b):
            if b > a {
                self = .triangular(min: a, max: b, split: (c - a) / (b - a),
                                   leftScale: ((b - a) * (c - a)).squareRoot(),
                                   rightScale: ((b - a) * (b - c)).squareRoot())
            } else {
                self = .constant(a)
            }
        case .normal(let mean, let sd):
            self = .normal(mean: mean, sd: sd)
        case .lognormal(let mean, let sd):
            self = .lognormal(LognormalParameters(mean: mean, sd: sd))
        case .event(let probability, let consequence):
            self = .event(probability: probability, consequence: SamplingKernel(consequence),
                          distribution: distribution)
        }
    }

    /// Fills the column with independent draws.
    func fill(_ column: UnsafeMutablePointer<Double>, stride: Int, count: Int,
              using state: inout SeededGenerator) {
        // The generator in a local: its four words then stay in registers through the
        // loops instead of being stored and loaded around each write to the column.
        var generator = state
        defer { state = generator }
        switch self {
        case .constant(let value):
            for row in 0..<count { column[row &* stride] = value }
        case .uniform(let low, let width):
            for row in 0..<count { column[row &* stride] = low + width * generator.nextUnitDouble() }
        case .triangular(let min, let max, let split, let leftScale, let rightScale):
            for row in 0..<count {
                column[row &* stride] = Self.triangular(generator.nextUnitDouble(), min, max, split, leftScale, rightScale)
            }
        case .normal(let mean, let sd):
            Self.fillStandardNormals(column, stride: stride, count: count, using: &generator)
            for row in 0..<count { column[row &* stride] = mean + sd * column[row &* stride] }
        case .lognormal(let parameters):
            Self.fillStandardNormals(column, stride: stride, count: count, using: &generator)
            for row in 0..<count {
                column[row &* stride] = Distribution.lognormalValue(parameters, column[row &* stride])
            }
        case .event(let probability, let consequence, _):
            // Draw the consequence for every row, then zero the rows where the event
            // does not happen: two branch-free loops (the zero a select) instead of a
            // data-dependent branch around a sampler. Exact in distribution either way.
            consequence.fill(column, stride: stride, count: count, using: &generator)
            for row in 0..<count {
                let happens = generator.nextUnitDouble() < probability
                column[row &* stride] = happens ? column[row &* stride] : 0
            }
        }
    }

    /// Replaces each standard normal z in the column by the driver's value at z (the
    /// copula's step from a correlated normal to this driver's marginal).
    func transformStandardNormals(_ column: UnsafeMutablePointer<Double>, stride: Int, count: Int) {
        switch self {
        case .constant(let value):
            for row in 0..<count { column[row &* stride] = value }
        case .uniform(let low, let width):
            for row in 0..<count {
                column[row &* stride] = low + width * StandardNormal.cdf(column[row &* stride])
            }
        case .triangular(let min, let max, let split, let leftScale, let rightScale):
            for row in 0..<count {
                let u = StandardNormal.cdf(column[row &* stride])
                column[row &* stride] = Self.triangular(u, min, max, split, leftScale, rightScale)
            }
        case .normal(let mean, let sd):
            for row in 0..<count { column[row &* stride] = mean + sd * column[row &* stride] }
        case .lognormal(let parameters):
            for row in 0..<count {
                column[row &* stride] = Distribution.lognormalValue(parameters, column[row &* stride])
            }
        case .event(_, _, let distribution):
            // The general quantile of the mixture (see `Distribution.quantile`), which
            // keeps the value increasing in z; what depends on the distribution alone is
            // worked out once a column, with the same arithmetic, so the same values.
            guard case .event(let p, let consequence) = distribution, p > 0 else {
                for row in 0..<count {
                    column[row &* stride] = distribution.quantile(StandardNormal.cdf(column[row &* stride]))
                }
                return
            }
            let below = p * consequence.cdf(0)
            let upToZero = below + (1 - p)
            // A triangular consequence (the usual one) with its constants worked out
            // once a column too, not once a draw inside `Distribution.quantile`.
            if case .triangular(let a, let c, let b) = consequence, b > a {
                let quantile = TriangularQuantile(min: a, mode: c, max: b)
                Self.mixture(column, stride: stride, count: count, p: p, below: below, upToZero: upToZero) { quantile($0) }
            } else {
                Self.mixture(column, stride: stride, count: count, p: p, below: below, upToZero: upToZero) {
                    consequence.quantile($0)
                }
            }
        }
    }

    /// An event's value at each standard normal z of the column: the mixture's quantile
    /// at u = Φ(z) (`Distribution.quantile`), with the consequence's quantile `quantile`.
    @inline(__always)
    private static func mixture(_ column: UnsafeMutablePointer<Double>, stride: Int, count: Int, p: Double,
                                below: Double, upToZero: Double, _ quantile: (Double) -> Double) {
        for row in 0..<count {
            let u = StandardNormal.cdf(column[row &* stride])
            column[row &* stride] = u < below ? quantile(u / p)
                : u < upToZero ? 0 : quantile(Swift.min((u - (1 - p)) / p, 1))
        }
    }

    /// The triangular inverse CDF at u. Written as one square root between two selects
    /// rather than an if/else: which half u falls in is a coin toss the processor
    /// cannot predict, and a mispredicted branch costs more than the whole formula.
    @inline(__always)
    static func triangular(_ u: Double, _ min: Double, _ max: Double, _ split: Double,
                           _ leftScale: Double, _ rightScale: Double) -> Double {
        let left = u < split
        let root = (left ? u : 1 - u).squareRoot()
        return left ? min + leftScale * root : max - rightScale * root
    }

    /// Independent standard normals (ziggurat).
    static func fillStandardNormals(_ column: UnsafeMutablePointer<Double>, stride: Int, count: Int,
                                    using state: inout SeededGenerator) {
        // In a local, as in `fill`.
        var generator = state
        defer { state = generator }
        let ziggurat = Ziggurat.shared
        for row in 0..<count { column[row &* stride] = ziggurat.next(using: &generator) }
    }
}

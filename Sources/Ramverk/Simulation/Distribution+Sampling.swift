#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Drawing values one at a time, and the CDF and quantile function (inverse CDF) that
/// the Gaussian copula uses. The engine's hot loop does not come through here: it
/// samples whole columns with `SamplingKernel`, which uses the same formulas.
extension Distribution {
    /// One value drawn with `generator`. Uniform: a + (b − a)u; triangular: the
    /// inverse CDF at u; normal: ziggurat; lognormal: exp(μ + σz); event: happens
    /// when a uniform is below p, then a draw of the consequence.
    public func sample(using generator: inout SeededGenerator) -> Double {
        switch self {
        case .constant(let value):
            return value
        case .uniform, .triangular:
            return quantile(generator.nextUnitDouble())
        case .normal, .lognormal:
            return value(atStandardNormal: generator.nextStandardNormal())
        case .event(let probability, let consequence):
            return generator.nextUnitDouble() < probability ? consequence.sample(using: &generator) : 0
        }
    }

    /// The value at standard normal `z`: the value whose CDF is Φ(z), increasing in z.
    /// Normal and lognormal take z directly (mean + sd·z, ±exp(μ ± σz)), without the
    /// round trip through Φ and Φ⁻¹; the others go through the uniform Φ(z).
    public func value(atStandardNormal z: Double) -> Double {
        switch self {
        case .normal(let mean, let sd):
            return mean + sd * z
        case .lognormal(let mean, let sd):
            let parameters = LognormalParameters(mean: mean, sd: sd)
            return Self.lognormalValue(parameters, z)
        default:
            return quantile(StandardNormal.cdf(z))
        }
    }

    /// A lognormal value at z. The mirrored (negative) side is −exp(μ − σz) rather than
    /// −exp(μ + σz) so that it still increases with z, as a quantile function must; a
    /// positive correlation then means "moves the same way" for costs too.
    @inline(__always)
    static func lognormalValue(_ parameters: LognormalParameters, _ z: Double) -> Double {
        parameters.sign * exp(parameters.mu + parameters.sign * parameters.sigma * z)
    }

    /// The quantile function F⁻¹(u) = inf { x : F(x) ≥ u } for u in [0, 1]. Normal and
    /// lognormal clamp u to [2⁻¹⁰⁷⁴, 1 − 2⁻⁵³] so the result is always finite.
    public func quantile(_ u: Double) -> Double {
        switch self {
        case .constant(let value):
            return value
        case .uniform(let low, let high):
            return low + (high - low) * u
        case .triangular(let a, let c, let b):
            guard b > a else { return a }
            return TriangularQuantile(min: a, mode: c, max: b)(u)
        case .normal, .lognormal:
            let clamped = Swift.min(Swift.max(u, .leastNonzeroMagnitude), 1 - 0x1p-53)
            return value(atStandardNormal: StandardNormal.quantile(clamped))
        case .event(let p, let consequence):
            // F(x) = p·G(x) + (1 − p)·[x ≥ 0]: the consequence's values below 0 take the
            // lowest p·G(0) of u, the non-event's 0 the next 1 − p, the rest the top.
            guard p > 0 else { return 0 }
            let below = p * consequence.cdf(0)
            if u < below { return consequence.quantile(u / p) }
            if u < below + (1 - p) { return 0 }
            return consequence.quantile(Swift.min((u - (1 - p)) / p, 1))
        }
    }

    /// The cumulative distribution function P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        switch self {
        case .constant(let value):
            return x >= value ? 1 : 0
        case .uniform(let low, let high):
            if x >= high { return 1 }
            if x < low { return 0 }
            return (x - low) / (high - low)
        case .triangular(let a, let c, let b):
            if x >= b { return 1 }
            if x <= a { return 0 }
            if x <= c { return (x - a) * (x - a) / ((b - a) * (c - a)) }
            return 1 - (b - x) * (b - x) / ((b - a) * (b - c))
        case .normal(let mean, let sd):
            guard sd > 0 else { return x >= mean ? 1 : 0 }
            return StandardNormal.cdf((x - mean) / sd)
        case .lognormal(let mean, let sd):
            let parameters = LognormalParameters(mean: mean, sd: sd)
            guard parameters.sigma > 0 else { return x >= mean ? 1 : 0 }
            if parameters.sign > 0 {
                return x <= 0 ? 0 : StandardNormal.cdf((log(x) - parameters.mu) / parameters.sigma)
            }
            // X = −exp(μ − σZ) ≤ x  ⇔  Z ≤ (μ − ln(−x))/σ.
            return x >= 0 ? 1 : StandardNormal.cdf((parameters.mu - log(-x)) / parameters.sigma)
        case .event(let p, let consequence):
            return p * consequence.cdf(x) + (x >= 0 ? 1 - p : 0)
        }
    }
}

/// The triangular distribution's quantile function, with what depends on the
/// distribution alone worked out once (the same differences, so the same values, as
/// writing them out in each call).
struct TriangularQuantile {
    let min: Double
    let max: Double
    let width: Double
    let left: Double
    let right: Double
    let split: Double

    /// For b > a.
    init(min a: Double, mode c: Double, max b: Double) {
        (min, max) = (a, b)
        (width, left, right) = (b - a, c - a, b - c)
        // F(c) = (c − a)/(b − a) splits the two halves of the triangle.
        split = left / width
    }

    @inline(__always)
    func callAsFunction(_ u: Double) -> Double {
        u < split ? min + (u * width * left).squareRoot() : max - ((1 - u) * width * right).squareRoot()
    }
}

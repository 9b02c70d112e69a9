#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The probability distribution of one risk driver. Parameters are plain doubles in
/// whatever unit the caller chooses (the engine never converts them); the caller turns
/// each iteration's result into exact öre.
public indirect enum Distribution: Sendable, Hashable {
    /// Always `value`.
    case constant(Double)
    /// Every value in [low, high) equally likely.
    case uniform(low: Double, high: Double)
    /// The triangle on [min, max] peaking at `mode`: the usual three-point estimate.
    case triangular(min: Double, mode: Double, max: Double)
    /// The normal distribution; `sd` 0 is the constant `mean`.
    case normal(mean: Double, sd: Double)
    /// A lognormal variable given by **its own** mean and standard deviation, as a
    /// budget user estimates it ("about 300, give or take 100"), not by the μ and σ of
    /// its logarithm, which the engine derives (`LognormalParameters`). The sign of
    /// `mean` picks the side: a positive mean gives values in (0, ∞) with a long tail
    /// upwards; a negative mean gives the mirror image in (−∞, 0), a cost whose tail
    /// runs towards larger costs. A mean of 0 has no lognormal and is a problem.
    case lognormal(mean: Double, sd: Double)
    /// Happens with `probability`, then takes a value drawn from `then`; otherwise 0.
    /// A fixed consequence is `then: .constant(amount)`.
    case event(probability: Double, then: Distribution)
}

/// What is wrong with a distribution's parameters. Structured, without wording: the
/// language side maps each case to its own diagnostic.
public enum DistributionProblem: Sendable, Hashable {
    /// A parameter is NaN or infinite.
    case notFinite
    /// The lower bound is above the upper (uniform `low` > `high`, triangular `min` > `max`).
    case minAboveMax
    /// The triangular mode lies outside [min, max].
    case modeOutsideRange
    /// A standard deviation is negative.
    case negativeDeviation
    /// An event's probability is outside [0, 1].
    case probabilityOutOfRange
    /// A lognormal with mean 0: a lognormal variable is never 0 and keeps one sign.
    case lognormalMeanZero
}

extension Distribution {
    /// Every problem of the parameters, outermost first; empty when it can be sampled.
    /// Problems inside an event's consequence are listed after the event's own.
    public var problems: [DistributionProblem] {
        var found: [DistributionProblem] = []
        collectProblems(into: &found)
        return found
    }

    private func collectProblems(into found: inout [DistributionProblem]) {
        switch self {
        case .constant(let value):
            if !value.isFinite { found.append(.notFinite) }
        case .uniform(let low, let high):
            if !(low.isFinite && high.isFinite) {
                found.append(.notFinite)
            } else if low > high {
                found.append(.minAboveMax)
            }
        case .triangular(let min, let mode, let max):
            if !(min.isFinite && mode.isFinite && max.isFinite) {
                found.append(.notFinite)
            } else if min > max {
                found.append(.minAboveMax)
            } else if mode < min || mode > max {
                found.append(.modeOutsideRange)
            }
        case .normal(let mean, let sd):
            if !(mean.isFinite && sd.isFinite) {
                found.append(.notFinite)
            } else if sd < 0 {
                found.append(.negativeDeviation)
            }
        case .lognormal(let mean, let sd):
            if !(mean.isFinite && sd.isFinite) {
                found.append(.notFinite)
            } else {
                if sd < 0 { found.append(.negativeDeviation) }
                if mean == 0 { found.append(.lognormalMeanZero) }
            }
        case .event(let probability, let consequence):
            if !probability.isFinite {
                found.append(.notFinite)
            } else if probability < 0 || probability > 1 {
                found.append(.probabilityOutOfRange)
            }
            consequence.collectProblems(into: &found)
        }
    }

    /// The analytic mean (the tests compare sample means with it; the engine centres
    /// its streaming sums on it). Only meaningful when `problems` is empty.
    public var mean: Double {
        switch self {
        case .constant(let value): value
        case .uniform(let low, let high): (low + high) / 2
        case .triangular(let min, let mode, let max): (min + mode + max) / 3
        case .normal(let mean, _), .lognormal(let mean, _): mean
        case .event(let probability, let consequence): probability * consequence.mean
        }
    }

    /// The analytic variance. Only meaningful when `problems` is empty.
    public var variance: Double {
        switch self {
        case .constant: 0
        case .uniform(let low, let high): (high - low) * (high - low) / 12
        case .triangular(let a, let c, let b): (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case .normal(_, let sd), .lognormal(_, let sd): sd * sd
        case .event(let p, let consequence):
            // E[X²] − E[X]² with E[X²] = p·(Var D + E[D]²) and E[X] = p·E[D].
            p * (consequence.variance + consequence.mean * consequence.mean)
                - p * p * consequence.mean * consequence.mean
        }
    }
}

/// The μ and σ of a lognormal's logarithm, from the mean m and standard deviation s of
/// the variable: σ² = ln(1 + s²/m²), μ = ln|m| − σ²/2 (the moments of exp(N(μ, σ²))
/// solved for μ and σ). `sign` is −1 for the mirrored, negative lognormal.
public struct LognormalParameters: Sendable, Hashable {
    public let mu: Double
    public let sigma: Double
    public let sign: Double

    public init(mean: Double, sd: Double) {
        let magnitude = Swift.abs(mean)
        let ratio = sd / magnitude
        let varianceOfLog = log1p(ratio * ratio)
        mu = log(magnitude) - varianceOfLog / 2
        sigma = varianceOfLog.squareRoot()
        sign = mean < 0 ? -1 : 1
    }
}

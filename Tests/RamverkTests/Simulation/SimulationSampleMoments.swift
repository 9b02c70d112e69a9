@testable import Ramverk

/// Sample moments of draws, with the standard errors the tests' tolerances come from.
struct SimulationSampleMoments {
    let count: Double
    let mean: Double
    let variance: Double
    /// The fourth central moment, for the standard error of the variance.
    let fourth: Double

    init(_ values: [Double]) {
        count = Double(values.count)
        mean = values.reduce(0, +) / count
        var second = 0.0, fourth = 0.0
        for value in values {
            let d = (value - mean) * (value - mean)
            second += d
            fourth += d * d
        }
        variance = second / (count - 1)
        self.fourth = fourth / count
    }

    /// Is the sample mean within `errors` standard errors (σ/√n) of `expected`?
    func meanAgrees(with expected: Double, errors: Double = 5) -> Bool {
        abs(mean - expected) <= errors * (variance / count).squareRoot() + 1e-9 * abs(expected)
    }

    /// Is the sample variance within `errors` standard errors (√((μ₄ − σ⁴)/n)) of
    /// `expected`?
    func varianceAgrees(with expected: Double, errors: Double = 5) -> Bool {
        let standardError = (max(fourth - variance * variance, 0) / count).squareRoot()
        return abs(variance - expected) <= errors * standardError + 1e-9 * abs(expected)
    }

    /// Pearson's correlation of two equally long samples.
    static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            sxy += (x[i] - mx) * (y[i] - my)
            sxx += (x[i] - mx) * (x[i] - mx)
            syy += (y[i] - my) * (y[i] - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Spearman's rank correlation (no ties expected in continuous draws).
    static func rankCorrelation(_ x: [Double], _ y: [Double]) -> Double {
        correlation(ranks(x), ranks(y))
    }

    static func ranks(_ values: [Double]) -> [Double] {
        var ranks = [Double](repeating: 0, count: values.count)
        for (rank, index) in values.indices.sorted(by: { values[$0] < values[$1] }).enumerated() {
            ranks[index] = Double(rank)
        }
        return ranks
    }
}

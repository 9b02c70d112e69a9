#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard normal distribution's CDF Φ and its inverse, to full double precision
/// in both tails. The Gaussian copula needs Φ to turn a correlated normal value into a
/// uniform one, and Φ⁻¹ to place a uniform on a normal or lognormal inside an event.
public enum StandardNormal {
    /// Φ(z) = ½·erfc(−z/√2). Through erfc rather than ½(1 + erf) so that the lower tail
    /// keeps its relative precision (1 + erf(z) cancels to 0 long before Φ underflows).
    @inlinable
    public static func cdf(_ z: Double) -> Double {
        0.5 * erfc(-z * 0.7071067811865476)
    }

    /// Φ⁻¹(p) for p in (0, 1); −∞ at 0 and +∞ at 1. Acklam's rational approximation
    /// (relative error below 1.2·10⁻⁹), then one Halley step on Φ(x) − p, which brings
    /// it to double precision because Halley's method triples the correct digits.
    public static func quantile(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let lowTail = 0.02425
        var x: Double
        if p < lowTail {
            let q = (-2 * log(p)).squareRoot()
            x = tailNumerator(q) / tailDenominator(q)
        } else if p <= 1 - lowTail {
            let q = p - 0.5
            let r = q * q
            x = centralNumerator(r) * q / centralDenominator(r)
        } else {
            let q = (-2 * log1p(-p)).squareRoot()
            x = -tailNumerator(q) / tailDenominator(q)
        }
        // Halley refinement on f(x) = Φ(x) − p, with f' = φ and f'' = −xφ. In the upper
        // half f is computed as (1 − p) − Φ(−x), equal but without cancelling (1 − p is
        // exact there).
        let error = p > 0.5 ? (1 - p) - cdf(-x) : cdf(x) - p
        let step = error * 2.5066282746310002 * exp(0.5 * x * x)
        x -= step / (1 + 0.5 * x * step)
        return x
    }

    // Acklam's coefficients for the central region |p − ½| ≤ ½ − 0.02425 (in r = q²) …
    private static func centralNumerator(_ r: Double) -> Double {
        ((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
          + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00
    }

    private static func centralDenominator(_ r: Double) -> Double {
        ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
          + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1
    }

    // … and for the tails (in q = √(−2 ln p)).
    private static func tailNumerator(_ q: Double) -> Double {
        ((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
          - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00
    }

    private static func tailDenominator(_ q: Double) -> Double {
        (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
         + 3.754408661907416e+00) * q + 1
    }
}

/// One stated correlation: drivers `first` and `second` (indices into the run's driver
/// list) have correlation `coefficient` in [−1, 1].
public struct CorrelationPair: Sendable, Hashable {
    public var first: Int
    public var second: Int
    public var coefficient: Double

    public init(_ first: Int, _ second: Int, _ coefficient: Double) {
        self.first = first
        self.second = second
        self.coefficient = coefficient
    }
}

/// What is wrong with a set of correlations; `pair` is the index in the list given.
/// Structured, without wording: the language side words them.
public enum CorrelationProblem: Sendable, Hashable {
    /// A driver index is outside 0 ..< size.
    case driverOutOfRange(pair: Int)
    /// The coefficient is NaN or outside [−1, 1].
    case coefficientOutOfRange(pair: Int)
    /// A driver paired with itself (its correlation is always 1).
    case selfCorrelation(pair: Int)
    /// The same two drivers (in either order) were given a different coefficient
    /// earlier, in pair `earlier`: the matrix would not be symmetric.
    case conflicting(pair: Int, earlier: Int)
    /// The coefficients cannot all hold at once (the matrix is not positive
    /// semi-definite; e.g. A~B 0.9, B~C 0.9, A~C −0.9). Found by Cholesky factorisation,
    /// which met the pivot `pivot` (< 0, or 0 with a non-zero remainder below it) at
    /// driver `driver`: the correlations among the drivers up to it are inconsistent.
    case notPositiveSemidefinite(driver: Int, pivot: Double)
}

/// The correlations among a run's drivers, validated, with the Cholesky factor L of the
/// correlated ones (C = L·Lᵀ) that the Gaussian copula needs. Pairs not given are 0.
///
/// Only drivers that take part in some non-zero correlation are factorised: the others
/// are independent of everything and are sampled directly, the fast path. The full
/// matrix is positive semi-definite exactly when that block is, since the rest of it is
/// the identity.
public struct CorrelationMatrix: Sendable, Hashable {
    /// The problems found, all of them.
    public struct Invalid: Error, Hashable {
        public let problems: [CorrelationProblem]
    }

    /// The number of drivers.
    public let size: Int
    /// The drivers with a non-zero correlation to another, ascending.
    public let correlatedDrivers: [Int]
    /// The lower-triangular Cholesky factor of the correlated drivers' block, row-major
    /// m × m (m = `correlatedDrivers.count`); entries above the diagonal are 0.
    public let factor: [Double]
    private let coefficients: [Double]

    /// A pivot within this of 0 counts as 0: a singular but valid matrix (a pair with
    /// correlation exactly 1, say) has zero pivots up to rounding.
    static let pivotTolerance = 1e-12
    /// Below a zero pivot, the remainder must be 0 too for the matrix to be PSD. For a
    /// PSD matrix it is at most √(pivot) ≤ 10⁻⁶ by Cauchy–Schwarz, so this bound accepts
    /// rounding and nothing else.
    static let remainderTolerance = 1e-6

    /// No correlations: every driver independent.
    public init(size: Int) {
        self.size = size
        correlatedDrivers = []
        factor = []
        coefficients = []
    }

    /// The matrix of `size` drivers with the given pairs, or every problem found.
    public init(size: Int, pairs: [CorrelationPair]) throws(Invalid) {
        var problems: [CorrelationProblem] = []
        var full = [Double](repeating: 0, count: size * size)
        var givenAt = [Int: Int]()  // i·size + j (i < j) → the pair that set it
        for (index, pair) in pairs.enumerated() {
            guard (0..<size).contains(pair.first), (0..<size).contains(pair.second) else {
                problems.append(.driverOutOfRange(pair: index))
                continue
            }
            guard pair.coefficient >= -1, pair.coefficient <= 1 else {
                problems.append(.coefficientOutOfRange(pair: index))
                continue
            }
            guard pair.first != pair.second else {
                problems.append(.selfCorrelation(pair: index))
                continue
            }
            let (i, j) = (min(pair.first, pair.second), max(pair.first, pair.second))
            if let earlier = givenAt[i * size + j] {
                if pairs[earlier].coefficient != pair.coefficient {
                    problems.append(.conflicting(pair: index, earlier: earlier))
                }
                continue
            }
            givenAt[i * size + j] = index
            full[i * size + j] = pair.coefficient
            full[j * size + i] = pair.coefficient
        }
        for driver in 0..<size { full[driver * size + driver] = 1 }
        guard problems.isEmpty else { throw Invalid(problems: problems) }

        let correlated = (0..<size).filter { i in
            (0..<size).contains { j in j != i && full[i * size + j] != 0 }
        }
        factor = try Self.cholesky(of: correlated, in: full, size: size)
        self.size = size
        correlatedDrivers = correlated
        coefficients = full
    }

    /// The correlation of drivers i and j (1 on the diagonal).
    public func coefficient(_ i: Int, _ j: Int) -> Double {
        if i == j { return 1 }
        return coefficients.isEmpty ? 0 : coefficients[i * size + j]
    }

    /// Cholesky–Banachiewicz on the block of `drivers`, tolerating zero pivots (a
    /// semi-definite matrix): a zero pivot's column is left 0, which is consistent only
    /// when what remains below it is 0 as well.
    private static func cholesky(of drivers: [Int], in full: [Double], size: Int) throws(Invalid) -> [Double] {
        let m = drivers.count
        var lower = [Double](repeating: 0, count: m * m)
        for j in 0..<m {
            var pivot = full[drivers[j] * size + drivers[j]]
            for k in 0..<j { pivot -= lower[j * m + k] * lower[j * m + k] }
            if pivot < -pivotTolerance {
                throw Invalid(problems: [.notPositiveSemidefinite(driver: drivers[j], pivot: pivot)])
            }
            let diagonal = pivot > pivotTolerance ? pivot.squareRoot() : 0
            lower[j * m + j] = diagonal
            for i in (j + 1)..<max(m, j + 1) {
                var remainder = full[drivers[i] * size + drivers[j]]
                for k in 0..<j { remainder -= lower[i * m + k] * lower[j * m + k] }
                if diagonal > 0 {
                    lower[i * m + j] = remainder / diagonal
                } else if abs(remainder) > remainderTolerance {
                    throw Invalid(problems: [.notPositiveSemidefinite(driver: drivers[j], pivot: pivot)])
                }
            }
        }
        return lower
    }
}

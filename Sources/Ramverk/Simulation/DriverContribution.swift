/// How much one driver moves the result (output 0), from its draws and the results of
/// the successful iterations.
public struct DriverContribution: Sendable, Equatable {
    /// The mean and standard deviation of the driver's draws (close to the analytic
    /// ones; a check that the driver was sampled as declared).
    public let mean: Double
    public let standardDeviation: Double
    /// The Pearson correlation between the driver's draws and the result, in [−1, 1];
    /// 0 when either never varies. Its sign says whether the result rises with the
    /// driver.
    public let correlation: Double

    /// The share of the result's variance explained by the driver alone: the squared
    /// correlation ρ². When the result is a sum of independent drivers (the usual
    /// budget model), Var(Y) = Σ Var(Xᵢ) and ρᵢ² = Var(Xᵢ)/Var(Y), so the shares sum
    /// to 1 up to sampling error; with correlated drivers or a non-linear model they
    /// need not, and then rank the drivers rather than split the variance.
    public var varianceShare: Double { correlation * correlation }
}

/// Centred first and second moments of the drivers and output 0 over some iterations,
/// mergeable: each chunk of a run has its own, and they are merged in chunk order, so
/// the result does not depend on which thread ran which chunk.
struct ContributionMoments: Sendable {
    var count: Double = 0
    var meanY: Double = 0
    var squaresY: Double = 0           // Σ (y − ȳ)²
    var meanX: [Double]
    var squaresX: [Double]             // Σ (xᵢ − x̄ᵢ)²
    var productsXY: [Double]           // Σ (xᵢ − x̄ᵢ)(y − ȳ)

    init(drivers: Int) {
        meanX = [Double](repeating: 0, count: drivers)
        squaresX = meanX
        productsXY = meanX
    }

    /// The moments from a chunk's raw sums, taken about shifts close to the means
    /// (x about the analytic mean, y about the chunk's first result) so that the
    /// naive formula Σd² − (Σd)²/n does not cancel away the digits.
    init(sums: borrowing ContributionSums) {
        let n = Double(sums.count)
        let drivers = sums.drivers
        count = n
        meanX = [Double](repeating: 0, count: drivers)
        squaresX = meanX
        productsXY = meanX
        guard sums.count > 0 else { return }
        meanY = sums.shiftY + sums.sumY / n
        squaresY = sums.sumYY - sums.sumY * sums.sumY / n
        for driver in 0..<drivers {
            meanX[driver] = sums.shiftX[driver] + sums.sumX[driver] / n
            squaresX[driver] = sums.sumXX[driver] - sums.sumX[driver] * sums.sumX[driver] / n
            productsXY[driver] = sums.sumXY[driver] - sums.sumX[driver] * sums.sumY / n
        }
    }

    /// Adds `other`'s iterations (Chan, Golub and LeVeque's pairwise update).
    mutating func merge(_ other: ContributionMoments) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        let total = count + other.count
        let weight = count * other.count / total
        let deltaY = other.meanY - meanY
        for driver in meanX.indices {
            let deltaX = other.meanX[driver] - meanX[driver]
            meanX[driver] += deltaX * other.count / total
            squaresX[driver] += other.squaresX[driver] + deltaX * deltaX * weight
            productsXY[driver] += other.productsXY[driver] + deltaX * deltaY * weight
        }
        meanY += deltaY * other.count / total
        squaresY += other.squaresY + deltaY * deltaY * weight
        count = total
    }

    var contributions: [DriverContribution] {
        meanX.indices.map { driver in
            let spread = (squaresX[driver] * squaresY).squareRoot()
            let correlation = spread > 0 ? productsXY[driver] / spread : 0
            return DriverContribution(
                mean: meanX[driver],
                standardDeviation: count > 1 ? (Swift.max(squaresX[driver], 0) / (count - 1)).squareRoot() : 0,
                correlation: Swift.min(Swift.max(correlation, -1), 1))
        }
    }
}

/// Raw sums of shifted draws and results, accumulated per iteration in the hot loop.
/// One per worker, reset at each chunk; its buffers are raw memory (shifts, Σx, Σx²,
/// Σxy, one row of `drivers` each, and a block's shifted results) so that adding an
/// iteration touches no array machinery — hence non-copyable, freeing its memory once.
struct ContributionSums: ~Copyable {
    let drivers: Int
    var count = 0
    var shiftY = 0.0
    var sumY = 0.0
    var sumYY = 0.0
    private let storage: UnsafeMutablePointer<Double>

    init(shifts: [Double]) {
        drivers = shifts.count
        let size = 4 * drivers + ChunkWorker.blockRows
        storage = .allocate(capacity: size)
        storage.initialize(repeating: 0, count: size)
        for driver in 0..<drivers { storage[driver] = shifts[driver] }
    }

    deinit { storage.deallocate() }

    var shiftX: UnsafeMutablePointer<Double> { storage }
    var sumX: UnsafeMutablePointer<Double> { storage + drivers }
    var sumXX: UnsafeMutablePointer<Double> { storage + 2 * drivers }
    var sumXY: UnsafeMutablePointer<Double> { storage + 3 * drivers }
    /// Scratch: y − shiftY of each row of the block being added.
    private var shiftedY: UnsafeMutablePointer<Double> { storage + 4 * drivers }

    mutating func reset() {
        count = 0
        shiftY = 0
        sumY = 0
        sumYY = 0
        (storage + drivers).update(repeating: 0, count: 3 * drivers)
    }

    /// Adds the successful iterations of a block (`IterationBlock`'s layout, output 0
    /// the one followed); `allSucceeded` when no iteration of it failed. A sum at a time
    /// over the block, in a register: each sum still adds the same terms in the same
    /// order (iteration order), so the figures are the same as one by one.
    mutating func add(_ block: IterationBlock, allSucceeded: Bool) {
        let (rows, results, succeeded) = (block.rows, block.column(0), block.succeeded)
        if count == 0, let first = (0..<rows).first(where: { succeeded[$0] }) { shiftY = Double(results[first]) }
        guard allSucceeded else { return addSome(block) }
        // Every row: no test per row, and y − shiftY converted once, not once per driver.
        let (shiftY, ys) = (self.shiftY, shiftedY)
        var (sumY, sumYY) = (self.sumY, self.sumYY)
        for row in 0..<rows {
            let y = Double(results[row]) - shiftY
            ys[row] = y
            sumY += y
            sumYY += y * y
        }
        (self.sumY, self.sumYY) = (sumY, sumYY)
        count += rows
        let (shift, sx, sxx, sxy) = (shiftX, sumX, sumXX, sumXY)
        // Two drivers at a time, one in each lane of a vector: a lane's arithmetic is
        // IEEE arithmetic as in scalar code, so each sum is still the same terms in the
        // same order, and the pair costs about what one driver did.
        var driver = 0
        while driver + 1 < drivers {
            let pair = SIMD2(driver, driver + 1)
            var x1 = SIMD2(sx[pair[0]], sx[pair[1]])
            var x2 = SIMD2(sxx[pair[0]], sxx[pair[1]])
            var xy = SIMD2(sxy[pair[0]], sxy[pair[1]])
            let offset = SIMD2(shift[pair[0]], shift[pair[1]])
            let (first, second) = (block.draws(of: pair[0]), block.draws(of: pair[1]))
            for row in 0..<rows {
                let x = SIMD2(first[row], second[row]) - offset
                x1 += x
                x2 += x * x
                xy += x * ys[row]
            }
            (sx[pair[0]], sxx[pair[0]], sxy[pair[0]]) = (x1[0], x2[0], xy[0])
            (sx[pair[1]], sxx[pair[1]], sxy[pair[1]]) = (x1[1], x2[1], xy[1])
            driver += 2
        }
        if driver < drivers {
            var (x1, x2, xy) = (sx[driver], sxx[driver], sxy[driver])
            let (draws, offset) = (block.draws(of: driver), shift[driver])
            for row in 0..<rows {
                let x = draws[row] - offset
                x1 += x
                x2 += x * x
                xy += x * ys[row]
            }
            (sx[driver], sxx[driver], sxy[driver]) = (x1, x2, xy)
        }
    }

    /// `add` for a block where some iterations failed: the same sums over the others.
    private mutating func addSome(_ block: IterationBlock) {
        let (rows, results, succeeded) = (block.rows, block.column(0), block.succeeded)
        let shiftY = self.shiftY
        var (sumY, sumYY, added) = (self.sumY, self.sumYY, 0)
        for row in 0..<rows where succeeded[row] {
            let y = Double(results[row]) - shiftY
            sumY += y
            sumYY += y * y
            added &+= 1
        }
        (self.sumY, self.sumYY) = (sumY, sumYY)
        count += added
        let (shift, sx, sxx, sxy) = (shiftX, sumX, sumXX, sumXY)
        for driver in 0..<drivers {
            var (x1, x2, xy) = (sx[driver], sxx[driver], sxy[driver])
            for row in 0..<rows where succeeded[row] {
                let y = Double(results[row]) - shiftY
                let x = block.draws(of: driver)[row] - shift[driver]
                x1 += x
                x2 += x * x
                xy += x * y
            }
            (sx[driver], sxx[driver], sxy[driver]) = (x1, x2, xy)
        }
    }
}

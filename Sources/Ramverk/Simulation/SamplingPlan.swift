/// How a run's drivers are drawn, block by block: the independent drivers column by
/// column straight from their kernels (the fast path), the correlated ones through a
/// Gaussian copula.
///
/// The copula: draw independent standard normals w for the correlated drivers, make
/// them correlated as z = L·w (L the Cholesky factor of their correlation matrix, so z
/// has exactly that correlation matrix), and give each driver its value at z_i — the
/// value whose CDF is Φ(z_i), i.e. its quantile at u = Φ(z_i) (normal and lognormal
/// directly from z). Each driver keeps its own distribution exactly. Because every step
/// is increasing, rank (Spearman) correlation survives the marginals unchanged:
/// for normals it is (6/π)·asin(ρ/2), within 0.02 of ρ, and the Pearson correlation of
/// the values equals ρ for normals and is close to it for the other shapes.
struct SamplingPlan: Sendable {
    let driverCount: Int
    /// (driver index, kernel), in driver order.
    let independent: [(Int, SamplingKernel)]
    /// (driver index, kernel), in the order of the Cholesky factor.
    let correlated: [(Int, SamplingKernel)]
    /// The Cholesky factor of the correlated block, row-major m × m.
    let factor: [Double]

    init(drivers: [Distribution], correlation: CorrelationMatrix?) {
        driverCount = drivers.count
        let correlatedDrivers = correlation?.correlatedDrivers ?? []
        let isCorrelated = Set(correlatedDrivers)
        independent = drivers.indices.filter { !isCorrelated.contains($0) }.map { ($0, SamplingKernel(drivers[$0])) }
        correlated = correlatedDrivers.map { ($0, SamplingKernel(drivers[$0])) }
        factor = correlation?.factor ?? []
    }

    /// Fills `rows` iterations of draws, driver by driver: driver d's values in
    /// `block[d · columnStride ..< d · columnStride + rows]`. Always the same numbers
    /// from the same generator state: columns in a fixed order.
    func fill(_ block: UnsafeMutablePointer<Double>, rows: Int, columnStride: Int,
              using generator: inout SeededGenerator) {
        for (driver, kernel) in independent {
            kernel.fill(block + driver &* columnStride, stride: 1, count: rows, using: &generator)
        }
        guard !correlated.isEmpty else { return }
        for (driver, _) in correlated {
            SamplingKernel.fillStandardNormals(block + driver &* columnStride, stride: 1, count: rows, using: &generator)
        }
        let m = correlated.count
        factor.withUnsafeBufferPointer { lower in
            correlated.withUnsafeBufferPointer { drivers in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: rows) { z in
                    // z = L·w in place, bottom row of L first: row i reads w_0 … w_i,
                    // which the rows above it have not yet overwritten. A term at a time
                    // down the columns (vector code), each z still the same sum in the
                    // same order: ((0 + l_i0·w_0) + l_i1·w_1) + ….
                    var i = m - 1
                    while i >= 0 {
                        z.initialize(repeating: 0)
                        for k in 0...i {
                            let (l, w) = (lower[i &* m &+ k], block + drivers[k].0 &* columnStride)
                            for row in 0..<rows { z[row] += l * w[row] }
                        }
                        (block + drivers[i].0 &* columnStride).update(from: z.baseAddress!, count: rows)
                        i -= 1
                    }
                }
            }
        }
        for (driver, kernel) in correlated {
            kernel.transformStandardNormals(block + driver &* columnStride, stride: 1, count: rows)
        }
    }
}

/// The order-free part of one output's statistics over some values: their exact sum,
/// minimum, maximum and how many are below 0. Mergeable in any order (integer sums,
/// minima and maxima), so each chunk of a run keeps its own, taken while its values are
/// still in the cache, and the statistics need no pass of their own for them.
struct OutputTally: Sendable, Equatable {
    var count = 0
    /// Int128 holds 2⁶³ öre times 2⁶⁴ values, so it cannot overflow.
    var sum: Int128 = 0
    var minimum = Int64.max
    var maximum = Int64.min
    var belowZero = 0

    /// Adds `count` values.
    mutating func add(_ values: UnsafePointer<Int64>, count: Int) {
        add(values, copyingTo: nil, count: count)
    }

    /// Adds `count` values and copies them to `destination`, in the same pass.
    @inline(__always)
    mutating func add(_ values: UnsafePointer<Int64>, copyingTo destination: UnsafeMutablePointer<Int64>?, count: Int) {
        // Locals in registers, and no branch per value: the sign bit counts the negative
        // ones, and the wrapping Int128 addition cannot wrap (see `sum`).
        var (total, low, high, negative) = (sum, minimum, maximum, 0)
        for index in 0..<count {
            let value = values[index]
            destination?[index] = value
            total &+= Int128(value)
            low = Swift.min(low, value)
            high = Swift.max(high, value)
            negative &+= Int(truncatingIfNeeded: UInt64(bitPattern: value) >> 63)
        }
        (sum, minimum, maximum) = (total, low, high)
        belowZero += negative
        self.count += count
    }

    /// Adds another tally's values.
    mutating func merge(_ other: OutputTally) {
        count += other.count
        sum += other.sum
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
        belowZero += other.belowZero
    }
}

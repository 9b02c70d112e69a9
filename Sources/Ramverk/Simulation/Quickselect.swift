/// The k-th smallest of many values without sorting them: quickselect with Hoare's
/// partition and a median-of-three pivot, expected linear time. Percentiles of a
/// million results cost a few milliseconds this way, against tens for a sort.
enum Quickselect {
    /// The values at ranks `ranks` (ascending, each in 0 ..< values.count), as if
    /// sorted. Reorders `values`: after each rank k is found, everything before k is
    /// ≤ it and everything after is ≥ it, so the next, higher rank is sought only
    /// after k. The values found do not depend on the order the values came in.
    static func select(ranks: [Int], in values: UnsafeMutableBufferPointer<Int64>) -> [Int64] {
        var low = 0
        var found: [Int64] = []
        found.reserveCapacity(ranks.count)
        for rank in ranks {
            precondition(rank >= low && rank < values.count, "ranks ascending and in range")
            found.append(select(rank: rank, in: values, from: low))
            low = rank
        }
        return found
    }

    /// The value of rank `k`, searching `values[low...]` (everything before `low` is
    /// already known to be ≤ everything from it on).
    static func select(rank k: Int, in values: UnsafeMutableBufferPointer<Int64>, from low: Int) -> Int64 {
        var lo = low
        var hi = values.count - 1
        while hi > lo {
            let pivot = medianOfThree(values[lo], values[lo + (hi - lo) / 2], values[hi])
            var i = lo
            var j = hi
            // Both scans stop on values equal to the pivot, so runs of equal values
            // (a model that often gives the same result) still split in the middle.
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Now values[lo...j] ≤ pivot, values[j+1 ..< i] = pivot, values[i...hi] ≥ pivot.
            if k <= j {
                hi = j
            } else if k >= i {
                lo = i
            } else {
                return values[k]
            }
        }
        return values[k]
    }

    @inline(__always)
    private static func medianOfThree(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64 {
        a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b))
    }
}

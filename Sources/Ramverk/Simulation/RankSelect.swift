/// The values of a few ranks among many, as if sorted, without sorting or reordering
/// them: one counting pass over the top bits of each value's distance from the
/// minimum finds the bucket that holds each rank, a second pass gathers those buckets'
/// values, and the few gathered are sorted (or, when a bucket holds many — a spike in
/// the distribution — searched the same way again, within the bucket's narrower range).
///
/// Two linear passes whose only branch is almost never taken: quickselect, which this
/// replaced, compares every value with a pivot the predictor guesses half wrong, and
/// took longer for a 100 000-iteration run's four outputs than the iterations did.
enum RankSelect {
    /// Gathered values at most this many are sorted rather than searched again.
    static let sortLimit = 256

    /// The values at `ranks` (each in 0 ..< values.count, any order, repeats allowed)
    /// of `values`, whose minimum and maximum are `low` and `high`.
    static func select(ranks: [Int], in values: UnsafeBufferPointer<Int64>, low: Int64, high: Int64) -> [Int64] {
        precondition(ranks.allSatisfy { values.indices.contains($0) }, "ranks in range")
        // All equal (a figure no risk reaches): every rank is that value.
        if low == high { return ranks.map { _ in low } }
        if values.count <= sortLimit {
            let sorted = values.sorted()
            return ranks.map { sorted[$0] }
        }
        // Bucket of a value: its distance from the minimum (as unsigned: high − low may
        // exceed Int64.max), shifted so that about count / 32 buckets cover the range,
        // at most 2¹⁴ (their counts, 128 KiB, stay in the second-level cache).
        let range = UInt64(bitPattern: high &- low)
        let bits = min(max(Int.bitWidth - values.count.leadingZeroBitCount - 5, 4), 14)
        let shift = max(UInt64.bitWidth - range.leadingZeroBitCount - bits, 0)
        let bucketCount = Int(range >> shift) + 1
        @inline(__always) func bucket(_ value: Int64) -> Int { Int(UInt64(bitPattern: value &- low) >> shift) }

        var counts = [Int](repeating: 0, count: bucketCount)
        counts.withUnsafeMutableBufferPointer { counts in
            for value in values { counts[bucket(value)] &+= 1 }
        }

        // Per distinct rank, ascending: its bucket and its rank inside the bucket.
        let wanted = Array(Set(ranks)).sorted()
        var rankBuckets: [Int] = []
        var localRanks: [Int] = []
        var before = 0
        var next = 0
        for (index, count) in counts.enumerated() where next < wanted.count {
            while next < wanted.count && wanted[next] < before + count {
                rankBuckets.append(index)
                localRanks.append(wanted[next] - before)
                next += 1
            }
            before += count
        }

        // Gather the values of the buckets that hold a rank, each bucket once.
        let targetBuckets = Array(Set(rankBuckets)).sorted()
        var slotOfBucket = [Int](repeating: -1, count: bucketCount)
        for (slot, index) in targetBuckets.enumerated() { slotOfBucket[index] = slot }
        var gathered: [[Int64]] = targetBuckets.map { index in
            var values: [Int64] = []
            values.reserveCapacity(counts[index])
            return values
        }
        slotOfBucket.withUnsafeBufferPointer { slotOfBucket in
            for value in values {
                let slot = slotOfBucket[bucket(value)]
                if slot >= 0 { gathered[slot].append(value) }
            }
        }

        // Each bucket searched once, for all the ranks in it.
        var byRank: [Int: Int64] = [:]
        for (slot, index) in targetBuckets.enumerated() {
            let inBucket = wanted.indices.filter { rankBuckets[$0] == index }
            let found = gathered[slot].withUnsafeBufferPointer { part in
                select(ranks: inBucket.map { localRanks[$0] }, in: part, low: part.min()!, high: part.max()!)
            }
            for (position, value) in zip(inBucket, found) { byRank[wanted[position]] = value }
        }
        return ranks.map { byRank[$0]! }
    }
}

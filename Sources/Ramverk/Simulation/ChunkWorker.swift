/// What one chunk of a run leaves behind, besides its outputs in the shared arrays.
struct ChunkSummary: Sendable {
    var succeeded: Int
    var failed: Int
    /// The run-wide index of the chunk's first failed iteration.
    var firstFailed: Int?
    var moments: ContributionMoments
    /// Per output, the sum, extremes and negatives of the chunk's kept values.
    var tallies: [OutputTally]
}

/// The shared output arrays of a run, one base address per output. Each chunk writes
/// only its own region [chunk · chunkSize, chunk · chunkSize + its size), so the
/// threads never touch the same memory; the runner waits for all before reading.
/// That disjointness is what the unchecked `Sendable` promises.
struct OutputStorage: @unchecked Sendable {
    let bases: UnsafeMutablePointer<UnsafeMutablePointer<Int64>>
}

/// A block of iterations as an evaluation sees it: the draws of `rows` iterations, room
/// for their outputs and a flag per iteration, true on entry, that the evaluation clears
/// for an iteration it cannot evaluate. Draws and outputs are column by column,
/// `ChunkWorker.blockRows` apart (`draws(of:)`, `column(_:)`), so that a risk's draws
/// or an output's values over the block are contiguous: the sampling, the
/// column-at-a-time evaluation and the contributions run down them in vector code,
/// and the runner copies each output's column to its array whole. The outputs are not
/// zeroed: the evaluation writes every output of each iteration it leaves successful.
public struct IterationBlock {
    public let rows: Int
    public let drivers: Int
    public let outputs: Int
    public let draws: UnsafePointer<Double>
    public let results: UnsafeMutablePointer<Int64>
    public let succeeded: UnsafeMutablePointer<Bool>

    /// Driver `driver`'s draws over the block, `rows` of them.
    public func draws(of driver: Int) -> UnsafePointer<Double> {
        draws + driver &* ChunkWorker.blockRows
    }

    /// Output `output` of the block's iterations, `rows` of them.
    public func column(_ output: Int) -> UnsafeMutablePointer<Int64> {
        results + output &* ChunkWorker.blockRows
    }

    /// Evaluates one iteration at a time with `evaluate` (the iteration's draws in
    /// driver order, its outputs out, starting at 0; false for a failed iteration),
    /// through a row of scratch space.
    func forEachRow(_ evaluate: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Int64>) -> Bool) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(drivers, 1)) { draws in
            withUnsafeTemporaryAllocation(of: Int64.self, capacity: outputs) { row in
                for index in 0..<rows {
                    for driver in 0..<drivers { draws[driver] = self.draws(of: driver)[index] }
                    row.initialize(repeating: 0)
                    succeeded[index] = evaluate(UnsafeBufferPointer(rebasing: draws[0..<drivers]), row)
                    for output in 0..<outputs { column(output)[index] = row[output] }
                }
            }
        }
    }
}

/// One thread's scratch space and the loop that runs a chunk: fill a block of draws,
/// evaluate the block, store each successful iteration's outputs at the chunk's fixed
/// place, tally them and add them to the contribution sums. Nothing in the loop
/// allocates. Non-copyable because it owns raw buffers and frees them once.
struct ChunkWorker: ~Copyable {
    /// Iterations drawn and evaluated at a time: a block of 128 × 20 drivers is 20 KiB,
    /// which stays in the first-level cache between drawing and evaluating.
    static let blockRows = 128

    let plan: SamplingPlan
    let outputs: Int
    private let block: UnsafeMutablePointer<Double>
    private let results: UnsafeMutablePointer<Int64>
    private let succeeded: UnsafeMutablePointer<Bool>
    private var sums: ContributionSums

    init(plan: SamplingPlan, outputs: Int, shifts: [Double]) {
        self.plan = plan
        self.outputs = outputs
        let blockSize = max(Self.blockRows * plan.driverCount, 1)
        block = .allocate(capacity: blockSize)
        block.initialize(repeating: 0, count: blockSize)
        results = .allocate(capacity: Self.blockRows * outputs)
        results.initialize(repeating: 0, count: Self.blockRows * outputs)
        succeeded = .allocate(capacity: Self.blockRows)
        succeeded.initialize(repeating: true, count: Self.blockRows)
        sums = ContributionSums(shifts: shifts)
    }

    deinit {
        block.deallocate()
        results.deallocate()
        succeeded.deallocate()
    }

    /// Runs iterations start ..< start + count with `generator` (the chunk's own
    /// stream), writing the successful iterations' outputs from `start` on, packed.
    mutating func run<Context>(
        start: Int, count: Int, generator: SeededGenerator, storage: OutputStorage,
        context: inout Context, evaluate: (inout Context, IterationBlock) -> Void
    ) -> ChunkSummary {
        var generator = generator
        sums.reset()
        let drivers = plan.driverCount
        let outputs = self.outputs
        let results = self.results
        let flags = self.succeeded
        var tallies = [OutputTally](repeating: OutputTally(), count: outputs)
        var succeeded = 0
        var failed = 0
        var firstFailed: Int?
        var done = 0
        while done < count {
            let rows = min(Self.blockRows, count - done)
            plan.fill(block, rows: rows, columnStride: Self.blockRows, using: &generator)
            flags.update(repeating: true, count: rows)
            let evaluated = IterationBlock(rows: rows, drivers: drivers, outputs: outputs, draws: block,
                                           results: results, succeeded: flags)
            evaluate(&context, evaluated)
            // Counted first (a select, no branch), so that the usual block, where every
            // iteration succeeded, copies its columns whole.
            var failedHere = 0
            for row in 0..<rows { failedHere &+= flags[row] ? 0 : 1 }
            let kept = rows &- failedHere
            // The successful iterations' outputs packed after the chunk's earlier ones,
            // an output at a time, and tallied there while they are in the cache.
            for output in 0..<outputs {
                let destination = storage.bases[output] + (start &+ succeeded)
                let column = evaluated.column(output)
                if failedHere == 0 {
                    tallies[output].add(column, copyingTo: destination, count: rows)
                } else {
                    var slot = 0
                    for row in 0..<rows where flags[row] {
                        destination[slot] = column[row]
                        slot &+= 1
                    }
                    tallies[output].add(destination, count: kept)
                }
            }
            sums.add(evaluated, allSucceeded: failedHere == 0)
            if failedHere > 0 {
                for row in 0..<rows where !flags[row] {
                    if failed == 0 { firstFailed = start + done + row }
                    failed &+= 1
                }
            }
            succeeded &+= kept
            done += rows
        }
        return ChunkSummary(succeeded: succeeded, failed: failed, firstFailed: firstFailed,
                            moments: ContributionMoments(sums: sums), tallies: tallies)
    }
}

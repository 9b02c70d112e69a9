/// What one chunk of a run leaves behind, besides its outputs in the shared arrays.
struct ChunkSummary: Sendable {
    var succeeded: Int
    var failed: Int
    /// The run-wide index of the chunk's first failed iteration.
    var firstFailed: Int?
    var moments: ContributionMoments
}

/// The shared output arrays of a run, one base address per output. Each chunk writes
/// only its own region [chunk · chunkSize, chunk · chunkSize + its size), so the
/// threads never touch the same memory; the runner waits for all before reading.
/// That disjointness is what the unchecked `Sendable` promises.
struct OutputStorage: @unchecked Sendable {
    let bases: UnsafeMutablePointer<UnsafeMutablePointer<Int64>>
}

/// A block of iterations as an evaluation sees it: the draws of `rows` iterations
/// (row-major, `drivers` a row), room for their outputs (row-major, `outputs` a row,
/// zeroed) and a flag per iteration, true on entry, that the evaluation clears for an
/// iteration it cannot evaluate.
public struct IterationBlock {
    public let rows: Int
    public let drivers: Int
    public let outputs: Int
    public let draws: UnsafePointer<Double>
    public let results: UnsafeMutablePointer<Int64>
    public let succeeded: UnsafeMutablePointer<Bool>

    /// Iteration `row`'s draws and outputs.
    public func draws(ofRow row: Int) -> UnsafeBufferPointer<Double> {
        UnsafeBufferPointer(start: draws + row &* drivers, count: drivers)
    }

    public func results(ofRow row: Int) -> UnsafeMutableBufferPointer<Int64> {
        UnsafeMutableBufferPointer(start: results + row &* outputs, count: outputs)
    }
}

/// One thread's scratch space and the loop that runs a chunk: fill a block of draws,
/// evaluate the block, store each successful iteration's outputs at the chunk's fixed
/// place and add it to the contribution sums. Nothing in the loop allocates.
/// Non-copyable because it owns raw buffers and frees them once.
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
        var succeeded = 0
        var failed = 0
        var firstFailed: Int?
        var done = 0
        while done < count {
            let rows = min(Self.blockRows, count - done)
            plan.fill(block, rows: rows, using: &generator)
            // Cleared every time, so an output the evaluation leaves unwritten is 0
            // rather than whatever this thread's previous block left there.
            results.update(repeating: 0, count: rows &* outputs)
            self.succeeded.update(repeating: true, count: rows)
            let evaluated = IterationBlock(rows: rows, drivers: drivers, outputs: outputs, draws: block,
                                           results: results, succeeded: self.succeeded)
            evaluate(&context, evaluated)
            // The successful iterations' outputs packed after the chunk's earlier ones,
            // an output at a time.
            var kept = 0
            for output in 0..<outputs {
                let destination = storage.bases[output] + (start &+ succeeded)
                kept = 0
                for row in 0..<rows where self.succeeded[row] {
                    destination[kept] = results[row &* outputs &+ output]
                    kept &+= 1
                }
            }
            sums.add(evaluated)
            for row in 0..<rows where !self.succeeded[row] {
                if failed == 0 { firstFailed = start + done + row }
                failed &+= 1
            }
            succeeded &+= kept
            done += rows
        }
        return ChunkSummary(succeeded: succeeded, failed: failed, firstFailed: firstFailed,
                            moments: ContributionMoments(sums: sums))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Runs a Monte Carlo simulation: draws the drivers, hands each iteration's draws to
/// the caller's evaluation, and describes the outputs it returns. Knows nothing of the
/// language: drivers are distributions, outputs are öre.
///
/// Reproducible whatever the threads: the iterations are cut into chunks of
/// `chunkSize`, chunk k draws from stream k of the seed (`SeededGenerator`, k jumps),
/// writes its outputs at its own fixed offset and leaves its own partial sums, and the
/// partial sums are merged in chunk order. Which thread ran which chunk changes
/// nothing, so 1, 2 or 16 threads give `==` results. (Across machines the random
/// integers are the same too, but the values drawn from them pass through the C
/// library's exp, log and erfc, whose last bit may differ between libm versions.)
///
/// Memory: 8 bytes per iteration per output for the kept results (400 MB for one
/// output at `maximumIterations`), plus ~25 KiB per thread.
public enum MonteCarloRunner {
    /// The most iterations a run takes (the language side reports it when exceeded).
    public static let maximumIterations = 50_000_000
    /// Iterations per chunk: one stream each. Large enough that a chunk's fixed costs
    /// (a summary, a lock) vanish, small enough that 2 threads share 1 000 000
    /// iterations (62 chunks) evenly. Part of the result's identity: changing it
    /// changes every result of a given seed.
    public static let chunkSize = 16_384

    /// The processors online.
    public static var defaultThreadCount: Int { max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1) }

    /// Runs `iterations` iterations.
    ///
    /// - Parameters:
    ///   - drivers: the risk drivers; iteration i's draws are in this order.
    ///   - correlation: correlations among the drivers (size `drivers.count`), or nil.
    ///   - threads: worker threads (at least 1; more than chunks is pointless).
    ///   - outputs: how many Int64 results each iteration produces (≥ 1); statistics
    ///     are kept for each, driver contributions against output 0.
    ///   - progress: called after each chunk with the fraction done, in (0, 1], from
    ///     a worker thread, one call at a time and increasing.
    ///   - makeContext: makes one worker's private state, once per thread.
    ///   - evaluate: one iteration: reads the draws, writes every output (they start
    ///     at 0) and returns true, or returns false when the iteration cannot be
    ///     evaluated (say, a division by zero): it then counts as failed and in no
    ///     statistic. Called from several threads at once, each with its own context;
    ///     its results must depend on the draws alone, not on what the context saw
    ///     before, or the run is no longer reproducible across thread counts.
    public static func run<Context>(
        drivers: [Distribution],
        correlation: CorrelationMatrix? = nil,
        iterations: Int,
        seed: UInt64,
        threads: Int = defaultThreadCount,
        outputs: Int = 1,
        progress: (@Sendable (Double) -> Void)? = nil,
        makeContext: @Sendable () -> Context,
        evaluate: @Sendable (inout Context, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Int64>) -> Bool
    ) throws(SimulationError) -> SimulationResult {
        try run(drivers: drivers, correlation: correlation, iterations: iterations, seed: seed, threads: threads,
                outputs: outputs, progress: progress, makeContext: makeContext,
                evaluateBlocks: { context, block in
                    block.forEachRow { draws, results in evaluate(&context, draws, results) }
                })
    }

    /// `run` with the iterations handed over a block at a time (`ChunkWorker.blockRows`
    /// of them, fewer at the end of a chunk), for an evaluation that is cheaper done a
    /// column at a time; the same rules as `evaluate` apply to each iteration of it.
    public static func run<Context>(
        drivers: [Distribution],
        correlation: CorrelationMatrix? = nil,
        iterations: Int,
        seed: UInt64,
        threads: Int = defaultThreadCount,
        outputs: Int = 1,
        progress: (@Sendable (Double) -> Void)? = nil,
        makeContext: @Sendable () -> Context,
        evaluateBlocks: @Sendable (inout Context, IterationBlock) -> Void
    ) throws(SimulationError) -> SimulationResult {
        guard (1...maximumIterations).contains(iterations) else {
            throw .iterationsOutOfRange(limit: maximumIterations)
        }
        guard outputs >= 1 else { throw .noOutputs }
        for (index, driver) in drivers.enumerated() {
            let problems = driver.problems
            if !problems.isEmpty { throw .invalidDriver(index: index, problems: problems) }
        }
        if let correlation, correlation.size != drivers.count {
            throw .correlationSizeMismatch(drivers: drivers.count, matrix: correlation.size)
        }

        let plan = SamplingPlan(drivers: drivers, correlation: correlation)
        let chunks = (iterations + chunkSize - 1) / chunkSize
        let streams = SeededGenerator.streams(seed: seed, count: chunks)
        let workers = min(max(threads, 1), chunks)
        let shifts = drivers.map(\.mean)

        var summaries: [ChunkSummary] = []
        var values = withOutputArrays(count: outputs, capacity: iterations) { bases in
            let storage = OutputStorage(bases: bases)
            let finished = Mutex<[ChunkSummary?]>(Array(repeating: nil, count: chunks))
            let nextChunk = Atomic<Int>(0)
            let chunksDone = Mutex<Int>(0)
            WorkerPool.shared.perform(workers) { _ in
                var context = makeContext()
                var worker = ChunkWorker(plan: plan, outputs: outputs, shifts: shifts)
                while true {
                    // Chunks go to whichever thread is free: the balance varies, the
                    // result does not.
                    let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard chunk < chunks else { break }
                    let start = chunk * chunkSize
                    let summary = worker.run(start: start, count: min(chunkSize, iterations - start),
                                             generator: streams[chunk], storage: storage,
                                             context: &context, evaluate: evaluateBlocks)
                    finished.withLock { $0[chunk] = summary }
                    if let progress {
                        chunksDone.withLock { done in
                            done += 1
                            progress(Double(done) / Double(chunks))
                        }
                    }
                }
            }
            summaries = finished.withLock { $0.map { $0! } }
            return compact(bases, count: outputs, summaries: summaries)
        }

        let failed = summaries.reduce(0) { $0 + $1.failed }
        guard failed < iterations else { throw .everyIterationFailed(iterations: iterations) }
        var moments = ContributionMoments(drivers: drivers.count)
        var merged = [OutputTally](repeating: OutputTally(), count: outputs)
        for summary in summaries {
            moments.merge(summary.moments)
            for output in 0..<outputs { merged[output].merge(summary.tallies[output]) }
        }
        StageClock.mark("risk: iterations")
        // The outputs' statistics side by side: each is a few passes over its own values
        // (shared with the statistics, not copied), and none depends on another.
        let kept = values
        let tallies = merged
        values = []
        let found = Mutex<[SimulationStatistics?]>(Array(repeating: nil, count: kept.count))
        let describe = { @Sendable (index: Int) in
            let statistics = SimulationStatistics(values: kept[index], tally: tallies[index])
            found.withLock { $0[index] = statistics }
        }
        if workers > 1 {
            WorkerPool.shared.perform(kept.count, describe)
        } else {
            for index in kept.indices { describe(index) }
        }
        let statistics = found.withLock { $0.map { $0! } }
        StageClock.mark("risk: statistics")
        return SimulationResult(seed: seed, iterations: iterations, failedIterations: failed,
                                firstFailedIteration: summaries.lazy.compactMap(\.firstFailed).first,
                                outputs: statistics,
                                contributions: moments.contributions)
    }

    /// `run` for an evaluation that needs no per-thread state.
    public static func run(
        drivers: [Distribution],
        correlation: CorrelationMatrix? = nil,
        iterations: Int,
        seed: UInt64,
        threads: Int = defaultThreadCount,
        outputs: Int = 1,
        progress: (@Sendable (Double) -> Void)? = nil,
        evaluate: @Sendable (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Int64>) -> Bool
    ) throws(SimulationError) -> SimulationResult {
        try run(drivers: drivers, correlation: correlation, iterations: iterations, seed: seed, threads: threads,
                outputs: outputs, progress: progress, makeContext: {}) { _, draws, results in
            evaluate(draws, results)
        }
    }

    /// The draws of iteration `iteration` of the run with these drivers, correlations,
    /// iterations and seed, exactly as `run` handed them to the evaluation: its
    /// chunk's stream replayed up to its block.
    public static func draws(
        ofIteration iteration: Int, drivers: [Distribution], correlation: CorrelationMatrix? = nil,
        iterations: Int, seed: UInt64
    ) -> [Double] {
        precondition((0..<iterations).contains(iteration), "an iteration of the run")
        let plan = SamplingPlan(drivers: drivers, correlation: correlation)
        let chunk = iteration / chunkSize
        let start = chunk * chunkSize
        let count = min(chunkSize, iterations - start)
        var generator = SeededGenerator(seed: seed, stream: chunk)
        var block = [Double](repeating: 0, count: max(ChunkWorker.blockRows * drivers.count, 1))
        // A block's size decides how much each column draws, so the blocks must be cut
        // as the run cut them: full ones, and a short one at the end of the run.
        var done = 0
        while true {
            let rows = min(ChunkWorker.blockRows, count - done)
            block.withUnsafeMutableBufferPointer {
                plan.fill($0.baseAddress!, rows: rows, columnStride: ChunkWorker.blockRows, using: &generator)
            }
            if iteration - start < done + rows {
                let row = iteration - start - done
                return drivers.indices.map { block[$0 * ChunkWorker.blockRows + row] }
            }
            done += rows
        }
    }

    /// Closes the gaps failed iterations left at the end of each chunk's region, in
    /// chunk order; returns how many values each output keeps.
    private static func compact(_ bases: UnsafeMutablePointer<UnsafeMutablePointer<Int64>>, count: Int,
                                summaries: [ChunkSummary]) -> Int {
        var kept = 0
        for (chunk, summary) in summaries.enumerated() {
            let from = chunk * chunkSize
            if from != kept {
                for output in 0..<count {
                    // moveInitialize copies front to back, right for a move downwards.
                    (bases[output] + kept).moveInitialize(from: bases[output] + from, count: summary.succeeded)
                }
            }
            kept += summary.succeeded
        }
        return kept
    }

    /// `count` arrays of `capacity` Int64 that `body` fills through their base
    /// addresses, each cut to the length `body` returns. Built inside one another with
    /// `Array(unsafeUninitializedCapacity:)`, so the results are written straight into
    /// the arrays the statistics keep: no zero-filling and no copy of 8 bytes per
    /// iteration.
    private static func withOutputArrays(
        count: Int, capacity: Int,
        _ body: (UnsafeMutablePointer<UnsafeMutablePointer<Int64>>) -> Int
    ) -> [[Int64]] {
        let bases = UnsafeMutablePointer<UnsafeMutablePointer<Int64>>.allocate(capacity: count)
        defer { bases.deallocate() }
        var arrays: [[Int64]] = []
        func level(_ index: Int) -> Int {
            if index == count {
                return body(bases)
            }
            var kept = 0
            let array = [Int64](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                (bases + index).initialize(to: buffer.baseAddress!)
                kept = level(index + 1)
                initialized = kept
            }
            arrays.append(array)
            return kept
        }
        _ = level(0)
        // The innermost array was appended first.
        return arrays.reversed()
    }
}

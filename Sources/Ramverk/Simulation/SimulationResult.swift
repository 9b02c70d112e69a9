/// What a Monte Carlo run found. The same drivers, correlations, iterations, seed and
/// evaluator give an identical result (`==`, down to the order of the stored values)
/// whatever the number of threads.
public struct SimulationResult: Sendable, Equatable {
    public let seed: UInt64
    /// The iterations asked for, successful or not.
    public let iterations: Int
    /// Iterations whose evaluation reported failure; they count in no statistic.
    public let failedIterations: Int
    /// The lowest index of a failed iteration, if any: `MonteCarloRunner.draws(…)`
    /// replays its draws, so the caller can evaluate it again and say why it failed.
    public let firstFailedIteration: Int?
    /// One per output, over the successful iterations.
    public let outputs: [SimulationStatistics]
    /// One per driver, in driver order, measured against output 0.
    public let contributions: [DriverContribution]
}

/// Why a run did not start, or produced nothing. Structured, without wording.
public enum SimulationError: Error, Hashable {
    /// Iterations must be in 1 ... `limit` (`MonteCarloRunner.maximumIterations`).
    case iterationsOutOfRange(limit: Int)
    /// A run needs at least one output.
    case noOutputs
    /// Driver `index` has invalid parameters (see `Distribution.problems`).
    case invalidDriver(index: Int, problems: [DistributionProblem])
    /// The correlation matrix is for `matrix` drivers, the run has `drivers`.
    case correlationSizeMismatch(drivers: Int, matrix: Int)
    /// Every iteration's evaluation failed: there is nothing to describe.
    case everyIterationFailed(iterations: Int)
}

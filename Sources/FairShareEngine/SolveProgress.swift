import GLPKSolver

/// What a long solve is doing, for a progress display: ``SolveOptions/progress`` receives one after each step.
public struct SolveProgress: Sendable, Hashable {
    public enum Step: Sendable, Hashable {
        /// Every level is solved; the ranges come next.
        case levels
        /// `solved` of at most `of` range LPs are done (extremes found otherwise are not counted).
        case ranges(solved: Int, of: Int)
        /// A stage of the central allocation is done; `open` free figures are still to be placed.
        case centre(stage: Int, open: Int)
        /// The whole-number rounding is being solved.
        case rounding
    }

    public var step: Step
    /// Time since the solve started.
    public var elapsed: Duration
}

/// How a solve is run, beyond what the scenario says: for callers that show progress or measure.
public struct SolveOptions: Sendable {
    /// Called, from any thread, after each step of the solve (`fairshare solve` shows it on standard error when a
    /// solve takes more than a second).
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// At most this many threads for the ranges (`nil`: one per core, for optimal faces of 1,000 rows or more);
    /// for measuring how the ranges scale with cores.
    public var rangeThreads: Int?
    /// Stops the solve early once cancelled, from any thread or task: before each level, every
    /// `SolverCancellation.iterationsPerCheck` simplex iterations, and at every branch-and-cut node. The result is
    /// then status ``ResultStatus/failed`` with ``SolveFailure/cancelled`` and no allocation; a solve that finishes
    /// before it sees the cancellation returns its result. The `async` ``FairShare/solve(_:options:)-4vfx`` also
    /// cancels it when its task is cancelled.
    public var cancellation: SolverCancellation?

    public init(
        progress: (@Sendable (SolveProgress) -> Void)? = nil, rangeThreads: Int? = nil,
        cancellation: SolverCancellation? = nil
    ) {
        self.progress = progress
        self.rangeThreads = rangeThreads
        self.cancellation = cancellation
    }
}

/// The progress callback of one solve and when it started.
struct ProgressReporter: Sendable {
    let callback: (@Sendable (SolveProgress) -> Void)?
    let start: ContinuousClock.Instant

    init(start: ContinuousClock.Instant, callback: (@Sendable (SolveProgress) -> Void)? = nil) {
        self.callback = callback
        self.start = start
    }

    func callAsFunction(_ step: SolveProgress.Step) {
        callback?(SolveProgress(step: step, elapsed: ContinuousClock.now - start))
    }
}

/// What a long solve is doing, for a progress display: ``FairShare/progress`` receives one after each step.
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

extension FairShare {
    /// Called, from any thread, after each step of a solve made inside `FairShare.$progress.withValue(…)`.
    /// `fairshare solve` shows it on standard error when a solve takes more than a second.
    @TaskLocal public static var progress: (@Sendable (SolveProgress) -> Void)?

    /// For measuring how the ranges scale with cores: at most this many threads for one solve's ranges (`nil`:
    /// one per core, for faces of ``FigureRanges/parallelMinimumRows`` rows or more).
    @TaskLocal public static var rangeThreadLimit: Int?
}

/// The progress callback of one solve, taken on the calling thread (worker threads see no task-local values).
struct ProgressReporter: Sendable {
    let callback: (@Sendable (SolveProgress) -> Void)?
    let start: ContinuousClock.Instant

    init(start: ContinuousClock.Instant) {
        callback = FairShare.progress
        self.start = start
    }

    func callAsFunction(_ step: SolveProgress.Step) {
        callback?(SolveProgress(step: step, elapsed: ContinuousClock.now - start))
    }
}

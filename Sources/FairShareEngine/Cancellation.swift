import Dispatch
import FairShareScenario
import GLPKSolver

extension FairShare {
    /// Solves like the synchronous ``solve(_:options:)-(_,_)`` on a thread of fairshare's own (never one of Swift's
    /// cooperative pool, which a server needs for its requests), and stops early when the calling task is cancelled
    /// (`Task.cancel()`, a cancelled task group, a timeout racing it): the result is then status
    /// ``ResultStatus/failed`` with ``SolveFailure/cancelled``. A ``SolveOptions/cancellation`` in `options` works
    /// as well.
    ///
    /// ```swift
    /// let solving = Task { await FairShare.solve(scenario) }
    /// solving.cancel()
    /// print(await solving.value.failure == .cancelled)   // true, unless it had already finished
    /// ```
    public static func solve(_ scenario: Scenario, options: SolveOptions = SolveOptions()) async -> FairShareResult {
        var options = options
        let cancellation = options.cancellation ?? SolverCancellation()
        options.cancellation = cancellation
        let running = options
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                solveQueue.async { continuation.resume(returning: solve(scenario, diagnose: true, options: running)) }
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// The threads asynchronous solves run on: Dispatch's, outside the cooperative pool; each GLPK problem is made
    /// and deleted within one synchronous solve on one of them.
    private static let solveQueue = DispatchQueue(label: "fairshare.solve", attributes: .concurrent)
}

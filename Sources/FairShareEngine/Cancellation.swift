import FairShareScenario
import Foundation
import GLPKSolver

extension FairShare {
    /// Solves like the synchronous ``solve(_:options:)-4vfx`` on a thread of its own (never one of Swift's
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
                // A thread of its own: a solve can take minutes, and Dispatch's shared queues are as wide as the
                // machine has cores, so solves queued there wait for each other (and for the ranges' threads).
                // GLPK's environment of the thread is freed when it ends (GLPKSolver's thread environment).
                let thread = Thread {
                    continuation.resume(returning: solve(scenario, diagnose: true, options: running))
                }
                thread.name = "fairshare.solve"
                thread.stackSize = 8 << 20
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
    }
}

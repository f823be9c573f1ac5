import FairShareScenario
import GLPKSolver

extension FairShare {
    /// The ``FairShareResult/failure`` of a cancelled solve (status ``ResultStatus/failed``).
    ///
    /// A cancelled solve is `failed`, not a status of its own: docs/model.md §6 lists six statuses, and consumers of
    /// `fairshare-result/1` switch over them.
    public static let cancelledFailure = "cancelled: the caller stopped the solve before it finished"

    /// Solves like ``solve(_:variant:)``, but stops early once `cancellation` is cancelled, from any thread or
    /// task: before each level, every ``SolverCancellation/iterationsPerCheck`` simplex iterations, and at every
    /// branch-and-cut node. A cancelled solve returns status ``ResultStatus/failed`` with
    /// ``cancelledFailure`` and no allocation; a solve that finishes before it sees the cancellation returns its
    /// result. Deterministic: the flag is looked at after a fixed number of iterations, never on a clock.
    ///
    /// ```swift
    /// let cancellation = SolverCancellation()
    /// let solving = Task { FairShare.solve(scenario, cancellation: cancellation) }
    /// cancellation.cancel()                       // from anywhere
    /// print(await solving.value.status)           // failed (or optimal, if it had already finished)
    /// ```
    public static func solve(
        _ scenario: Scenario, variant: String? = nil, cancellation: SolverCancellation
    ) -> FairShareResult {
        var result = SolverCancellation.$current.withValue(cancellation) { solve(scenario, variant: variant) }
        if result.failure == SolverCancellation.reason {
            result.status = .failed
            result.failure = cancelledFailure
        }
        return result
    }

    /// Solves like ``solve(_:variant:)`` on the calling task, and stops early when that task is cancelled
    /// (`Task.cancel()`, a cancelled task group, a timeout racing it); see ``solve(_:variant:cancellation:)``.
    /// Like every solve, it blocks its thread while GLPK works.
    public static func cancellableSolve(_ scenario: Scenario, variant: String? = nil) async -> FairShareResult {
        let cancellation = SolverCancellation()
        return await withTaskCancellationHandler {
            solve(scenario, variant: variant, cancellation: cancellation)
        } onCancel: {
            cancellation.cancel()
        }
    }
}

import GLPKSolver

/// The engine's rule for statuses that floating-point arithmetic may have got wrong (docs/model.md §5): a level
/// that GLPK's simplex reports infeasible, unbounded or failed on is solved again in exact rational arithmetic
/// (`GLPKProblem.solveExactly(_:)`, GLPK's `glp_exact`) from the basis it ended on, before the status is believed.
///
/// Each level row keeps the previous level's solution feasible, and the fairness levels always have an optimum
/// (their deviations are free to grow), so on a valid scenario only the first level can be truly infeasible and no
/// level unbounded: a different answer from the floating-point simplex is numerical trouble. That trouble comes
/// from figures many orders of magnitude apart (a stock of 10^10 homes next to one of 300); the measured range is
/// in docs/model.md §3.
enum ExactRecheck {
    /// The most rows re-checked. Rational arithmetic is slow on large programmes (an infeasible region of 342
    /// municipalities, about 3,300 rows, took 1 s longer to answer in all); above this size only the time limit
    /// would stop it, so the floating-point answer stands.
    static let maximumRows = 20_000

    /// Solves as the engine always did; when that ends infeasible, unbounded or failed on an LP of at most
    /// ``maximumRows`` rows, solves again exactly within the same options' time limit and reports the exact
    /// status (with its solution when optimal). An exact solve that runs out of time or fails itself leaves the
    /// first answer.
    static func solve(_ problem: GLPKProblem, _ options: SolverOptions) throws -> Solution {
        let start = ContinuousClock.now
        let solution = try problem.solve(options)
        guard needsRecheck(solution.status), options.method != .interiorPoint else { return solution }
        let model = problem.model
        guard !model.hasIntegerVariables, model.constraints.count <= maximumRows else { return solution }
        var exactOptions = options
        if let limit = options.timeLimit {
            let used = (ContinuousClock.now - start).components
            let seconds = Double(used.seconds) + Double(used.attoseconds) * 1e-18
            exactOptions.timeLimit = max(0.001, limit - seconds)
        }
        var exact = try problem.solveExactly(exactOptions)
        switch exact.status {
        case .optimal, .infeasible, .unbounded:
            exact.iterationCount += solution.iterationCount
            return exact
        default:
            return solution
        }
    }

    /// Whether a status is one the floating-point simplex may have got wrong.
    static func needsRecheck(_ status: SolveStatus) -> Bool {
        switch status {
        case .infeasible, .unbounded, .failed: true
        case .optimal, .feasible, .timeLimit, .iterationLimit, .cancelled: false
        }
    }
}

import FairShareScenario
import GLPKSolver
import LinearModel

/// The lexicographic levels of SPEC §5 solved in order on one GLPK problem: after each level with optimum v*,
/// the row `level ≤ v* + 1e-6 · max(1, |v*|)` is added and the next level is re-solved warm from the basis.
struct LevelRun {
    /// The optimum of each level solved, in order.
    var optima: [LevelOptimum] = []
    /// The solution to report: the last level's, or (integer runs stopped by the time limit on a later level)
    /// the last solved level's, marked `feasible`.
    var last: Solution?
    /// The relative MIP gap of the last level solved.
    var mipGap: Double?
    /// The level rows added, in order.
    var levelRows: [ConstraintID] = []

    /// Solves the levels of `formulation` on `problem` (which holds its model), stopping after `lastLevel` when
    /// given (without adding that level's row), or at the first level without a solution.
    /// - Parameter levelRows: level rows left on the problem by an earlier run of the same programme (a sweep);
    ///   they are freed first and then reused instead of adding new rows, which keeps the basis warm.
    static func solve(
        _ formulation: Formulation, on problem: GLPKProblem, settings: SolverSettings, through lastLevel: Level? = nil,
        reusing levelRows: [ConstraintID] = []
    ) throws -> LevelRun {
        for row in levelRows { try problem.setBounds(of: row, lowerBound: -.infinity, upperBound: .infinity) }
        let clock = ContinuousClock()
        let start = clock.now
        var run = LevelRun()
        // The solution of the last level solved: every level row keeps it feasible for the levels after.
        var lastSolved: Solution?
        for (index, (level, expression)) in formulation.levels.enumerated() {
            try problem.setObjective(.minimize(expression))
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let remaining = max(0.001, settings.timeLimit - seconds)
            let solution = try problem.solve(FairShare.options(for: settings, timeLimit: remaining))
            run.last = solution
            guard solution.status == .optimal || solution.status == .feasible, let value = solution.objectiveValue else {
                // An integer run that runs out of time on a later level still has the allocation of the level before
                // (GLPK's branch and bound starts without it): report that one as `feasible` (SPEC §6) rather than
                // losing it to `time-limit`.
                if settings.integer, solution.status == .timeLimit || solution.status == .iterationLimit,
                    var previous = lastSolved
                {
                    previous.status = .feasible
                    run.last = previous
                }
                break
            }
            lastSolved = solution
            run.optima.append(LevelOptimum(level: level, value: value))
            run.mipGap = solution.mipGap
            if level == lastLevel { break }
            if index + 1 < formulation.levels.count {
                let bound = value + FairShare.levelTolerance * max(1, abs(value))
                run.levelRows.append(try problem.add((expression <= bound).named("level[\\(level.rawValue)]")))
            }
        }
        run.levelRows += levelRows.dropFirst(run.levelRows.count)
        return run
    }
}

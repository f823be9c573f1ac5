import FairShareScenario
import GLPKSolver
import LinearModel

/// The lexicographic levels of docs/model.md §5 solved in order on one GLPK problem: after each level with optimum v*,
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
    /// Norm `leximin`: every pair's weighted relative deviation as fixed by the sequential method, largest first.
    var fairnessProfile: [Double]?

    /// Solves the levels of `formulation` on `problem` (which holds its model), stopping after `lastLevel` when
    /// given (without adding that level's row), or at the first level without a solution.
    /// - Parameters:
    ///   - formulation: the programme; `problem` holds its model.
    ///   - problem: the GLPK problem to solve on.
    ///   - settings: the scenario's solver settings.
    ///   - lastLevel: the level to stop after, if any.
    ///   - levelRows: level rows left on the problem by an earlier run of the same programme (a sweep); they are
    ///     freed first and then reused instead of adding new rows, which keeps the basis warm.
    ///   - periodStart: the first solve's starting basis for a programme judged per period (``PeriodStart``).
    ///   - cancellation: stops the solve early.
    static func solve(
        _ formulation: Formulation, on problem: GLPKProblem, settings: SolverSettings, through lastLevel: Level? = nil,
        reusing levelRows: [ConstraintID] = [], periodStart: Basis? = nil, cancellation: SolverCancellation? = nil
    ) throws -> LevelRun {
        for row in levelRows { try problem.setBounds(of: row, lowerBound: -.infinity, upperBound: .infinity) }
        let clock = ContinuousClock()
        let start = clock.now
        var run = LevelRun()
        // The solution of the last level solved: every level row keeps it feasible for the levels after.
        var lastSolved: Solution?
        // Whether leximin's stages have run: their fixing rows leave the levels after them too thin for GLPK's
        // interior-point method (GLP_EINSTAB on the Drechtsteden scenario's tiebreak), so those use the simplex.
        var afterLeximin = false
        for (index, (level, expression)) in formulation.levels.enumerated() {
            if level == .fairness, formulation.leximinBound != nil, lastLevel != .fairness {
                var stopped: Solution?
                guard
                    let leximin = try solveLeximin(
                        formulation, on: problem, settings: settings, clock: clock,
                        start: start, cancellation: cancellation, stopped: &stopped)
                else {
                    // The stage's own status (infeasible, time limit, …), not "no level was solved".
                    run.last = stopped
                    break
                }
                run.last = leximin.solution
                lastSolved = leximin.solution
                run.optima.append(LevelOptimum(level: level, value: leximin.largest))
                run.fairnessProfile = leximin.profile
                run.mipGap = leximin.solution.mipGap
                afterLeximin = true
                continue
            }
            try problem.setObjective(.minimize(expression))
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let remaining = max(0.001, settings.timeLimit - seconds)
            var options = FairShare.options(
                for: settings, timeLimit: remaining, cancellation: cancellation,
                periodFairness: formulation.judgesPeriods, periodStart: periodStart)
            if afterLeximin, options.method == .interiorPoint { options.method = .primalSimplex }
            let solution = try ExactRecheck.solve(problem, options)
            run.last = solution
            guard solution.status == .optimal || solution.status == .feasible, let value = solution.objectiveValue
            else {
                // An integer run that runs out of time on a later level still has the allocation of the level before
                // (GLPK's branch and bound starts without it): report that one as `feasible` (docs/model.md §6)
                // rather than losing it to `time-limit`.
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

    /// Ogryczak's sequential method (docs/model.md §7): minimise the common bound t of every unfixed pair's weighted
    /// relative deviation; fix the pairs that cannot do better (a positive dual on their row: in every optimum
    /// they sit at t*) at that value; repeat until every pair is fixed. Pairs of size 0 are held at deviation 0
    /// throughout and count as 0 in the profile. Returns `nil` when a stage has no optimum, with that stage's
    /// solution (its status) in `stopped`. The stages (and the levels after them) are solved by the simplex method,
    /// also under `method: interior` (docs/model.md §7).
    static func solveLeximin(
        _ formulation: Formulation, on problem: GLPKProblem, settings: SolverSettings, clock: ContinuousClock,
        start: ContinuousClock.Instant, cancellation: SolverCancellation?, stopped: inout Solution?
    ) throws -> (largest: Double, profile: [Double], solution: Solution)? {
        guard let bound = formulation.leximinBound else { return nil }
        let pairs = formulation.leximinPairs
        var profile = [Double?](repeating: nil, count: pairs.count)
        for (index, pair) in pairs.enumerated() where pair.size <= 0 { profile[index] = 0 }
        try problem.setObjective(.minimize(LinearExpression(bound)))
        var largest: Double?
        var last: Solution?
        while last == nil || profile.contains(where: { $0 == nil }) {
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            var options = FairShare.options(
                for: settings, timeLimit: max(0.001, settings.timeLimit - seconds), cancellation: cancellation,
                periodFairness: formulation.judgesPeriods)
            // The stages need the simplex method whatever `method` says: the duals of GLPK's interior-point method
            // are only as exact as its stopping tolerance (1e-8), so a pair that is not blocked can look blocked
            // (three equal towns: the profile 18, 18, 18 instead of 18, 9, 9); and the later stages, thin after
            // their fixing rows, make it give up (GLP_EINSTAB on the Drechtsteden scenario).
            if options.method == .interiorPoint { options.method = .primalSimplex }
            let solution = try ExactRecheck.solve(problem, options)
            guard solution.status == .optimal || solution.status == .feasible, let value = solution.objectiveValue
            else {
                stopped = solution
                return nil
            }
            last = solution
            if largest == nil { largest = value }
            let open = profile.indices.filter { profile[$0] == nil }
            // A ≤ row of a minimisation binds with a negative dual; integer runs have no duals: fix the tight rows.
            // At 0 every open pair is fixed (at 0), so that the optimal face keeps them there too.
            var blocked = value <= 1e-9 ? open : open.filter { (solution.dual(of: pairs[$0].row) ?? 0) < -1e-9 }
            if blocked.isEmpty {
                blocked = open.filter { solution.activity(of: pairs[$0].row) >= -1e-7 * max(1, value) }
            }
            if blocked.isEmpty { blocked = open }
            for index in blocked {
                let pair = pairs[index]
                let limit = pair.size * value * (1 + FairShare.levelTolerance) + 1e-9
                try problem.add(
                    Constraint(
                        pair.deviation, lowerBound: -.infinity, upperBound: limit,
                        name: "leximin.fixed[\(pair.municipality),\(pair.item)]"))
                try problem.setBounds(of: pair.row, lowerBound: -.infinity, upperBound: .infinity)
                profile[index] = value
            }
            if value <= 1e-9 { break }
        }
        guard let solution = last, let largest else { return nil }
        return (largest, profile.map { $0 ?? 0 }.sorted(by: >), solution)
    }
}

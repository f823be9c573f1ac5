import FairShareScenario
import GLPKSolver
import LinearModel

/// The optimal face F: every allocation that satisfies the scenario's requirements and every level row, the last
/// level's included, with the either-or options the solve chose held fixed. A linear programme of its own, from
/// which the ranges and the central allocation are solved (one GLPK problem per thread, each starting warm from
/// the basis the levels ended on).
struct OptimalFace: Sendable {
    /// The formulation's model plus the level rows; objective unset; binaries fixed and continuous.
    var model: Model
    /// The basis the last level ended on, extended to `model`; `nil` when the levels were not solved by the simplex
    /// method as one linear programme (interior point, or branch-and-cut with either-or rules).
    var basis: Basis?
    /// The last level's solution: a point of F.
    var start: Solution
    /// How far the last level's objective may exceed its optimum on F (`levelTolerance · max(1, |v*|)`).
    var tolerance: Double
    /// Whether ``start`` carries the reduced costs of the last level's simplex optimum.
    var hasReducedCosts: Bool
    /// When the scenario's `solver.timeLimit` runs out.
    var deadline: ContinuousClock.Instant
    /// The solve's cancellation flag and progress callback, for every LP on the face, on any thread.
    var cancellation: SolverCancellation?
    var progress: ProgressReporter

    /// The face of a level run that solved every level on `problem`.
    /// - Returns: `nil` when the run did not end with an optimum of every level.
    init?(
        _ formulation: Formulation, problem: GLPKProblem, run: LevelRun, settings: SolverSettings,
        deadline: ContinuousClock.Instant, progress: ProgressReporter,
        cancellation: SolverCancellation?
    ) throws {
        guard let solution = run.last, solution.status == .optimal, run.optima.count == formulation.levels.count,
            let last = formulation.levels.last, let optimum = run.optima.last?.value
        else { return nil }
        var model = problem.model
        let isLP = !model.hasIntegerVariables
        let wasSimplex = isLP && settings.method == .simplex
        basis = wasSimplex ? try problem.basis() : nil
        model.objective = .minimize(LinearExpression())
        tolerance = FairShare.levelTolerance * max(1, abs(optimum))
        model.add(last.expression <= optimum + tolerance, name: "level[\(last.level.rawValue)]")
        basis?.rows.append(.basic)
        for choice in formulation.alternativeChoices {
            for binary in choice.binaries {
                let value = solution[binary] >= 0.5 ? 1.0 : 0.0
                model.setInteger(binary, false)
                model.setBounds(of: binary, lowerBound: value, upperBound: value)
            }
        }
        self.model = model
        start = solution
        hasReducedCosts = wasSimplex && solution.reducedCosts != nil
        self.deadline = deadline
        self.cancellation = cancellation
        self.progress = progress
    }

    /// Settings for an LP on the face: the primal simplex, warm from the problem's basis, with the time left.
    /// A simplex run on the face that needs more iterations than this per row is taken to stall or cycle.
    static let stallingIterations = 20

    /// The iterations after which a simplex run on `model` counts as stalled: ``stallingIterations`` per row.
    private func stallingLimit(_ model: Model) -> Int { Self.stallingIterations * max(1, model.constraints.count) }

    /// The simplex method of the face's LPs.
    var method: SolverOptions.Method = .primalSimplex
    /// The simplex tolerances of the face's LPs.
    var tolerances = SolverOptions.SimplexTolerances()

    var options: SolverOptions {
        let left = deadline - ContinuousClock.now
        let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18
        return SolverOptions(
            method: method, timeLimit: max(0.001, seconds), cancellation: cancellation, tolerances: tolerances)
    }

    /// Solves the LP `problem` now holds, warm, by ``method``. The face is feasible and bounded where it matters,
    /// so "infeasible" or a failed simplex run can only be numerical trouble (seen: a warm basis from a crash
    /// start; a basis GLPK found singular to working precision on a 2-municipality region; the dual simplex on a
    /// stage of the central allocation of 40 synthetic municipalities). The LP is then solved again by the primal
    /// simplex from the basis it started from (also when the dual simplex stalls), then from GLPK's standard
    /// basis (also when a primal run stalls or cycles), then through GLPK's presolver.
    func solve(_ problem: GLPKProblem) throws -> Solution {
        func troubled(_ solution: Solution) -> Bool {
            switch solution.status {
            case .infeasible: true
            case .failed: true
            default: false
            }
        }
        var settings = options
        // GLPK's simplex methods can stall or cycle on these degenerate LPs (seen: the dual simplex 60 s on 235
        // rows; the primal one 17 million iterations on 30 rows of a range LP): a run that needs more than
        // `stallingIterations` iterations per row is stopped and the LP solved another way.
        settings.iterationLimit = stallingLimit(problem.model)
        let before = settings.method == .primalSimplex ? nil : try problem.basis()
        var solution = try problem.solve(settings)
        if let before, troubled(solution) || solution.status == .iterationLimit {
            try problem.setBasis(before)
            settings.method = .primalSimplex
            solution = try problem.solve(settings)
        }
        guard troubled(solution) || solution.status == .iterationLimit else { return solution }
        return try solveAfresh(problem, troubled: troubled)
    }

    /// Solves the LP `problem` holds by the primal simplex from GLPK's standard basis (stopped as stalling after
    /// ``stallingIterations`` iterations per row), then, if that is still `troubled` or stalled, through GLPK's
    /// presolver: for a warm start that led the simplex method astray.
    func solveAfresh(_ problem: GLPKProblem, troubled: (Solution) -> Bool) throws -> Solution {
        var settings = options
        settings.method = .primalSimplex
        let model = problem.model
        settings.iterationLimit = stallingLimit(model)
        try problem.setBasis(
            Basis(
                rows: Array(repeating: .basic, count: model.constraints.count),
                columns: Array(repeating: .atLower, count: model.variables.count)))
        let solution = try problem.solve(settings)
        guard troubled(solution) || solution.status == .iterationLimit else { return solution }
        settings.presolve = true
        settings.iterationLimit = nil
        return try problem.solve(settings)
    }

    /// Runs `body` with a new GLPK problem holding `model`, started from `basis` when there is one.
    static func withProblem<R>(
        _ model: Model, basis: Basis?, _ body: (GLPKProblem) throws -> R
    ) throws -> R {
        try GLPKProblem.withProblem(for: model) { problem in
            if let basis { try problem.setBasis(basis) }
            return try body(problem)
        }
    }
}

/// Why the face could not be explored to the end (the caller then reports the levels' own allocation).
enum FaceStop: Error, Sendable {
    /// A limit, a cancellation or a solver failure, with the status of the LP that stopped.
    case stopped(SolveStatus)
}

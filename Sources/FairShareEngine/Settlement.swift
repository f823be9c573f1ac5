import FairShareScenario
import GLPKSolver
import LinearModel

/// What a solve reports after its levels: the allocation (the central one, the levels' own vertex, or either
/// rounded to whole numbers), the range of every figure, and what the result must warn about.
struct Settlement {
    /// The levels as solved.
    var run: LevelRun
    /// The allocation to report (every variable of the formulation); `nil`: the last level's solution.
    var allocation: Solution?
    /// Which allocation it is.
    var kind: SolverSettings.Allocation
    /// The range of each of the formulation's ``Formulation/figures``; `nil` with `allocation: "any"`.
    var ranges: [FigureRange]?
    var warnings: [ResultWarning] = []
    /// Whole-number runs: Σ_k |v_k − c_k| over x, y and z, and the rounding's own status.
    var roundingDistance: Double?
    var rounding: Solution?

    /// After `run` (on `problem`, still holding the levels): ranges and centre unless the scenario asks for any
    /// allocation, then the rounding of `solver.integer`.
    static func settle(
        _ run: LevelRun, _ formulation: Formulation, problem: GLPKProblem, scenario: Scenario,
        deadline: ContinuousClock.Instant
    ) throws -> Settlement {
        var settlement = Settlement(run: run, kind: .any)
        guard let last = run.last, last.status == .optimal, run.optima.count == formulation.levels.count else {
            return settlement
        }
        if scenario.solver.allocation == .central,
            let face = try OptimalFace(formulation, problem: problem, run: run, settings: scenario.solver,
                deadline: deadline)
        {
            let figures = formulation.figures
            do {
                let ranges = try FigureRanges.solve(figures, on: face)
                settlement.allocation = try CentralAllocation.solve(figures, ranges: ranges, on: face)
                settlement.ranges = ranges
                settlement.kind = .central
            } catch FaceStop.stopped(let status) {
                if case .failed(let reason) = status, reason == SolverCancellation.reason {
                    settlement.run.last = Solution(status: status)
                    return settlement
                }
                settlement.warnings.append(ResultWarning(.oneOfMany, path: "solver.timeLimit",
                    "the ranges and the central allocation were not finished (\(status)); the allocation shown is "
                        + "one of several equally good ones: allow more time to get the central one"))
            }
        } else {
            settlement.warnings.append(ResultWarning(.oneOfMany, path: "solver.allocation",
                "\"any\": the allocation shown is one of several equally good ones that the solver happened to "
                    + "find; remove \"allocation\": \"any\" to get every figure's range and the central allocation"))
        }
        if scenario.solver.integer {
            let centre = settlement.allocation ?? last
            let rounded = try WholeNumbers.round(scenario, formulation, central: centre, deadline: deadline)
            settlement.rounding = rounded
            settlement.roundingDistance = rounded.objectiveValue
            if rounded.hasSolution { settlement.allocation = rounded }
        }
        return settlement
    }
}

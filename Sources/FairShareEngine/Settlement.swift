import FairShareScenario
import GLPKSolver
import LinearModel

/// What a solve reports after its levels: the allocation (the central one, the levels' own vertex, or either
/// rounded to whole numbers), the range of every figure, and what the result must warn about.
struct Settlement {
    /// Whole-number runs: the share of `solver.timeLimit` the levels, the ranges and the centre may use, so that
    /// the rounding has the rest and the whole solve stays within the limit.
    static let levelShare = 0.9

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
        deadline: ContinuousClock.Instant, progress: ProgressReporter, rangeThreads: Int? = nil,
        cancellation: SolverCancellation? = nil
    ) throws -> Settlement {
        var settlement = Settlement(run: run, kind: .any)
        progress(.levels)
        guard let last = run.last, last.hasSolution else { return settlement }
        let solvedAll = last.status == .optimal && run.optima.count == formulation.levels.count
        let limit = Duration.milliseconds(Int64((scenario.solver.timeLimit * 1000).rounded(.up)))
        let faceDeadline = scenario.solver.integer ? deadline - limit * (1 - levelShare) : deadline
        if !solvedAll {
            // Levels with either-or binaries stopped by the time limit with an allocation (`feasible`): no face to
            // explore; whole-number runs still round what there is.
            settlement.warnings.append(
                ResultWarning(
                    .oneOfMany, path: "solver.timeLimit",
                    "the levels were not all solved to the end, so the allocation shown is not the central one and "
                        + "has no ranges: allow more time"))
        } else if scenario.solver.allocation == .central,
            let face = try OptimalFace(
                formulation, problem: problem, run: run, settings: scenario.solver,
                deadline: faceDeadline, progress: progress, cancellation: cancellation)
        {
            let figures = formulation.figures
            do {
                let ranges = try FigureRanges.solve(figures, on: face, threads: rangeThreads)
                settlement.allocation = try CentralAllocation.solve(figures, ranges: ranges, on: face)
                settlement.ranges = ranges
                settlement.kind = .central
            } catch FaceStop.stopped(let status) {
                if status == .cancelled {
                    settlement.run.last = Solution(status: status)
                    return settlement
                }
                settlement.warnings.append(
                    ResultWarning(
                        .oneOfMany, path: "solver.timeLimit",
                        "the ranges and the central allocation were not finished (\(status)); the allocation shown is "
                            + "one of several equally good ones: allow more time to get the central one"))
            }
        } else {
            settlement.warnings.append(
                ResultWarning(
                    .oneOfMany, path: "solver.allocation",
                    "\"any\": the allocation shown is one of several equally good ones that the solver happened to "
                        + "find; remove \"allocation\": \"any\" to get every figure's range and the central allocation")
            )
        }
        if scenario.solver.integer {
            progress(.rounding)
            let centre = settlement.allocation ?? last
            // The rounding has the time left: at least the share `levelShare` keeps for it.
            let rounded = try WholeNumbers.round(
                scenario, formulation, central: centre, deadline: deadline,
                cancellation: cancellation)
            settlement.rounding = rounded
            settlement.roundingDistance = rounded.objectiveValue
            if rounded.hasSolution { settlement.allocation = rounded }
        }
        return settlement
    }
}

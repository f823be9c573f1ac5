// Differential fuzzing (FAIRSHARE_FUZZ_MODE=exact): the inputs are edits of the small bases, as in EditFuzz, and
// every LP scenario that validates is solved twice: by fairshare (floating-point simplex, level by level) and,
// level by level, in exact rational arithmetic (GLPK's glp_exact) on the same programme
// (FairShare.levelProgramme). A wrong status or a wrong optimum is a finding:
// - exact says the first level has an optimum, fairshare says `infeasible` (or the other way round);
// - a level's programme is infeasible in exact arithmetic even with every bound widened by the tolerance that
//   fairshare meets requirements to (1e-6 · max(1, |bound|));
// - a level optimum differs from the exact one by more than the level tolerance, 1e-6 · max(1, |optimum|), plus
//   what glp_exact's reading of the numbers can move it (see readingAllowance);
// - exact finds a level unbounded (fairness levels always have an optimum).
import FairShareEngine
import FairShareScenario
import Foundation
import GLPKSolver
import LinearModel

enum ExactFuzz {
    /// Seconds for each exact solve; one that runs longer is skipped, not a finding.
    static let exactTimeLimit = 2.0

    /// How many inputs reached each comparison, printed when the fuzzer exits: a run that compared nothing
    /// checked nothing (scripts/fuzz-smoke.sh fails it).
    nonisolated(unsafe) static var counts = (inputs: 0, optimal: 0, levels: 0, infeasible: 0, withinTolerance: 0)
    static func printCounts() {
        FileHandle.standardError.write(
            Data(
                ("exact: \(counts.inputs) LP scenarios solved, \(counts.optimal) optimal with \(counts.levels) level "
                    + "optima compared, \(counts.infeasible) infeasible confirmed, \(counts.withinTolerance) "
                    + "infeasible only by less than the tolerance\n").utf8))
    }

    static func run(_ bytes: [UInt8]) {
        guard let edited = EditFuzz.scenario(from: bytes, bases: Array(EditFuzz.bases.indices)) else { return }
        // LPs only (glp_exact solves no MIP), within the fuzzer's time cap.
        guard !edited.solver.integer,
            let scenario = try? edited.edited({ $0.solver.timeLimit = min($0.solver.timeLimit, FuzzCaps.timeLimit) })
        else { return }
        let result = FairShare.solve(scenario)
        counts.inputs += 1
        switch result.status {
        case .optimal, .infeasible: break
        case .timeLimit: return  // stopped by the cap: nothing to compare
        case .feasible, .unbounded, .failed:
            guard let first = exactOptimum(scenario, level: 0, after: []) else { return }
            if case .optimum = first {
                fatalError("fairshare says \(result.status.rawValue) (\(result.failure.map { "\($0)" } ?? "")) "
                    + "but the first level has an exact optimum")
            }
            return
        }
        if result.status == .infeasible {
            guard let first = exactOptimum(scenario, level: 0, after: []) else { return }
            if case .optimum(let value, _) = first {
                fatalError("fairshare says infeasible, but the first level has the exact optimum \(value)")
            }
            counts.infeasible += 1
            return
        }
        // Optimal: every level's optimum, given the optima before it, as glp_exact finds it.
        let optima = result.objective.map(\.value)
        counts.optimal += 1
        for index in optima.indices {
            guard let exact = exactOptimum(scenario, level: index, after: Array(optima.prefix(index))) else { continue }
            switch exact {
            case .optimum(let value, let allowance):
                counts.levels += 1
                let tolerance = FairShare.levelTolerance * max(1, abs(value)) + allowance
                if abs(optima[index] - value) > tolerance {
                    fatalError("level \(index) (\(result.objective[index].level.rawValue)): fairshare's optimum "
                        + "\(optima[index]), the exact one \(value) (allowed \(tolerance), of which \(allowance) for "
                        + "glp_exact's reading of the numbers)")
                }
            case .infeasible:
                // fairshare meets every requirement to 1e-6 · max(1, |bound|) (docs/model.md §3, the check after
                // each solve): a programme that is infeasible exactly but feasible within that tolerance (a
                // minimum of 1e-9 homes where no homes are allowed) is solved, not a wrong status.
                if case .optimum? = exactOptimum(
                    scenario, level: index, after: Array(optima.prefix(index)), relaxedBy: FairShare.levelTolerance)
                {
                    counts.withinTolerance += 1
                    return
                }
                // The levels before were bounded at fairshare's optima plus their tolerance: with those optima
                // right, this programme holds fairshare's own solution.
                fatalError("level \(index): the programme after fairshare's optima \(optima.prefix(index)) is "
                    + "infeasible in exact arithmetic")
            case .unbounded:
                fatalError("level \(index) is unbounded in exact arithmetic")
            }
        }
    }

    /// `model` with every finite bound moved outwards by `relative` · max(1, |bound|).
    static func relaxed(_ model: Model, by relative: Double) -> Model {
        var model = model
        func widened(_ lower: Double, _ upper: Double) -> (Double, Double) {
            (
                lower.isFinite ? lower - relative * max(1, abs(lower)) : lower,
                upper.isFinite ? upper + relative * max(1, abs(upper)) : upper
            )
        }
        for index in model.constraints.indices {
            let row = model.constraints[index]
            let (lower, upper) = widened(row.lowerBound, row.upperBound)
            model.setBounds(of: ConstraintID(index: index), lowerBound: lower, upperBound: upper)
        }
        for index in model.variables.indices {
            let column = model.variables[index]
            let (lower, upper) = widened(column.lowerBound, column.upperBound)
            model.setBounds(of: Variable(index: index), lowerBound: lower, upperBound: upper)
        }
        return model
    }

    /// The exact answer: an optimum with how far glp_exact's reading of the numbers may have moved it
    /// (``readingAllowance(_:_:)``), or no optimum.
    enum Exact { case optimum(Double, allowance: Double), infeasible, unbounded }

    /// glp_exact does not solve the programme's numbers but fractions near them: every number that is not whole
    /// becomes the simplest fraction p/q with |f − p/q| ≤ 1e-10 on its mantissa f ∈ [0.5, 1) (GLPK's `set_d_eps`,
    /// which calls `fp2rat(f, 0.1 · 1e-9)`), so within 2e-10 of it relatively. A level optimum moves with those
    /// numbers: to first order, by each number's change times what the objective pays per unit of it — a row's
    /// dual times its bound and its terms at the solution, a column's reduced cost times its bound, and the
    /// objective's own terms. Seen: a tiebreak level after a fairness optimum of 1.1e9 (dual 0.58) moved by 0.016
    /// homes, 2.5e-6 of it, with fairshare's floating-point optimum right for the programme as written
    /// (Findings/exact-reading-allowance).
    static func readingAllowance(_ model: Model, _ solution: Solution) -> Double {
        let relative = 2e-10
        guard let duals = solution.rowDuals, let reducedCosts = solution.reducedCosts else { return .infinity }
        func size(_ lower: Double, _ upper: Double) -> Double {
            max(lower.isFinite ? abs(lower) : 0, upper.isFinite ? abs(upper) : 0)
        }
        func terms(_ expression: LinearExpression) -> Double {
            expression.terms.reduce(abs(expression.constant)) {
                $0 + abs($1.coefficient * solution.values[$1.variable.index])
            }
        }
        var change = terms(model.objective.expression)
        for (index, row) in model.constraints.enumerated() where duals[index] != 0 {
            change += abs(duals[index]) * (size(row.lowerBound, row.upperBound) + terms(row.expression))
        }
        for (index, column) in model.variables.enumerated() where reducedCosts[index] != 0 {
            change += abs(reducedCosts[index]) * size(column.lowerBound, column.upperBound)
        }
        return relative * change
    }

    /// The exact answer for level `level` after `after`, or `nil` when there is no such programme (leximin's
    /// fairness level) or the exact solve ran out of time.
    /// With `relaxedBy` r, every bound b of a row or a variable is moved outwards by r · max(1, |b|) first.
    static func exactOptimum(_ scenario: Scenario, level: Int, after: [Double], relaxedBy relaxation: Double = 0)
        -> Exact?
    {
        guard var programme = FairShare.levelProgramme(of: scenario, level: level, after: after) else { return nil }
        if relaxation > 0 { programme.model = relaxed(programme.model, by: relaxation) }
        let solution: Solution
        do {
            solution = try GLPKProblem.withProblem(for: programme.model) { problem in
                try problem.solveExactly(SolverOptions(timeLimit: exactTimeLimit))
            }
        } catch {
            fatalError("the exact solve refused fairshare's programme: \(error)")
        }
        switch solution.status {
        case .optimal:
            return solution.objectiveValue.map {
                Exact.optimum($0, allowance: readingAllowance(programme.model, solution))
            }
        case .infeasible: return .infeasible
        case .unbounded: return .unbounded
        default: return nil
        }
    }
}

// Differential fuzzing (FAIRSHARE_FUZZ_MODE=exact): the inputs are edits of the small bases, as in EditFuzz, and
// every LP scenario that validates is solved twice: by fairshare (floating-point simplex, level by level) and,
// level by level, in exact rational arithmetic (GLPK's glp_exact) on the same programme
// (FairShare.levelProgramme). A wrong status or a wrong optimum is a finding:
// - exact says the first level has an optimum, fairshare says `infeasible` (or the other way round);
// - a level optimum differs from the exact one by more than the level tolerance, 1e-6 · max(1, |optimum|);
// - exact finds a level unbounded (fairness levels always have an optimum).
import FairShareEngine
import FairShareScenario
import Foundation
import GLPKSolver

enum ExactFuzz {
    /// Seconds for each exact solve; one that runs longer is skipped, not a finding.
    static let exactTimeLimit = 2.0

    /// How many inputs reached each comparison, printed when the fuzzer exits: a run that compared nothing
    /// checked nothing (scripts/fuzz-smoke.sh fails it).
    nonisolated(unsafe) static var counts = (inputs: 0, optimal: 0, levels: 0, infeasible: 0)
    static func printCounts() {
        FileHandle.standardError.write(
            Data(
                ("exact: \(counts.inputs) LP scenarios solved, \(counts.optimal) optimal with \(counts.levels) level "
                    + "optima compared, \(counts.infeasible) infeasible confirmed\n").utf8))
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
            if case .optimum(let value) = first {
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
            case .optimum(let value):
                counts.levels += 1
                let tolerance = FairShare.levelTolerance * max(1, abs(value))
                if abs(optima[index] - value) > tolerance {
                    fatalError("level \(index) (\(result.objective[index].level.rawValue)): fairshare's optimum "
                        + "\(optima[index]), the exact one \(value)")
                }
            case .infeasible:
                // The levels before were bounded at fairshare's optima plus their tolerance: with those optima
                // right, this programme holds fairshare's own solution.
                fatalError("level \(index): the programme after fairshare's optima \(optima.prefix(index)) is "
                    + "infeasible in exact arithmetic")
            case .unbounded:
                fatalError("level \(index) is unbounded in exact arithmetic")
            }
        }
    }

    enum Exact { case optimum(Double), infeasible, unbounded }

    /// The exact answer for level `level` after `after`, or `nil` when there is no such programme (leximin's
    /// fairness level) or the exact solve ran out of time.
    static func exactOptimum(_ scenario: Scenario, level: Int, after: [Double]) -> Exact? {
        guard let programme = FairShare.levelProgramme(of: scenario, level: level, after: after) else { return nil }
        let solution: Solution
        do {
            solution = try GLPKProblem.withProblem(for: programme.model) { problem in
                try problem.solveExactly(SolverOptions(timeLimit: exactTimeLimit))
            }
        } catch {
            fatalError("the exact solve refused fairshare's programme: \(error)")
        }
        switch solution.status {
        case .optimal: return solution.objectiveValue.map(Exact.optimum)
        case .infeasible: return .infeasible
        case .unbounded: return .unbounded
        default: return nil
        }
    }
}

import FairShareEngine
import FairShareScenario
import Foundation
import GLPKSolver
import LinearModel
import Testing

/// A scaled crash start (the engine's for large problems) on a numerically absurd scenario: stocks of 1e20 homes
/// make GLPK's basic solution from Bixby's basis lose whole homes to cancellation. The GLPK layer checks the
/// solution (glp_check_kkt) and solves again from GLPK's default start, so every row and bound holds.
@Suite("Starting basis: accuracy check")
struct StartingBasisAccuracyTests {
    @Test("a crash start whose solution is inaccurate is solved again from the standard basis")
    func inaccurateStartIsRedone() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("FuzzFindings/huge-fair-share.json")
        // 1e20 is far outside the numeric range scenarios are held to (ScenarioLimits.largestNumber); this test is
        // about the GLPK layer's own check, so it lifts the limit.
        var limits = ScenarioLimits()
        limits.largestNumber = .infinity
        let program = FairShareProgram(try ScenarioLoader(limits: limits).load(contentsOf: url))
        var options = program.solverOptions
        options.startingMinimumRows = 0  // the scenario is small; force the engine's large-problem start
        // As the engine's level loop does it: load the model, then set the level's objective and solve.
        let model = program.model
        let solution = try GLPKProblem.withProblem(for: model) { problem in
            try problem.setObjective(.minimize(program.levels[0].expression))
            return try problem.solve(options)
        }
        #expect(solution.status == .optimal)
        for row in model.constraints {
            // Recomputed from the values: GLPK's own row activity is what its basis claims, not what holds.
            let activity = row.expression.value(at: solution.values)
            let slack =
                1e-6
                * (1
                    + max(
                        abs(row.lowerBound.isFinite ? row.lowerBound : 0),
                        abs(row.upperBound.isFinite ? row.upperBound : 0)))
            #expect(activity >= row.lowerBound - slack && activity <= row.upperBound + slack, "row \(row.name)")
        }
        for (index, variable) in model.variables.enumerated() {
            let value = solution.values[index]
            let slack = 1e-6 * (1 + abs(value))
            #expect(value >= variable.lowerBound - slack && value <= variable.upperBound + slack, "\(variable.name)")
        }
    }
}

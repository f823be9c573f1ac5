import FairShareTestSupport
import GLPKSolver
import LinearModel
import Testing

/// The GLPK manual's example, optimum and duals worked out by hand in ``ManualExample``.
@Suite struct ManualExampleTests {
    static let simplexOptions: [SolverOptions] = [
        SolverOptions(method: .primalSimplex),
        SolverOptions(method: .dualSimplex),
        SolverOptions(method: .primalSimplex, presolve: true),
        SolverOptions(method: .dualSimplex, presolve: true),
    ]

    @Test("optimum, values, activities, duals and reduced costs", arguments: simplexOptions)
    func simplex(options: SolverOptions) throws {
        let example = ManualExample()
        let solution = try Solver.solve(example.model, options: options)
        #expect(solution.status == .optimal)
        #expect(solution.hasSolution)
        #expect(isClose(solution.objectiveValue, ManualExample.optimum))  // 2200/3
        #expect(isClose(solution[example.x1], 100.0 / 3))
        #expect(isClose(solution[example.x2], 200.0 / 3))
        #expect(isClose(solution[example.x3], 0))
        // Activities: p = 100 and q = 600 are tight; r = 2·100/3 + 2·200/3 = 200.
        #expect(isClose(solution.activity(of: example.p), 100))
        #expect(isClose(solution.activity(of: example.q), 600))
        #expect(isClose(solution.activity(of: example.r), 200))
        // Duals: y_p = 10/3, y_q = 2/3, y_r = 0 (see ManualExample).
        #expect(isClose(solution.dual(of: example.p), 10.0 / 3))
        #expect(isClose(solution.dual(of: example.q), 2.0 / 3))
        #expect(isClose(solution.dual(of: example.r), 0))
        // Reduced costs: 0 for the basic x1, x2; 4 − 20/3 = −8/3 for x3.
        #expect(isClose(solution.reducedCost(of: example.x1), 0))
        #expect(isClose(solution.reducedCost(of: example.x2), 0))
        #expect(isClose(solution.reducedCost(of: example.x3), -8.0 / 3))
        #expect(solution.mipGap == nil)
        #expect(solution.log == nil)
        #expect(
            isClose(
                solution.value(of: 10 * example.x1 + 6 * example.x2 + 4 * example.x3),
                ManualExample.optimum))
    }

    @Test("duals agree with finite differences: z(b + 1) − z(b) for each tight row")
    func dualsByFiniteDifference() throws {
        // Inside the bound ranges (see RangingTests) z is linear in each right-hand side with slope y, so
        // raising p to 101 gives 2200/3 + 10/3 = 2210/3, raising q to 601 gives 2200/3 + 2/3 = 2202/3.
        let example = ManualExample()
        try GLPKProblem.withProblem(for: example.model) { problem in
            _ = try problem.solve()
            try problem.setBounds(of: example.p, lowerBound: -.infinity, upperBound: 101)
            #expect(isClose(try problem.solve().objectiveValue, 2210.0 / 3))
            try problem.setBounds(of: example.p, lowerBound: -.infinity, upperBound: 100)
            try problem.setBounds(of: example.q, lowerBound: -.infinity, upperBound: 601)
            #expect(isClose(try problem.solve().objectiveValue, 2202.0 / 3))
            // The mirror follows the change.
            #expect(problem.model[example.q].upperBound == 601)
            #expect(problem.model[example.p].upperBound == 100)
        }
    }

    @Test("interior point reaches the same optimum and duals, within its tolerance")
    func interiorPoint() throws {
        let example = ManualExample()
        let solution = try Solver.solve(example.model, options: SolverOptions(method: .interiorPoint))
        #expect(solution.status == .optimal)
        #expect(isClose(solution.objectiveValue, ManualExample.optimum, tolerance: 1e-6))
        #expect(isClose(solution[example.x1], 100.0 / 3, tolerance: 1e-5))
        #expect(isClose(solution[example.x2], 200.0 / 3, tolerance: 1e-5))
        #expect(abs(solution[example.x3]) < 1e-5)
        #expect(isClose(solution.dual(of: example.p), 10.0 / 3, tolerance: 1e-5))
        #expect(isClose(solution.dual(of: example.q), 2.0 / 3, tolerance: 1e-5))
        #expect(isClose(solution.reducedCost(of: example.x3), -8.0 / 3, tolerance: 1e-5))
        #expect(solution.iterationCount == 0)
    }

    @Test("GLPK version is the one the notes were measured on")
    func version() {
        #expect(Solver.glpkVersion == "5.0")
    }
}

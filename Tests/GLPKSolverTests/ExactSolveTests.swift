import FairShareTestSupport
import GLPKSolver
import LinearModel
import Testing

/// `GLPKProblem.solveExactly(_:)`: GLPK's exact (rational) simplex from the basis the last solve left.
@Suite struct ExactSolveTests {
    @Test("the manual's example: optimum 2200/3 and x = (100/3, 200/3, 0), cold and from a warm basis")
    func manualExample() throws {
        let example = ManualExample()
        try GLPKProblem.withProblem(for: example.model) { problem in
            for _ in 0..<2 {  // first from GLPK's standard basis, then from the optimal one it left
                let solution = try problem.solveExactly()
                #expect(solution.status == .optimal)
                // The exact rationals, converted to Double by GLPK (`mpq_get_d` truncates: within one ulp).
                #expect(withinOneULP(solution.objectiveValue ?? .nan, 2200.0 / 3))
                #expect(withinOneULP(solution[example.x1], 100.0 / 3))
                #expect(withinOneULP(solution[example.x2], 200.0 / 3))
                #expect(solution[example.x3] == 0)
            }
            // The floating-point simplex goes on warm from the exact basis.
            #expect(isClose(try problem.solve().objectiveValue, ManualExample.optimum))
        }
    }

    /// By hand: x + y ≥ 1.00000001 and x + y ≤ 1 cannot both hold. The gap, 1e-8, is below GLPK's floating-point
    /// tolerance (1e-7 relative), which takes x + y = 1 as feasible; GLPK's exact simplex reads 1.00000001 as
    /// 100000001/100000000 (the simplest fraction within 1e-10 relative) and finds no feasible point.
    @Test("a gap of 1e-8 between two rows: optimal in floating point, infeasible in exact arithmetic")
    func tinyGapIsInfeasible() throws {
        var model = Model()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.add(x + y >= 1.000_000_01, name: "low")
        model.add(x + y <= 1, name: "high")
        model.minimize(LinearExpression(x))
        let (floating, exact) = try GLPKProblem.withProblem(for: model) { problem in
            (try problem.solve().status, try problem.solveExactly().status)
        }
        #expect(floating == .optimal)
        #expect(exact == .infeasible)
    }

    func withinOneULP(_ value: Double, _ expected: Double) -> Bool { abs(value - expected) <= expected.ulp }

    @Test("a model with integer variables is refused before GLPK sees it")
    func integerModelRefused() throws {
        var model = Model()
        let x = model.addVariable("x", upperBound: 3, isInteger: true)
        model.maximize(LinearExpression(x))
        try GLPKProblem.withProblem(for: model) { problem in
            #expect(throws: SolverError.self) { _ = try problem.solveExactly() }
        }
    }
}

/// The differential fuzzer's finding (Fuzz/Findings/exact-glp-exact-abort): GLPK's exact simplex aborted the process
/// on Drechtsteden with a limit of -1e-300 homes. Such numbers never reach `glp_exact` now.
@Suite struct ExactSolveRangeTests {
    @Test("a bound of -1e-300 or a coefficient of 1e16: the exact simplex is not run, the status says why")
    func outsideTheRange() throws {
        for (bound, coefficient) in [(-1e-300, 1.0), (0.0, 1e16)] {
            var model = Model(name: "tiny")
            let x = model.addVariable("x", lowerBound: bound, upperBound: 10)
            model.add(coefficient * x <= 5)
            model.minimize(-x)
            let solution = try GLPKProblem.withProblem(for: model) { try $0.solveExactly() }
            guard case .failed(let reason) = solution.status else {
                Issue.record("expected failed, got \(solution.status)")
                continue
            }
            #expect(reason.contains("outside 1e-9…1e15"), "\(reason)")
        }
    }
}

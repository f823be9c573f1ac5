import GLPKSolver
import LinearModel
import Testing

/// Sensitivity analysis on the GLPK manual's example; every range worked out by hand from the optimal basis
/// {x1, x2, r} (see ``ManualExample``), and checked by finite differences.
@Suite struct RangingTests {
    @Test("basis membership: x1, x2, r basic; p, q, x3 non-basic")
    func basis() throws {
        let e = ManualExample()
        try GLPKProblem.withProblem(for: e.model) { problem in
            // Before any solve GLPK's standard basis has every row basic and every column non-basic.
            #expect(try problem.isBasic(.constraint(e.p)))
            #expect(try !problem.isBasic(.variable(e.x1)))
            _ = try problem.solve()
            #expect(try problem.isBasic(.variable(e.x1)))
            #expect(try problem.isBasic(.variable(e.x2)))
            #expect(try problem.isBasic(.constraint(e.r)))
            #expect(try !problem.isBasic(.constraint(e.p)))
            #expect(try !problem.isBasic(.constraint(e.q)))
            #expect(try !problem.isBasic(.variable(e.x3)))
        }
    }

    @Test("bound ranging of rows p and q and of column x3")
    func boundRanging() throws {
        let e = ManualExample()
        try GLPKProblem.withProblem(for: e.model) { problem in
            _ = try problem.solve()
            // Row p with right-hand side P (q stays 600, x3 = 0): x1 + x2 = P, 10 x1 + 4 x2 = 600 give
            // x1 = (600 − 4P)/6 ≥ 0 → P ≤ 150, x2 = (10P − 600)/6 ≥ 0 → P ≥ 60, r = 2P ≤ 300 → P ≤ 150.
            // So P ∈ [60, 150]; z = 2200/3 + (10/3)(P − 100): 600 at 60, 900 at 150. At 60 x2 hits 0.
            let p = try problem.boundRanging(of: .constraint(e.p))
            #expect(isClose(p.value, 100))
            #expect(isClose(p.reducedCost, 10.0 / 3))
            #expect(isClose(p.lowerValue, 60))
            #expect(isClose(p.upperValue, 150))
            #expect(isClose(p.objectiveAtLower, 600))
            #expect(isClose(p.objectiveAtUpper, 900))
            #expect(p.limitingAtLower == .variable(e.x2))
            // At P = 150 both x1 = 0 and r = 300 are reached at once (a tie): either may be reported.
            #expect(p.limitingAtUpper == .variable(e.x1) || p.limitingAtUpper == .constraint(e.r))

            // Row q with right-hand side Q (P = 100): x1 = (Q − 400)/6 ≥ 0 → Q ≥ 400, x2 = (1000 − Q)/6 ≥ 0
            // → Q ≤ 1000; r = 200 does not move. z = 2200/3 + (2/3)(Q − 600): 600 at 400, 1000 at 1000.
            let q = try problem.boundRanging(of: .constraint(e.q))
            #expect(isClose(q.lowerValue, 400))
            #expect(isClose(q.upperValue, 1000))
            #expect(isClose(q.objectiveAtLower, 600))
            #expect(isClose(q.objectiveAtUpper, 1000))
            #expect(q.limitingAtLower == .variable(e.x1))
            #expect(q.limitingAtUpper == .variable(e.x2))

            // Column x3 at its lower bound t = 0: x1 = (200 − t)/6, x2 = (400 − 5t)/6, r = 200 + 4t ≤ 300 → t ≤ 25
            // (x2 ≥ 0 would allow t ≤ 80, x1 ≥ 0 t ≤ 200); decreasing t only loosens everything (r has no lower
            // bound), so t ∈ (−∞, 25]. Slope −8/3: z = 2200/3 − 8/3 · 25 = 2000/3 at 25, +∞ as t → −∞.
            let x3 = try problem.boundRanging(of: .variable(e.x3))
            #expect(isClose(x3.value, 0))
            #expect(isClose(x3.reducedCost, -8.0 / 3))
            #expect(x3.lowerValue == -.infinity)
            #expect(isClose(x3.upperValue, 25))
            #expect(x3.objectiveAtLower == .infinity)
            #expect(isClose(x3.objectiveAtUpper, 2000.0 / 3))
            #expect(x3.limitingAtLower == nil)
            #expect(x3.limitingAtUpper == .constraint(e.r))
        }
    }

    @Test("objective ranging of the basic x1 and x2")
    func objectiveRanging() throws {
        let e = ManualExample()
        try GLPKProblem.withProblem(for: e.model) { problem in
            _ = try problem.solve()
            // x1's coefficient c: y_q = (c − 6)/6 ≥ 0 → c ≥ 6; y_p = 6 − 2(c − 6)/3 ≥ 0 → c ≤ 15;
            // x3's reduced cost 4 − (y_p + 5 y_q) = −2 − (c − 6)/6 ≤ 0 always. So c ∈ [6, 15];
            // z = 100c/3 + 400: 600 at 6 (q's dual reaches 0), 900 at 15 (p's dual reaches 0).
            let x1 = try problem.objectiveRanging(of: e.x1)
            #expect(isClose(x1.coefficient, 10))
            #expect(isClose(x1.value, 100.0 / 3))
            #expect(isClose(x1.lowerCoefficient, 6))
            #expect(isClose(x1.upperCoefficient, 15))
            #expect(isClose(x1.objectiveAtLower, 600))
            #expect(isClose(x1.objectiveAtUpper, 900))
            #expect(x1.limitingAtLower == .constraint(e.q))
            #expect(x1.limitingAtUpper == .constraint(e.p))

            // x2's coefficient c: y_q = (10 − c)/6 ≥ 0 → c ≤ 10; y_p = 10 − 5(10 − c)/3 ≥ 0 → c ≥ 4;
            // x3: −6 + 5(10 − c)/6 ≤ 0 → c ≥ 2.8 (weaker). So c ∈ [4, 10]; z = 1000/3 + 200c/3: 600 at 4,
            // 1000 at 10.
            let x2 = try problem.objectiveRanging(of: e.x2)
            #expect(isClose(x2.lowerCoefficient, 4))
            #expect(isClose(x2.upperCoefficient, 10))
            #expect(isClose(x2.objectiveAtLower, 600))
            #expect(isClose(x2.objectiveAtUpper, 1000))
            #expect(x2.limitingAtLower == .constraint(e.p))
            #expect(x2.limitingAtUpper == .constraint(e.q))
        }
    }

    @Test("finite differences: inside the ranges the solution stays, just outside it moves")
    func finiteDifferences() throws {
        let e = ManualExample()
        // Coefficient of x1 at 14.9 (inside [6, 15]): same x, z = 14.9 · 100/3 + 400.
        var inside = e.model
        inside.maximize(14.9 * e.x1 + 6 * e.x2 + 4 * e.x3)
        let a = try Solver.solve(inside)
        #expect(isClose(a[e.x1], 100.0 / 3))
        #expect(isClose(a.objectiveValue, 14.9 * 100 / 3 + 400))
        // At 15.1 (outside) the basis changes: x1 grows past 100/3.
        var outside = e.model
        outside.maximize(15.1 * e.x1 + 6 * e.x2 + 4 * e.x3)
        #expect(try Solver.solve(outside)[e.x1] > 100.0 / 3 + 1e-6)
        // Row p at 149 (inside [60, 150]): z = 2200/3 + 10/3 · 49.
        try GLPKProblem.withProblem(for: e.model) { problem in
            try problem.setBounds(of: e.p, lowerBound: -.infinity, upperBound: 149)
            #expect(isClose(try problem.solve().objectiveValue, 2200.0 / 3 + 490.0 / 3))
            // At 160 (outside) the slope drops below 10/3: z < 2200/3 + 10/3 · 60.
            try problem.setBounds(of: e.p, lowerBound: -.infinity, upperBound: 160)
            #expect(try #require(try problem.solve().objectiveValue) < 2200.0 / 3 + 200 - 1e-6)
        }
    }

    @Test("wrong ranging calls and missing bases are typed errors, never aborts")
    func errors() throws {
        let e = ManualExample()
        try GLPKProblem.withProblem(for: e.model) { problem in
            // Before any solve.
            expectSolverError(.noBasis) { try problem.boundRanging(of: .constraint(e.p)) }
            expectSolverError(.noBasis) { try problem.objectiveRanging(of: e.x1) }
            _ = try problem.solve()
            // analyze_bound on basic entries, analyze_coef on non-basic ones.
            expectSolverError(.basicVariable) { try problem.boundRanging(of: .variable(e.x1)) }
            expectSolverError(.basicVariable) { try problem.boundRanging(of: .constraint(e.r)) }
            expectSolverError(.nonBasicVariable) { try problem.objectiveRanging(of: e.x3) }
            // Handles outside the problem.
            expectSolverError(.unknownConstraint) { try problem.boundRanging(of: .constraint(ConstraintID(index: 3))) }
            expectSolverError(.unknownConstraint) { try problem.isBasic(.constraint(ConstraintID(index: -1))) }
            expectSolverError(.unknownVariable) { try problem.objectiveRanging(of: Variable(index: 3)) }
            expectSolverError(.unknownVariable) { try problem.boundRanging(of: .variable(Variable(index: 99))) }
            // After each kind of modification, until the next optimal solve.
            try problem.setObjective(.maximize(10 * e.x1 + 6 * e.x2 + 5 * e.x3))
            expectSolverError(.noBasis) { try problem.objectiveRanging(of: e.x1) }
            _ = try problem.solve()
            #expect(throws: Never.self) { try problem.objectiveRanging(of: e.x1) }
            try problem.setBounds(of: e.x3, lowerBound: 0, upperBound: 50)
            expectSolverError(.noBasis) { try problem.boundRanging(of: .constraint(e.p)) }
            _ = try problem.solve()
            try problem.add(e.x1 <= 1000)
            expectSolverError(.noBasis) { try problem.boundRanging(of: .constraint(e.p)) }
            _ = try problem.solve()
            try problem.setBounds(of: e.q, lowerBound: -.infinity, upperBound: 600)
            expectSolverError(.noBasis) { try problem.objectiveRanging(of: e.x1) }
            // After an interior-point solve and after a non-optimal one.
            _ = try problem.solve(.init(method: .interiorPoint))
            expectSolverError(.noBasis) { try problem.objectiveRanging(of: e.x1) }
            _ = try problem.solve(.init(iterationLimit: 0))
            expectSolverError(.noBasis) { try problem.objectiveRanging(of: e.x1) }
        }
    }

    @Test("after a presolved solve the factorisation is rebuilt, so ranging works")
    func afterPresolve() throws {
        let e = ManualExample()
        try GLPKProblem.withProblem(for: e.model) { problem in
            _ = try problem.solve(.init(presolve: true))
            let x1 = try problem.objectiveRanging(of: e.x1)
            #expect(isClose(x1.lowerCoefficient, 6) && isClose(x1.upperCoefficient, 15))
        }
    }

    @Test("ranging after a MIP solve is refused")
    func afterMIP() throws {
        let knapsack = Knapsack()
        try GLPKProblem.withProblem(for: knapsack.model) { problem in
            _ = try problem.solve()
            expectSolverError(.noBasis) { try problem.objectiveRanging(of: knapsack.items[0]) }
            expectSolverError(.noBasis) { try problem.boundRanging(of: .constraint(knapsack.capacity)) }
        }
    }
}

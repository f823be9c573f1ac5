import GLPKSolver
import LinearModel
import Testing

/// Lexicographic (sequential) objectives on one problem: solve, fix the level, change the objective, re-solve
/// warm. Each warm answer must equal a cold solve of the same final model.
@Suite struct WarmStartTests {
    /// A small "fair share" LP: distribute 12 units over three municipalities with capacities 3, 5 and 10;
    /// level 1 maximises the minimum share m (m ≤ x_i); level 2 then maximises x_1 + 2x_2 + 3x_3... by hand:
    ///
    /// Level 1: x_1 ≤ 3 caps m at 3, and m = 3 is reachable (3, 3, 6 sums to 12), so m* = 3.
    /// Level 2 with m ≥ 3: maximize x1 + 2 x2 + 3 x3 subject to x1 + x2 + x3 = 12, each x_i ≥ 3, x_i ≤ cap.
    /// Every unit above the minimum goes to x3 (weight 3) up to its cap 10: x3 = 12 − 3 − 3 = 6 ≤ 10, so
    /// x = (3, 3, 6) and the objective is 3 + 6 + 18 = 27.
    /// Level 3 with that fixed at ≥ 27: minimize x3 − x1. Since x1 ≤ 3 and x_i ≥ 3, x1 = 3; then x2 + x3 = 9 and
    /// 2 x2 + 3 x3 ≥ 24 → 18 + x3 ≥ 24 → x3 ≥ 6, so x3 = 6, x2 = 3: objective 3.
    struct FairShare {
        var model = Model(name: "fair-share")
        let x: [Variable]
        let m: Variable

        init() {
            var x: [Variable] = []
            for (i, cap) in [3.0, 5, 10].enumerated() { x.append(model.addVariable("x[\(i)]", upperBound: cap)) }
            m = model.addVariable("m")
            model.add(LinearExpression.sum(x) == 12, name: "total")
            for (i, variable) in x.enumerated() { model.add(m <= variable, name: "min[\(i)]") }
            self.x = x
            model.maximize(LinearExpression(m))
        }
    }

    @Test("two levels warm equal cold solves of the final models", arguments: [false, true])
    func sequentialObjectives(presolve: Bool) throws {
        let share = FairShare()
        let options = SolverOptions(presolve: presolve)
        let level2 = share.x[0] + 2 * share.x[1] + 3 * share.x[2]
        let level3 = share.x[2] - share.x[0]
        try GLPKProblem.withProblem(for: share.model) { problem in
            let first = try problem.solve(options)
            #expect(first.status == .optimal)
            let best = try #require(first.objectiveValue)
            #expect(isClose(best, 3))

            try problem.add(LinearExpression(share.m) >= best)
            try problem.setObjective(.maximize(level2))
            let second = try problem.solve(options)
            let cold2 = try Solver.solve(problem.model, options: options)
            #expect(second.status == .optimal)
            #expect(isClose(second.objectiveValue, 27))
            #expect(isClose(second.objectiveValue, try #require(cold2.objectiveValue)))
            #expect(second.values.map { ($0 * 1e6).rounded() } == cold2.values.map { ($0 * 1e6).rounded() })

            try problem.add(level2 >= 27)
            try problem.setObjective(.minimize(level3))
            let third = try problem.solve(options)
            let cold3 = try Solver.solve(problem.model, options: options)
            #expect(isClose(third.objectiveValue, 3))
            #expect(isClose(third.objectiveValue, try #require(cold3.objectiveValue)))
            #expect(isClose(third[share.x[0]], 3) && isClose(third[share.x[1]], 3) && isClose(third[share.x[2]], 6))
            #expect(problem.model.constraints.count == share.model.constraints.count + 2)
        }
    }

    @Test("a warm re-solve reuses the basis: no pivots when nothing changed, fewer than cold after a level row")
    func warmNeedsFewerIterations() throws {
        // A bigger LP so iteration counts mean something: a transportation problem, 8 sources × 8 sinks.
        // supply_i = 10 + i, demand_j = 10 + j (both sum to 108), cost c_ij = |i − j| + 1... minimum cost.
        var model = Model()
        var x: [[Variable]] = []
        for i in 0..<8 { x.append((0..<8).map { j in model.addVariable("x[\(i),\(j)]") }) }
        for i in 0..<8 { model.add(LinearExpression.sum(x[i]) == Double(10 + i)) }
        for j in 0..<8 { model.add(LinearExpression.sum((0..<8).map { x[$0][j] }) == Double(10 + j)) }
        var cost = LinearExpression()
        for i in 0..<8 { for j in 0..<8 { cost.add(x[i][j], times: Double(abs(i - j) + 1)) } }
        model.minimize(cost)
        // By hand: supply_i = demand_i, so shipping x_ii = 10 + i costs 1 per unit, the least possible per unit
        // (every cost is ≥ 1): the optimum is 108.
        try GLPKProblem.withProblem(for: model) { problem in
            let cold = try problem.solve()
            #expect(isClose(cold.objectiveValue, 108))
            #expect(cold.iterationCount > 0)
            let again = try problem.solve()
            #expect(again.iterationCount == 0)
            #expect(isClose(again.objectiveValue, 108))
            // Next level: keep cost ≤ 108, maximise what goes from source 0 to sink 7... (all of it must ship
            // along the diagonal, so the answer is 0, and the old basis is already optimal or nearly).
            try problem.add(cost <= 108)
            try problem.setObjective(.maximize(LinearExpression(x[0][7])))
            let warm = try problem.solve()
            let coldFinal = try Solver.solve(problem.model)
            #expect(isClose(warm.objectiveValue, 0))
            #expect(isClose(coldFinal.objectiveValue, 0))
            #expect(warm.iterationCount < coldFinal.iterationCount)
        }
    }

    @Test("removing a non-basic row invalidates the basis; the next solve recovers")
    func removalRecovers() throws {
        let example = ManualExample()
        try GLPKProblem.withProblem(for: example.model) { problem in
            _ = try problem.solve()
            // p and q are tight (non-basic) at the optimum. Without p: maximize over q and r only.
            // By hand: y_q, y_r with x1: 10 y_q + 2 y_r ≥ 10, x2: 4 y_q + 2 y_r ≥ 6, x3: 5 y_q + 6 y_r ≥ 4.
            // Try x1, x2 basic with q, r tight: 10x1 + 4x2 = 600, 2x1 + 2x2 = 300 → x2 = 150 − x1,
            // 10 x1 + 600 − 4 x1 = 600 → x1 = 0, x2 = 150, z = 900: degenerate (x1 = 0).
            // Duals: y_q, y_r from x2 (4 y_q + 2 y_r = 6) and x1 (10 y_q + 2 y_r = 10) → y_q = 2/3, y_r = 5/3;
            // x3: 5·2/3 + 6·5/3 = 40/3 ≥ 4 ✓. So z* = 900.
            try problem.removeConstraints([example.p])
            #expect(problem.model.constraints.map(\.name) == ["q", "r"])
            let solution = try problem.solve()
            #expect(solution.status == .optimal)
            #expect(isClose(solution.objectiveValue, 900))
            #expect(solution.rowActivities.count == 2)
            // Constraint "r" is now index 1.
            #expect(isClose(solution.activity(of: ConstraintID(index: 1)), 300))
        }
    }
}

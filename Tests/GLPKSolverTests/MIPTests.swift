import GLPKSolver
import LinearModel
import Testing

@Suite struct MIPTests {
    @Test(
        "0-1 knapsack: optimum a + b = 23 (by hand in Knapsack)",
        arguments: [SolverOptions(), SolverOptions(method: .dualSimplex), SolverOptions(presolve: true)])
    func knapsack(options: SolverOptions) throws {
        let knapsack = Knapsack()
        let solution = try Solver.solve(knapsack.model, options: options)
        #expect(solution.status == .optimal)
        #expect(isClose(solution.objectiveValue, Knapsack.optimum))
        #expect(solution.values.map { $0.rounded() } == [1, 1, 0, 0])
        #expect(isClose(solution.activity(of: knapsack.capacity), 10))
        #expect(solution.mipGap == 0)
        #expect(solution.rowDuals == nil)
        #expect(solution.reducedCosts == nil)
        #expect(solution.dual(of: knapsack.capacity) == nil)
    }

    @Test("general integers: maximize 5x + 4y, 6x + 4y ≤ 24, x + 2y ≤ 6, integer")
    func generalIntegers() throws {
        // LP optimum: both rows tight, 6x + 4y = 24 and x + 2y = 6 → 4x = 12, x = 3, y = 1.5, z = 21.
        // Integer points near it: (3, 1): 6·3 + 4 = 22 ≤ 24, 3 + 2 = 5 ≤ 6, z = 19; (4, 0): 24 ≤ 24, z = 20;
        // (2, 2): 20 ≤ 24, 6 ≤ 6, z = 18; (4, 1): 28 > 24. Since z ≤ 21 and integer points with z = 21
        // would need 5x + 4y = 21 → (1, 4) (infeasible: x + 2y = 9) or (x, y) = (5, −1) (y < 0): none, so 20 at (4, 0).
        var model = Model()
        let x = model.addVariable("x", isInteger: true)
        let y = model.addVariable("y", isInteger: true)
        model.add(6 * x + 4 * y <= 24)
        model.add(x + 2 * y <= 6)
        model.maximize(5 * x + 4 * y)
        let solution = try Solver.solve(model)
        #expect(solution.status == .optimal)
        #expect(isClose(solution.objectiveValue, 20))
        #expect(isClose(solution[x], 4))
        #expect(isClose(solution[y], 0))
    }

    @Test("fractional bounds of an integer variable are rounded inwards; crossed ones make it infeasible")
    func fractionalIntegerBounds() throws {
        // maximize x with integer x ∈ [0.5, 3.7]: the largest integer is 3.
        var model = Model()
        let x = model.addVariable("x", lowerBound: 0.5, upperBound: 3.7, isInteger: true)
        model.maximize(LinearExpression(x))
        let solution = try Solver.solve(model)
        #expect(solution.status == .optimal)
        #expect(isClose(solution[x], 3))
        // No integer in [0.2, 0.8].
        model.setBounds(of: x, lowerBound: 0.2, upperBound: 0.8)
        #expect(try Solver.solve(model).status == .infeasible)
    }

    @Test("infeasible MIP with a feasible relaxation: 2x = 1, x integer")
    func integerInfeasible() throws {
        var model = Model()
        let x = model.addVariable("x", upperBound: 10, isInteger: true)
        model.add(2 * x == 1)
        model.minimize(LinearExpression(x))
        #expect(try Solver.solve(model).status == .infeasible)
        #expect(try Solver.solve(model, options: .init(presolve: true)).status == .infeasible)
    }

    @Test("infeasible and unbounded relaxations are reported as such")
    func relaxationStatuses() throws {
        var infeasible = Model()
        let x = infeasible.addVariable("x", isInteger: true)
        infeasible.add(x >= 5)
        infeasible.add(x <= 3)
        #expect(try Solver.solve(infeasible).status == .infeasible)
        #expect(try Solver.solve(infeasible, options: .init(presolve: true)).status == .infeasible)

        var unbounded = Model()
        let y = unbounded.addVariable("y", isInteger: true)
        unbounded.maximize(LinearExpression(y))
        #expect(try Solver.solve(unbounded).status == .unbounded)
        #expect(try Solver.solve(unbounded, options: .init(method: .dualSimplex, presolve: true)).status == .unbounded)
    }

    @Test("mipGap: stops within the requested relative gap and reports it")
    func mipGap() throws {
        // With a 10 % gap any incumbent ≥ 23.5/1.1 ≈ 21.4 may be accepted, so 23 or 22 … but never below
        // (1 − 0.1) · 23 = 20.7.
        let knapsack = Knapsack()
        let solution = try Solver.solve(knapsack.model, options: .init(mipGap: 0.1))
        #expect(solution.status == .optimal)
        let objective = try #require(solution.objectiveValue)
        #expect(objective >= 0.9 * Knapsack.optimum - 1e-9)
        #expect(objective <= Knapsack.optimum + 1e-9)
        let gap = try #require(solution.mipGap)
        #expect(gap >= 0 && gap <= 0.1)
    }

    @Test("timeLimit on a hard MIP: an incumbent but no proof → feasible, with a gap")
    func timeLimitWithIncumbent() throws {
        let split = MarketSplit()
        let clock = ContinuousClock()
        let start = clock.now
        let solution = try Solver.solve(split.model, options: .init(timeLimit: 0.5, mipGap: 0.001))
        let elapsed = start.duration(to: clock.now)
        #expect(solution.status == .feasible)
        #expect(elapsed < .seconds(3), "took \(elapsed)")
        let objective = try #require(solution.objectiveValue)
        // The incumbent must be an honest solution: binaries, slacks that close every row, objective = Σ slacks.
        for variable in split.x {
            let value = solution[variable]
            #expect(abs(value) < 1e-6 || abs(value - 1) < 1e-6)
        }
        var slackSum = 0.0
        for (i, row) in split.rows.enumerated() {
            let lhs = zip(split.x, row).reduce(0) { $0 + solution[$1.0] * $1.1 }
            let target = (row.reduce(0, +) / 2).rounded(.down)
            #expect(isClose(lhs + solution[split.plus[i]] - solution[split.minus[i]], target))
            slackSum += solution[split.plus[i]] + solution[split.minus[i]]
        }
        #expect(isClose(objective, slackSum))
        // The LP bound is 0, so GLPK's gap |z − 0| / |z| is 1 (100 %) for any incumbent with z > 0.
        let gap = try #require(solution.mipGap)
        #expect(gap > 0.001 && gap <= 1 + 1e-9)
    }

    @Test("timeLimit 0: stops before branch-and-cut finds anything")
    func zeroTimeLimit() throws {
        let solution = try Solver.solve(MarketSplit().model, options: .init(timeLimit: 0))
        #expect(solution.status == .timeLimit)
        #expect(!solution.hasSolution)
    }

    @Test("interior point on a model with integer variables is refused before any GLPK call")
    func interiorOnMIP() throws {
        expectSolverError(.notAnLP) { try Solver.solve(Knapsack().model, options: .init(method: .interiorPoint)) }
    }
}

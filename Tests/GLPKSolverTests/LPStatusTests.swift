import GLPKSolver
import LinearModel
import Testing

/// Statuses other than a plain optimum, each with every simplex variant.
@Suite struct LPStatusTests {
    static let variants: [SolverOptions] = [
        SolverOptions(method: .primalSimplex, presolve: false),
        SolverOptions(method: .primalSimplex, presolve: true),
        SolverOptions(method: .dualSimplex, presolve: false),
        SolverOptions(method: .dualSimplex, presolve: true),
    ]

    @Test("degenerate LP: three constraints tight at one vertex", arguments: variants)
    func degenerate(options: SolverOptions) throws {
        // maximize x + y with x ≤ 1, y ≤ 1, x + y ≤ 2, x − y ≤ 0, x, y ≥ 0.
        // By hand: x + y ≤ 2 bounds the objective by 2, reached only at x = y = 1, where all four rows are
        // tight (x ≤ 1, y ≤ 1, x + y ≤ 2 and x − y = 0): four tight rows at a vertex in 2-D, so degenerate.
        var model = Model()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.add(x <= 1)
        model.add(y <= 1)
        model.add(x + y <= 2)
        model.add(x - y <= 0)
        model.maximize(x + y)
        let solution = try Solver.solve(model, options: options)
        #expect(solution.status == .optimal)
        #expect(isClose(solution.objectiveValue, 2))
        #expect(isClose(solution[x], 1))
        #expect(isClose(solution[y], 1))
    }

    @Test("infeasible LP: x + y ≥ 5 and x + y ≤ 3", arguments: variants)
    func infeasible(options: SolverOptions) throws {
        var model = Model()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.add(x + y >= 5)
        model.add(x + y <= 3)
        model.minimize(x + 2 * y)
        let solution = try Solver.solve(model, options: options)
        #expect(solution.status == .infeasible)
        #expect(!solution.hasSolution)
        #expect(solution.objectiveValue == nil)
        #expect(solution.values.isEmpty)
        #expect(solution[x].isNaN)
        #expect(solution.dual(of: ConstraintID(index: 0)) == nil)
    }

    @Test("unbounded LP: maximize x + y with x − y ≤ 1", arguments: variants)
    func unbounded(options: SolverOptions) throws {
        // (t + 1, t) is feasible for every t ≥ 0 with objective 2t + 1 → ∞.
        var model = Model()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.add(x - y <= 1)
        model.maximize(x + y)
        let solution = try Solver.solve(model, options: options)
        #expect(solution.status == .unbounded)
        #expect(!solution.hasSolution)
    }

    @Test("infeasible and unbounded with the interior-point method")
    func interiorStatuses() throws {
        var infeasible = Model()
        let x = infeasible.addVariable("x")
        infeasible.add(x >= 5)
        infeasible.add(x <= 3)
        infeasible.minimize(LinearExpression(x))
        #expect(try Solver.solve(infeasible, options: .init(method: .interiorPoint)).status == .infeasible)

        var unbounded = Model()
        let u = unbounded.addVariable("u")
        let v = unbounded.addVariable("v")
        unbounded.add(u - v <= 1)
        unbounded.maximize(u + v)
        #expect(try Solver.solve(unbounded, options: .init(method: .interiorPoint)).status == .unbounded)
    }

    @Test("empty model (0 rows, 0 columns) solves without abort; objective is its constant")
    func emptyModel() throws {
        var model = Model()
        model.minimize(LinearExpression(constant: 7))
        for options in Self.variants {
            let solution = try Solver.solve(model, options: options)
            #expect(solution.status == .optimal)
            #expect(solution.objectiveValue == 7)
            #expect(solution.values.isEmpty)
        }
        // GLPK's interior-point method refuses an empty problem with GLP_EFAIL: a failed status, no abort.
        let interior = try Solver.solve(model, options: .init(method: .interiorPoint))
        guard case .failed(let reason) = interior.status else {
            Issue.record("expected failed, got \(interior.status)")
            return
        }
        #expect(reason.contains("GLP_EFAIL"))
    }

    @Test("columns without rows: each variable goes to its best bound")
    func noRows() throws {
        // minimize x − y with 1 ≤ x ≤ 4, −2 ≤ y ≤ 3: x = 1, y = 3, objective −2.
        var model = Model()
        let x = model.addVariable("x", lowerBound: 1, upperBound: 4)
        let y = model.addVariable("y", lowerBound: -2, upperBound: 3)
        model.minimize(x - y)
        let solution = try Solver.solve(model)
        #expect(solution.status == .optimal)
        #expect(isClose(solution.objectiveValue, -2))
        #expect(isClose(solution[x], 1))
        #expect(isClose(solution[y], 3))
    }

    @Test("free, fixed, upper-bounded and double-bounded variables and rows")
    func boundTypes() throws {
        // minimize f + 2u − d with f free, u ≤ 5 (no lower bound), −1 ≤ d ≤ 4, z fixed at 3, and rows
        // f − z ≥ −10, the range −2 ≤ u ≤ 100, and the equation f + u + d + z = 0.
        // By hand: the equation gives f = −3 − u − d, so the objective is −3 − u − d + 2u − d = −3 + u − 2d:
        // u as low as possible (−2, from the range row), d as high as possible (4). Then f = −3 + 2 − 4 = −5,
        // and f − z = −8 ≥ −10 holds. Objective −3 − 2 − 8 = −13.
        var model = Model()
        let f = model.addVariable("f", lowerBound: -.infinity)
        let u = model.addVariable("u", lowerBound: -.infinity, upperBound: 5)
        let d = model.addVariable("d", lowerBound: -1, upperBound: 4)
        let z = model.addVariable("z", lowerBound: 3, upperBound: 3)
        model.add(f - z >= -10)
        model.add(Constraint(LinearExpression(u), in: -2...100))
        model.add(f + u + d + z == 0)
        model.minimize(f + 2 * u - d)
        let solution = try Solver.solve(model)
        #expect(solution.status == .optimal)
        #expect(isClose(solution.objectiveValue, -13))
        #expect(isClose(solution[f], -5))
        #expect(isClose(solution[u], -2))
        #expect(isClose(solution[d], 4))
        #expect(isClose(solution[z], 3))
    }

    @Test("iteration limit 0 stops before the first pivot")
    func iterationLimit() throws {
        // The start basis (all slacks) is not optimal for the manual example, so at least one pivot is needed.
        let solution = try Solver.solve(ManualExample().model, options: .init(iterationLimit: 0))
        #expect(solution.status == .iterationLimit)
        #expect(!solution.hasSolution)
    }

    @Test("a duplicate-term objective is summed per variable")
    func duplicateObjectiveTerms() throws {
        // maximize x + x + y with x + y ≤ 1: objective 2x + y, so x = 1, objective 2.
        var model = Model()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.add(x + y <= 1)
        model.objective = .maximize(LinearExpression(terms: [.init(x, 1), .init(x, 1), .init(y, 1)], constant: 0.5))
        let solution = try Solver.solve(model)
        #expect(isClose(solution.objectiveValue, 2.5))
        #expect(isClose(solution[x], 1))
    }
}

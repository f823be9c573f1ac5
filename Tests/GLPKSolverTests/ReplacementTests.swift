import GLPKSolver
import LinearModel
import Testing

@Suite("Replacing a constraint in place")
struct ReplacementTests {
    /// max x + y s.t. x + 2y ≤ 4 (row r), x ≤ 3 → x = 3, y = 0.5, z = 3.5.
    /// Replace r by x + y ≤ 4 → x = 3, y = 1, z = 4 (any point on x + y = 4 with x ≤ 3; z is unique).
    @Test("a changed coefficient gives the optimum of the changed model, warm")
    func changedCoefficient() throws {
        var model = Model()
        let x = model.addVariable("x", upperBound: 3)
        let y = model.addVariable("y")
        let r = model.add(x + 2 * y <= 4, name: "r")
        model.maximize(x + y)
        try GLPKProblem.withProblem(for: model) { problem in
            let first = try problem.solve()
            #expect(abs((first.objectiveValue ?? 0) - 3.5) < 1e-9)
            try problem.replace(r, with: (x + y <= 4).named("r"))
            let second = try problem.solve()
            #expect(second.status == .optimal)
            #expect(abs((second.objectiveValue ?? 0) - 4) < 1e-9)
            #expect(problem.model.constraints[r.index].expression.terms == [.init(x, 1), .init(y, 1)])
        }
    }

    @Test("invalid replacements are refused before GLPK sees them")
    func invalid() throws {
        var model = Model()
        let x = model.addVariable("x")
        let r = model.add(x <= 1, name: "r")
        try GLPKProblem.withProblem(for: model) { problem in
            expectSolverError(.invalidModel) { try problem.replace(r, with: Double.nan * x <= 1) }
            expectSolverError(.invalidModel) { try problem.replace(r, with: Variable(index: 5) <= 1) }
            expectSolverError(.unknownConstraint) { try problem.replace(ConstraintID(index: 3), with: x <= 1) }
            expectSolverError(.invalidModel) {
                try problem.replace(r, with: Constraint(LinearExpression(x), lowerBound: 2, upperBound: 1))
            }
            let solution = try problem.solve()
            #expect(solution.status == .optimal)
        }
    }
}

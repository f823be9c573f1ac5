import GLPKSolver
import LinearModel
import Testing

/// One test per way GLPK 5.0 aborts the process (or silently answers wrong), as measured for this project (the
/// README's "Reliability"): each feeds exactly that input and expects a typed error. If any check were missing, the test process would die.
@Suite struct AbortTriggerTests {
    /// x, y ≥ 0; row "cap": x + y ≤ 4; maximize x + 2y (optimum 8 at y = 4).
    static func base() -> (Model, Variable, Variable, ConstraintID) {
        var model = Model(name: "base")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        let cap = model.add(x + y <= 4, name: "cap")
        model.maximize(x + 2 * y)
        return (model, x, y, cap)
    }

    func expectInvalidModel(
        _ model: Model, _ code: ModelError.Code, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = expectSolverError(.invalidModel, sourceLocation: sourceLocation) { try Solver.solve(model) }
        #expect(error?.modelErrors.contains { $0.code == code } == true, sourceLocation: sourceLocation)
    }

    @Test("NaN and ±infinite matrix coefficients (GLPK: wrong 'optimal' answer)")
    func nonFiniteCoefficients() {
        for bad in [Double.nan, .infinity, -.infinity] {
            var (model, x, y, _) = Self.base()
            model.add(bad * x + y <= 3)
            expectInvalidModel(model, .nonFiniteCoefficient)
        }
    }

    @Test("NaN row bound (GLPK: assertion teta >= 0.0 in glp_simplex)")
    func nanRowBound() {
        var (model, x, _, _) = Self.base()
        model.add(LinearExpression(x) <= .nan)
        expectInvalidModel(model, .invalidBound)
    }

    @Test("NaN and infinite objective coefficient or constant (GLPK: objective NaN)")
    func nonFiniteObjective() {
        var (model, x, y, _) = Self.base()
        model.maximize(Double.nan * x + y)
        expectInvalidModel(model, .nonFiniteCoefficient)
        model.maximize(x + y + Double.infinity)
        expectInvalidModel(model, .nonFiniteCoefficient)
        // Finite duplicates that add up to infinity once merged per column.
        model.objective = .maximize(
            LinearExpression(terms: [
                .init(x, .greatestFiniteMagnitude),
                .init(x, .greatestFiniteMagnitude),
            ]))
        expectInvalidModel(model, .nonFiniteCoefficient)
    }

    @Test("lower bound above upper bound, for a column and for a row (GLPK: GLP_EBOUND)")
    func crossedBounds() {
        var (model, x, _, _) = Self.base()
        model.setBounds(of: x, lowerBound: 5, upperBound: 1)
        expectInvalidModel(model, .crossedBounds)
        var (rows, a, _, _) = Self.base()
        rows.add(Constraint(LinearExpression(a), lowerBound: 3, upperBound: 2))
        expectInvalidModel(rows, .crossedBounds)
    }

    @Test("equal bounds become GLP_FX and solve (GLPK rejects GLP_DB with lb = ub)")
    func equalBounds() throws {
        var (model, x, y, _) = Self.base()
        model.setBounds(of: x, lowerBound: 1.5, upperBound: 1.5)
        model.add(LinearExpression(y) == 2)
        // x fixed 1.5, y fixed 2 by the equation: objective 1.5 + 4 = 5.5.
        let solution = try Solver.solve(model)
        #expect(isClose(solution.objectiveValue, 5.5))
    }

    @Test("a variable handle from a bigger model (GLPK: column index out of range)")
    func foreignVariable() throws {
        var big = Model()
        for _ in 0..<5 { big.addVariable() }
        let foreign = Variable(index: 4)
        var (model, x, _, cap) = Self.base()
        var withForeignRow = model
        withForeignRow.add(x + foreign <= 1)
        expectInvalidModel(withForeignRow, .unknownVariable)
        var withForeignObjective = model
        withForeignObjective.maximize(x + foreign)
        expectInvalidModel(withForeignObjective, .unknownVariable)
        model.minimize(LinearExpression(x))
        try GLPKProblem.withProblem(for: model) { problem in
            let added = expectSolverError(.invalidModel) { try problem.add(x + foreign <= 1) }
            #expect(added?.modelErrors.first?.code == .unknownVariable)
            expectSolverError(.invalidModel) { try problem.setObjective(.minimize(LinearExpression(foreign))) }
            expectSolverError(.unknownVariable) { try problem.setBounds(of: foreign, lowerBound: 0, upperBound: 1) }
            expectSolverError(.unknownVariable) {
                try problem.setBounds(of: Variable(index: -1), lowerBound: 0, upperBound: 1)
            }
            // Nothing was changed by the refused calls.
            #expect(problem.model.constraints.count == 1)
            let solution = try problem.solve()
            #expect(solution.status == .optimal)
            _ = cap
        }
    }

    @Test("out-of-range ConstraintID in setBounds, removeConstraints and ranging (GLPK: row index out of range)")
    func foreignConstraint() throws {
        let (model, _, _, _) = Self.base()
        try GLPKProblem.withProblem(for: model) { problem in
            _ = try problem.solve()
            for index in [-1, 1, 1000] {
                let id = ConstraintID(index: index)
                expectSolverError(.unknownConstraint) { try problem.setBounds(of: id, lowerBound: 0, upperBound: 1) }
                expectSolverError(.unknownConstraint) { try problem.removeConstraints([id]) }
                expectSolverError(.unknownConstraint) { try problem.boundRanging(of: .constraint(id)) }
                expectSolverError(.unknownConstraint) { try problem.isBasic(.constraint(id)) }
            }
        }
    }

    @Test("removeConstraints with no rows or duplicates (GLPK: glp_del_rows aborts)")
    func badRemovals() throws {
        let (model, _, _, cap) = Self.base()
        try GLPKProblem.withProblem(for: model) { problem in
            expectSolverError(.emptyRemoval) { try problem.removeConstraints([]) }
            expectSolverError(.duplicateRemoval) { try problem.removeConstraints([cap, cap]) }
            #expect(problem.model.constraints.count == 1)
            try problem.removeConstraints([cap])
            #expect(problem.model.constraints.isEmpty)
            // The last row is gone; the same handle is now out of range.
            expectSolverError(.unknownConstraint) { try problem.removeConstraints([cap]) }
        }
    }

    @Test("bad bounds in setBounds and add (NaN, −∞ upper, +∞ lower, crossed)")
    func badBoundsOnProblem() throws {
        let (model, x, _, cap) = Self.base()
        try GLPKProblem.withProblem(for: model) { problem in
            for (lower, upper) in [(Double.nan, 1.0), (0, .nan), (0, -.infinity), (.infinity, 5), (2, 1)] {
                expectSolverError(.invalidModel) { try problem.setBounds(of: x, lowerBound: lower, upperBound: upper) }
                expectSolverError(.invalidModel) {
                    try problem.setBounds(of: cap, lowerBound: lower, upperBound: upper)
                }
                expectSolverError(.invalidModel) {
                    try problem.add(Constraint(LinearExpression(x), lowerBound: lower, upperBound: upper))
                }
            }
            expectSolverError(.invalidModel) { try problem.add(Double.nan * x <= 1) }
            let solution = try problem.solve()
            #expect(isClose(solution.objectiveValue, 8))
        }
    }

    @Test("names of 256 bytes and names with control characters (GLPK: aborts in glp_set_*_name)")
    func badNames() throws {
        let long = String(repeating: "n", count: 256)
        let ok = String(repeating: "n", count: 255)
        // 255 bytes is still fine; multi-byte characters count by bytes (86 × "é" = 172 bytes, 128 × "é" = 256).
        var fine = Model(name: ok)
        fine.addVariable(ok)
        fine.addVariable(String(repeating: "é", count: 86))
        #expect(try Solver.solve(fine).status == .optimal)
        for name in [long, String(repeating: "é", count: 128), "line\nbreak", "tab\there", "nul\0byte", "del\u{7F}"] {
            var variableName = Model()
            variableName.addVariable(name)
            expectInvalidModel(variableName, .invalidName)
            var rowName = Model()
            let v = rowName.addVariable("v")
            rowName.add(v <= 1, name: name)
            expectInvalidModel(rowName, .invalidName)
            expectInvalidModel(Model(name: name), .invalidName)
            let (base, x, _, _) = Self.base()
            try GLPKProblem.withProblem(for: base) { problem in
                expectSolverError(.invalidModel) { try problem.add((x <= 1).named(name)) }
            }
        }
    }

    @Test("a constant inside a constraint's expression is refused (it would be silently dropped)")
    func rowConstant() {
        var (model, x, _, _) = Self.base()
        var row = x <= 3
        row.expression.constant = 2
        model.add(row)
        expectInvalidModel(model, ModelError.Code("constant-in-constraint"))
    }

    @Test("every problem is listed at once")
    func allProblemsListed() {
        var model = Model()
        let x = model.addVariable("x\n", lowerBound: 3, upperBound: 1)
        model.add(Double.nan * x <= .nan)
        let error = expectSolverError(.invalidModel) { try Solver.solve(model) }
        #expect((error?.modelErrors.count ?? 0) >= 4)
        #expect(error?.description.contains("x\n") == true || error?.description.contains("column 1") == true)
    }

    @Test("bad parameters: each refused before GLPK sees it (GLPK: tm_lim = −1 etc. abort)")
    func badParameters() throws {
        let model = ManualExample().model
        var bad: [SolverOptions] = [
            .init(timeLimit: -1), .init(timeLimit: .nan), .init(timeLimit: .infinity),
            .init(timeLimit: SolverOptions.maximumTimeLimit + 1), .init(timeLimit: 1e10),
            .init(iterationLimit: -1), .init(iterationLimit: Int(Int32.max)), .init(iterationLimit: Int.max),
            .init(mipGap: -0.1), .init(mipGap: .nan), .init(mipGap: .infinity),
        ]
        // GLPK aborts unless 0 < tol_bnd, tol_dj, tol_piv < 1.
        for value in [0, 1, -1e-9, 2, .nan, .infinity, -.infinity] as [Double] {
            bad.append(.init(tolerances: .init(primal: value)))
            bad.append(.init(tolerances: .init(dual: value)))
            bad.append(.init(tolerances: .init(pivot: value)))
        }
        for options in bad {
            expectSolverError(.invalidParameter) { try Solver.solve(model, options: options) }
            try GLPKProblem.withProblem(for: model) { problem in
                expectSolverError(.invalidParameter) { try problem.solve(options) }
            }
        }
        // The extremes that are allowed.
        let edge = SolverOptions(
            timeLimit: SolverOptions.maximumTimeLimit,
            iterationLimit: SolverOptions.maximumIterationLimit, mipGap: 0)
        #expect(try Solver.solve(model, options: edge).status == .optimal)
        let tight = SolverOptions(tolerances: .init(primal: 1e-12, dual: 1e-12, pivot: 1e-12))
        let loose = SolverOptions(tolerances: .init(primal: 0.5, dual: 0.5, pivot: 0.5))
        for options in [tight, loose] {
            let solution = try Solver.solve(model, options: options)
            #expect(solution.status == .optimal && isClose(solution.objectiveValue, ManualExample.optimum))
        }
    }
}

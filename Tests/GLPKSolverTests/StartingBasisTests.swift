import GLPKSolver
import LinearModel
import Testing

/// ``SolverOptions/scaling``, ``SolverOptions/startingBasis``, ``SolverOptions/startingMethod`` and
/// ``SolverOptions/startingMinimumRows``: every start reaches the same optimum, only the first solve of a problem
/// uses it, and small problems can keep GLPK's default start.
@Suite struct StartingBasisTests {
    /// A transportation problem with degenerate ties: 6 sources, 8 sinks, costs |i − j| + 1; optimum 445 (`glpsol` on
    /// the same model written in MathProg).
    static func transport() -> Model {
        var model = Model(name: "transport")
        let supply = [40.0, 30, 50, 20, 35, 25]
        let demand = [25.0, 25, 25, 25, 25, 25, 25, 25]
        var flows: [[Variable]] = []
        var cost = LinearExpression()
        for i in supply.indices {
            flows.append(demand.indices.map { j in model.addVariable("f[\(i),\(j)]") })
            for j in demand.indices { cost.add(flows[i][j], times: Double(abs(i - j) + 1)) }
        }
        for i in supply.indices { model.add(LinearExpression.sum(flows[i]) <= supply[i], name: "supply[\(i)]") }
        for j in demand.indices {
            model.add(LinearExpression.sum(flows.map { $0[j] }) == demand[j], name: "demand[\(j)]")
        }
        model.minimize(cost)
        return model
    }

    static let starts: [(SolverOptions.StartingBasis, Bool)] = [
        (.standard, false), (.standard, true), (.advanced, false), (.advanced, true), (.bixby, false), (.bixby, true),
    ]

    @Test("every start and scaling reaches the same optimum, with either simplex method or dual first")
    func sameOptimum() throws {
        let reference = try Solver.solve(Self.transport())
        #expect(reference.status == .optimal)
        for (basis, scaling) in Self.starts {
            for (method, start) in [
                (SolverOptions.Method.primalSimplex, nil), (.dualSimplex, nil),
                (.primalSimplex, SolverOptions.Method.dualSimplex),
            ] {
                let options = SolverOptions(
                    method: method, scaling: scaling, startingBasis: basis, startingMethod: start)
                let solution = try Solver.solve(Self.transport(), options: options)
                #expect(solution.status == .optimal, "\(basis), scaling \(scaling), \(method)")
                #expect(abs((solution.objectiveValue ?? .nan) - reference.objectiveValue!) < 1e-9)
                // Scaling stays inside GLPK: values and duals come back in the model's units.
                let model = Self.transport()
                for (index, row) in model.constraints.enumerated() {
                    let activity = solution.rowActivities[index]
                    #expect(activity >= row.lowerBound - 1e-9 && activity <= row.upperBound + 1e-9)
                }
            }
        }
    }

    @Test("a given optimal basis starts at the optimum; one that is no basis falls back and still reaches it")
    func givenBasis() throws {
        let optimal = try GLPKProblem.withProblem(for: Self.transport()) { problem in
            _ = try problem.solve()
            return try problem.basis()
        }
        let fromOptimum = try Solver.solve(
            Self.transport(), options: SolverOptions(startingBasis: .given(optimal), startingMethod: .dualSimplex))
        #expect(fromOptimum.status == .optimal)
        #expect(fromOptimum.objectiveValue == 445)
        #expect(fromOptimum.iterationCount == 0)
        let rows = optimal.rows.count
        let columns = optimal.columns.count
        // Too many basic variables; and 14 basic flows with every row non-basic, singular because the supply rows and
        // the demand rows add up to the same sum of flows (rank 13).
        let tooMany = Basis(
            rows: Array(repeating: .basic, count: rows), columns: Array(repeating: .basic, count: columns))
        let singular = Basis(
            rows: Array(repeating: .atLower, count: rows),
            columns: (0..<columns).map { $0 < rows ? .basic : .atLower })
        let wrongSize = Basis(rows: [.basic], columns: [])
        for (name, basis) in [("too many basic", tooMany), ("singular", singular), ("wrong size", wrongSize)] {
            for method in [SolverOptions.Method.dualSimplex, .primalSimplex] {
                let solution = try Solver.solve(
                    Self.transport(), options: SolverOptions(startingBasis: .given(basis), startingMethod: method))
                #expect(solution.status == .optimal, "\(name), \(method)")
                #expect(solution.objectiveValue == 445, "\(name), \(method)")
            }
        }
    }

    @Test("a crash start changes the path: Bixby's basis needs fewer iterations here than the standard one")
    func fewerIterations() throws {
        let standard = try Solver.solve(Self.transport())
        let bixby = try Solver.solve(Self.transport(), options: SolverOptions(scaling: true, startingBasis: .bixby))
        #expect(bixby.iterationCount < standard.iterationCount)
    }

    @Test("startingMinimumRows: a problem with fewer rows starts as GLPK does by default")
    func threshold() throws {
        let standard = try Solver.solve(Self.transport())
        let rows = Self.transport().constraints.count
        let skipped = SolverOptions(scaling: true, startingBasis: .bixby, startingMinimumRows: rows + 1)
        let applied = SolverOptions(scaling: true, startingBasis: .bixby, startingMinimumRows: rows)
        let small = try Solver.solve(Self.transport(), options: skipped)
        #expect(small.iterationCount == standard.iterationCount)
        #expect(small.values == standard.values)
        #expect(try Solver.solve(Self.transport(), options: applied).iterationCount < standard.iterationCount)
    }

    @Test("only the first solve of a problem uses the start; a re-solve after a new row starts warm")
    func firstSolveOnly() throws {
        let options = SolverOptions(scaling: true, startingBasis: .bixby)
        try GLPKProblem.withProblem(for: Self.transport()) { problem in
            let first = try problem.solve(options)
            #expect(first.status == .optimal)
            // The optimum as a row: a warm re-solve needs no iteration at all.
            try problem.add(Self.transport().objective.expression <= first.objectiveValue! + 1e-6)
            let again = try problem.solve(options)
            #expect(again.status == .optimal)
            #expect(again.iterationCount == 0)
        }
    }
}

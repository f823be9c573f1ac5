import FairShareEngine
import GLPKSolver
import LinearModel
import RawGLPK

/// The levels of a programme solved as ``FairShare/solve(_:options:)`` does (warm, on one GLPK problem) or each
/// on a new problem (cold), with the time and simplex iterations of every level.
public enum Levels {
    public struct Run: Sendable {
        public var optima: [Double] = []
        /// Seconds per level: for warm runs the solve call; for cold runs loading the problem plus the solve.
        public var seconds: [Double] = []
        public var iterations: [Int] = []
    }

    /// The GLPK settings ``FairShare/solve(_:options:)`` uses for the LPs of the benchmarks (all are LPs with the
    /// default solver settings; ``FairShareProgram/solverOptions`` holds them).
    public static let engineOptions = FairShareProgram(Fixtures.drechtsteden()).solverOptions

    /// Solves the levels warm on one problem, adding each level row before the next (the engine's loop).
    public static func warm(
        _ model: Model, levels: [LinearExpression], options: SolverOptions = engineOptions
    ) throws -> Run {
        let clock = ContinuousClock()
        var run = Run()
        try GLPKProblem.withProblem(for: model) { problem in
            for (index, expression) in levels.enumerated() {
                try problem.setObjective(.minimize(expression))
                let start = clock.now
                let solution = try problem.solve(options)
                run.seconds.append(seconds(clock.now - start))
                run.iterations.append(solution.iterationCount)
                guard solution.status == .optimal, let value = solution.objectiveValue else { return }
                run.optima.append(value)
                if index + 1 < levels.count {
                    try problem.add(expression <= value + FairShare.levelTolerance * max(1, abs(value)))
                }
            }
        }
        return run
    }

    /// Solves every level on a new problem: the model plus the rows of the levels before it, loaded afresh.
    public static func cold(
        _ model: Model, levels: [LinearExpression], options: SolverOptions = engineOptions
    ) throws -> Run {
        let clock = ContinuousClock()
        var run = Run()
        var current = model
        for (index, expression) in levels.enumerated() {
            current.minimize(expression)
            let start = clock.now
            let solution = try Solver.solve(current, options: options)
            run.seconds.append(seconds(clock.now - start))
            run.iterations.append(solution.iterationCount)
            guard solution.status == .optimal, let value = solution.objectiveValue else { break }
            run.optima.append(value)
            if index + 1 < levels.count {
                current.add(expression <= value + FairShare.levelTolerance * max(1, abs(value)))
            }
        }
        return run
    }

    public static func warm(_ program: FairShareProgram) throws -> Run {
        try warm(program.model, levels: program.levels.map(\.expression), options: program.solverOptions)
    }

    public static func cold(_ program: FairShareProgram) throws -> Run {
        try cold(program.model, levels: program.levels.map(\.expression), options: program.solverOptions)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

extension RawLP {
    /// The programme as plain arrays (what a C programmer would start from).
    public init(_ program: FairShareProgram) {
        let model = program.model
        var ia: [Int32] = [0]
        var ja: [Int32] = [0]
        var ar: [Double] = [0]
        ia.reserveCapacity(model.nonzeroCount + 1)
        ja.reserveCapacity(model.nonzeroCount + 1)
        ar.reserveCapacity(model.nonzeroCount + 1)
        for (row, constraint) in model.constraints.enumerated() {
            for term in constraint.expression.terms {
                ia.append(Int32(row + 1))
                ja.append(Int32(term.variable.index + 1))
                ar.append(term.coefficient)
            }
        }
        let levels = program.levels.map { $0.expression.merged() }
        self.init(
            name: model.name, columnNames: model.variables.map(\.name), columnLower: model.variables.map(\.lowerBound),
            columnUpper: model.variables.map(\.upperBound), rowNames: model.constraints.map(\.name),
            rowLower: model.constraints.map(\.lowerBound), rowUpper: model.constraints.map(\.upperBound),
            ia: ia, ja: ja, ar: ar, levelColumns: levels.map { $0.terms.map { Int32($0.variable.index + 1) } },
            levelCoefficients: levels.map { $0.terms.map(\.coefficient) }, tolerance: FairShare.levelTolerance)
    }
}

extension RawGLPK.Settings {
    /// The raw baseline with the settings the engine gives GLPK (method, presolve, scaling, starting basis).
    public init(matching options: SolverOptions) {
        let basis: Basis = switch options.startingBasis {
        case .standard: .standard
        case .advanced: .advanced
        case .bixby: .bixby
        // Only a programme judged per period starts from a given basis; the raw baseline measures the others.
        case .given: .advanced
        }
        self.init(
            dualFirst: (options.startingMethod ?? options.method) == .dualSimplex,
            dualWarm: options.method == .dualSimplex, presolve: options.presolve, scale: options.scaling,
            basis: basis, minimumRows: options.startingMinimumRows)
    }

    /// What ``FairShare/solve(_:options:)`` does.
    public static var engine: Self { Self(matching: Levels.engineOptions) }
}

/// The Swift layers doing what ``RawGLPK/solveLevels(_:settings:)`` does: the same arrays built into a
/// `LinearModel.Model` (variables, expressions, named constraints) and solved warm through `GLPKSolver`.
public enum SwiftLayers {
    public static func solveLevels(_ lp: RawLP, options: SolverOptions = Levels.engineOptions) throws -> Levels.Run {
        var model = Model(name: lp.name)
        for j in lp.columnLower.indices {
            model.addVariable(lp.columnNames[j], lowerBound: lp.columnLower[j], upperBound: lp.columnUpper[j])
        }
        var position = 1
        for i in lp.rowLower.indices {
            var terms: [LinearExpression.Term] = []
            while position < lp.ia.count && lp.ia[position] == Int32(i + 1) {
                terms.append(.init(Variable(index: Int(lp.ja[position]) - 1), lp.ar[position]))
                position += 1
            }
            model.add(Constraint(LinearExpression(terms: terms), lowerBound: lp.rowLower[i],
                upperBound: lp.rowUpper[i], name: lp.rowNames[i]))
        }
        let levels = lp.levelColumns.indices.map { level in
            LinearExpression(terms: zip(lp.levelColumns[level], lp.levelCoefficients[level]).map {
                .init(Variable(index: Int($0.0) - 1), $0.1)
            })
        }
        return try Levels.warm(model, levels: levels, options: options)
    }
}

/// An LP's size.
public struct ProgramSize: Sendable, CustomStringConvertible {
    public var rows: Int
    public var columns: Int
    public var nonzeros: Int
    public var levels: Int

    public init(_ program: FairShareProgram) {
        rows = program.model.constraints.count
        columns = program.model.variables.count
        nonzeros = program.model.nonzeroCount
        levels = program.levels.count
    }

    public var description: String { "\(rows) rows, \(columns) columns, \(nonzeros) nonzeros, \(levels) level(s)" }
}

import FairShareScenario
import GLPKSolver
import LinearModel

/// A scenario re-solved while one of its numbers runs over a range: `fairshare sweep --set PATH=FROM:TO:STEPS`.
///
/// Each value is written into the scenario document at the path and the result validated like any scenario.
/// Consecutive values whose programmes have the same shape (the same rows, columns and nonzero pattern) are
/// solved on one GLPK problem: only the changed bounds and rows are updated and every level re-solves warm from
/// the previous value's basis. A value that changes the shape (a share that becomes 0 drops its row) starts a new
/// problem.
public struct Sweep: Sendable {
    /// One value of the swept number and the result at that value.
    public struct Point: Sendable {
        /// The value written at ``Sweep/path`` (homes, placements, a share, … — the field's own unit).
        public var value: Double
        public var result: FairShareResult
    }

    /// The number swept, e.g. `region.targets.social-30.minShare`.
    public var path: JSONPath
    /// The points in the order of the values.
    public var points: [Point]
    /// How many points were re-solved warm on the previous point's problem.
    public var warmPoints: Int

    /// `count` evenly spaced values from `from` to `to`, both included (`count` ≥ 2; 1 gives `[from]`).
    public static func values(from: Double, to: Double, count: Int) -> [Double] {
        guard count > 1 else { return [from] }
        return (0..<count).map { index in
            index == count - 1 ? to : from + (to - from) * Double(index) / Double(count - 1)
        }
    }

    /// Solves `scenario` once per value with the number at `path` set to that value.
    /// - Parameters:
    ///   - scenario: the scenario to sweep.
    ///   - path: the number to set.
    ///   - values: the values, in order.
    ///   - loader: validates each value's scenario within its limits.
    ///   - progress: called on the calling thread as each value starts solving, with its position (from 1).
    /// - Throws: `ScenarioError` when a value makes the scenario invalid; each problem names the value.
    public static func run(
        _ scenario: Scenario, setting path: JSONPath, to values: [Double], loader: ScenarioLoader = ScenarioLoader(),
        progress: ((_ index: Int, _ value: Double) -> Void)? = nil
    ) throws(ScenarioError) -> Sweep {
        var scenarios: [Scenario] = []
        for value in values {
            do throws(ScenarioError) {
                scenarios.append(try scenario.setting(.number(value), at: path, limits: loader.limits))
            } catch {
                throw ScenarioError(
                    error.issues.map {
                        ScenarioIssue(
                            $0.code, at: $0.path, "\($0.message) (with \(path) = \(JSONWriter.number(value)))")
                    })
            }
        }
        let formulations = scenarios.map { Formulation($0) }
        var points: [Point] = []
        var warm = 0
        var start = 0
        while start < formulations.count {
            var end = start + 1
            while end < formulations.count && sameShape(formulations[end - 1], formulations[end]) { end += 1 }
            let group = start..<end
            let outcome = Result { () throws -> [Result<Settlement, any Error>] in
                try GLPKProblem.withProblem(for: formulations[start].model) { problem in
                    var runs: [Result<Settlement, any Error>] = []
                    var levelRows: [ConstraintID] = []
                    for index in group {
                        progress?(index + 1, values[index])
                        if index > start {
                            try update(
                                problem, from: formulations[index - 1], to: formulations[index], levelRows: levelRows)
                        }
                        let settings = scenarios[index].solver
                        let start = ContinuousClock.now
                        let deadline = start + .milliseconds(Int64((settings.timeLimit * 1000).rounded(.up)))
                        let run = Result { () throws -> Settlement in
                            let levels = try LevelRun.solve(
                                formulations[index], on: problem, settings: settings,
                                reusing: levelRows)
                            levelRows = levels.levelRows
                            return try Settlement.settle(
                                levels, formulations[index], problem: problem,
                                scenario: scenarios[index], deadline: deadline, progress: ProgressReporter(start: start)
                            )
                        }
                        runs.append(run)
                    }
                    return runs
                }
            }
            for (offset, index) in group.enumerated() {
                let run: Result<Settlement, any Error>
                switch outcome {
                case .success(let runs): run = runs[offset]
                case .failure(let error): run = .failure(error)
                }
                points.append(
                    Point(
                        value: values[index],
                        result: FairShare.result(
                            of: run, scenario: scenarios[index],
                            formulation: formulations[index], diagnose: false)))
            }
            warm += group.count - 1
            start = end
        }
        return Sweep(path: path, points: points, warmPoints: warm)
    }

    /// Whether two programmes have the same rows, columns, integrality, nonzero pattern and levels.
    static func sameShape(_ a: Formulation, _ b: Formulation) -> Bool {
        guard a.model.variables.count == b.model.variables.count,
            a.model.constraints.count == b.model.constraints.count,
            a.model.nonzeroCount == b.model.nonzeroCount,
            a.levels.map(\.level) == b.levels.map(\.level),
            // The leximin stages leave fixed rows behind, and either-or binaries make every level a MIP: cold.
            a.leximinBound == nil, a.alternativeChoices.isEmpty
        else { return false }
        for (x, y) in zip(a.model.variables, b.model.variables) where x.isInteger != y.isInteger { return false }
        for (x, y) in zip(a.model.constraints, b.model.constraints)
        where x.expression.terms.map(\.variable) != y.expression.terms.map(\.variable) {
            return false
        }
        return true
    }

    /// Brings `problem` (holding `old`'s model plus level rows) to `new`'s model: changed variable bounds, row
    /// bounds and coefficients, and level rows whose expression changed (a swept weight).
    static func update(
        _ problem: GLPKProblem, from old: Formulation, to new: Formulation, levelRows: [ConstraintID]
    ) throws {
        for (index, (before, after)) in zip(old.model.variables, new.model.variables).enumerated()
        where before.lowerBound != after.lowerBound || before.upperBound != after.upperBound {
            try problem.setBounds(
                of: Variable(index: index), lowerBound: after.lowerBound, upperBound: after.upperBound)
        }
        for (index, (before, after)) in zip(old.model.constraints, new.model.constraints).enumerated() {
            let id = ConstraintID(index: index)
            if before.expression.terms != after.expression.terms {
                try problem.replace(id, with: after)
            } else if before.lowerBound != after.lowerBound || before.upperBound != after.upperBound {
                try problem.setBounds(of: id, lowerBound: after.lowerBound, upperBound: after.upperBound)
            }
        }
        for (row, (before, after)) in zip(levelRows, zip(old.levels, new.levels))
        where before.expression.merged().terms != after.expression.merged().terms {
            try problem.replace(
                row,
                with: Constraint(
                    after.expression, lowerBound: -.infinity, upperBound: .infinity,
                    name: "level[\(after.level.rawValue)]"))
        }
    }
}

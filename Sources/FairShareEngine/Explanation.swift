import FairShareScenario
import GLPKSolver
import LinearModel

/// What shapes an optimal allocation: the requirements that bind at a level, each with its shadow price — how much
/// the level's optimum would improve per unit of relaxation — and the range over which that price holds (GLPK's
/// sensitivity analysis). Regional targets always appear, binding or not.
public struct Explanation: Sendable, Hashable {
    /// One requirement and what relaxing it is worth.
    public struct Item: Sendable, Hashable {
        public var requirement: Requirement
        /// Whether the requirement holds with equality at the optimum (it shapes the answer).
        public var binding: Bool
        /// Improvement of the level's optimum per unit of relaxation: per home or placement, or per share point
        /// (0.01) for shares. Tightening by one unit costs the same, to first order.
        public var improvementPerUnit: Double
        /// The range of the requirement's value over which ``improvementPerUnit`` holds (homes, placements or a
        /// share in [0, 1]); `nil` when the requirement does not bind. For shares the range is a first-order
        /// estimate at the optimum's size.
        public var validFrom: Double?
        public var validTo: Double?
        /// For a regional share target: the share of new homes its segments reach.
        public var reached: Double?
    }

    /// The level explained.
    public var level: Level
    /// Its optimum (homes and placements for `sum`; weighted deviation per unit of size for `max`).
    public var optimum: Double
    /// Binding requirements ranked by ``Item/improvementPerUnit`` (largest first), then the regional targets that
    /// do not bind.
    public var items: [Item]
    /// The result of the solve that was explained.
    public var result: FairShareResult

    /// Explains the optimum of `level` (default: fairness) of a scenario that solves optimally.
    /// Integer scenarios are explained through their linear relaxation, and `interior` through the simplex method,
    /// because sensitivity analysis needs an optimal simplex basis.
    /// - Throws: ``ExplanationError`` saying why there is nothing to explain.
    public static func explain(_ scenario: Scenario, level: Level = .fairness) throws(ExplanationError) -> Explanation {
        var relaxed = scenario
        if scenario.solver.integer || scenario.solver.method != .simplex {
            do {
                relaxed = try scenario.edited {
                    $0.solver.integer = false
                    $0.solver.method = .simplex
                }
            } catch {
                // A valid scenario stays valid as a continuous programme solved by the simplex method.
                throw .solverFailed("the continuous relaxation is invalid (a bug to report): \(error)")
            }
        }
        let result = FairShare.solve(relaxed)
        guard result.status == .optimal else { throw .noOptimum(result) }
        var formulation = Formulation(relaxed)
        guard formulation.levels.contains(where: { $0.level == level }) else {
            throw .noSuchLevel(level, levels: formulation.levels.map(\.level))
        }
        // Either-or rules: explain the allocation with each municipality's chosen option held fixed.
        for choice in formulation.alternativeChoices {
            let taken = result.municipalities[choice.municipality].alternatives.first { $0.rule == choice.rule }?.option
            for (option, binary) in choice.binaries.enumerated() {
                let value: Double = option == taken ? 1 : 0
                formulation.model.setInteger(binary, false)
                formulation.model.setBounds(of: binary, lowerBound: value, upperBound: value)
            }
        }
        let explained = Result { () throws -> Explanation? in
            try GLPKProblem.withProblem(for: formulation.model) { problem -> Explanation? in
                let run = try LevelRun.solve(formulation, on: problem, settings: relaxed.solver, through: level)
                guard let solution = run.last, solution.status == .optimal, let optimum = run.optima.last?.value
                else { return nil }
                var items: [Item] = []
                for row in formulation.requirements {
                    guard let item = try Self.item(for: row, solution: solution, problem: problem) else { continue }
                    items.append(item)
                }
                for (index, item) in items.enumerated() where item.requirement.family == "R2" {
                    let id = item.requirement.path.components[2].name
                    items[index].reached = result.region.targets.first { $0.id == id }?.share
                }
                let shaping = items.filter { $0.binding && abs($0.improvementPerUnit) > 1e-9 }
                    .sorted {
                        (-$0.improvementPerUnit, $0.requirement.path.description)
                            < (-$1.improvementPerUnit, $1.requirement.path.description)
                    }
                let targets = items.filter { $0.requirement.family == "R2" && !shaping.contains($0) }
                return Explanation(level: level, optimum: optimum, items: shaping + targets, result: result)
            }
        }
        switch explained {
        case .success(let explanation?): return explanation
        case .success(nil): throw .solverFailed("the level did not solve to an optimum again with its basis kept")
        case .failure(let error): throw .solverFailed("\(error)")
        }
    }

    /// The shadow price and range of one requirement, or `nil` when the model holds it only implicitly.
    static func item(for row: RequirementRow, solution: Solution, problem: GLPKProblem) throws -> Item? {
        let requirement = row.requirement
        let entry: BasisEntry
        let price: Double
        let active: Bool
        switch row.enforcement {
        case .row(let id):
            entry = .constraint(id)
            price = solution.dual(of: id) ?? 0
            active = true
        case .lowerBound(let variable):
            entry = .variable(variable)
            price = solution.reducedCost(of: variable) ?? 0
            active = abs(solution[variable] - requirement.value) <= 1e-7 * max(1, abs(requirement.value))
        case .upperBound(let variable):
            entry = .variable(variable)
            price = solution.reducedCost(of: variable) ?? 0
            active = abs(solution[variable] - requirement.value) <= 1e-7 * max(1, abs(requirement.value))
        case .implied:
            return nil
        }
        // GLPK's dual is the objective change per unit increase of the bound; relaxing a minimum lowers it.
        // At an optimum relaxing never hurts; a negative rate is the other side of a fixed value, worth nothing.
        var improvement = max(0, requirement.side == .minimum ? price : -price)
        let size = row.denominator.map { solution.value(of: $0) } ?? 1
        if requirement.unit == .share { improvement *= 0.01 * size }
        let binding = try active && !problem.isBasic(entry)
        var from: Double?
        var to: Double?
        if binding, let ranging = try? problem.boundRanging(of: entry) {
            func valueAt(_ bound: Double) -> Double {
                guard requirement.unit == .share else { return requirement.value + (bound - ranging.value) }
                guard size > 1e-9, bound.isFinite else { return bound < ranging.value ? 0 : 1 }
                return min(1, max(0, requirement.value + (bound - ranging.value) / size))
            }
            let ends = [valueAt(ranging.lowerValue), valueAt(ranging.upperValue)]
            from = ends.min().map { FairShare.clean($0, digits: 9) }
            to = ends.max().map { FairShare.clean($0, digits: 9) }
        }
        return Item(
            requirement: requirement, binding: binding, improvementPerUnit: FairShare.clean(improvement, digits: 9),
            validFrom: from, validTo: to, reached: nil)
    }
}

/// Why ``Explanation/explain(_:level:)`` has nothing to explain.
public enum ExplanationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The scenario does not solve to an optimum; the result says how it ended (status, failure, diagnosis).
    case noOptimum(FairShareResult)
    /// The scenario has no such level (e.g. `tiebreak` without norm `max`); `levels` are the ones it has.
    case noSuchLevel(Level, levels: [Level])
    /// The sensitivity analysis failed (GLPK's words); a bug to report.
    case solverFailed(String)

    public var description: String {
        switch self {
        case .noOptimum(let result): "nothing to explain: the scenario is \(result.status.rawValue)"
        case .noSuchLevel(let level, let levels):
            "the scenario has no \(level.rawValue) level to explain; levels: "
                + levels.map(\.rawValue).joined(separator: ", ")
        case .solverFailed(let reason): "the explanation failed: \(reason)"
        }
    }
}

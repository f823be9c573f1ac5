import FairShareScenario
import GLPKSolver
import LinearModel

/// A scenario's linear programme exactly as ``FairShare/solve(_:options:)-4vfx`` builds it (docs/model.md §3–5): the
/// model and the objective of each lexicographic level, in solving order.
///
/// For measuring and for other solvers: benchmarks read its size and solve its levels warm or cold, and a peer
/// tool can be checked against the same rows. ``FairShare/solve(_:options:)-4vfx`` does not need it.
///
/// ```swift
/// let program = FairShareProgram(scenario)
/// print(program.model.variables.count, program.model.constraints.count, program.model.nonzeroCount)
/// ```
public struct FairShareProgram: Sendable {
    /// One lexicographic level: what it minimises.
    public struct LevelObjective: Sendable {
        public var level: Level
        /// The level's objective (homes and placements, or weighted deviation per unit of size for norm `max`).
        public var expression: LinearExpression
    }

    /// The variables and constraints of docs/model.md §3–4, with the objective unset (minimise 0).
    public let model: Model
    /// The levels of docs/model.md §5 in solving order. After a level with optimum v*, the solver adds the row
    /// `expression ≤ v* + FairShare.levelTolerance · max(1, |v*|)` before the next. (Norm `leximin` goes on
    /// beyond these levels, with Ogryczak's sequential method.)
    public let levels: [LevelObjective]
    /// The GLPK settings ``FairShare/solve(_:options:)-4vfx`` solves every level with (method, scaling, starting
    /// basis, the scenario's time limit), so that a benchmark measures what the engine does. For a programme judged
    /// per period the starting basis is its horizon's optimum copied into every period, so building the programme
    /// solves the horizon's first.
    public let solverOptions: SolverOptions

    /// Builds the programme of a validated scenario (the same code path as ``FairShare/solve(_:options:)-4vfx``).
    public init(_ scenario: Scenario) {
        let formulation = Formulation(scenario)
        model = formulation.model
        levels = formulation.levels.map { LevelObjective(level: $0.level, expression: $0.expression) }
        let periodStart = PeriodStart.basis(
            for: formulation, scenario: scenario, settings: scenario.solver, timeLimit: scenario.solver.timeLimit,
            cancellation: nil)
        solverOptions = FairShare.options(
            for: scenario.solver, timeLimit: scenario.solver.timeLimit, cancellation: nil,
            periodFairness: formulation.judgesPeriods, periodStart: periodStart)
    }
}

import FairShareScenario
import GLPKSolver
import LinearModel

/// The file formats in which a level's linear programme can be exported, for any solver to check.
public enum ProgrammeFormat: String, Sendable, Hashable, CaseIterable {
    /// CPLEX LP (read with `glpsol --lp FILE`). GLPK adapts the names to the format: `[` and `]` become `(` and `)`,
    /// `-` becomes `~`, so `x[GM0505,social-rent]` reads `x(GM0505,social~rent)`.
    case cplexLP = "lp"
    /// Free MPS (read with `glpsol --freemps FILE`), names as the model has them. MPS has no objective sense;
    /// every level is minimised, which is what readers assume.
    case freeMPS = "mps"
}

/// The linear programme of one lexicographic level (docs/model.md §5): the scenario's model with that level's
/// objective.
public struct LevelProgramme: Sendable {
    /// Which level this is.
    public var level: Level
    /// Variables, rows and the objective to minimise, with readable names such as `x[GM0505,social-rent]`
    /// (homes), `y[GM0505,statushouders]` (placements) and `R2.min[social-30]`.
    public var model: Model
}

extension FairShare {
    /// The first level's linear programme: the `shortfall` level when the scenario has soft requirements,
    /// otherwise the `fairness` level. Its optimum is the first entry of ``FairShareResult/objective`` of
    /// ``solve(_:options:)-4vfx``; later levels add the row `level ≤ optimum + tolerance` and change the objective.
    public static func firstLevel(of scenario: Scenario) -> LevelProgramme {
        let formulation = Formulation(scenario)
        var model = formulation.model
        // Formulation always has a fairness level, so `levels` is never empty.
        let (level, expression) = formulation.levels[0]
        model.minimize(expression)
        return LevelProgramme(level: level, model: model)
    }

    /// The linear programme of level `index` (0 for the first) as ``solve(_:options:)-4vfx`` solves it after the
    /// levels before it reached `optima`: the scenario's model, one row `level_j ≤ optima[j] + levelTolerance ·
    /// max(1, |optima[j]|)` per earlier level, and that level's objective. `nil` when the scenario has no such
    /// level, when `optima` does not hold exactly one value per earlier level, or when an earlier level is
    /// `leximin`'s fairness level (a sequence of stages, not one row). For checking a result's optima with another
    /// solver: the optimum of this programme is the result's `objective[index]`.
    public static func levelProgramme(of scenario: Scenario, level index: Int, after optima: [Double])
        -> LevelProgramme?
    {
        let formulation = Formulation(scenario)
        guard index >= 0, index < formulation.levels.count, optima.count == index else { return nil }
        var model = formulation.model
        for (earlier, optimum) in zip(formulation.levels.prefix(index), optima) {
            if earlier.level == .fairness && formulation.leximinBound != nil { return nil }
            guard optimum.isFinite else { return nil }
            let bound = optimum + levelTolerance * max(1, abs(optimum))
            _ = model.add((earlier.expression <= bound).named("level[\(earlier.level.rawValue)]"))
        }
        let (level, expression) = formulation.levels[index]
        if level == .fairness && formulation.leximinBound != nil { return nil }
        model.minimize(expression)
        return LevelProgramme(level: level, model: model)
    }

    /// The first level's linear programme as text (see ``firstLevel(of:)``), written by GLPK in `format`, after a
    /// comment that explains the names, so that a reader can check the formulation with any solver.
    /// - Throws: `SolverError` (GLPKSolver) when GLPK refuses the model or cannot write it.
    public static func export(_ scenario: Scenario, as format: ProgrammeFormat) throws -> String {
        let programme = firstLevel(of: scenario)
        let text = try GLPKProblem.withProblem(for: programme.model) { problem in
            switch format {
            case .cplexLP: try problem.cplexLPText()
            case .freeMPS: try problem.mpsText()
            }
        }
        let comment = format == .cplexLP ? "\\ " : "* "
        return legend(programme.level, scenario: scenario, format: format).map { comment + $0 + "\n" }.joined()
            + text
    }

    /// Comment lines that say what the exported programme is and how its names read.
    static func legend(_ level: Level, scenario: Scenario, format: ProgrammeFormat) -> [String] {
        var lines = [
            "fairshare: the first lexicographic level (\(level.rawValue), minimised) of the scenario",
            "\"\(scenario.name)\"; sections 3-5 of fairshare's docs/model.md define every row.",
        ]
        if format == .cplexLP {
            lines.append("GLPK writes [ ] as ( ) and - as ~ here: x[GM0505,social-rent] reads x(GM0505,social~rent).")
        }
        lines += [
            "Variables: x[m,segment] new homes, y[m,group] placements, z[m,quality] new homes with a care quality,",
            "n[m] all new homes of municipality m; X, Y, Z, N regional totals; u[...] shortfall of a soft",
            "requirement; dp/dm[m,item] deviation above/below the fair share; t[item] worst deviation (norm max).",
            "Rows: L3/L4 shares of new homes and stock, R2 targets, P1/P2 priority groups, C1/C2 care qualities,",
            "total[...] definitions of totals, fair[m,item] deviations, worst[m,item] norm max; L1, L2, R1, P3 and C3",
            "are variable bounds.",
        ]
        return lines
    }
}

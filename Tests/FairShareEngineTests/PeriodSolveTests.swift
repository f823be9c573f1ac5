import FairShareScenario
import FairShareSynthetic
import GLPKSolver
import Testing

@testable import FairShareEngine

/// The check of a result over time (docs/model.md §9, `Verification.firstPeriodViolation`): the periods add up to
/// the horizon within the rounding of the result's figures, and not beyond it.
@Suite("Check of the periods")
struct PeriodCheckTests {
    static func solved(periods: Int) throws -> (Scenario, FairShareResult) {
        let scenario = try SyntheticRegion.scenario(municipalities: 7, seed: 3, periods: periods).edited {
            $0.solver.allocation = .any
        }
        let result = FairShare.solve(scenario)
        try #require(result.status == .optimal, "\(result.failure?.description ?? "")")
        return (scenario, result)
    }

    /// Every figure is rounded to 1e-6 on its own, so 6 periods may add up to 3e-6 more than the horizon shows
    /// (seen with the central allocation of 40 municipalities × 6 periods before the check allowed for it: 0.002069
    /// against 0.002068).
    @Test("periods that add up to the horizon within the rounding of each figure pass")
    func withinRounding() throws {
        let (scenario, result) = try Self.solved(periods: 6)
        // Below 1 home the check's own tolerance is 1e-6 homes: the rounding of 7 figures must be allowed for.
        try #require((result.municipalities[0].newHomes["mid-rent"] ?? 0) < 1)
        var rounded = result
        for t in rounded.periods.indices {
            rounded.periods[t].municipalities[0].newHomes["mid-rent", default: 0] += 0.5e-6
            rounded.periods[t].municipalities[0].placements["statushouders", default: 0] -= 0.5e-6
        }
        #expect(Verification.firstPeriodViolation(in: result, scenario: scenario) == nil)
        #expect(Verification.firstPeriodViolation(in: rounded, scenario: scenario) == nil)
    }

    @Test("periods that do not add up to the horizon fail the check")
    func beyondRounding() throws {
        let (scenario, result) = try Self.solved(periods: 6)
        var wrong = result
        wrong.periods[2].municipalities[0].newHomes["mid-rent", default: 0] += 1e-3
        let problem = try #require(Verification.firstPeriodViolation(in: wrong, scenario: scenario))
        #expect(problem.contains("add up to"), "\(problem)")
    }
}

/// A programme that judges fairness per period starts from its horizon's optimum copied into every period, by the
/// dual simplex (``PeriodStart``); where no copy can be made, from the advanced basis by the primal simplex
/// (Benchmarks/README.md, "Periods"): Bixby's basis is singular to working precision there. The start changes the
/// path, not the optimum.
@Suite("Start of the programme over time")
struct PeriodStartTests {
    /// 150 municipalities × 3 periods: 4,774 rows, above the 1,000 from which the engine's start applies.
    static func region(periods: Int = 3) throws -> Scenario {
        try SyntheticRegion.scenario(municipalities: 150, seed: 2, periods: periods).edited {
            $0.solver.allocation = .any
        }
    }

    /// The region with its first period realised at 90% of a fair plan's figures (the monitor's programme).
    static func realisedRegion() throws -> Scenario {
        let scenario = try region()
        let plan = FairShare.solve(scenario)
        try #require(plan.status == .optimal, "\(plan.failure?.description ?? "")")
        let first = try #require(plan.periods.first)
        return try scenario.edited { definition in
            for (i, municipality) in definition.municipalities.enumerated() {
                let figures = try? #require(first.municipalities.first { $0.id == municipality.id })
                var realised: [String: Double] = [:]
                for (id, value) in (figures?.newHomes ?? [:]).merging(figures?.placements ?? [:], uniquingKeysWith: +)
                    .merging(figures?.care ?? [:], uniquingKeysWith: +)
                {
                    realised[id] = (0.9 * value).rounded(.down)
                }
                definition.municipalities[i].periods[first.id] = MunicipalityPeriod(realised: realised)
            }
        }
    }

    /// The first level's simplex iterations from `options`.
    static func iterations(_ program: FairShareProgram, _ options: SolverOptions) throws -> (Int, Double?) {
        try GLPKProblem.withProblem(for: program.model) { problem in
            try problem.setObjective(.minimize(program.levels[0].expression))
            let solution = try problem.solve(options)
            return (solution.iterationCount, solution.objectiveValue)
        }
    }

    @Test(
        "fairness per period starts from the horizon's optimum copied into every period, planned or realised",
        arguments: ["planned", "first realised"])
    func copied(_ kind: String) throws {
        let scenario = kind == "planned" ? try Self.region() : try Self.realisedRegion()
        let program = FairShareProgram(scenario)
        #expect(program.model.constraints.count >= 1_000)
        guard case .given(let basis) = program.solverOptions.startingBasis else {
            Issue.record("\(kind): the start is \(program.solverOptions.startingBasis), not the copied basis")
            return
        }
        #expect(program.solverOptions.startingMethod == .dualSimplex)
        // A basis: one basic variable per row.
        let basic = basis.rows.filter { $0 == .basic }.count + basis.columns.filter { $0 == .basic }.count
        #expect(basic == program.model.constraints.count)
        // Nonsingular and close to the optimum: far fewer iterations than the advanced basis needs, same optimum.
        var advanced = program.solverOptions
        advanced.startingBasis = .advanced
        advanced.startingMethod = .primalSimplex
        let (fromCopy, copyOptimum) = try Self.iterations(program, program.solverOptions)
        let (fromAdvanced, advancedOptimum) = try Self.iterations(program, advanced)
        #expect(fromCopy * 3 < fromAdvanced, "\(kind): \(fromCopy) iterations from the copy, \(fromAdvanced) advanced")
        let a = try #require(copyOptimum)
        let b = try #require(advancedOptimum)
        #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "\(kind): \(a) from the copy, \(b) from the advanced basis")
    }

    @Test("without a copy (small, norm max, leximin) the start is the advanced basis; over the horizon Bixby's")
    func otherStarts() throws {
        let small = FairShareProgram(SyntheticRegion.scenario(municipalities: 7, periods: 3)).solverOptions
        #expect(small.startingBasis == .advanced)
        #expect(small.startingMethod == .primalSimplex)
        for norm in [FairnessNorm.max, .leximin] {
            let options = FairShareProgram(try Self.region().edited { $0.fairness.norm = norm }).solverOptions
            #expect(options.startingBasis == .advanced, "\(norm)")
            #expect(options.startingMethod == .primalSimplex, "\(norm)")
        }
        let overHorizon = try SyntheticRegion.scenario(municipalities: 7, periods: 3).edited {
            $0.fairness.over = .horizon
        }
        for (name, scenario) in [
            ("over the horizon", overHorizon), ("no periods", SyntheticRegion.scenario(municipalities: 7)),
            ("one period", SyntheticRegion.scenario(municipalities: 7, periods: 1)),
        ] {
            let options = FairShareProgram(scenario).solverOptions
            #expect(options.startingBasis == .bixby, "\(name)")
            #expect(options.startingMethod == .dualSimplex, "\(name)")
        }
    }

    @Test("every start reaches the same optimum of the programme over time", arguments: ["planned", "first realised"])
    func sameOptimum(_ kind: String) throws {
        let scenario = kind == "planned" ? try Self.region(periods: 2) : try Self.realisedRegion()
        let chosen = FairShare.solve(scenario)
        try #require(chosen.status == .optimal, "\(chosen.failure?.description ?? "")")
        let optimum = try #require(chosen.optimum(.fairness))
        for basis in [SolverOptions.StartingBasis.standard, .bixby, .advanced] {
            let other = FairShare.$startingBasisForTesting.withValue(basis) { FairShare.solve(scenario) }
            #expect(other.status == .optimal, "\(kind), \(basis): \(other.failure?.description ?? "")")
            let value = try #require(other.optimum(.fairness))
            #expect(
                abs(value - optimum) <= 1e-6 * max(1, abs(optimum)), "\(kind), \(basis): \(value), copied: \(optimum)")
        }
    }
}

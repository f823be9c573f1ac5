import FairShareScenario
import GLPKSolver
import LinearModel

/// Solves fair-share scenarios: scenario → lexicographic linear programme → checked allocation.
///
/// ```swift
/// let scenario = try ScenarioLoader().load(contentsOf: url)
/// let result = FairShare.solve(scenario)
/// print(result.status, result.optimum(.fairness) ?? 0)
/// ```
/// Everything happens inside one synchronous call on the calling thread (GLPK's rule), so solves may run
/// concurrently from many tasks.
public enum FairShare {
    /// Relative tolerance of each level row: `level ≤ v* + levelTolerance · max(1, |v*|)` (docs/model.md §5).
    public static let levelTolerance = 1e-6

    /// The fewest rows for which the engine starts GLPK its own way (scaled, from a crash or copied basis); smaller
    /// programmes start as GLPK does by default (``options(for:timeLimit:cancellation:periodFairness:periodStart:)``).
    static let startingMinimumRows = 1_000

    /// Solves a validated scenario level by level on one GLPK problem, re-solving warm after each level, and
    /// reports progress or limits threads as `options` say. A variant is solved by solving the scenario with the
    /// variant applied (`Scenario.applying(variant:)`); the result is labelled with `Scenario.appliedVariant`.
    public static func solve(_ scenario: Scenario, options: SolveOptions = SolveOptions()) -> FairShareResult {
        solve(scenario, diagnose: true, options: options)
    }

    /// Solves; when the scenario is infeasible and `diagnose` is set, adds a ``Diagnosis``.
    static func solve(
        _ scenario: Scenario, diagnose: Bool, options: SolveOptions = SolveOptions()
    ) -> FairShareResult {
        let formulation = Formulation(scenario)
        let start = ContinuousClock.now
        let deadline = start + .milliseconds(Int64((scenario.solver.timeLimit * 1000).rounded(.up)))
        let progress = ProgressReporter(start: start, callback: options.progress)
        let outcome = Result { () throws -> Settlement in
            try GLPKProblem.withProblem(for: formulation.model) { problem in
                var levelSettings = scenario.solver
                if levelSettings.integer { levelSettings.timeLimit *= Settlement.levelShare }
                let periodStart = PeriodStart.basis(
                    for: formulation, scenario: scenario, settings: levelSettings,
                    timeLimit: levelSettings.timeLimit, cancellation: options.cancellation)
                let used = (ContinuousClock.now - start).components
                levelSettings.timeLimit = max(
                    0.001, levelSettings.timeLimit - Double(used.seconds) - Double(used.attoseconds) * 1e-18)
                let run = try LevelRun.solve(
                    formulation, on: problem, settings: levelSettings, periodStart: periodStart,
                    cancellation: options.cancellation)
                return try Settlement.settle(
                    run, formulation, problem: problem, scenario: scenario,
                    deadline: deadline, progress: progress, rangeThreads: options.rangeThreads,
                    cancellation: options.cancellation)
            }
        }
        return result(of: outcome, scenario: scenario, formulation: formulation, diagnose: diagnose)
    }

    /// The checked result of a level run and its settlement (or of the solver's refusal).
    static func result(
        of outcome: Result<Settlement, any Error>, scenario: Scenario, formulation: Formulation, diagnose: Bool
    ) -> FairShareResult {
        let settlement = try? outcome.get()
        let run = settlement?.run
        var result = FairShareResult(
            scenario: scenario.name, variant: scenario.appliedVariant, status: .failed, failure: nil,
            objective: run?.optima ?? [],
            mipGap: run?.mipGap, segmentIDs: scenario.segments.map(\.id), groupIDs: scenario.priorityGroups.map(\.id),
            careIDs: scenario.careQualities.map(\.id), fairItemIDs: formulation.items.map(\.id), municipalities: [],
            region: RegionSummary(newHomes: [:], total: 0, targets: [], priorityGroups: [], care: []))
        let plausibility = scenario.plausibilityWarnings.map(ResultWarning.init)
        result.warnings = plausibility
        switch outcome {
        case .failure(let error):
            result.failure = .solverRefused("\(error)")
        case .success(let settlement):
            let run = settlement.run
            guard let solution = run.last else {
                result.failure = .noLevelSolved
                break
            }
            result.status = status(of: solution.status, levelsSolved: run.optima.count, of: formulation.levels.count)
            switch solution.status {
            case .failed(let reason): result.failure = .solverGaveUp(reason)
            case .cancelled: result.failure = .cancelled
            default: break
            }
            if result.status == .infeasible {
                // Every infeasible result says what to change, or why it cannot.
                result.diagnosis = diagnose ? Diagnosis.diagnose(scenario) : Diagnosis.notSearched
            }
            if result.hasAllocation, let rounding = settlement.rounding {
                switch rounding.status {
                case .optimal: break
                case .feasible:
                    result.status = .feasible
                    result.mipGap = rounding.mipGap
                case .timeLimit, .iterationLimit: result.status = .timeLimit
                case .failed(let reason):
                    result.status = .failed
                    result.failure = .solverGaveUp(reason)
                case .cancelled:
                    result.status = .failed
                    result.failure = .cancelled
                case .infeasible, .unbounded:
                    result.status = .failed
                    result.failure = .noWholeNumberAllocation
                }
            }
            if result.hasAllocation {
                fill(&result, from: settlement.allocation ?? solution, formulation: formulation, scenario: scenario)
                fillPeriods(
                    &result, from: settlement.allocation ?? solution, formulation: formulation, scenario: scenario)
                result.fairnessProfile = run.fairnessProfile?.map { clean($0) }
                result.allocation = settlement.kind
                result.warnings = plausibility + settlement.warnings
                if let ranges = settlement.ranges {
                    attach(ranges, formulation.figures, to: &result, scenario: scenario)
                }
                if scenario.solver.integer, let distance = settlement.roundingDistance {
                    result.wholeNumbers = WholeNumberRounding(
                        distance: clean(distance),
                        achieved: AchievedLevels.values(of: result, scenario: scenario, formulation: formulation))
                }
                if let violation = Verification.firstViolation(in: result, scenario: scenario) {
                    result.status = .failed
                    result.failure = .violatedRequirement("\(violation)")
                }
            }
        }
        return result
    }

    /// Tests: start every level run from this basis (at any size), to show that the reported allocation does not
    /// depend on the solver's path.
    @TaskLocal static var startingBasisForTesting: SolverOptions.StartingBasis?

    /// The GLPK settings of every level; `periodFairness`: the programme judges fairness per period (two periods or
    /// more, `fairness.over: "periods"`, docs/model.md §9), and `periodStart` is its horizon's optimum copied into
    /// every period (``PeriodStart``), if there is one.
    static func options(
        for settings: SolverSettings, timeLimit: Double, cancellation: SolverCancellation?,
        periodFairness: Bool = false, periodStart: Basis? = nil
    ) -> SolverOptions {
        var options = SolverOptions(cancellation: cancellation)
        options.method = settings.method == .interior && !settings.integer ? .interiorPoint : .primalSimplex
        // Measured (Benchmarks/README.md): scaled, from Bixby's basis, the first level by the dual simplex and the
        // warm levels by the primal one, GLPK solves 342 and 2,000 municipalities 1.1-3.9× faster. Below 1,000
        // rows (about 150 municipalities) the gain is a fraction of a millisecond, so regional scenarios keep
        // GLPK's default start, and the allocation they always had where the optimum is not unique (Drechtsteden).
        options.scaling = true
        options.startingBasis = .bixby
        options.startingMethod = settings.integer ? nil : .dualSimplex
        options.startingMinimumRows = startingMinimumRows
        // Fairness per period: from the horizon's optimum copied into every period (``PeriodStart``) the dual
        // simplex mends what differs between them: 342 municipalities × 6 periods in 258 iterations. Without a copy
        // (norm max or leximin), the primal simplex from the advanced basis was the fastest start measured: 8,704
        // iterations, where Bixby's basis is singular to working precision (Benchmarks/README.md, "Periods").
        // Fairness over the horizon keeps Bixby's basis: 5,079 iterations instead of 6,684 at 6 periods.
        if periodFairness {
            options.startingBasis = periodStart.map { .given($0) } ?? .advanced
            options.startingMethod = settings.integer ? nil : periodStart == nil ? .primalSimplex : .dualSimplex
        }
        if let basis = startingBasisForTesting {
            options.startingBasis = basis
            options.startingMinimumRows = 0
        }
        options.timeLimit = timeLimit
        options.mipGap = settings.integer ? settings.mipGap : 0
        return options
    }

    static func status(of status: SolveStatus, levelsSolved: Int, of levels: Int) -> ResultStatus {
        switch status {
        case .optimal: levelsSolved == levels ? .optimal : .failed
        case .feasible: .feasible
        case .infeasible: .infeasible
        case .unbounded: .unbounded
        case .timeLimit, .iterationLimit: .timeLimit
        case .failed, .cancelled: .failed
        }
    }

    /// Reads the allocation out of the last level's solution.
    static func fill(
        _ result: inout FairShareResult, from solution: Solution, formulation: Formulation, scenario: Scenario
    ) {
        let segments = scenario.segments
        var regionalNew = [Double](repeating: 0, count: segments.count)
        var regionalPlaced = [Double](repeating: 0, count: scenario.priorityGroups.count)
        var regionalCare = [Double](repeating: 0, count: scenario.careQualities.count)
        var municipalities: [MunicipalityAllocation] = []
        for (i, municipality) in scenario.municipalities.enumerated() {
            let x = formulation.newHomes[i].map { clean(solution[$0]) }
            let y = formulation.placements[i].map { clean(solution[$0]) }
            let z = formulation.careHomes[i].map { clean(solution[$0]) }
            for s in x.indices { regionalNew[s] += x[s] }
            for g in y.indices { regionalPlaced[g] += y[g] }
            for c in z.indices { regionalCare[c] += z[c] }
            let total = clean(x.reduce(0, +))
            let before = municipality.totalStock
            // After building and the planned stock changes (docs/model.md §2, `stockChanges`).
            let net = municipality.netStock
            let netTotal = municipality.netTotalStock
            var allocation = MunicipalityAllocation(
                id: municipality.id, name: municipality.name, newHomes: [:], total: total, stockShareBefore: [:],
                stockShareAfter: [:], placements: [:], care: [:], fairShare: [:], deviation: [:])
            for (s, segment) in segments.enumerated() {
                let existing = municipality.stock[segment.id] ?? 0
                allocation.newHomes[segment.id] = x[s]
                allocation.stockShareBefore[segment.id] = clean(before > 0 ? existing / before : 0, digits: 9)
                let after = net[segment.id] ?? 0
                allocation.stockShareAfter[segment.id] =
                    clean(netTotal + total > 0 ? (after + x[s]) / (netTotal + total) : 0, digits: 9)
            }
            for (g, group) in scenario.priorityGroups.enumerated() { allocation.placements[group.id] = y[g] }
            for (c, quality) in scenario.careQualities.enumerated() { allocation.care[quality.id] = z[c] }
            municipalities.append(allocation)
        }
        let total = regionalNew.reduce(0, +)
        // Fair shares from the allocation itself (docs/model.md §4), not from the LP's deviation variables.
        for item in formulation.items {
            for (i, municipality) in scenario.municipalities.enumerated() {
                let fair: Double
                let value: Double
                switch item.kind {
                case .segment: value = municipalities[i].newHomes[item.id] ?? 0
                case .priorityGroup: value = municipalities[i].placements[item.id] ?? 0
                case .careQuality: value = municipalities[i].care[item.id] ?? 0
                }
                switch item.rule {
                case .proportional(let shares):
                    let regional: Double
                    switch item.kind {
                    case .segment: regional = regionalNew[item.index]
                    case .priorityGroup: regional = regionalPlaced[item.index]
                    case .careQuality: regional = regionalCare[item.index]
                    }
                    fair = shares[i] * regional
                case .converge(let sigma):
                    fair =
                        sigma * (municipality.netTotalStock + municipalities[i].total)
                        - (municipality.netStock[item.id] ?? 0)
                }
                municipalities[i].fairShare[item.id] = clean(fair)
                municipalities[i].deviation[item.id] = clean(abs(value - fair))
            }
        }
        for choice in formulation.alternativeChoices {
            let i = choice.municipality
            guard let alternative = scenario.municipalities[i].alternatives.first(where: { $0.id == choice.rule }),
                let taken = choice.binaries.firstIndex(where: { solution[$0] >= 0.5 })
            else { continue }
            let option = alternative.options[taken]
            let inOption = option.segments.reduce(0) { $0 + (municipalities[i].newHomes[$1] ?? 0) }
            let total = municipalities[i].total
            municipalities[i].alternatives.append(
                ChosenOption(
                    rule: choice.rule, option: taken,
                    segments: option.segments, minNewShare: option.minNewShare,
                    share: clean(total > 0 ? inOption / total : 0, digits: 9)))
        }
        for (i, obligations) in scenario.decidedObligations().enumerated() {
            let total = municipalities[i].total
            municipalities[i].obligations = obligations.map { exact in
                // As the result writes them (9 digits), so that a stored result reads back equal.
                var decided = exact
                decided.measured = clean(exact.measured, digits: 9)
                decided.threshold = clean(exact.threshold, digits: 9)
                let reached = decided.applies.segments.reduce(0) { $0 + (municipalities[i].newHomes[$1] ?? 0) }
                return ObligationOutcome(decided: decided, share: clean(total > 0 ? reached / total : 0, digits: 9))
            }
        }
        // By rule id: the order a stored result reads back in, whatever decoder reads it.
        for i in municipalities.indices {
            municipalities[i].alternatives.sort { $0.rule < $1.rule }
            municipalities[i].obligations.sort { $0.decided.rule < $1.decided.rule }
        }
        result.municipalities = municipalities
        var newHomes: [String: Double] = [:]
        for (s, segment) in segments.enumerated() { newHomes[segment.id] = clean(regionalNew[s]) }
        result.region = RegionSummary(
            newHomes: newHomes, total: clean(total),
            targets: scenario.region.targets.enumerated().map { k, target in
                let inTarget = target.segments.compactMap { id in segments.firstIndex { $0.id == id } }
                    .reduce(0) { $0 + regionalNew[$1] }
                let share = total > 0 ? inTarget / total : 0
                let tolerance = 1e-6
                let met = share >= target.minShare - tolerance && share <= target.maxShare + tolerance
                // From the allocation, not from u: u only has to cover the shortfall, and need not equal it.
                let shortfall =
                    target.mode == .soft
                    ? clean(max(0, target.minShare * total - inTarget, inTarget - target.maxShare * total)) : 0
                return TargetOutcome(
                    id: target.id, share: clean(share, digits: 9), minShare: target.minShare,
                    maxShare: target.maxShare, met: met, shortfall: shortfall)
            },
            priorityGroups: scenario.priorityGroups.enumerated().map { g, group in
                DemandOutcome(
                    id: group.id, placed: clean(regionalPlaced[g]),
                    shortfall: shortfall(
                        below: group.demand.min, regionalPlaced[g], summing: scenario.municipalities.count))
            },
            care: scenario.careQualities.enumerated().map { c, quality in
                DemandOutcome(
                    id: quality.id, placed: clean(regionalCare[c]),
                    shortfall: shortfall(
                        below: quality.demand.min, regionalCare[c], summing: scenario.municipalities.count))
            })
        result.objective = result.objective.map { LevelOptimum(level: $0.level, value: clean($0.value)) }
    }

    /// How far `placed` is below `demand`; 0 within the check's tolerance (`Verification.tolerance`): the
    /// municipalities' figures, each written to a millionth, need not add up to a demand of 0.5 exactly.
    static func shortfall(below demand: Double, _ placed: Double, summing figures: Int) -> Double {
        let short = demand - placed
        return short <= Verification.tolerance(demand, figures: figures + 1) ? 0 : clean(short)
    }

    /// Rounds solver noise away: 6 decimals (a millionth of a home), no negative zero.
    static func clean(_ value: Double, digits: Int = 6) -> Double {
        let scale = digits == 6 ? 1e6 : 1e9
        let rounded = (value * scale).rounded() / scale
        return rounded == 0 ? 0 : rounded
    }
}

import FairShareScenario
import GLPKSolver

/// `periods.P` of a result (docs/model.md §9): the allocation of one period, realised or planned.
public struct PeriodOutcome: Sendable, Hashable {
    public var id: String
    public var label: String
    public var start: YearMonth
    public var end: YearMonth
    /// Whether the period's figures are facts (up to `monitoring.asOf`) rather than planned.
    public var isRealised: Bool
    /// Per municipality, in the order of ``FairShareResult/municipalities``.
    public var municipalities: [PeriodAllocation]
    public var region: PeriodRegion

    /// The period's length in whole months.
    public var months: Int { start.months(through: end) }

    /// The allocation of the municipality with this id.
    public func municipality(_ id: String) -> PeriodAllocation? { municipalities.first { $0.id == id } }
}

/// One municipality in one period.
public struct PeriodAllocation: Sendable, Hashable {
    public var id: String
    /// `newHomes` per segment, `total`, `placements` per group, `care` per care quality: realised or planned.
    public var newHomes: [String: Double]
    public var total: Double
    public var placements: [String: Double]
    public var care: [String: Double]
    /// `fairShare`: F_iqt per fair item (the period's own, docs/model.md §9); `deviation`: |v_iqt − F_iqt|.
    public var fairShare: [String: Double]
    public var deviation: [String: Double]
    /// `tasks`: per priority group or care quality with a demand in some period, its task and carry-over.
    public var tasks: [String: PeriodTask]
    /// `ranges` of a planned period's figures over the optimal face; `nil` for a realised period or without ranges.
    public var ranges: AllocationRanges?
}

/// The region in one period.
public struct PeriodRegion: Sendable, Hashable {
    public var newHomes: [String: Double]
    public var total: Double
    public var placements: [String: Double]
    public var care: [String: Double]
    /// `tasks`: the regional task of each tasked group or care quality: the period's demand and Σ arrears.
    public var tasks: [String: PeriodTask]
    /// `targets`: the targets that hold per period (`perPeriod`).
    public var targets: [PeriodTarget]
    public var ranges: AllocationRanges?
}

/// A task in one period and what carries over (docs/model.md §9; "gecorrigeerde taakstelling").
public struct PeriodTask: Sendable, Hashable {
    /// τ: the period's own task (the municipality's key share of the period's demand).
    public var task: Double
    /// A: carried over into this period from earlier ones (negative: a surplus credited).
    public var arrears: Double
    /// κ = max(0, τ + A): the corrected task.
    public var corrected: Double
    /// What was realised (realised periods) or is planned (planned periods).
    public var delivered: Double
    /// max(0, κ − delivered): what remains of the corrected task.
    public var remaining: Double
    /// κ per month of the period: the pace the corrected task asks for.
    public var pacePerMonth: Double

    public init(
        task: Double, arrears: Double, corrected: Double, delivered: Double, remaining: Double, pacePerMonth: Double
    ) {
        self.task = task
        self.arrears = arrears
        self.corrected = corrected
        self.delivered = delivered
        self.remaining = remaining
        self.pacePerMonth = pacePerMonth
    }
}

/// A target that holds per period: the share reached, and the arrears (homes) carried into the period.
public struct PeriodTarget: Sendable, Hashable {
    public var id: String
    public var share: Double
    public var minShare: Double
    /// Homes of the target's segments carried over into this period, beyond minShare of its new homes.
    public var arrears: Double
    /// Whether the target's segments reached minShare of the period's new homes plus the arrears.
    public var met: Bool
}

extension FairShare {
    /// Reads every period's allocation out of the solution, with fair shares, tasks and targets worked out from the
    /// allocation itself.
    static func fillPeriods(
        _ result: inout FairShareResult, from solution: Solution, formulation: Formulation, scenario: Scenario
    ) {
        guard !scenario.periods.isEmpty else { return }
        let municipalities = scenario.municipalities
        let segments = scenario.segments
        var outcomes: [PeriodOutcome] = []
        // What earlier periods built: Σ_{t'<t} x_ist' and Σ_{t'<t} N_it'.
        var builtBefore = municipalities.map { _ in [String: Double]() }
        var totalBefore = [Double](repeating: 0, count: municipalities.count)
        for (t, period) in scenario.periods.enumerated() {
            let variables = formulation.periods[t]
            var allocations: [PeriodAllocation] = municipalities.indices.map { i in
                var allocation = PeriodAllocation(
                    id: municipalities[i].id, newHomes: [:], total: 0, placements: [:], care: [:], fairShare: [:],
                    deviation: [:], tasks: [:])
                for (s, segment) in segments.enumerated() {
                    allocation.newHomes[segment.id] = clean(solution[variables.newHomes[i][s]])
                }
                allocation.total = clean(segments.reduce(0) { $0 + (allocation.newHomes[$1.id] ?? 0) })
                for (g, group) in scenario.priorityGroups.enumerated() {
                    allocation.placements[group.id] = clean(solution[variables.placements[i][g]])
                }
                for (c, quality) in scenario.careQualities.enumerated() {
                    allocation.care[quality.id] = clean(solution[variables.careHomes[i][c]])
                }
                return allocation
            }
            func regional(_ value: (PeriodAllocation) -> [String: Double], _ ids: [String]) -> [String: Double] {
                Dictionary(
                    uniqueKeysWithValues: ids.map { id in
                        (id, clean(allocations.reduce(0) { $0 + (value($1)[id] ?? 0) }))
                    })
            }
            let regionNewHomes = regional(\.newHomes, segments.map(\.id))
            let regionPlacements = regional(\.placements, scenario.priorityGroups.map(\.id))
            let regionCare = regional(\.care, scenario.careQualities.map(\.id))
            let regionTotal = clean(allocations.reduce(0) { $0 + $1.total })
            // Fair shares of the period (docs/model.md §9).
            for item in formulation.items {
                let tasked = formulation.ledger.item(item.kind, item.index)
                let corrected = tasked?.entries[t].map(\.corrected) ?? Array(repeating: 0, count: municipalities.count)
                let regionCorrected = corrected.reduce(0, +)
                for i in municipalities.indices {
                    let value: Double
                    let regionalValue: Double
                    switch item.kind {
                    case .segment:
                        (value, regionalValue) = (allocations[i].newHomes[item.id] ?? 0, regionNewHomes[item.id] ?? 0)
                    case .priorityGroup:
                        (value, regionalValue) = (
                            allocations[i].placements[item.id] ?? 0, regionPlacements[item.id] ?? 0
                        )
                    case .careQuality:
                        (value, regionalValue) = (allocations[i].care[item.id] ?? 0, regionCare[item.id] ?? 0)
                    }
                    let fair: Double
                    switch item.rule {
                    case .proportional(let shares):
                        fair = corrected[i] + shares[i] * (regionalValue - regionCorrected)
                    case .converge(let target):
                        let municipality = municipalities[i]
                        let sigma = Formulation.pathShare(
                            target, from: municipality, segment: item.id,
                            elapsed: Formulation.elapsed(scenario.periods, through: t))
                        fair =
                            sigma * (municipality.netTotalStock + totalBefore[i] + allocations[i].total)
                            - ((municipality.netStock[item.id] ?? 0) + (builtBefore[i][item.id] ?? 0))
                    }
                    allocations[i].fairShare[item.id] = clean(fair)
                    allocations[i].deviation[item.id] = clean(abs(value - fair))
                }
            }
            var regionTasks: [String: PeriodTask] = [:]
            for item in formulation.ledger.items {
                var sums = (task: 0.0, arrears: 0.0, delivered: 0.0)
                for i in municipalities.indices {
                    let entry = item.entries[t][i]
                    let delivered =
                        item.kind == .priorityGroup
                        ? allocations[i].placements[item.id] ?? 0 : allocations[i].care[item.id] ?? 0
                    allocations[i].tasks[item.id] = task(entry.task, entry.arrears, delivered, months: period.months)
                    sums.task += entry.task
                    sums.arrears += entry.arrears
                    sums.delivered += delivered
                }
                // The region's corrected task is Σ_i κ_iqt: a credit lowers only its own municipality's task.
                regionTasks[item.id] = task(
                    sums.task, sums.arrears, sums.delivered, months: period.months, corrected: item.correctedTotal(t))
            }
            let targets = formulation.ledger.targets.map { ledger in
                let target = scenario.region.targets[ledger.index]
                let inTarget = target.segments.reduce(0) { $0 + (regionNewHomes[$1] ?? 0) }
                let arrears = ledger.entries[t].arrears
                let needed = target.minShare * regionTotal + arrears
                return PeriodTarget(
                    id: target.id, share: clean(regionTotal > 0 ? inTarget / regionTotal : 0, digits: 9),
                    minShare: target.minShare, arrears: clean(arrears),
                    met: inTarget >= needed - Verification.tolerance(needed))
            }
            for i in municipalities.indices {
                for segment in segments {
                    builtBefore[i][segment.id, default: 0] += allocations[i].newHomes[segment.id] ?? 0
                }
                totalBefore[i] += allocations[i].total
            }
            outcomes.append(
                PeriodOutcome(
                    id: period.id, label: period.label, start: period.start, end: period.end,
                    isRealised: t < formulation.realisedPeriods, municipalities: allocations,
                    region: PeriodRegion(
                        newHomes: regionNewHomes, total: regionTotal, placements: regionPlacements, care: regionCare,
                        tasks: regionTasks, targets: targets)))
        }
        result.periods = outcomes
    }

    /// A task's line: corrected task, what remains, and the pace per month.
    static func task(
        _ task: Double, _ arrears: Double, _ delivered: Double, months: Int, corrected given: Double? = nil
    ) -> PeriodTask {
        let corrected = given ?? max(0, task + arrears)
        return PeriodTask(
            task: clean(task), arrears: clean(arrears), corrected: clean(corrected), delivered: clean(delivered),
            remaining: clean(max(0, corrected - delivered)), pacePerMonth: clean(corrected / Double(max(1, months))))
    }
}

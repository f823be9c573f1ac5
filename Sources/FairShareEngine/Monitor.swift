import Dispatch
import FairShareScenario

/// Why a scenario cannot be monitored.
public enum MonitorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The scenario has fewer than two periods: there is no "so far" and "still to come".
    case noPeriods
    /// `--as-of` names no period of the scenario.
    case unknownPeriod(String, known: [String])
    /// Nothing is realised as of the period asked for (or no period has realised figures).
    case nothingRealised
    /// The plan (nothing realised) or the programme as of the period has no allocation.
    case unsolved(which: String, ResultStatus)

    public var description: String {
        switch self {
        case .noPeriods:
            "the scenario has fewer than two periods; the monitor compares realised periods with the plan for the "
                + "rest (docs/model.md §9)"
        case .unknownPeriod(let id, let known):
            "unknown period \(id.debugDescription); periods: \(known.joined(separator: ", "))"
        case .nothingRealised:
            "no period is realised: give realised figures per period (municipalities.ID.periods.P.realised) or "
                + "monitoring.asOf"
        case .unsolved(let which, let status):
            "the \(which) has no allocation (\(status.rawValue)); solve it with `fairshare solve` to see why"
        }
    }
}

/// Realised against the plan (docs/model.md §9, "The monitor"): per municipality and item, what was realised up to
/// the as-of period, what the plan asked for by then, the share delivered and its category, what the straight pace
/// expected, and the fair plan for the periods still to come.
///
/// The *plan* is the programme solved with nothing realised (the plan as agreed at the start); the *remainder* is
/// the programme solved with the periods up to as-of realised: the fair plan for the rest. The two are independent
/// linear programmes and are solved at the same time, one per core.
public struct Monitor: Sendable {
    /// One municipality's (or the region's) delivery of one item.
    public struct Line: Sendable, Hashable {
        /// The item: a segment, priority group or care quality id, or `total` (all new homes).
        public var kind: Kind
        public var item: String
        public var label: String
        /// Σ realised up to and including the as-of period.
        public var realised: Double
        /// What was realised in each period up to and including the as-of period (the scenario's facts).
        public var realisedPerPeriod: [Double]
        /// Σ planned for those periods (the plan at the start).
        public var planned: Double
        /// realised ÷ planned; `nil` when nothing was planned (less than ``Monitor/smallestPlan``).
        public var delivered: Double?
        /// max(0, planned − realised).
        public var arrears: Double
        /// The plan's horizon total × the months elapsed ÷ the horizon's months: the straight pace.
        public var byPace: Double
        /// realised ÷ byPace; `nil` when the pace asks for nothing.
        public var deliveredOfPace: Double?
        /// The category of `delivered`; `nil` when nothing was planned.
        public var category: DeliveryCategory?
        /// The fair plan for each period after as-of (the remainder's figures); empty when the rest has no plan.
        public var remaining: [Double]

        public enum Kind: String, Sendable, Hashable, CaseIterable {
            case total, newHomes, placements, care
        }
    }

    /// One municipality's lines, or the region's (`id` nil).
    public struct Entry: Sendable, Hashable {
        public var id: String?
        public var name: String
        public var lines: [Line]

        public func line(_ item: String) -> Line? { lines.first { $0.item == item } }
    }

    /// A plan below this (half a home or placement) counts as nothing planned: no share delivered, no category.
    public static let smallestPlan = 0.5

    /// The last realised period.
    public var asOf: String
    /// The periods after it, in order.
    public var remainingPeriods: [String]
    public var categories: DeliveryCategories
    /// The plan at the start.
    public var plan: FairShareResult
    /// The programme as of `asOf`: the fair plan for the periods to come. `nil` when every period is realised
    /// (nothing is left to plan); a result without an allocation when the rest cannot be planned (its status and
    /// diagnosis say why: the facts may leave a horizon requirement out of reach).
    public var remainder: FairShareResult?
    /// Per municipality, in the results' order, then the region.
    public var municipalities: [Entry]
    public var region: Entry

    /// Whether the periods to come have a fair plan (or there are none).
    public var restIsPlanned: Bool { remainder?.hasAllocation ?? true }

    /// The monitor of `scenario` as of period `asOf` (`nil`: the scenario's own, docs/model.md §9). The scenarios it
    /// solves are validated with `limits`.
    public static func run(
        _ scenario: Scenario, asOf: String? = nil, limits: ScenarioLimits = ScenarioLimits(),
        options: SolveOptions = SolveOptions()
    ) throws -> Monitor {
        let periods = scenario.periods
        guard periods.count >= 2 else { throw MonitorError.noPeriods }
        if let asOf, !periods.contains(where: { $0.id == asOf }) {
            throw MonitorError.unknownPeriod(asOf, known: periods.map(\.id))
        }
        let count =
            asOf.flatMap { id in periods.firstIndex { $0.id == id }.map { $0 + 1 } } ?? scenario.realisedPeriodCount
        guard count > 0 else { throw MonitorError.nothingRealised }
        let id = periods[count - 1].id
        // The plan, and the rest when any period is left to plan: independent programmes, one per core.
        let scenarios =
            [try scenario.asOf(nil, limits: limits)]
            + (count < periods.count ? [try scenario.asOf(id, limits: limits)] : [])
        let results = Solved(count: scenarios.count)
        DispatchQueue.concurrentPerform(iterations: scenarios.count) { k in
            results.set(k, FairShare.solve(scenarios[k], options: options))
        }
        guard let plan = results.value(0), plan.hasAllocation else {
            throw MonitorError.unsolved(which: "plan (nothing realised)", results.value(0)?.status ?? .failed)
        }
        return Monitor(
            scenario: scenario, realised: count, plan: plan, remainder: scenarios.count > 1 ? results.value(1) : nil)
    }

    init(scenario: Scenario, realised count: Int, plan: FairShareResult, remainder: FairShareResult?) {
        let periods = scenario.periods
        asOf = periods[count - 1].id
        remainingPeriods = periods[count...].map(\.id)
        categories = scenario.monitoring.categories
        self.plan = plan
        self.remainder = remainder
        let rest = remainder?.hasAllocation == true ? remainder : nil
        let months = periods.reduce(0) { $0 + $1.months }
        let elapsed = periods[..<count].reduce(0) { $0 + $1.months }
        let fraction = Double(elapsed) / Double(max(1, months))
        let items: [(Line.Kind, String, String)] =
            [(.total, "total", "All new homes")] + scenario.segments.map { (.newHomes, $0.id, $0.label) }
            + scenario.priorityGroups.map { (.placements, $0.id, $0.label) }
            + scenario.careQualities.map { (.care, $0.id, $0.label) }
        let segmentIDs = scenario.segments.map(\.id)
        /// What municipality i realised of an item in period t: the scenario's facts (a missing figure is 0).
        func fact(_ i: Int, _ t: Int, _ kind: Line.Kind, _ id: String) -> Double {
            let realised = scenario.municipalities[i].periods[periods[t].id]?.realised ?? [:]
            return kind == .total ? segmentIDs.reduce(0) { $0 + (realised[$1] ?? 0) } : realised[id] ?? 0
        }
        func figure(_ allocation: PeriodAllocation?, _ kind: Line.Kind, _ id: String) -> Double {
            guard let allocation else { return 0 }
            switch kind {
            case .total: return allocation.total
            case .newHomes: return allocation.newHomes[id] ?? 0
            case .placements: return allocation.placements[id] ?? 0
            case .care: return allocation.care[id] ?? 0
            }
        }
        let categories = self.categories
        func line(
            _ kind: Line.Kind, _ id: String, _ label: String, realisedIn: (Int) -> Double,
            value: (FairShareResult, Int) -> Double
        ) -> Line {
            let perPeriod = (0..<count).map(realisedIn)
            let realised = FairShare.clean(perPeriod.reduce(0, +))
            let planned = FairShare.clean((0..<count).reduce(0) { $0 + value(plan, $1) })
            let horizon = periods.indices.reduce(0) { $0 + value(plan, $1) }
            let byPace = FairShare.clean(horizon * fraction)
            // Less than half a home or placement planned is nothing planned: a share of it says nothing.
            let delivered = planned >= Self.smallestPlan ? realised / planned : nil
            return Line(
                kind: kind, item: id, label: label, realised: realised,
                realisedPerPeriod: perPeriod.map { FairShare.clean($0) }, planned: planned,
                delivered: delivered.map { FairShare.clean($0, digits: 9) },
                arrears: FairShare.clean(max(0, planned - realised)), byPace: byPace,
                deliveredOfPace: byPace >= Self.smallestPlan ? FairShare.clean(realised / byPace, digits: 9) : nil,
                category: delivered.map(categories.category),
                remaining: rest.map { rest in (count..<periods.count).map { FairShare.clean(value(rest, $0)) } } ?? [])
        }
        municipalities = scenario.municipalities.enumerated().map { i, municipality in
            Entry(
                id: municipality.id, name: municipality.name,
                lines: items.map { kind, id, label in
                    line(kind, id, label, realisedIn: { fact(i, $0, kind, id) }) { result, t in
                        figure(result.periods[t].municipalities[i], kind, id)
                    }
                })
        }
        region = Entry(
            id: nil, name: "Region",
            lines: items.map { kind, id, label in
                line(
                    kind, id, label,
                    realisedIn: { t in scenario.municipalities.indices.reduce(0) { $0 + fact($1, t, kind, id) } }
                ) { result, t in
                    result.periods[t].municipalities.reduce(0) { $0 + figure($1, kind, id) }
                }
            })
    }
}

/// Results filled from several threads.
private final class Solved: Sendable {
    private let results: Locked<[FairShareResult?]>

    init(count: Int) { results = Locked(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ result: FairShareResult) { results.withLock { $0[index] = result } }

    func value(_ index: Int) -> FairShareResult? { results.withLock { $0.indices.contains(index) ? $0[index] : nil } }
}

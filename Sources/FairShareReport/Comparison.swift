import FairShareEngine
import FairShareScenario

/// One solved scenario in a comparison: the base scenario, one of its variants, or another scenario file.
public struct ComparisonRun: Sendable {
    /// The run's name in every table: `base`, a variant id, or a file's name.
    public var name: String
    /// What the run changes (a variant's `description`), if known.
    public var description: String?
    /// Where the run comes from (a file path), informational.
    public var source: String?
    /// The validated scenario (variant applied) that was solved.
    public var scenario: Scenario
    /// What solving it gave: homes, placements, shares in [0, 1].
    public var result: FairShareResult {
        didSet { positions = Self.positions(in: result) }
    }
    /// Each municipality's place in `result.municipalities`, by id: every table looks up every figure of every
    /// municipality, which searching the list made quadratic in the number of municipalities.
    private var positions: [String: Int]

    /// A run named `name` (its column heading) for `scenario` and its `result`.
    public init(
        name: String, description: String? = nil, source: String? = nil, scenario: Scenario,
        result: FairShareResult
    ) {
        self.name = name
        self.description = description
        self.source = source
        self.scenario = scenario
        self.result = result
        positions = Self.positions(in: result)
    }

    /// The run's allocation to the municipality with this id, if its result has one.
    public func allocation(of municipality: String) -> MunicipalityAllocation? {
        positions[municipality].map { result.municipalities[$0] }
    }

    private static func positions(in result: FairShareResult) -> [String: Int] {
        // The first of an id, as a search would find it (a validated scenario has no id twice).
        Dictionary(result.municipalities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// One figure of an allocation that a comparison sets side by side.
public struct ComparedItem: Sendable, Hashable {
    /// Which part of a result the figure comes from (the result's JSON names).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// New homes of a segment (homes).
        case newHomes
        /// All new homes (homes); the item's id is `total`.
        case total
        /// Placements of a priority group (placements).
        case placements
        /// New homes with a care quality (homes).
        case care
    }

    /// Which part of a result the figure comes from.
    public var kind: Kind
    /// The segment, priority-group or care-quality id (`total` for all new homes).
    public var id: String
    /// The label in reports.
    public var label: String

    /// The item's heading in a report, with its unit: "Sociale huur (new homes)".
    public var heading: String {
        switch kind {
        case .newHomes: "\(label) (new homes)"
        case .total: "All new homes"
        case .placements: "\(label) (placements)"
        case .care: "\(label) (new homes with this quality)"
        }
    }
}

/// What a run came to as a whole: status, targets, shortfall and level optima.
public struct RunSummary: Sendable, Hashable {
    /// The result's status.
    public var status: ResultStatus
    /// The fairness norm of the run's scenario: optima of different norms are not comparable.
    public var norm: FairnessNorm
    /// All new homes in the region (homes); `nil` without an allocation.
    public var newHomes: Double?
    /// Regional targets met (`region.targets`).
    public var targetsMet: Int
    /// Regional targets in the run's scenario.
    public var targets: Int
    /// The targets not met, with their outcome.
    public var unmetTargets: [TargetOutcome]
    /// Homes and placements short of soft requirements, summed over targets, groups and care qualities
    /// (unweighted; `nil` without an allocation).
    public var shortfall: Double?
    /// The optimum of the fairness level, when solved (docs/model.md §5): homes and placements (norm `sum`) or
    /// weighted deviation per unit of size (norm `max`).
    public var fairness: Double?
    /// The optimum of the tiebreak level (norm `max` only; homes and placements), when solved.
    public var tiebreak: Double?
}

/// Several solved runs set side by side: the first is the base that every change is measured against.
///
/// Municipalities and items are matched by id, so runs from different files compare where they agree; a figure a
/// run does not have is `nil`.
public struct Comparison: Sendable {
    /// The runs, the base first; never empty.
    public let runs: [ComparisonRun]
    /// A title for reports, e.g. "Drechtsteden 2025-2030: the base scenario and 6 variants".
    public var title: String

    /// - Parameters:
    ///   - title: a title for reports (``title``).
    ///   - runs: the base first, then the runs to compare with it. With no runs, the comparison is empty and every
    ///     table has no rows.
    public init(title: String, runs: [ComparisonRun]) {
        self.title = title
        self.runs = runs
    }

    /// The base run, when there is one.
    public var base: ComparisonRun? { runs.first }

    /// Every item of any run: segments (first appearance order), all new homes, priority groups, care qualities.
    public var items: [ComparedItem] {
        var segments: [ComparedItem] = []
        var groups: [ComparedItem] = []
        var care: [ComparedItem] = []
        for run in runs {
            for segment in run.scenario.segments where !segments.contains(where: { $0.id == segment.id }) {
                segments.append(ComparedItem(kind: .newHomes, id: segment.id, label: segment.label))
            }
            for group in run.scenario.priorityGroups where !groups.contains(where: { $0.id == group.id }) {
                groups.append(ComparedItem(kind: .placements, id: group.id, label: group.label))
            }
            for quality in run.scenario.careQualities where !care.contains(where: { $0.id == quality.id }) {
                care.append(ComparedItem(kind: .care, id: quality.id, label: quality.label))
            }
        }
        return segments + [ComparedItem(kind: .total, id: "total", label: "All new homes")] + groups + care
    }

    /// Every municipality of any run, sorted by id, with the name its first run gives it.
    public var municipalities: [(id: String, name: String)] {
        var names: [String: String] = [:]
        for run in runs {
            for municipality in run.scenario.municipalities where names[municipality.id] == nil {
                names[municipality.id] = municipality.name
            }
        }
        return names.sorted { $0.key < $1.key }.map { (id: $0.key, name: $0.value) }
    }

    /// A run's figure for an item in a municipality (`nil`: the region), in homes or placements; `nil` when the
    /// run has no allocation or does not have the municipality or item.
    public func value(of item: ComparedItem, in municipality: String?, of run: ComparisonRun) -> Double? {
        let result = run.result
        guard result.hasAllocation else { return nil }
        guard let municipality else {
            switch item.kind {
            case .newHomes: return result.region.newHomes[item.id]
            case .total: return result.region.total
            case .placements: return result.region.priorityGroups.first { $0.id == item.id }?.placed
            case .care: return result.region.care.first { $0.id == item.id }?.placed
            }
        }
        guard let allocation = run.allocation(of: municipality) else { return nil }
        switch item.kind {
        case .newHomes: return allocation.newHomes[item.id]
        case .total: return allocation.total
        case .placements: return allocation.placements[item.id]
        case .care: return allocation.care[item.id]
        }
    }

    /// The change of a run's figure against the base (homes or placements, to a millionth, as results are);
    /// `nil` when either is missing.
    public func change(of item: ComparedItem, in municipality: String?, of run: ComparisonRun) -> Double? {
        guard let base, let after = value(of: item, in: municipality, of: run),
            let before = value(of: item, in: municipality, of: base)
        else { return nil }
        let difference = ((after - before) * 1e6).rounded() / 1e6
        return difference == 0 ? 0 : difference
    }

    /// What a run came to as a whole.
    public func summary(of run: ComparisonRun) -> RunSummary {
        let result = run.result
        let allocated = result.hasAllocation
        let targets = result.region.targets
        let targetShortfall: Double = targets.map(\.shortfall).reduce(0, +)
        let groupShortfall: Double = result.region.priorityGroups.map(\.shortfall).reduce(0, +)
        let careShortfall: Double = result.region.care.map(\.shortfall).reduce(0, +)
        let shortfall = targetShortfall + groupShortfall + careShortfall
        return RunSummary(
            status: result.status, norm: run.scenario.fairness.norm, newHomes: allocated ? result.region.total : nil,
            targetsMet: targets.filter(\.met).count,
            targets: allocated ? targets.count : run.scenario.region.targets.count,
            unmetTargets: targets.filter { !$0.met }, shortfall: allocated ? shortfall : nil,
            fairness: result.optimum(.fairness), tiebreak: result.optimum(.tiebreak))
    }
}

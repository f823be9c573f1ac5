import FairShareScenario

/// What happened to a solve (`status` in the result, docs/model.md §6).
public enum ResultStatus: String, Sendable, Hashable, CaseIterable {
    /// Every level solved to optimality (integer runs: within `mipGap`).
    case optimal
    /// Integer run stopped by the time limit with a solution; see ``FairShareResult/mipGap``.
    case feasible
    /// The hard requirements cannot all hold.
    case infeasible
    /// A level has no finite optimum.
    case unbounded
    /// Stopped by `solver.timeLimit` without a solution.
    case timeLimit = "time-limit"
    /// The solver failed or the check of the allocation found a violated requirement; see ``FairShareResult/failure``.
    case failed
}

/// The outcome of solving a scenario (`fairshare-result/1`, docs/model.md §6): the allocation per municipality and the
/// regional figures. Units: homes for new homes and care homes, placements for priority groups, shares in [0, 1].
public struct FairShareResult: Sendable, Hashable {
    /// `scenario`: the scenario's name.
    public var scenario: String
    /// `variant`: the variant id, or `nil` for the base scenario.
    public var variant: String?
    public var status: ResultStatus
    /// Why the status is `failed`.
    public var failure: SolveFailure?
    /// `objective`: the optimum of each level solved, in order.
    public var objective: [LevelOptimum]
    /// Relative MIP gap of the last level, for integer runs.
    public var mipGap: Double?
    /// Segment, priority-group, care-quality and fair-item ids, in scenario order (the order of every table).
    public var segmentIDs: [String]
    public var groupIDs: [String]
    public var careIDs: [String]
    public var fairItemIDs: [String]
    /// `municipalities`, sorted by id. Empty when there is no solution.
    public var municipalities: [MunicipalityAllocation]
    /// `region`. Zero totals when there is no solution.
    public var region: RegionSummary
    /// `diagnosis`: for an infeasible scenario, the requirements to relax and by how much.
    public var diagnosis: Diagnosis?
    /// `fairnessProfile` (norm `leximin`): every (municipality, fair item) pair's weighted relative deviation
    /// λ_q · d_iq / m_iq, largest first.
    public var fairnessProfile: [Double]?
    /// `allocation`: which of the equally good allocations this is — `SolverSettings.Allocation.central` (with
    /// every figure's range) or `SolverSettings.Allocation.any` (one the solver happened to find).
    public var allocation: SolverSettings.Allocation = .any
    /// `wholeNumbers` (`solver.integer`): how far the whole-number allocation is from the continuous one it
    /// rounds, and the level values it achieves (``objective`` keeps the continuous optima).
    public var wholeNumbers: WholeNumberRounding?
    /// `warnings`: what the reader of the allocation must know (free regional totals, an allocation that is one
    /// of many).
    public var warnings: [ResultWarning] = []
    /// `periods`: with periods in the scenario, the allocation of each period in time order (docs/model.md §9);
    /// the horizon's figures above are their sums.
    public var periods: [PeriodOutcome] = []

    /// The period with this id.
    public func period(_ id: String) -> PeriodOutcome? { periods.first { $0.id == id } }

    /// Whether the result holds an allocation (status optimal or feasible).
    public var hasAllocation: Bool { status == .optimal || status == .feasible }

    /// The optimum of one level, if it was solved.
    public func optimum(_ level: Level) -> Double? { objective.first { $0.level == level }?.value }

    /// The allocation of the municipality with this id, if the result has one.
    public func municipality(_ id: String) -> MunicipalityAllocation? {
        municipalities.first { $0.id == id }
    }
}

/// The optimum of one lexicographic level.
public struct LevelOptimum: Sendable, Hashable {
    public var level: Level
    /// Homes and placements (shortfall, fairness with norm `sum`, tiebreak) or weighted deviation per unit of
    /// size (fairness with norm `max`).
    public var value: Double
}

/// `municipalities.ID` of a result.
public struct MunicipalityAllocation: Sendable, Hashable {
    public var id: String
    public var name: String
    /// `newHomes`: new homes per segment id.
    public var newHomes: [String: Double]
    /// `total`: N_i.
    public var total: Double
    /// `stockShareBefore`, `stockShareAfter`: each segment's share of the whole stock, before and after building.
    public var stockShareBefore: [String: Double]
    public var stockShareAfter: [String: Double]
    /// `placements` per priority group.
    public var placements: [String: Double]
    /// `care`: new homes per care quality.
    public var care: [String: Double]
    /// `fairShare`: F_iq per fair item; `deviation`: |v_iq − F_iq|.
    public var fairShare: [String: Double]
    public var deviation: [String: Double]
    /// `alternatives`: for each either-or rule, the option taken, by rule id.
    public var alternatives: [ChosenOption] = []
    /// `obligations`: for each obligation the data decide, which requirement applies, why, and the share reached;
    /// by rule id.
    public var obligations: [ObligationOutcome] = []
    /// `ranges`: each figure's least and greatest value over every equally good allocation; `nil` for
    /// `allocation: "any"`.
    public var ranges: AllocationRanges?
}

/// The least and greatest value of one figure over the optimal face (homes or placements).
public struct FigureRange: Sendable, Hashable {
    public var min: Double
    /// `.infinity` when nothing bounds the figure from above.
    public var max: Double

    public init(min: Double, max: Double) {
        self.min = min
        self.max = max
    }

    /// How far the figure can move: `max − min`.
    public var width: Double { max - min }
    /// Whether the requirements decide the figure to within half a home or placement (otherwise it is *free*).
    public var isFirm: Bool { width <= 0.5 }
    /// Whether `value` lies within the range, to `tolerance`.
    public func contains(_ value: Double, tolerance: Double = 1e-6) -> Bool {
        value >= min - tolerance && value <= max + tolerance
    }
}

/// `ranges` of a municipality or of the region, shaped like the figures they bound.
public struct AllocationRanges: Sendable, Hashable {
    /// Per segment id, priority-group id and care-quality id.
    public var newHomes: [String: FigureRange]
    public var placements: [String: FigureRange]
    public var care: [String: FigureRange]
    /// N_i (or the region's N).
    public var total: FigureRange

    public init(
        newHomes: [String: FigureRange], placements: [String: FigureRange], care: [String: FigureRange],
        total: FigureRange
    ) {
        self.newHomes = newHomes
        self.placements = placements
        self.care = care
        self.total = total
    }
}

/// Something the reader of a result must know, with the place in the scenario or result it concerns.
public struct ResultWarning: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A regional total that no requirement decides: it can take any value in its range at the same optima.
        case freeTotal = "free-total"
        /// The allocation is one of several equally good ones (`allocation: "any"`, or the ranges ran out of time).
        case oneOfMany = "one-of-many"
        /// Nothing bounds a figure from above on the optimal face; it is left out of the central allocation.
        case unboundedFigure = "unbounded-figure"
        /// The scenario's plausibility warnings (`PlausibilityWarning.Kind` in FairShareScenario, docs/model.md §2),
        /// carried into the result: valid figures that are probably not what their author meant.
        case populationBelowHouseholds = "population-below-households"
        case householdsBelowStock = "households-below-stock"
        case missingStock = "missing-stock"
        case outlier = "outlier"
    }

    public var kind: Kind
    /// Where in the scenario or result, e.g. `region.newHomes.mid-rent` or `solver.allocation`.
    public var path: JSONPath
    public var message: String

    public init(_ kind: Kind, path: JSONPath, _ message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// A scenario's plausibility warning as a result's warning.
    public init(_ warning: PlausibilityWarning) {
        let kind: Kind =
            switch warning.kind {
            case .populationBelowHouseholds: .populationBelowHouseholds
            case .householdsBelowStock: .householdsBelowStock
            case .missingStock: .missingStock
            case .outlier: .outlier
            }
        self.init(kind, path: warning.path, warning.message)
    }
}

/// Whole-number runs (`solver.integer`): the central allocation c rounded to v.
public struct WholeNumberRounding: Sendable, Hashable {
    /// Σ_k |v_k − c_k| over every municipality's new homes, placements and care homes.
    public var distance: Double
    /// The value of each level at v (the same measures as ``FairShareResult/objective``, which holds c's).
    public var achieved: [LevelOptimum]
}

/// The option a municipality takes for one either-or rule (docs/model.md §7).
public struct ChosenOption: Sendable, Hashable {
    /// The rule's id, e.g. `wet-vrv`.
    public var rule: String
    /// The option's position in the rule's list (0-based).
    public var option: Int
    /// The option's segments and required share of new homes.
    public var segments: [String]
    public var minNewShare: Double
    /// The share of the municipality's new homes those segments reach.
    public var share: Double
}

/// How an obligation the data decide (docs/model.md §7) came out for a municipality.
public struct ObligationOutcome: Sendable, Hashable {
    /// The decision: measure, threshold, side, and the requirement that applies.
    public var decided: DecidedObligation
    /// The share of the municipality's new homes the required segments reach.
    public var share: Double

    public init(decided: DecidedObligation, share: Double) {
        self.decided = decided
        self.share = share
    }
}

/// `region` of a result.
public struct RegionSummary: Sendable, Hashable {
    /// `newHomes` per segment and `total`.
    public var newHomes: [String: Double]
    public var total: Double
    /// `targets`, in scenario order.
    public var targets: [TargetOutcome]
    /// `priorityGroups` and `care`, in scenario order.
    public var priorityGroups: [DemandOutcome]
    public var care: [DemandOutcome]
    /// `ranges` of the regional totals; `nil` for `allocation: "any"`.
    public var ranges: AllocationRanges? = nil
}

/// How a regional share target came out.
public struct TargetOutcome: Sendable, Hashable {
    public var id: String
    /// Share of all new homes in the target's segments.
    public var share: Double
    public var minShare: Double
    public var maxShare: Double
    /// Whether the share is within [minShare, maxShare] (to 1e-6).
    public var met: Bool
    /// Homes short of the target (soft targets; 0 for hard ones).
    public var shortfall: Double
}

/// How a priority group's placements or a care quality's homes came out.
public struct DemandOutcome: Sendable, Hashable {
    public var id: String
    /// Placements (or homes) made in the region.
    public var placed: Double
    /// Short of `demand.min` (soft requirements).
    public var shortfall: Double
}

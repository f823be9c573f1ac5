import FairShareScenario

/// What happened to a solve (`status` in the result, SPEC §6).
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

/// The outcome of solving a scenario (`fairshare-result/1`, SPEC §6): the allocation per municipality and the
/// regional figures. Units: homes for new homes and care homes, placements for priority groups, shares in [0, 1].
public struct FairShareResult: Sendable, Hashable {
    /// `scenario`: the scenario's name.
    public var scenario: String
    /// `variant`: the variant id, or `nil` for the base scenario.
    public var variant: String?
    public var status: ResultStatus
    /// Why the status is `failed` (solver message or the violated requirement).
    public var failure: String?
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

    /// Whether the result holds an allocation (status optimal or feasible).
    public var hasAllocation: Bool { status == .optimal || status == .feasible }

    /// The optimum of one level, if it was solved.
    public func optimum(_ level: Level) -> Double? { objective.first { $0.level == level }?.value }
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
    /// `alternatives`: for each either-or rule, the option taken, in rule order.
    public var alternatives: [ChosenOption] = []
}

/// The option a municipality takes for one either-or rule (SPEC §7).
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

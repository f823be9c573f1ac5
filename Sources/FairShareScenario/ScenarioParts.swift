/// The parts of a ``ScenarioDefinition``. Their initialisers take the defaults a file has when a field is absent
/// (docs/model.md §2); nothing here is checked until ``Scenario/init(_:limits:)`` validates the whole definition.

/// `horizon`: first and last year (informational).
public struct Horizon: Sendable, Hashable {
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var start: Int
    public var end: Int
}

/// A `Range` of the file: a number n (min = max = n) or `{"min": a, "max": b}`; min defaults to 0, max to none.
public struct CountRange: Sendable, Hashable {
    /// Lower end (homes, placements, …), ≥ 0.
    public var min: Double
    /// Upper end, `Double.infinity` when none.
    public var max: Double

    public init(min: Double = 0, max: Double = .infinity) {
        self.min = min
        self.max = max
    }

    /// Any count ≥ 0.
    public static let any = CountRange()
}

/// How a requirement with a lower side is held: `"hard"` (must hold) or `"soft"` (a shortfall is allowed and
/// minimised in the first level).
public enum RequirementMode: String, Sendable, Hashable, CaseIterable {
    case hard, soft
}

/// A key: in what proportion something is divided, as a weighted mix of municipality attributes
/// (`"population"` or `{"population": 1, "stock.social-rent": 1}`).
public struct Key: Sendable, Hashable, CustomStringConvertible {
    /// Attribute names with their weights κ ≥ 0, in file order.
    public var weights: [(attribute: String, weight: Double)]

    public init(_ weights: [(attribute: String, weight: Double)]) {
        self.weights = weights
    }

    /// A key on one attribute.
    public init(_ attribute: String) {
        weights = [(attribute, 1)]
    }

    public static func == (lhs: Key, rhs: Key) -> Bool {
        lhs.weights.count == rhs.weights.count
            && zip(lhs.weights, rhs.weights).allSatisfy { $0.attribute == $1.attribute && $0.weight == $1.weight }
    }

    public func hash(into hasher: inout Hasher) {
        for (attribute, weight) in weights {
            hasher.combine(attribute)
            hasher.combine(weight)
        }
    }

    public var description: String {
        if weights.count == 1 && weights[0].weight == 1 { return weights[0].attribute }
        return weights.map { "\($0.weight)·\($0.attribute)" }.joined(separator: " + ")
    }
}

/// A segment's fairness rule (`segments.ID.fair`).
public enum FairRule: Sendable, Hashable {
    /// `"proportional"`: the municipality's share w_i (by `key`) of the regional total of new homes of the segment.
    case proportional(key: Key)
    /// `"converge"`: new homes that bring the segment's share of the whole stock to `targetShare` σ
    /// (`nil`: the region's current share).
    case converge(targetShare: Double?)
}

/// `segments.ID`: a price segment of new homes.
public struct Segment: Sendable, Hashable, Identifiable {
    /// A segment; `label` defaults to the id, `fair` to none.
    public init(
        id: String, label: String? = nil, affordable: Bool = false, lettable: Bool = false, fair: FairRule? = nil,
        fairWeight: Double = 1
    ) {
        self.id = id
        self.label = label ?? id
        self.affordable = affordable
        self.lettable = lettable
        self.fair = fair
        self.fairWeight = fairWeight
    }

    public var id: String
    /// `label`: the name in reports (defaults to the id).
    public var label: String
    /// `affordable`: counts as "betaalbaar" (informational).
    public var affordable: Bool
    /// `lettable`: its new homes add to the lettings that can house priority groups (P2).
    public var lettable: Bool
    /// `fair`: the fairness rule, `nil` for none.
    public var fair: FairRule?
    /// `fair.weight`: λ, the weight of this segment's deviations in the fairness level (default 1).
    public var fairWeight: Double
}

/// `region`: the regional total of new homes and share targets.
public struct Region: Sendable, Hashable {
    /// The region: any regional total unless `newHomes` bounds it, and share targets.
    public init(newHomes: CountRange = .any, targets: [Target] = []) {
        self.newHomes = newHomes
        self.targets = targets
    }

    /// `newHomes`: the regional total of new homes (R1).
    public var newHomes: CountRange
    /// `targets`, in file order (R2).
    public var targets: [Target]
}

/// `region.targets.ID`: a share of new homes that a set of segments must reach regionally (R2).
public struct Target: Sendable, Hashable, Identifiable {
    public init(
        id: String, segments: [String], minShare: Double = 0, maxShare: Double = 1, mode: RequirementMode = .hard,
        weight: Double = 1, perPeriod: CarryOver? = nil
    ) {
        self.id = id
        self.segments = segments
        self.minShare = minShare
        self.maxShare = maxShare
        self.mode = mode
        self.weight = weight
        self.perPeriod = perPeriod
    }

    public var id: String
    /// `segments`: the segment ids whose new homes count.
    public var segments: [String]
    /// `minShare` in [0, 1] (0 when absent).
    public var minShare: Double
    /// `maxShare` in [0, 1] (1 when absent).
    public var maxShare: Double
    /// `mode`: hard or soft.
    public var mode: RequirementMode
    /// `weight`: the weight of a shortfall (homes) in the shortfall level (default 1).
    public var weight: Double
    /// `perPeriod`: the target also holds in every period of a scenario with periods, with arrears (homes) carried
    /// over by this rule (docs/model.md §9); `nil`: over the horizon only.
    public var perPeriod: CarryOver?
}

/// `priorityGroups.ID`: placements of a priority group (statushouders, …) in the horizon.
public struct PriorityGroup: Sendable, Hashable, Identifiable {
    /// A priority group; `label` defaults to the id, the key to `population`.
    public init(
        id: String, label: String? = nil, demand: CountRange = .any, key: Key = Key("population"),
        mode: RequirementMode = .hard, weight: Double = 1, statutory: StatutoryTask? = nil,
        carryOver: CarryOver = CarryOver()
    ) {
        self.id = id
        self.label = label ?? id
        self.demand = demand
        self.key = key
        self.mode = mode
        self.weight = weight
        self.statutory = statutory
        self.carryOver = carryOver
    }

    public var id: String
    public var label: String
    /// `statutory`: the task as the law computes it, per municipality, before the solve (docs/model.md §3, P4).
    public var statutory: StatutoryTask?
    /// `demand`: regional placements (P1).
    public var demand: CountRange
    /// `key`: the fair division (default `population`).
    public var key: Key
    public var mode: RequirementMode
    /// `weight`: λ in the fairness level and the weight of a shortfall (placements) (default 1).
    public var weight: Double
    /// `carryOver`: what happens to arrears and surpluses of a period's task (docs/model.md §9).
    public var carryOver: CarryOver
}

/// `care.ID`: a care quality of new homes (zero-step, clustered, care-ready).
public struct CareQuality: Sendable, Hashable, Identifiable {
    /// A care quality; `label` defaults to the id, the key to `population`.
    public init(
        id: String, label: String? = nil, demand: CountRange = .any, key: Key = Key("population"),
        maxShareOfNewHomes: Double = 1, mode: RequirementMode = .hard, weight: Double = 1,
        carryOver: CarryOver = CarryOver()
    ) {
        self.id = id
        self.label = label ?? id
        self.demand = demand
        self.key = key
        self.maxShareOfNewHomes = maxShareOfNewHomes
        self.mode = mode
        self.weight = weight
        self.carryOver = carryOver
    }

    public var id: String
    public var label: String
    /// `demand`: regional new homes with this quality (C1).
    public var demand: CountRange
    /// `key`: the fair division (default `population`).
    public var key: Key
    /// `maxShareOfNewHomes` in [0, 1] (C2, default 1).
    public var maxShareOfNewHomes: Double
    public var mode: RequirementMode
    /// `weight`: λ in the fairness level and the weight of a shortfall (homes) (default 1).
    public var weight: Double
    /// `carryOver`: what happens to arrears and surpluses of a period's task (docs/model.md §9).
    public var carryOver: CarryOver
}

/// `municipalities.ID.limits.SEGMENT`: local limits on a segment (L2–L4). Absent sides are `nil`.
public struct SegmentLimits: Sendable, Hashable {
    /// `min`, `max`: new homes of the segment (L2).
    public var min: Double?
    public var max: Double?
    /// `minNewShare`, `maxNewShare`: the segment's share of the municipality's new homes, in [0, 1] (L3).
    public var minNewShare: Double?
    public var maxNewShare: Double?
    /// `minStockShare`, `maxStockShare`: the segment's share of the stock after building, in [0, 1] (L4).
    public var minStockShare: Double?
    public var maxStockShare: Double?

    public init(
        min: Double? = nil, max: Double? = nil, minNewShare: Double? = nil, maxNewShare: Double? = nil,
        minStockShare: Double? = nil, maxStockShare: Double? = nil
    ) {
        self.min = min
        self.max = max
        self.minNewShare = minNewShare
        self.maxNewShare = maxNewShare
        self.minStockShare = minStockShare
        self.maxStockShare = maxStockShare
    }
}

/// `municipalities.ID`: one municipality, its stock, capacity and limits.
public struct Municipality: Sendable, Hashable, Identifiable {
    /// A municipality; every figure not given is absent (0 stock, no limits, no lettings).
    public init(
        id: String, name: String, population: Double? = nil, households: Double? = nil, stock: [String: Double] = [:],
        newHomes: CountRange = .any, realised: [String: Double] = [:], limits: [String: SegmentLimits] = [:],
        lettings: Double = 0, maxPriorityShare: Double = 1, placements: [String: CountRange] = [:],
        care: [String: CountRange] = [:], attributes: [String: Double] = [:], alternatives: [Alternative] = [],
        obligations: [Obligation] = [], stockChanges: StockChanges = StockChanges(), housed: [String: Double] = [:],
        periods: [String: MunicipalityPeriod] = [:]
    ) {
        self.id = id
        self.name = name
        self.population = population
        self.households = households
        self.stock = stock
        self.newHomes = newHomes
        self.realised = realised
        self.limits = limits
        self.lettings = lettings
        self.maxPriorityShare = maxPriorityShare
        self.placements = placements
        self.care = care
        self.attributes = attributes
        self.alternatives = alternatives
        self.obligations = obligations
        self.stockChanges = stockChanges
        self.housed = housed
        self.periods = periods
    }

    /// The id, usually the CBS code (`GM0505`).
    public var id: String
    /// `name`.
    public var name: String
    /// `population`, `households` (persons, households), when given.
    public var population: Double?
    public var households: Double?
    /// `stock`: existing homes per segment id (absent: 0).
    public var stock: [String: Double]
    /// `newHomes`: its capacity for new homes (L1).
    public var newHomes: CountRange
    /// `realised`: new homes already built in the horizon per segment (lower bounds).
    public var realised: [String: Double]
    /// `limits` per segment id.
    public var limits: [String: SegmentLimits]
    /// `lettings`: existing lettable homes falling vacant in the horizon (default 0).
    public var lettings: Double
    /// `maxPriorityShare` in [0, 1]: fraction of lettings for priority groups (P2, default 1).
    public var maxPriorityShare: Double
    /// `placements` per priority group (P3).
    public var placements: [String: CountRange]
    /// `care` per care quality (C3).
    public var care: [String: CountRange]
    /// `attributes`: further numbers usable as keys.
    public var attributes: [String: Double]
    /// `alternatives`: either-or requirements (docs/model.md §7), in file order; at least one option of each must
    /// hold.
    public var alternatives: [Alternative] = []
    /// `obligations`: rules that decide one requirement from the municipality's existing stock, before the solve
    /// (docs/model.md §7), in file order.
    public var obligations: [Obligation] = []
    /// `stockChanges`: planned changes to the existing stock besides new building (demolition, sale,
    /// liberalisation, conversion) over the horizon.
    public var stockChanges = StockChanges()
    /// `housed`: people of each priority group the municipality has housed so far in the horizon (what `fairshare
    /// baseline` sets against the task; the solve does not use it).
    public var housed: [String: Double] = [:]
    /// `periods`: per period id, its capacity and what it realised (docs/model.md §9).
    public var periods: [String: MunicipalityPeriod] = [:]

    /// T_i: the whole existing stock (homes), before any planned change.
    public var totalStock: Double { stock.values.reduce(0, +) }

    /// E'_is: the stock per segment after the planned changes (docs/model.md §2): the existing stock, less
    /// demolition, less transfers out, plus transfers in. Every stock share of the model uses it.
    public var netStock: [String: Double] {
        var net = stock
        for (segment, homes) in stockChanges.demolition { net[segment, default: 0] -= homes }
        for transfer in stockChanges.transfers {
            net[transfer.from, default: 0] -= transfer.homes
            net[transfer.to, default: 0] += transfer.homes
        }
        return net
    }

    /// T'_i: the whole stock after the planned changes.
    public var netTotalStock: Double { netStock.values.reduce(0, +) }
}

/// `municipalities.ID.stockChanges`: what happens to the existing stock besides new building.
public struct StockChanges: Sendable, Hashable {
    /// `demolition`: homes taken out of the stock, per segment id.
    public var demolition: [String: Double]
    /// `transfers`: homes that move from one segment to another, in file order.
    public var transfers: [StockTransfer]

    public init(demolition: [String: Double] = [:], transfers: [StockTransfer] = []) {
        self.demolition = demolition
        self.transfers = transfers
    }

    /// Whether nothing changes.
    public var isEmpty: Bool { demolition.isEmpty && transfers.isEmpty }
}

/// `stockChanges.transfers[n]`: existing homes that change segment.
public struct StockTransfer: Sendable, Hashable {
    /// Why they move (informational; every kind moves homes the same way).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Sold to their occupants or others (e.g. social rent to affordable owner).
        case sale
        /// Rent above the social limit (social rent to mid rent or market).
        case liberalisation
        /// Rebuilt or re-let as another segment.
        case conversion
    }

    public var from: String
    public var to: String
    public var homes: Double
    public var kind: Kind

    public init(from: String, to: String, homes: Double, kind: Kind) {
        self.from = from
        self.to = to
        self.homes = homes
        self.kind = kind
    }
}

/// The fairness norm (`fairness.norm`).
public enum FairnessNorm: String, Sendable, Hashable, CaseIterable {
    /// Minimise the weighted sum of all deviations (homes and placements).
    case sum
    /// Minimise the weighted largest deviation per unit of size, then the sum (tiebreak).
    case max
    /// Minimise the largest weighted relative deviation over all (municipality, item) pairs, then the next
    /// largest, and so on (Ogryczak's sequential method, docs/model.md §7), then the sum (tiebreak).
    case leximin
}

/// `municipalities.ID.alternatives.RULE`: an either-or requirement — at least one option must hold
/// (docs/model.md §7).
public struct Alternative: Sendable, Hashable, Identifiable {
    public init(id: String, options: [AlternativeOption]) {
        self.id = id
        self.options = options
    }

    /// The rule's id, e.g. `wet-vrv`.
    public var id: String
    /// The options, in file order.
    public var options: [AlternativeOption]
}

/// One option of an ``Alternative``: the segments' share of the municipality's new homes is at least
/// `minNewShare` (A2).
public struct AlternativeOption: Sendable, Hashable {
    public init(segments: [String], minNewShare: Double) {
        self.segments = segments
        self.minNewShare = minNewShare
    }

    /// `segments`: the segment ids whose new homes count.
    public var segments: [String]
    /// `minNewShare` in [0, 1].
    public var minNewShare: Double
}

/// `fairness`.
public struct Fairness: Sendable, Hashable {
    /// The fairness norm; `sum` when not given.
    public init(norm: FairnessNorm = .sum, over: PeriodFairness = .periods) {
        self.norm = norm
        self.over = over
    }

    public var norm: FairnessNorm
    /// `over`: with periods, whether every period is judged on its own or only the horizon's totals.
    public var over: PeriodFairness
}

/// `solver`: how the programme is solved.
public struct SolverSettings: Sendable, Hashable {
    /// The solver settings a file has when `solver` is absent.
    public init(
        integer: Bool = false, mipGap: Double = 0.001, timeLimit: Double = 60, method: Method = .simplex,
        allocation: Allocation = .central
    ) {
        self.integer = integer
        self.mipGap = mipGap
        self.timeLimit = timeLimit
        self.method = method
        self.allocation = allocation
    }

    /// `integer`: whole homes and placements (every level a MIP).
    public var integer: Bool
    /// `mipGap`: relative gap at which an integer level counts as solved (default 0.001).
    public var mipGap: Double
    /// `timeLimit`: seconds for the whole solve (default 60).
    public var timeLimit: Double
    /// `method`: `simplex` or `interior` (LP only).
    public var method: Method

    /// `allocation`: which of the equally good allocations the result reports (docs/model.md §8; for users, the
    /// README's "How firm is the answer?").
    public var allocation: Allocation = .central

    public enum Method: String, Sendable, Hashable, CaseIterable {
        case simplex, interior
    }

    /// Which allocation of the optimal face a solve reports.
    public enum Allocation: String, Sendable, Hashable, CaseIterable {
        /// The central allocation: every figure's range over the optimal face, and each free figure as near the
        /// middle of its range as the others allow (unique, whatever the solver's path). The default.
        case central
        /// The first optimal vertex the solver finds, without ranges: faster, but one of many equally good
        /// allocations, which the result says.
        case any
    }
}

/// `variants.ID`: a what-if, applied to the scenario file as a JSON Merge Patch.
public struct Variant: Sendable, Hashable, Identifiable {
    /// A variant: a JSON Merge Patch (RFC 7396) of the scenario document.
    public init(id: String, description: String? = nil, patch: JSONValue) {
        self.id = id
        self.description = description
        self.patch = patch
    }

    public var id: String
    public var description: String?
    /// `patch`: the RFC 7396 merge patch.
    public var patch: JSONValue
}

extension Municipality {
    /// The value of a key attribute (docs/model.md §2, "Keys"), or `nil` when the municipality lacks it:
    /// `population`, `households`, `stock` (T_i), `stock.<segment>` (E_is, 0 when absent), `lettings`,
    /// `capacity` (`newHomes.max`, when finite) or a name in its `attributes`.
    public func keyAttribute(_ name: String, segmentIDs: [String]) -> Double? {
        switch name {
        case "population": return population
        case "households": return households
        case "stock": return totalStock
        case "lettings": return lettings
        case "capacity": return newHomes.max.isFinite ? newHomes.max : nil
        default:
            if name.hasPrefix("stock."), segmentIDs.contains(String(name.dropFirst(6))) {
                return stock[String(name.dropFirst(6))] ?? 0
            }
            return attributes[name]
        }
    }
}

/// `municipalities.ID.obligations.RULE`: an obligation the data decide, as the Wet versterking regie
/// volkshuisvesting does: the municipality's existing stock share of some segments (the `measure`) is compared with
/// a `threshold`, and one of two requirements on its new homes applies — `below` the threshold, or `atOrAbove` it
/// (docs/model.md §7). Decided before the solve: the programme stays a linear programme.
public struct Obligation: Sendable, Hashable, Identifiable {
    /// What is measured in the existing stock.
    public enum Measure: Sendable, Hashable {
        /// `{"segments": [...]}`: those segments' share of the municipality's whole stock, from `stock`.
        case stockShare(segments: [String])
        /// `{"attribute": NAME}`: a share in [0, 1] given per municipality in `attributes` (a second source).
        case attribute(String)
    }

    /// What the measure is compared with.
    public enum Threshold: Sendable, Hashable {
        /// A number in [0, 1] (`0.3`).
        case share(Double)
        /// `"regional"`: the region's own share, the measure over the sum of every municipality's stock.
        case regionalAverage
        /// `{"national": 0.27}`: a stated national average.
        case nationalAverage(Double)
    }

    /// The rule's id, e.g. `wet-vrv`.
    public var id: String
    public var measure: Measure
    public var threshold: Threshold
    /// What applies when the measure is below the threshold, and when it is at or above it.
    public var below: AlternativeOption
    public var atOrAbove: AlternativeOption

    public init(
        id: String, measure: Measure, threshold: Threshold, below: AlternativeOption, atOrAbove: AlternativeOption
    ) {
        self.id = id
        self.measure = measure
        self.threshold = threshold
        self.below = below
        self.atOrAbove = atOrAbove
    }
}

/// `priorityGroups.ID.statutory`: a priority group's task as the Huisvestingswet computes it (art. 29): each
/// municipality's share of the period's national number by its reference population, rounded up to whole
/// people, plus the swaps municipalities agreed (which sum to zero).
public struct StatutoryTask: Sendable, Hashable {
    /// `nationalNumber`: the people to house nationally in the period (a whole number).
    public var nationalNumber: Double
    /// `nationalPopulation`: the national population on the reference date.
    public var nationalPopulation: Double
    /// `population`: the attribute that holds each municipality's reference population; `nil`: its `population`.
    public var population: String?
    /// `swaps`: per municipality id, people it takes over from others (positive) or hands over (negative).
    public var swaps: [String: Double]

    public init(
        nationalNumber: Double, nationalPopulation: Double, population: String? = nil, swaps: [String: Double] = [:]
    ) {
        self.nationalNumber = nationalNumber
        self.nationalPopulation = nationalPopulation
        self.population = population
        self.swaps = swaps
    }

    /// A municipality's reference population, if it has one.
    public func referencePopulation(of municipality: Municipality) -> Double? {
        population.map { municipality.attributes[$0] } ?? municipality.population
    }

    /// The municipality's exact share of the national number: nationalNumber · population / nationalPopulation.
    public func populationShare(of municipality: Municipality) -> Double {
        nationalNumber * (referencePopulation(of: municipality) ?? 0) / nationalPopulation
    }

    /// The statutory task before swaps: ⌈nationalNumber · population / nationalPopulation⌉.
    public func statutoryTask(of municipality: Municipality) -> Double {
        // A hair below the exact quotient first, so that an exact whole share (2 · 5 / 10) is not rounded up
        // past itself by the floating-point quotient.
        let exact = populationShare(of: municipality)
        return (exact - 1e-9 * max(1, exact)).rounded(.up)
    }

    /// The task after the agreed swaps.
    public func task(of municipality: Municipality) -> Double {
        statutoryTask(of: municipality) + (swaps[municipality.id] ?? 0)
    }
}

/// The language reports are written in (`language`, and the command line's `--lang`): their words, and how their
/// numbers are written (`4.197` and `29,1%` in Dutch).
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable {
    /// English (the default).
    case en
    /// Dutch.
    case nl
}

/// The programme over time (docs/model.md §9): the horizon cut into periods, what each period asks of the region,
/// what each municipality may build in it and what it realised, how arrears carry over, and how the monitor judges
/// delivery.

/// A calendar month, written `"2025-01"` in a file. Periods begin and end with whole months, so that a period's
/// length in months — and the expected pace per month — is exact (a half-year is 6 months, not 181 days).
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1 to 12.
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Reads `"YYYY-MM"` (year 1000–9999, month 01–12), or `nil`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), year >= 1000, (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    /// Months since the start of year 0: consecutive months differ by 1.
    public var ordinal: Int { year * 12 + month - 1 }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { lhs.ordinal < rhs.ordinal }

    /// The whole months from this month through `last`, both included (`"2017-01"` through `"2017-06"`: 6).
    public func months(through last: YearMonth) -> Int { last.ordinal - ordinal + 1 }

    public var description: String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month)
    }
}

/// `periods.ID`: one period of the programme (a year, a half-year, …) and what the region must reach in it.
public struct Period: Sendable, Hashable, Identifiable {
    public init(
        id: String, label: String? = nil, start: YearMonth, end: YearMonth, newHomes: CountRange = .any,
        priorityGroups: [String: CountRange] = [:], care: [String: CountRange] = [:]
    ) {
        self.id = id
        self.label = label ?? id
        self.start = start
        self.end = end
        self.newHomes = newHomes
        self.priorityGroups = priorityGroups
        self.care = care
    }

    public var id: String
    /// `label`: the name in reports (defaults to the id).
    public var label: String
    /// `start`, `end`: the first and the last month of the period (both included).
    public var start: YearMonth
    public var end: YearMonth
    /// `newHomes`: the region's new homes in this period (R1 per period).
    public var newHomes: CountRange
    /// `priorityGroups.G.demand`: the region's placements of a group in this period — its task, e.g. the
    /// statushouders of one half-year (P1 per period).
    public var priorityGroups: [String: CountRange]
    /// `care.C.demand`: the region's new homes with a care quality in this period (C1 per period).
    public var care: [String: CountRange]

    /// The period's length in whole months.
    public var months: Int { start.months(through: end) }
}

/// What happens to what a municipality did not deliver of its task in a realised period, and to what it delivered
/// beyond it (`carryOver` of a priority group or care quality, `perPeriod` of a regional target).
public struct CarryOver: Sendable, Hashable {
    /// Arrears: the corrected task less what was realised, when positive.
    public enum Arrears: String, Sendable, Hashable, CaseIterable {
        /// Added to the next period's task (the Huisvestingswet's rule for statushouders). The default.
        case next
        /// Spread evenly over every later period of the horizon.
        case spread
        /// Dropped: each period's task stands alone.
        case none
    }

    /// A surplus: what was realised beyond the corrected task.
    public enum Surplus: String, Sendable, Hashable, CaseIterable {
        /// Not credited: the next task is not lowered. The default — the law says nothing of surpluses.
        case none
        /// Credited: deducted from the next period's task (never below 0; what is left is credited further).
        case credit
    }

    public var arrears: Arrears
    public var surplus: Surplus

    public init(arrears: Arrears = .next, surplus: Surplus = .none) {
        self.arrears = arrears
        self.surplus = surplus
    }
}

/// `municipalities.ID.periods.P`: one municipality in one period.
public struct MunicipalityPeriod: Sendable, Hashable {
    public init(newHomes: CountRange = .any, realised: [String: Double] = [:]) {
        self.newHomes = newHomes
        self.realised = realised
    }

    /// `newHomes`: what the municipality can build in this period (L1 per period).
    public var newHomes: CountRange
    /// `realised`: what it built or placed in this period, by segment, priority-group or care-quality id. In a
    /// realised period (up to `monitoring.asOf`) these are facts and every figure not given is 0.
    public var realised: [String: Double]
}

/// `monitoring`: which periods are realised, and how delivery is judged.
public struct Monitoring: Sendable, Hashable {
    public init(asOf: String? = nil, categories: DeliveryCategories = DeliveryCategories()) {
        self.asOf = asOf
        self.categories = categories
    }

    /// `asOf`: the last realised period; `nil`: the last period for which any municipality gives realised figures.
    public var asOf: String?
    /// `categories`: the thresholds of the monitor's categories.
    public var categories: DeliveryCategories
}

/// The thresholds of the monitor's categories, as shares of the plan delivered (defaults after England's Housing
/// Delivery Test: 95%, 85%, 75%).
public struct DeliveryCategories: Sendable, Hashable {
    public init(onTrack: Double = 0.95, behind: Double = 0.85, wellBehind: Double = 0.75) {
        self.onTrack = onTrack
        self.behind = behind
        self.wellBehind = wellBehind
    }

    /// `onTrack`: at least this share delivered is on track.
    public var onTrack: Double
    /// `behind`: at least this share (and less than `onTrack`) is behind.
    public var behind: Double
    /// `wellBehind`: at least this share (and less than `behind`) is well behind; less is far behind.
    public var wellBehind: Double

    /// How close below a threshold a share may be and still reach it: the plan's figures carry the solver's
    /// tolerance (a planned 100 may be 100.000001), which must not turn exactly 95% into "behind".
    public static let tolerance = 1e-6

    /// The category of a delivered share (realised ÷ plan).
    public func category(of delivered: Double) -> DeliveryCategory {
        if delivered >= onTrack - Self.tolerance { return .onTrack }
        if delivered >= behind - Self.tolerance { return .behind }
        if delivered >= wellBehind - Self.tolerance { return .wellBehind }
        return .farBehind
    }
}

/// How far a municipality is behind its plan.
public enum DeliveryCategory: String, Sendable, Hashable, CaseIterable, Codable {
    case onTrack = "on-track"
    case behind
    case wellBehind = "well-behind"
    case farBehind = "far-behind"
}

/// `fairness.over`: what the fairness level judges when the scenario has periods.
public enum PeriodFairness: String, Sendable, Hashable, CaseIterable {
    /// Every planned period on its own: each period's allocation against that period's fair shares (a `converge`
    /// segment's with the stock at the period's start). The default.
    case periods
    /// The horizon's totals only, as a scenario without periods; the phasing is then left to the central
    /// allocation.
    case horizon
}

extension Scenario {
    /// The number of realised periods: those up to `monitoring.asOf`, or up to the last period for which any
    /// municipality gives realised figures. 0 when nothing is realised yet.
    public var realisedPeriodCount: Int {
        let periods = definition.periods
        if let asOf = definition.monitoring.asOf, let index = periods.firstIndex(where: { $0.id == asOf }) {
            return index + 1
        }
        let given = periods.indices.filter { t in
            definition.municipalities.contains { !($0.periods[periods[t].id]?.realised.isEmpty ?? true) }
        }
        return (given.last ?? -1) + 1
    }

    /// The scenario as of the end of period `id` (`nil`: before the first period, nothing realised): realised
    /// figures of later periods are left out, so that the programme plans them. Validated again with `limits`.
    public func asOf(_ id: String?, limits: ScenarioLimits = ScenarioLimits()) throws(ScenarioError) -> Scenario {
        let periods = definition.periods
        let keep = id.flatMap { id in periods.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
        let later = Set(periods[keep...].map(\.id))
        var changed = definition
        changed.monitoring.asOf = id
        for i in changed.municipalities.indices {
            for period in later where changed.municipalities[i].periods[period] != nil {
                changed.municipalities[i].periods[period]?.realised = [:]
            }
        }
        let validated = try Scenario(changed, limits: limits)
        return Scenario(validated: validated.definition, document: validated.document, appliedVariant: appliedVariant)
    }
}

import FairShareEngine

/// What a change of a figure between the base and another run means, judged by the two runs' ranges
/// (docs/model.md §8).
public enum ChangeCause: String, Sendable, Hashable, CaseIterable {
    /// The ranges do not overlap: no value of the figure is equally good in both runs, so the what-if forced the
    /// change.
    case forced
    /// The ranges overlap: some value is equally good in both runs, so the change lies within the freedom the
    /// requirements leave (the central allocation moved within it).
    case withinFreedom = "within-freedom"
    /// A run has no ranges (`solver.allocation: "any"`, or they were not finished in time).
    case unknown
}

/// How many of a run's changes against the base are of each cause.
public struct ChangeCounts: Sendable, Hashable {
    public var forced = 0
    public var withinFreedom = 0
    public var unknown = 0

    /// All changes counted.
    public var total: Int { forced + withinFreedom + unknown }

    public init() {}

    /// Counts one change.
    public mutating func add(_ cause: ChangeCause) {
        switch cause {
        case .forced: forced += 1
        case .withinFreedom: withinFreedom += 1
        case .unknown: unknown += 1
        }
    }
}

extension Comparison {
    /// Two ranges count as overlapping when they are at most this far apart, relative to their size
    /// (1e-6 · max(1, |end|)): the levels are solved to a tolerance, so a firm figure's range is not a point.
    public static let overlapTolerance = 1e-6

    /// Whether a run's figure (of a municipality; `nil`: the region) was forced away from the base's: `true` when
    /// the two runs' ranges do not overlap (beyond ``overlapTolerance``), `false` when they do, `nil` when either
    /// run has no range for it.
    public func isForced(_ item: ComparedItem, in municipality: String?, of run: ComparisonRun) -> Bool? {
        guard let base, run.result.hasAllocation, base.result.hasAllocation,
            let after = run.range(item, in: municipality), let before = base.range(item, in: municipality)
        else { return nil }
        func apart(_ low: FigureRange, _ high: FigureRange) -> Bool {
            high.min - low.max > Self.overlapTolerance * max(1, abs(low.max), abs(high.min))
        }
        return apart(before, after) || apart(after, before)
    }

    /// The cause of a change of a run's figure against the base (whether or not the figure changed).
    public func cause(of item: ComparedItem, in municipality: String?, of run: ComparisonRun) -> ChangeCause {
        switch isForced(item, in: municipality, of: run) {
        case true?: .forced
        case false?: .withinFreedom
        case nil: .unknown
        }
    }
}

extension ComparisonRun {
    /// The range of the run's figure of a municipality (`nil`: the region), as
    /// `FairShareResult.range(_:_:in:)` gives it, found through the run's index of municipalities.
    func range(_ item: ComparedItem, in municipality: String?) -> FigureRange? {
        guard let municipality else { return result.range(item.kind, item.id, in: nil) }
        guard let ranges = allocation(of: municipality)?.ranges else { return nil }
        return ranges.figure(item.kind, item.id)
    }
}

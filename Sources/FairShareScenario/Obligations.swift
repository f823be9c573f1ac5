/// How an ``Obligation`` came out for one municipality: what was measured, against what, and which requirement
/// applies (docs/model.md §7). Decided from the data alone, before any solve.
public struct DecidedObligation: Sendable, Hashable {
    /// Which side of the threshold the measure fell on.
    public enum Side: String, Sendable, Hashable, CaseIterable {
        case below, atOrAbove
    }

    /// How the scenario gives the threshold (its value is ``threshold``): `thresholdKind` in the result.
    public enum ThresholdKind: String, Sendable, Hashable, CaseIterable {
        /// A share written as a number.
        case share
        /// `"regional"`: the region's own share.
        case regional
        /// `{"national": …}`: a stated national average.
        case national
    }

    /// The rule's id, e.g. `wet-vrv`.
    public var rule: String
    /// The measured share of the existing stock, in [0, 1].
    public var measured: Double
    /// The threshold it was compared with, in [0, 1], and how the scenario gives it.
    public var threshold: Double
    public var thresholdKind: ThresholdKind
    public var side: Side
    /// The requirement that applies: these segments' share of the municipality's new homes is at least this.
    public var applies: AlternativeOption

    public init(
        rule: String, measured: Double, threshold: Double, thresholdKind: ThresholdKind, side: Side,
        applies: AlternativeOption
    ) {
        self.rule = rule
        self.measured = measured
        self.threshold = threshold
        self.thresholdKind = thresholdKind
        self.side = side
        self.applies = applies
    }
}

extension Scenario {
    /// Every obligation of `municipality`, decided: its measure against the threshold, in rule order. To decide
    /// every municipality's, ``decidedObligations()`` sums the region's stock once.
    public func obligations(of municipality: Municipality) -> [DecidedObligation] {
        var regional = RegionalStockShares(definition.municipalities)
        return Self.decide(municipality, &regional)
    }

    /// Every municipality's obligations, decided, in the order of `municipalities`.
    public func decidedObligations() -> [[DecidedObligation]] {
        var regional = RegionalStockShares(definition.municipalities)
        return definition.municipalities.map { Self.decide($0, &regional) }
    }

    private static func decide(
        _ municipality: Municipality, _ regional: inout RegionalStockShares
    ) -> [DecidedObligation] {
        municipality.obligations.map { rule in
            var segments: [String] = []
            let measured: Double
            switch rule.measure {
            case .stockShare(let ids):
                segments = ids
                measured = ids.reduce(0) { $0 + (municipality.stock[$1] ?? 0) } / municipality.totalStock
            case .attribute(let name):
                measured = municipality.attributes[name] ?? 0
            }
            let threshold: Double
            let kind: DecidedObligation.ThresholdKind
            switch rule.threshold {
            case .share(let share): (threshold, kind) = (share, .share)
            case .nationalAverage(let share): (threshold, kind) = (share, .national)
            case .regionalAverage: (threshold, kind) = (regional.share(of: segments), .regional)
            }
            let side: DecidedObligation.Side = measured < threshold ? .below : .atOrAbove
            return DecidedObligation(
                rule: rule.id, measured: measured, threshold: threshold, thresholdKind: kind, side: side,
                applies: side == .below ? rule.below : rule.atOrAbove)
        }
    }
}

/// The region's share of the existing stock of a set of segments, each set summed once.
private struct RegionalStockShares {
    let municipalities: [Municipality]
    var shares: [[String]: Double] = [:]

    init(_ municipalities: [Municipality]) {
        self.municipalities = municipalities
    }

    mutating func share(of segments: [String]) -> Double {
        if let known = shares[segments] { return known }
        let inSegments = municipalities.reduce(0) { total, m in total + segments.reduce(0) { $0 + (m.stock[$1] ?? 0) } }
        let share = inSegments / municipalities.reduce(0) { $0 + $1.totalStock }
        shares[segments] = share
        return share
    }
}

extension DecidedObligation {
    /// Why this requirement applies, in words: `social-rent stock 27.4% < threshold 30.0%: at least 30% social-rent
    /// in new homes`.
    public var reason: String {
        func percent(_ share: Double) -> String {
            let tenths = (share * 1000).rounded() / 10
            return tenths == tenths.rounded() ? "\(Int(tenths))%" : "\(tenths)%"
        }
        let kind: String
        switch thresholdKind {
        case .share: kind = "threshold"
        case .regional: kind = "regional average"
        case .national: kind = "national average"
        }
        let comparison = side == .below ? "<" : "≥"
        return "stock share \(percent(measured)) \(comparison) \(kind) \(percent(threshold)): at least "
            + "\(percent(applies.minNewShare)) \(applies.segments.joined(separator: " + ")) in new homes"
    }
}

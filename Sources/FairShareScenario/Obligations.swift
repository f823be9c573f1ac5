/// How an ``Obligation`` came out for one municipality: what was measured, against what, and which requirement
/// applies (docs/model.md §7). Decided from the data alone, before any solve.
public struct DecidedObligation: Sendable, Hashable {
    /// Which side of the threshold the measure fell on.
    public enum Side: String, Sendable, Hashable, CaseIterable {
        case below, atOrAbove
    }

    /// The rule's id, e.g. `wet-vrv`.
    public var rule: String
    /// The measured share of the existing stock, in [0, 1].
    public var measured: Double
    /// The threshold it was compared with, in [0, 1], and how the scenario gives it.
    public var threshold: Double
    public var thresholdKind: Obligation.Threshold
    public var side: Side
    /// The requirement that applies: these segments' share of the municipality's new homes is at least this.
    public var applies: AlternativeOption

    public init(
        rule: String, measured: Double, threshold: Double, thresholdKind: Obligation.Threshold, side: Side,
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
    /// Every obligation of `municipality`, decided: its measure against the threshold, in rule order.
    public func obligations(of municipality: Municipality) -> [DecidedObligation] {
        municipality.obligations.map { rule in
            let measured: Double
            switch rule.measure {
            case .stockShare(let segments):
                measured = segments.reduce(0) { $0 + (municipality.stock[$1] ?? 0) } / municipality.totalStock
            case .attribute(let name):
                measured = municipality.attributes[name] ?? 0
            }
            let threshold: Double
            switch rule.threshold {
            case .share(let share), .nationalAverage(let share):
                threshold = share
            case .regionalAverage:
                let segments: [String]
                if case .stockShare(let ids) = rule.measure { segments = ids } else { segments = [] }
                let inSegments = definition.municipalities.reduce(0) { total, other in
                    total + segments.reduce(0) { $0 + (other.stock[$1] ?? 0) }
                }
                threshold = inSegments / definition.municipalities.reduce(0) { $0 + $1.totalStock }
            }
            let side: DecidedObligation.Side = measured < threshold ? .below : .atOrAbove
            return DecidedObligation(
                rule: rule.id, measured: measured, threshold: threshold, thresholdKind: rule.threshold, side: side,
                applies: side == .below ? rule.below : rule.atOrAbove)
        }
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
        case .regionalAverage: kind = "regional average"
        case .nationalAverage: kind = "national average"
        }
        let comparison = side == .below ? "<" : "≥"
        return "stock share \(percent(measured)) \(comparison) \(kind) \(percent(threshold)): at least "
            + "\(percent(applies.minNewShare)) \(applies.segments.joined(separator: " + ")) in new homes"
    }
}

import FairShareScenario

/// Obligations the data decide, in words for people: the same sentence in every report.
enum ObligationText {
    /// A share requirement on new homes: `≥ 30.0% Sociale huur`.
    static func requirement(_ option: AlternativeOption, in scenario: Scenario) -> String {
        "≥ \(Formatting.percent(option.minNewShare)) "
            + option.segments.map { id in scenario.segment(id)?.label ?? id }.joined(separator: " + ")
    }

    /// Why a requirement applies to a municipality: `Sliedrecht: wet-vrv, Sociale huur stock 33.1% ≥ threshold
    /// 30.0%: ≥ 40.0% Middenhuur + Betaalbare koop`, and ` (reached 44.4%)` when the share reached is given.
    static func line(
        _ name: String, _ decided: DecidedObligation, of municipality: String, in scenario: Scenario,
        reached: Double? = nil
    ) -> String {
        let measured: String
        if let rule = scenario.municipality(municipality)?.obligations.first(where: { $0.id == decided.rule }),
            case .stockShare(let segments) = rule.measure
        {
            measured = segments.map { scenario.segment($0)?.label ?? $0 }.joined(separator: " + ") + " stock"
        } else {
            measured = "measure"
        }
        let kind: String
        switch decided.thresholdKind {
        case .share: kind = "threshold"
        case .regional: kind = "regional average"
        case .national: kind = "national average"
        }
        return "\(name): \(decided.rule), \(measured) \(Formatting.percent(decided.measured)) "
            + "\(decided.side == .below ? "<" : "≥") \(kind) \(Formatting.percent(decided.threshold)): "
            + requirement(decided.applies, in: scenario)
            + (reached.map { " (reached \(Formatting.percent($0)))" } ?? "")
    }
}

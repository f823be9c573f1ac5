import FairShareEngine
import FairShareScenario

/// `fairshare explain`: the requirements that shape the answer, with what relaxing each is worth, and one
/// sentence per regional target.
public struct ExplanationReport: Sendable {
    public let explanation: Explanation

    public init(_ explanation: Explanation) {
        self.explanation = explanation
    }

    /// The unit a level's optimum is counted in.
    var optimumUnit: String {
        explanation.level == .fairness && explanation.result.objective.contains { $0.level == .tiebreak }
            ? "of weighted deviation" : "homes and placements"
    }

    /// One row per requirement: path, current value, binding, worth per unit, range.
    public var table: TextTable {
        var table = TextTable(
            headers: ["Requirement", "Now", "Binds", "Worth per unit", "Holds from", "to"],
            alignments: [.left, .right, .left, .right, .right, .right])
        for item in explanation.items {
            let unit = Self.unitName(item.requirement.unit)
            table.rows.append([
                item.requirement.path.description, Self.value(item.requirement.value, item.requirement.unit),
                item.binding ? "yes" : "no",
                item.binding ? "\(Formatting.optimum(item.improvementPerUnit)) per \(unit)" : "–",
                item.validFrom.map { Self.value($0, item.requirement.unit) } ?? "–",
                item.validTo.map { Self.value($0, item.requirement.unit) } ?? "–",
            ])
        }
        return table
    }

    /// "Raising social-30 from 30% to 31% costs 12.4 homes and placements of fairness." for every target.
    public var targetSentences: [String] {
        explanation.items.filter { $0.requirement.family == "R2" }.map { item in
            let id = item.requirement.path.components[2].name ?? ""
            let now = item.requirement.value
            let raising = item.requirement.side == .minimum
            let next = raising ? now + 0.01 : now - 0.01
            let verb = raising ? "Raising" : "Lowering"
            let change = "\(verb) \(id) from \(Formatting.percent(now)) to \(Formatting.percent(next))"
            if item.binding {
                return "\(change) costs \(Formatting.optimum(item.improvementPerUnit)) \(optimumUnit) of "
                    + "\(explanation.level.rawValue)."
            }
            let reached = item.reached.map { " (the region reaches \(Formatting.percent($0)))" } ?? ""
            return "\(change) costs nothing: the target does not bind\(reached)."
        }
    }

    public func text() -> String {
        var out =
            "\(explanation.result.scenario)"
            + (explanation.result.variant.map { " (variant \($0))" } ?? "")
            + ": what shapes the \(explanation.level.rawValue) optimum of "
            + "\(Formatting.optimum(explanation.optimum)) \(optimumUnit)\n\n"
        out += "Worth per unit: how much the optimum improves per home, placement or share point of relaxation.\n"
        out += table.text()
        out += "\n" + targetSentences.joined(separator: "\n") + "\n"
        return out
    }

    public func markdown() -> String {
        var out =
            "## What shapes the \(explanation.level.rawValue) optimum of "
            + "\(MarkdownText.escaped(explanation.result.scenario))\n\n"
        out +=
            "Optimum: \(Formatting.optimum(explanation.optimum)) \(optimumUnit). Worth per unit: how much it "
            + "improves per home, placement or share point of relaxation.\n\n"
        out += table.markdown()
        out += "\n" + targetSentences.map { "- " + MarkdownText.escaped($0) }.joined(separator: "\n") + "\n"
        return out
    }

    static func unitName(_ unit: Requirement.Unit) -> String {
        switch unit {
        case .homes: "home"
        case .placements: "placement"
        case .share: "share point"
        }
    }

    static func value(_ value: Double, _ unit: Requirement.Unit) -> String {
        unit == .share ? Formatting.percent(value) : Formatting.count(value)
    }
}

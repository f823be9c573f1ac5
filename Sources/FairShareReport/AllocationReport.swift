import FairShareEngine
import FairShareScenario

/// The human-readable report of one result: the allocation per municipality, each municipality's fair share
/// against what it gets, and the region's totals, targets, groups, care qualities and level optima.
public struct AllocationReport: Sendable {
    public let result: FairShareResult
    public let scenario: Scenario

    public init(result: FairShareResult, scenario: Scenario) {
        self.result = result
        self.scenario = scenario
    }

    /// The title line: scenario, variant and status.
    public var title: String {
        let variant = result.variant.map { "variant \($0)" } ?? "base scenario"
        return "\(result.scenario) (\(variant)): \(result.status.rawValue)"
    }

    /// New homes per segment, total, stock shares of converging segments before → after, placements, care.
    public var allocationTable: TextTable {
        let segments = scenario.segments
        let converging = segments.filter { if case .converge? = $0.fair { true } else { false } }
        var headers = ["Municipality"] + segments.map(\.label) + ["Total"]
        headers += converging.map { "\($0.label) share of stock" }
        headers += scenario.priorityGroups.map(\.label) + scenario.careQualities.map(\.label)
        // Either-or rules (SPEC §7): the option each municipality takes.
        var rules: [String] = []
        for allocation in result.municipalities {
            for chosen in allocation.alternatives where !rules.contains(chosen.rule) { rules.append(chosen.rule) }
        }
        headers += rules
        var table = TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: headers.count - 1))
        for allocation in result.municipalities {
            var row = [allocation.name]
            row += segments.map { Formatting.count(allocation.newHomes[$0.id] ?? 0) }
            row.append(Formatting.count(allocation.total))
            row += converging.map {
                Formatting.percent(allocation.stockShareBefore[$0.id] ?? 0) + " → "
                    + Formatting.percent(allocation.stockShareAfter[$0.id] ?? 0)
            }
            row += scenario.priorityGroups.map { Formatting.count(allocation.placements[$0.id] ?? 0) }
            row += scenario.careQualities.map { Formatting.count(allocation.care[$0.id] ?? 0) }
            row += rules.map { rule in allocation.alternatives.first { $0.rule == rule }.map(option) ?? "–" }
            table.rows.append(row)
        }
        table.rulesBefore = [table.rows.count]
        var total = ["Region"] + segments.map { Formatting.count(result.region.newHomes[$0.id] ?? 0) }
        total.append(Formatting.count(result.region.total))
        total += converging.map { segment in
            let before = scenario.municipalities.reduce(0) { $0 + ($1.stock[segment.id] ?? 0) }
            let stock = scenario.municipalities.reduce(0) { $0 + $1.totalStock }
            let after = stock + result.region.total > 0
                ? (before + (result.region.newHomes[segment.id] ?? 0)) / (stock + result.region.total) : 0
            return Formatting.percent(stock > 0 ? before / stock : 0) + " → " + Formatting.percent(after)
        }
        total += result.region.priorityGroups.map { Formatting.count($0.placed) }
        total += result.region.care.map { Formatting.count($0.placed) }
        total += rules.map { _ in "" }
        table.rows.append(total)
        return table
    }

    /// An either-or option as taken: `≥ 40% Middenhuur + Betaalbare koop`.
    func option(_ chosen: ChosenOption) -> String {
        "≥ \(Formatting.percent(chosen.minNewShare)) "
            + chosen.segments.map { id in scenario.segment(id)?.label ?? id }.joined(separator: " + ")
    }

    /// Per municipality and fair item: what it gets, its fair share, and the difference.
    public var fairnessTable: TextTable {
        let labels = result.fairItemIDs.map { id in
            scenario.segment(id)?.label ?? scenario.priorityGroups.first { $0.id == id }?.label
                ?? scenario.careQualities.first { $0.id == id }?.label ?? id
        }
        let headers = ["Municipality"] + labels
        var table = TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: labels.count))
        for allocation in result.municipalities {
            var row = [allocation.name]
            for id in result.fairItemIDs {
                let fair = allocation.fairShare[id] ?? 0
                let gets = allocation.newHomes[id] ?? allocation.placements[id] ?? allocation.care[id] ?? 0
                // The difference of the figures as shown, so that every cell adds up as printed.
                let difference = Formatting.signed(gets.rounded() - fair.rounded())
                row.append("\(Formatting.count(gets)) / \(Formatting.count(fair)) (\(difference))")
            }
            table.rows.append(row)
        }
        return table
    }

    /// The regional lines: total, targets, groups, care qualities, level optima.
    public var regionLines: [String] {
        var lines: [String] = []
        let region = scenario.region
        lines.append("New homes: \(Formatting.count(result.region.total)) (allowed "
            + "\(Formatting.range(min: region.newHomes.min, max: region.newHomes.max)))")
        for (target, outcome) in zip(region.targets, result.region.targets) {
            var bounds: [String] = []
            if target.minShare > 0 { bounds.append("min \(Formatting.percent(target.minShare))") }
            if target.maxShare < 1 { bounds.append("max \(Formatting.percent(target.maxShare))") }
            var line = "Target \(target.id): \(Formatting.percent(outcome.share)) (\(bounds.joined(separator: ", ")))"
                + (outcome.met ? " met" : " NOT met")
            if Formatting.count(outcome.shortfall) != "0" { line += ", short by \(Formatting.count(outcome.shortfall)) homes" }
            lines.append(line)
        }
        for (group, outcome) in zip(scenario.priorityGroups, result.region.priorityGroups) {
            lines.append("\(group.label): \(Formatting.count(outcome.placed)) placements (demand "
                + "\(Formatting.range(min: group.demand.min, max: group.demand.max)))"
                + (Formatting.count(outcome.shortfall) != "0" ? ", short by \(Formatting.count(outcome.shortfall))" : ""))
        }
        for (quality, outcome) in zip(scenario.careQualities, result.region.care) {
            lines.append("\(quality.label): \(Formatting.count(outcome.placed)) homes (demand "
                + "\(Formatting.range(min: quality.demand.min, max: quality.demand.max)))"
                + (Formatting.count(outcome.shortfall) != "0" ? ", short by \(Formatting.count(outcome.shortfall))" : ""))
        }
        let optima = result.objective.map { "\($0.level.rawValue) \(Formatting.optimum($0.value))" }
        lines.append("Level optima: " + (optima.isEmpty ? "none" : optima.joined(separator: ", "))
            + (scenario.fairness.norm == .sum ? " (homes and placements away from their fair share)"
                : " (fairness: worst weighted deviation per unit of size)"))
        if let gap = result.mipGap { lines.append("MIP gap: \(Formatting.percent(gap))") }
        return lines
    }

    /// The whole report for a terminal; tables wrap their headers to fit in `width` characters where they can.
    public func text(width: Int = TextTable.defaultWidth) -> String {
        var out = title + "\n"
        if let failure = result.failure { out += failure + "\n" }
        guard result.hasAllocation else { return out }
        out += "\nNew homes\(horizon)\n" + allocationTable.text(width: width)
        if !result.fairItemIDs.isEmpty {
            out += "\nFair shares: what each municipality gets / its fair share (difference)\n"
                + fairnessTable.text(width: width)
        }
        out += "\nRegion\n" + regionLines.map { "  " + $0 }.joined(separator: "\n") + "\n"
        return out
    }

    /// The whole report as Markdown.
    public func markdown() -> String {
        var out = "## \(title)\n"
        if let failure = result.failure { out += "\n\(failure)\n" }
        if let diagnosis = result.diagnosis { out += "\n" + DiagnosisReport(diagnosis).markdown() }
        guard result.hasAllocation else { return out }
        out += "\n### New homes\(horizon)\n\n" + allocationTable.markdown()
        if !result.fairItemIDs.isEmpty {
            out += "\n### Fair shares\n\nWhat each municipality gets / its fair share (difference).\n\n" + fairnessTable.markdown()
        }
        out += "\n### Region\n\n" + regionLines.map { "- " + $0 }.joined(separator: "\n") + "\n"
        return out
    }

    /// " 2025–2030", or nothing when the scenario has no horizon.
    private var horizon: String {
        scenario.horizon.map { " \($0.start)–\($0.end)" } ?? ""
    }
}

import FairShareEngine
import FairShareScenario

/// The human-readable report of one result: the allocation per municipality, each municipality's fair share
/// against what it gets, and the region's totals, targets, groups, care qualities and level optima.
public struct AllocationReport: Sendable {
    public let result: FairShareResult
    public let scenario: Scenario
    /// The whole numbers the tables show: rounded so that the totals add up.
    public let shown: ShownAllocation
    /// The language of the report's words and numbers.
    public let language: ReportLanguage
    /// How the tables write numbers: `ReportLanguage.numbers` unless set otherwise (the HTML report groups
    /// thousands in English too).
    public var numbers: ReportNumbers

    /// - Parameters:
    ///   - result: the result to report.
    ///   - scenario: the scenario it was solved from: labels, targets, demands.
    ///   - language: the language of the report's words and numbers (`ReportLanguage.numbers`).
    public init(result: FairShareResult, scenario: Scenario, language: ReportLanguage = .en) {
        self.result = result
        self.scenario = scenario
        self.language = language
        numbers = language.numbers
        shown = ShownAllocation(result)
    }

    var strings: ReportStrings { language.strings }

    /// The mark after a free figure (one whose range is wider than half a home or placement): `530~`.
    public static let freeMark = "~"

    /// The title line: scenario, variant and status.
    public var title: String {
        let variant = result.variant.map(strings.variant) ?? strings.baseScenario
        return "\(result.scenario) (\(variant)): \(strings.status(result.status))"
    }

    /// New homes per segment, total, stock shares of converging segments before → after, placements, care.
    ///
    /// Figures are whole numbers that add up (``ShownAllocation``), every free one marked with ``freeMark``.
    public var allocationTable: TextTable {
        let segments = scenario.segments
        let converging = segments.filter { if case .converge? = $0.fair { true } else { false } }
        var headers = [strings.municipality] + segments.map(\.label) + [strings.total]
        headers += converging.map { strings.shareOfStock($0.label) }
        headers += scenario.priorityGroups.map(\.label) + scenario.careQualities.map(\.label)
        // Either-or rules (docs/model.md §7): the option each municipality takes.
        var rules: [String] = []
        for allocation in result.municipalities {
            for chosen in allocation.alternatives where !rules.contains(chosen.rule) { rules.append(chosen.rule) }
        }
        headers += rules
        // Obligations the data decide (docs/model.md §7): the requirement that applies to each municipality.
        var obligations: [String] = []
        for allocation in result.municipalities {
            for outcome in allocation.obligations where !obligations.contains(outcome.decided.rule) {
                obligations.append(outcome.decided.rule)
            }
        }
        headers += obligations
        var table = TextTable(
            headers: headers, alignments: [.left] + Array(repeating: .right, count: headers.count - 1))
        for allocation in result.municipalities {
            func cell(_ kind: ComparedItem.Kind, _ id: String) -> String { figure(kind, id, in: allocation.id) }
            var row = [allocation.name]
            row += segments.map { cell(.newHomes, $0.id) }
            row.append(cell(.total, "total"))
            row += converging.map {
                numbers.percent(allocation.stockShareBefore[$0.id] ?? 0) + " → "
                    + numbers.percent(allocation.stockShareAfter[$0.id] ?? 0)
            }
            row += scenario.priorityGroups.map { cell(.placements, $0.id) }
            row += scenario.careQualities.map { cell(.care, $0.id) }
            row += rules.map { rule in allocation.alternatives.first { $0.rule == rule }.map(option) ?? "–" }
            row += obligations.map { rule in
                allocation.obligations.first { $0.decided.rule == rule }.map { requirement($0.decided.applies) } ?? "–"
            }
            table.rows.append(row)
        }
        table.rulesBefore = [table.rows.count]
        var total = [strings.region] + segments.map { figure(.newHomes, $0.id, in: nil) }
        total.append(figure(.total, "total", in: nil))
        total += converging.map { segment in
            let before = scenario.municipalities.reduce(0) { $0 + ($1.stock[segment.id] ?? 0) }
            let stock = scenario.municipalities.reduce(0) { $0 + $1.totalStock }
            // After building and the planned stock changes.
            let net = scenario.municipalities.reduce(0) { $0 + ($1.netStock[segment.id] ?? 0) }
            let netStock = scenario.municipalities.reduce(0) { $0 + $1.netTotalStock }
            let after =
                netStock + result.region.total > 0
                ? (net + (result.region.newHomes[segment.id] ?? 0)) / (netStock + result.region.total) : 0
            return numbers.percent(stock > 0 ? before / stock : 0) + " → " + numbers.percent(after)
        }
        total += result.region.priorityGroups.map { figure(.placements, $0.id, in: nil) }
        total += result.region.care.map { figure(.care, $0.id, in: nil) }
        total += (rules + obligations).map { _ in "" }
        table.rows.append(total)
        return table
    }

    /// A figure as a table shows it: its whole number, and ``freeMark`` when it is free.
    func figure(_ kind: ComparedItem.Kind, _ id: String, in municipality: String?) -> String {
        let value = shown.value(kind, id, in: municipality) ?? 0
        return numbers.whole(value) + (result.isFree(kind, id, in: municipality) ? Self.freeMark : "")
    }

    /// What the allocation table's figures are: whole numbers that add up, and which are free. In Markdown the
    /// mark is a code span.
    public func allocationNote(markdown: Bool = false) -> String {
        var note = shown.addsUp ? strings.addsUp : strings.roundedAlone
        switch result.allocation {
        case .any:
            note += strings.oneOfMany
        case .central:
            note +=
                open.entries.isEmpty
                ? strings.everyFigureFirm
                : strings.freeMarkNote(markdown ? "`\(Self.freeMark)`" : Self.freeMark)
        }
        return note
    }

    /// Every free figure with its range.
    public var open: OpenFigures {
        var open = OpenFigures(result: result, scenario: scenario, shown: shown, language: language)
        open.numbers = numbers
        return open
    }

    /// ", short by 12" when a demand's shortfall shows as a whole number above 0; empty otherwise.
    private func shortBy(_ outcome: DemandOutcome) -> String {
        Formatting.count(outcome.shortfall) != "0" ? strings.shortBy(numbers.count(outcome.shortfall)) : ""
    }

    /// An either-or option as taken: `≥ 40% Middenhuur + Betaalbare koop`.
    func option(_ chosen: ChosenOption) -> String {
        requirement(AlternativeOption(segments: chosen.segments, minNewShare: chosen.minNewShare))
    }

    /// A share requirement on new homes: `≥ 30% Sociale huur`.
    func requirement(_ option: AlternativeOption) -> String { ObligationText.requirement(option, in: scenario) }

    /// One line per priority group with a statutory task and municipality: the statutory task, the swap, the
    /// resulting task and the placements. `Dordrecht: statushouders, statutory 7 (6.80 rounded up), swap −2, task 5;
    /// placed 5`.
    var statutoryLines: [String] {
        scenario.priorityGroups.flatMap { group -> [String] in
            guard let statutory = group.statutory else { return [] }
            return scenario.municipalities.map { municipality in
                let exact = statutory.populationShare(of: municipality)
                let swap = statutory.swaps[municipality.id] ?? 0
                return "\(municipality.name): \(group.label), statutory "
                    + "\(Formatting.whole(statutory.statutoryTask(of: municipality))) "
                    + "(\(JSONWriter.number((exact * 1000).rounded() / 1000)) rounded up), swap \(swap > 0 ? "+" : "")\(Formatting.whole(swap)), "
                    + "task \(Formatting.whole(statutory.task(of: municipality))); placed "
                    + figure(.placements, group.id, in: municipality.id)
            }
        }
    }

    /// One line per municipality and obligation the data decide: why its requirement applies, and the share
    /// reached. `Sliedrecht: wet-vrv, Sociale huur stock 33.1% ≥ threshold 30.0%: ≥ 40.0% Middenhuur + Betaalbare
    /// koop (reached 44.4%)`.
    var obligationLines: [String] {
        result.municipalities.flatMap { allocation in
            allocation.obligations.map { outcome in
                ObligationText.line(
                    allocation.name, outcome.decided, of: allocation.id, in: scenario, reached: outcome.share)
            }
        }
    }

    /// Per municipality and fair item: what it gets, its fair share, and the difference.
    public var fairnessTable: TextTable {
        let labels = result.fairItemIDs.map { id in
            scenario.segment(id)?.label ?? scenario.priorityGroups.first { $0.id == id }?.label
                ?? scenario.careQualities.first { $0.id == id }?.label ?? id
        }
        let headers = [strings.municipality] + labels
        var table = TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: labels.count))
        for allocation in result.municipalities {
            var row = [allocation.name]
            for id in result.fairItemIDs {
                let fair = allocation.fairShare[id] ?? 0
                let kind: ComparedItem.Kind =
                    allocation.newHomes[id] != nil
                    ? .newHomes
                    : allocation.placements[id] != nil ? .placements : .care
                let gets = shown.value(kind, id, in: allocation.id) ?? 0
                let mark = result.isFree(kind, id, in: allocation.id) ? Self.freeMark : ""
                // The difference of the figures as shown, so that every cell adds up as printed.
                let difference = numbers.signed(gets - fair.rounded())
                row.append("\(numbers.whole(gets))\(mark) / \(numbers.count(fair)) (\(difference))")
            }
            table.rows.append(row)
        }
        return table
    }

    /// The regional lines: total, targets, groups, care qualities, level optima.
    public var regionLines: [String] {
        var lines: [String] = []
        let region = scenario.region
        lines.append(
            strings.regionNewHomes(
                numbers.whole(shown.region.total), numbers.range(min: region.newHomes.min, max: region.newHomes.max)))
        // Gross new building and the net change of the stock, when the stock changes besides new building.
        let changes = scenario.municipalities.map(\.stockChanges)
        if changes.contains(where: { !$0.isEmpty }) {
            let demolished = changes.reduce(0) { $0 + $1.demolition.values.reduce(0, +) }
            var moved: [String] = []
            for kind in StockTransfer.Kind.allCases {
                let homes = changes.reduce(0) { total, change in
                    total + change.transfers.filter { $0.kind == kind }.reduce(0) { $0 + $1.homes }
                }
                if homes > 0 { moved.append("\(strings.transfer(kind)) \(numbers.whole(homes))") }
            }
            lines.append(
                strings.stockBesidesBuilding(numbers.whole(demolished))
                    + (moved.isEmpty ? "" : ", \(strings.changingSegment): " + moved.joined(separator: ", "))
                    + strings.netChange(numbers.whole(shown.region.total - demolished)))
        }
        for (target, outcome) in zip(region.targets, result.region.targets) {
            var bounds: [String] = []
            if target.minShare > 0 { bounds.append("\(strings.minimum) \(numbers.percent(target.minShare))") }
            if target.maxShare < 1 { bounds.append("\(strings.maximum) \(numbers.percent(target.maxShare))") }
            var line =
                strings.target(target.id, numbers.percent(outcome.share), bounds.joined(separator: ", ")) + " "
                + (outcome.met ? strings.met : strings.notMet)
            if Formatting.count(outcome.shortfall) != "0" {
                line += strings.shortByHomes(numbers.count(outcome.shortfall))
            }
            lines.append(line)
        }
        for (group, outcome) in zip(scenario.priorityGroups, result.region.priorityGroups) {
            let placed = shown.region.placements[group.id] ?? outcome.placed.rounded()
            lines.append(
                strings.placementsLine(
                    group.label, numbers.whole(placed), numbers.range(min: group.demand.min, max: group.demand.max))
                    + shortBy(outcome))
        }
        for (quality, outcome) in zip(scenario.careQualities, result.region.care) {
            let placed = shown.region.care[quality.id] ?? outcome.placed.rounded()
            lines.append(
                strings.careLine(
                    quality.label, numbers.whole(placed),
                    numbers.range(min: quality.demand.min, max: quality.demand.max))
                    + shortBy(outcome))
        }
        let optima = result.objective.map { "\(strings.level($0.level)) \(numbers.optimum($0.value))" }
        lines.append(
            "\(strings.levelOptima): " + (optima.isEmpty ? strings.none : optima.joined(separator: ", "))
                + " (\(scenario.fairness.norm == .sum ? strings.sumNormUnit : strings.maxNormUnit))")
        if let gap = result.mipGap { lines.append("\(strings.mipGap): \(numbers.percent(gap))") }
        return lines
    }

    /// The whole report for a terminal; tables wrap their headers to fit in `width` characters where they can,
    /// and notes wrap at `width`.
    public func text(width: Int = TextTable.defaultWidth) -> String {
        func paragraph(_ text: String) -> String {
            TextTable.wrap(text, width: max(30, width), atHyphens: false).joined(separator: "\n") + "\n"
        }
        var out = title + "\n"
        if let failure = result.failure { out += "\(failure)\n" }
        guard result.hasAllocation else { return out }
        out +=
            "\n\(strings.newHomes)\(horizon)\n" + Self.aligningMarks(allocationTable).text(width: width)
            + paragraph(allocationNote())
        out += PeriodReport(result: result, scenario: scenario).text(width: width)
        let open = self.open
        if !open.entries.isEmpty {
            out +=
                "\n\(strings.leftOpen)\n" + open.table.text(width: width)
                + paragraph(strings.leftOpenExplanation)
        }
        let statutory = statutoryLines
        if !statutory.isEmpty {
            out +=
                "\n\(strings.statutoryTasks)\n" + statutory.map { "  " + $0 }.joined(separator: "\n")
                + "\n"
        }
        let obligations = obligationLines
        if !obligations.isEmpty {
            out +=
                "\n\(strings.obligationsByStock)\n" + obligations.map { "  " + $0 }.joined(separator: "\n")
                + "\n"
        }
        if !result.fairItemIDs.isEmpty {
            out +=
                "\n\(strings.fairSharesTitle)\n"
                + fairnessTable.text(width: width)
        }
        out += "\n\(strings.region)\n" + regionLines.map { "  " + $0 }.joined(separator: "\n") + "\n"
        return out
    }

    /// The whole report as Markdown; the result's warnings close it.
    public func markdown() -> String {
        var out = "## \(MarkdownText.escaped(title))\n"
        if let failure = result.failure { out += "\n\(MarkdownText.escaped(failure.description))\n" }
        if let diagnosis = result.diagnosis { out += "\n" + DiagnosisReport(diagnosis).markdown() }
        guard result.hasAllocation else { return out + warningsMarkdown }
        out +=
            "\n### \(strings.newHomes)\(horizon)\n\n" + allocationTable.markdown() + "\n"
            + allocationNote(markdown: true) + "\n"
        out += PeriodReport(result: result, scenario: scenario).markdown()
        let open = self.open
        if !open.entries.isEmpty {
            out +=
                "\n### \(strings.leftOpen)\n\n" + open.table.markdown() + "\n"
                + strings.leftOpenExplanation + "\n"
        }
        let statutory = statutoryLines
        if !statutory.isEmpty {
            out +=
                "\n### \(strings.statutoryTasks)\n\n"
                + statutory.map { "- " + MarkdownText.escaped($0) }.joined(separator: "\n")
                + "\n"
        }
        let obligations = obligationLines
        if !obligations.isEmpty {
            out +=
                "\n### \(strings.obligationsByStock)\n\n"
                + obligations.map { "- " + MarkdownText.escaped($0) }.joined(separator: "\n")
                + "\n"
        }
        if !result.fairItemIDs.isEmpty {
            out +=
                "\n### \(strings.fairShares)\n\n\(strings.fairSharesNote)\n\n"
                + fairnessTable.markdown()
        }
        out +=
            "\n### \(strings.region)\n\n" + regionLines.map { "- " + MarkdownText.escaped($0) }.joined(separator: "\n")
            + "\n"
        return out + warningsMarkdown
    }

    /// `### Warnings` with one item per warning of the result (its JSON path, then its message); empty without.
    private var warningsMarkdown: String {
        guard !result.warnings.isEmpty else { return "" }
        return "\n### \(strings.warnings)\n\n"
            + result.warnings.map { warning in
                let text = WarningText.text(
                    warning, result: result, scenario: scenario, language: language, numbers: numbers)
                return "- `\(warning.path)`: \(MarkdownText.escaped(text))"
            }.joined(separator: "\n")
            + "\n"
    }

    /// `table` with a space after every unmarked cell in a column that holds a ``freeMark``, so that the digits
    /// of marked and unmarked figures line up in a terminal.
    static func aligningMarks(_ table: TextTable) -> TextTable {
        var aligned = table
        for column in table.headers.indices where table.rows.contains(where: { $0[column].hasSuffix(freeMark) }) {
            for row in aligned.rows.indices where !aligned.rows[row][column].hasSuffix(freeMark) {
                aligned.rows[row][column] += " "
            }
        }
        return aligned
    }

    /// " 2025–2030", or nothing when the scenario has no horizon.
    private var horizon: String {
        scenario.horizon.map { " \($0.start)–\($0.end)" } ?? ""
    }
}

import FairShareEngine
import FairShareReport
import FairShareScenario

/// A result as an Excel workbook (`fairshare solve --format xlsx --output FILE`): one sheet per table, numbers as
/// numbers, the header row frozen.
///
/// - **Allocation**: the whole numbers of the report's table (FairShareReport's `ShownAllocation`: rounded so that
///   every total adds up), per municipality and for the region: new homes per segment, their total, placements per
///   priority group, care homes per care quality.
/// - **Details**: the CSV's records (`AllocationCSV.records()` in FairShareReport), exact values with fair shares,
///   deviations, stock shares (as percentages) and ranges.
/// - **Targets**: each regional target's share reached against its bounds, and each demand's placements.
public enum AllocationWorkbook {
    /// The sheets of `result` (a solve of `scenario`); a result without an allocation has the headers only.
    public static func sheets(_ result: FairShareResult, scenario: Scenario) -> [Worksheet] {
        [allocation(result, scenario), details(result, scenario), targets(result, scenario)]
    }

    /// Writes the sheets of `result` to `path`.
    /// - Throws: ``XLSXError`` when the file cannot be written.
    public static func write(_ result: FairShareResult, scenario: Scenario, to path: String) throws(XLSXError) {
        try XLSXWorkbook.write(sheets(result, scenario: scenario), to: path)
    }

    static func allocation(_ result: FairShareResult, _ scenario: Scenario) -> Worksheet {
        let headers =
            ["Municipality", "Name"] + scenario.segments.map(\.label) + ["Total"]
            + scenario.priorityGroups.map(\.label) + scenario.careQualities.map(\.label)
        var sheet = Worksheet(
            name: "Allocation", headers: headers,
            styles: [.general, .general] + Array(repeating: .whole, count: headers.count - 2))
        guard result.hasAllocation else { return sheet }
        let shown = ShownAllocation(result)
        func row(_ id: String, _ name: String, _ figures: ShownAllocation.Figures) -> [Worksheet.Cell] {
            [.text(id), .text(name)] + scenario.segments.map { .number(figures.newHomes[$0.id] ?? 0) }
                + [.number(figures.total)]
                + scenario.priorityGroups.map { .number(figures.placements[$0.id] ?? 0) }
                + scenario.careQualities.map { .number(figures.care[$0.id] ?? 0) }
        }
        for allocation in result.municipalities {
            guard let figures = shown.municipalities[allocation.id] else { continue }
            sheet.rows.append(row(allocation.id, allocation.name, figures))
        }
        sheet.rows.append(row("", "Region", shown.region))
        return sheet
    }

    static func details(_ result: FairShareResult, _ scenario: Scenario) -> Worksheet {
        let records = AllocationCSV(result: result, scenario: scenario).records()
        let percent: Set<String> = ["stockShareBefore", "stockShareAfter"]
        return Worksheet(
            name: "Details", headers: records.columns,
            styles: records.columns.map { percent.contains($0) ? .percent : .general },
            rows: records.rows.map { row in
                row.map { field in
                    switch field {
                    case .text(let text): .text(text)
                    case .number(let value): value.map { .number($0) } ?? .empty
                    }
                }
            })
    }

    static func targets(_ result: FairShareResult, _ scenario: Scenario) -> Worksheet {
        var sheet = Worksheet(
            name: "Targets", headers: ["Requirement", "Kind", "Reached", "Minimum", "Maximum", "Met", "Shortfall"],
            styles: [.general, .general, .general, .general, .general, .general, .general])
        guard result.hasAllocation else { return sheet }
        for target in result.region.targets {
            sheet.rows.append([
                .text(target.id), .text("share of new homes"), .number(target.share), .number(target.minShare),
                .number(target.maxShare), .text(target.met ? "yes" : "no"), .number(target.shortfall),
            ])
        }
        func demands(_ outcomes: [DemandOutcome], _ kind: String, _ ranges: (String) -> CountRange?) {
            for outcome in outcomes {
                let demand = ranges(outcome.id)
                sheet.rows.append([
                    .text(outcome.id), .text(kind), .number(outcome.placed), demand.map { .number($0.min) } ?? .empty,
                    demand.map { $0.max.isFinite ? .number($0.max) : .empty } ?? .empty,
                    .text(outcome.shortfall > 0 ? "no" : "yes"), .number(outcome.shortfall),
                ])
            }
        }
        demands(result.region.priorityGroups, "placements") { id in
            scenario.priorityGroups.first { $0.id == id }?.demand
        }
        demands(result.region.care, "care homes") { id in scenario.careQualities.first { $0.id == id }?.demand }
        return sheet
    }
}

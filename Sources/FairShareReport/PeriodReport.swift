import FairShareEngine
import FairShareScenario

/// The phasing of a result over its periods (docs/model.md §9): new homes per municipality and period, and per
/// priority group or care quality with a task per period, what was realised or is planned against the corrected
/// task. Realised periods are marked with ``realisedMark``.
public struct PeriodReport: Sendable {
    public let result: FairShareResult
    public let scenario: Scenario

    /// The mark after a realised period's heading: its figures are facts, not a plan.
    public static let realisedMark = " (realised)"

    public init(result: FairShareResult, scenario: Scenario) {
        self.result = result
        self.scenario = scenario
    }

    /// Whether there is a phasing to show: two periods or more, and an allocation.
    public var isShown: Bool { result.periods.count >= 2 && result.hasAllocation }

    /// A period's heading: its label, and ``realisedMark`` for a realised one.
    func heading(_ period: PeriodOutcome) -> String {
        period.label + (period.isRealised ? Self.realisedMark : "")
    }

    /// New homes per municipality (rows) and period (columns), with the horizon total and the region's row. Whole
    /// homes rounded so that every row and column adds up (controlled rounding); each municipality's total is its
    /// exact horizon total rounded, as in the allocation table's rounding where the two agree.
    public var newHomesTable: TextTable {
        let periods = result.periods
        let exact = result.municipalities.indices.map { i in periods.map { $0.municipalities[i].total } }
        let rounded =
            (try? ControlledRounding.round(exact.map { $0.map { max(0, $0) } }))?.entries.map { $0.map(Double.init) }
            ?? exact.map { $0.map { $0.rounded() } }
        var table = TextTable(
            headers: ["Municipality"] + periods.map(heading) + ["Total"],
            alignments: [.left] + Array(repeating: .right, count: periods.count + 1))
        for (i, allocation) in result.municipalities.enumerated() {
            table.rows.append(
                [allocation.name] + rounded[i].map(Formatting.whole) + [Formatting.whole(rounded[i].reduce(0, +))])
        }
        table.rulesBefore = [table.rows.count]
        let columns = periods.indices.map { t in rounded.reduce(0) { $0 + $1[t] } }
        table.rows.append(["Region"] + columns.map(Formatting.whole) + [Formatting.whole(columns.reduce(0, +))])
        return table
    }

    /// Per tasked priority group or care quality: a table of municipalities × periods, each cell "delivered / corrected
    /// task" (realised or planned against the period's task plus arrears carried in).
    public var taskTables: [(title: String, table: TextTable)] {
        let periods = result.periods
        var ids: [String] = []
        for period in periods { for id in period.region.tasks.keys.sorted() where !ids.contains(id) { ids.append(id) } }
        let order = result.groupIDs + result.careIDs
        ids.sort { (order.firstIndex(of: $0) ?? 0) < (order.firstIndex(of: $1) ?? 0) }
        return ids.map { id in
            let label =
                scenario.priorityGroups.first { $0.id == id }?.label ?? scenario.careQualities.first { $0.id == id }?
                .label ?? id
            var table = TextTable(
                headers: ["Municipality"] + periods.map(heading),
                alignments: [.left] + Array(repeating: .right, count: periods.count))
            func cell(_ task: PeriodTask?) -> String {
                guard let task else { return "–" }
                let carried =
                    Formatting.count(task.arrears) == "0" ? "" : " (\(Formatting.signed(task.arrears)) carried)"
                return "\(Formatting.count(task.delivered)) / \(Formatting.count(task.corrected))\(carried)"
            }
            for (i, allocation) in result.municipalities.enumerated() {
                table.rows.append([allocation.name] + periods.map { cell($0.municipalities[i].tasks[id]) })
            }
            table.rulesBefore = [table.rows.count]
            table.rows.append(["Region"] + periods.map { cell($0.region.tasks[id]) })
            return ("\(label) per period: realised or planned / corrected task (task + arrears carried in)", table)
        }
    }

    /// One line per target that holds per period: the share reached in each period and the arrears carried in.
    public var targetLines: [String] {
        guard let first = result.periods.first else { return [] }
        return first.region.targets.map { target in
            let cells = result.periods.map { period -> String in
                guard let outcome = period.region.targets.first(where: { $0.id == target.id }) else { return "–" }
                let carried =
                    Formatting.count(outcome.arrears) == "0"
                    ? "" : " +\(Formatting.count(outcome.arrears)) homes carried"
                return "\(period.label) \(Formatting.percent(outcome.share))\(carried)\(outcome.met ? "" : " NOT met")"
            }
            return "Target \(target.id) per period (min \(Formatting.percent(target.minShare))): "
                + cells.joined(separator: ", ")
        }
    }

    /// The phasing for a terminal; empty when there is none.
    public func text(width: Int = TextTable.defaultWidth) -> String {
        guard isShown else { return "" }
        var out = "\nNew homes per period\n" + newHomesTable.text(width: width)
        for (title, table) in taskTables { out += "\n\(title)\n" + table.text(width: width) }
        let targets = targetLines
        if !targets.isEmpty { out += "\n" + targets.map { "  " + $0 }.joined(separator: "\n") + "\n" }
        return out
    }

    /// The phasing as Markdown; empty when there is none.
    public func markdown() -> String {
        guard isShown else { return "" }
        var out = "\n### New homes per period\n\n" + newHomesTable.markdown()
        for (title, table) in taskTables { out += "\n### \(MarkdownText.escaped(title))\n\n" + table.markdown() }
        let targets = targetLines
        if !targets.isEmpty {
            out += "\n" + targets.map { "- " + MarkdownText.escaped($0) }.joined(separator: "\n") + "\n"
        }
        return out
    }
}

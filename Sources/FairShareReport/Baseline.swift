import FairShareEngine
import FairShareScenario

/// Today's distribution, before any optimising (`fairshare baseline`): the picture a region starts from when it
/// agrees an "evenredige verdeling". Per municipality: the stock share of each lettable or converging segment
/// against the region's, the obligations its stock decides, each priority group's task (statutory, or the keyed
/// share of the regional demand) against the people housed so far and the arrears, and the share of its lettings
/// that went to priority groups against the region's.
public struct Baseline: Sendable {
    /// One priority group in one municipality.
    public struct Task: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// `priorityGroups.ID.statutory`: population share of the national number, rounded up, with swaps.
            case statutory
            /// The group's `key` share of `demand.min`.
            case key
        }

        public var group: String
        public var kind: Kind
        public var task: Double
        /// `housed`: people housed so far in the horizon.
        public var housed: Double
        /// What is still to be housed: max(0, task − housed).
        public var arrears: Double { max(0, task - housed) }
    }

    /// One municipality.
    public struct Row: Sendable, Hashable {
        public var id: String
        public var name: String
        /// Today's stock share per segment shown (``Baseline/segments``).
        public var stockShares: [String: Double]
        public var obligations: [DecidedObligation]
        public var tasks: [Task]
        /// Σ housed / lettings; `nil` without lettings or without `housed`.
        public var lettingsToPriorityGroups: Double?
    }

    public let scenario: Scenario
    /// The segments whose stock shares are shown: the lettable ones and those with a `converge` rule.
    public let segments: [Segment]
    public let rows: [Row]
    /// The region's stock share per shown segment, and its share of lettings to priority groups.
    public let regionStockShares: [String: Double]
    public let regionLettingsToPriorityGroups: Double?

    public init(scenario: Scenario) {
        self.scenario = scenario
        let segments = scenario.segments.filter { segment in
            if case .converge? = segment.fair { return true }
            return segment.lettable
        }
        self.segments = segments
        let groups = scenario.priorityGroups
        let keyShares = groups.map { KeyShares.shares($0.key, in: scenario) }
        let obligations = scenario.decidedObligations()
        rows = scenario.municipalities.enumerated().map { i, municipality in
            let total = municipality.totalStock
            var shares: [String: Double] = [:]
            for segment in segments where total > 0 {
                shares[segment.id] = (municipality.stock[segment.id] ?? 0) / total
            }
            let tasks = groups.enumerated().compactMap { g, group -> Task? in
                let housed = municipality.housed[group.id] ?? 0
                if let statutory = group.statutory {
                    return Task(
                        group: group.id, kind: .statutory, task: statutory.task(of: municipality), housed: housed)
                }
                guard group.demand.min > 0 else { return nil }
                return Task(group: group.id, kind: .key, task: keyShares[g][i] * group.demand.min, housed: housed)
            }
            let housed = municipality.housed.values.reduce(0, +)
            return Row(
                id: municipality.id, name: municipality.name, stockShares: shares,
                obligations: obligations[i], tasks: tasks,
                lettingsToPriorityGroups: municipality.lettings > 0 && !municipality.housed.isEmpty
                    ? housed / municipality.lettings : nil)
        }
        let stock = scenario.municipalities.reduce(0) { $0 + $1.totalStock }
        var region: [String: Double] = [:]
        for segment in segments where stock > 0 {
            region[segment.id] = scenario.municipalities.reduce(0) { $0 + ($1.stock[segment.id] ?? 0) } / stock
        }
        regionStockShares = region
        let lettings = scenario.municipalities.reduce(0) { $0 + $1.lettings }
        let housed = scenario.municipalities.reduce(0) { $0 + $1.housed.values.reduce(0, +) }
        let reported = scenario.municipalities.contains { !$0.housed.isEmpty }
        regionLettingsToPriorityGroups = lettings > 0 && reported ? housed / lettings : nil
    }

    private func label(_ group: String) -> String {
        scenario.priorityGroups.first { $0.id == group }?.label ?? group
    }

    /// The columns of every format.
    private var headers: [String] {
        var headers = ["Municipality"]
        headers += segments.map { "\($0.label) share of stock" }
        let rules = Set(rows.flatMap { $0.obligations.map(\.rule) }).sorted()
        headers += rules
        for group in scenario.priorityGroups where rows.contains(where: { $0.tasks.contains { $0.group == group.id } })
        {
            headers += ["\(group.label) task", "\(group.label) housed", "\(group.label) arrears"]
        }
        headers.append("Lettings to priority groups")
        return headers
    }

    /// The table: one row per municipality, then the region.
    public var table: TextTable {
        let rules = Set(rows.flatMap { $0.obligations.map(\.rule) }).sorted()
        let groups = scenario.priorityGroups.filter { group in
            rows.contains { $0.tasks.contains { $0.group == group.id } }
        }
        var table = TextTable(
            headers: headers, alignments: [.left] + Array(repeating: .right, count: headers.count - 1))
        // Whole tasks that add up to the region's: a keyed share of 1750 is 715.7 in Dordrecht, and rounding each
        // on its own gives a column of 1751.
        var shownTasks: [String: [Double?]] = [:]
        for group in groups {
            let tasks = rows.map { row in row.tasks.first { $0.group == group.id }?.task }
            let rounded = try? ControlledRounding.round(tasks.map { [$0 ?? 0] })
            shownTasks[group.id] = tasks.indices.map { i in
                tasks[i] == nil ? nil : rounded.map { Double($0.entries[i][0]) } ?? tasks[i]!.rounded()
            }
        }
        for (index, row) in rows.enumerated() {
            var cells = [row.name]
            cells += segments.map { row.stockShares[$0.id].map(Formatting.percent) ?? "–" }
            cells += rules.map { rule in
                row.obligations.first { $0.rule == rule }.map { ObligationText.requirement($0.applies, in: scenario) }
                    ?? "–"
            }
            for group in groups {
                if let task = shownTasks[group.id]?[index],
                    let housed = row.tasks.first(where: { $0.group == group.id })?.housed
                {
                    let people = housed.rounded()
                    cells += [
                        Formatting.whole(task), Formatting.whole(people), Formatting.whole(max(0, task - people)),
                    ]
                } else {
                    cells += ["–", "–", "–"]
                }
            }
            cells.append(row.lettingsToPriorityGroups.map(Formatting.percent) ?? "–")
            table.rows.append(cells)
        }
        table.rulesBefore = [table.rows.count]
        var region = ["Region"]
        region += segments.map { regionStockShares[$0.id].map(Formatting.percent) ?? "–" }
        region += rules.map { _ in "" }
        for group in groups {
            let tasks = (shownTasks[group.id] ?? []).compactMap { $0 }
            let housed = rows.compactMap { $0.tasks.first { $0.group == group.id }?.housed.rounded() }
            let arrears = zip(tasks, housed).map { max(0, $0 - $1) }
            region += [
                Formatting.whole(tasks.reduce(0, +)), Formatting.whole(housed.reduce(0, +)),
                Formatting.whole(arrears.reduce(0, +)),
            ]
        }
        region.append(regionLettingsToPriorityGroups.map(Formatting.percent) ?? "–")
        table.rows.append(region)
        return table
    }

    /// Why each obligation applies, one line per municipality and rule.
    public var obligationLines: [String] {
        rows.flatMap { row in
            row.obligations.map { ObligationText.line(row.name, $0, of: row.id, in: scenario) }
        }
    }

    /// The picture for a terminal.
    public func text(width: Int = TextTable.defaultWidth) -> String {
        var out = "\(scenario.name): today's distribution, before any optimising\n\n" + table.text(width: width)
        let lines = obligationLines
        if !lines.isEmpty {
            out +=
                "\nObligations decided by the existing stock\n" + lines.map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// The picture as Markdown.
    public func markdown() -> String {
        var out = "## \(MarkdownText.escaped(scenario.name)): today's distribution\n\n" + table.markdown()
        let lines = obligationLines
        if !lines.isEmpty {
            out +=
                "\n### Obligations decided by the existing stock\n\n"
                + lines.map { "- " + MarkdownText.escaped($0) }.joined(separator: "\n")
                + "\n"
        }
        return out
    }

    /// One CSV record per municipality and figure: `municipality, name, figure, item, value` (shares as
    /// fractions, tasks and people as numbers), in `format`.
    public func csv(_ format: CSVFormat = CSVFormat()) -> String {
        var out = format.record(["municipality", "name", "figure", "item", "value"])
        for row in rows {
            for segment in segments {
                out += format.record([
                    row.id, row.name, "stockShare", segment.id, format.number(row.stockShares[segment.id]),
                ])
            }
            for decided in row.obligations {
                out += format.record([
                    row.id, row.name, "obligationMeasured", decided.rule, format.number(decided.measured),
                ])
                out += format.record([
                    row.id, row.name, "obligationThreshold", decided.rule, format.number(decided.threshold),
                ])
                out += format.record([row.id, row.name, "obligationSide", decided.rule, decided.side.rawValue])
            }
            for task in row.tasks {
                out += format.record([row.id, row.name, "task", task.group, format.number(task.task)])
                out += format.record([row.id, row.name, "housed", task.group, format.number(task.housed)])
                out += format.record([row.id, row.name, "arrears", task.group, format.number(task.arrears)])
            }
            out += format.record([
                row.id, row.name, "lettingsToPriorityGroups", "", format.number(row.lettingsToPriorityGroups),
            ])
        }
        return out
    }

    /// `fairshare-baseline/1`.
    public var json: JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map { .number(($0 * 1e9).rounded() / 1e9) } ?? .null }
        return .object(
            JSONObject([
                ("format", .string("fairshare-baseline/1")),
                ("scenario", .string(scenario.name)),
                ("variant", scenario.appliedVariant.map(JSONValue.string) ?? .null),
                (
                    "municipalities",
                    .object(
                        JSONObject(
                            rows.map { row in
                                (
                                    row.id,
                                    .object(
                                        JSONObject([
                                            ("name", .string(row.name)),
                                            (
                                                "stockShares",
                                                .object(
                                                    JSONObject(
                                                        segments.compactMap { s in
                                                            row.stockShares[s.id].map { (s.id, number($0)) }
                                                        }))
                                            ),
                                            (
                                                "obligations",
                                                .object(
                                                    JSONObject(
                                                        row.obligations.map { decided in
                                                            (
                                                                decided.rule,
                                                                .object(
                                                                    JSONObject([
                                                                        ("measured", number(decided.measured)),
                                                                        ("threshold", number(decided.threshold)),
                                                                        ("side", .string(decided.side.rawValue)),
                                                                        (
                                                                            "segments",
                                                                            .array(
                                                                                decided.applies.segments.map(
                                                                                    JSONValue.string))
                                                                        ),
                                                                        (
                                                                            "minNewShare",
                                                                            .number(decided.applies.minNewShare)
                                                                        ), ("reason", .string(decided.reason)),
                                                                    ]))
                                                            )
                                                        }))
                                            ),
                                            (
                                                "tasks",
                                                .object(
                                                    JSONObject(
                                                        row.tasks.map { task in
                                                            (
                                                                task.group,
                                                                .object(
                                                                    JSONObject([
                                                                        ("kind", .string(task.kind.rawValue)),
                                                                        ("task", number(task.task)),
                                                                        ("housed", number(task.housed)),
                                                                        ("arrears", number(task.arrears)),
                                                                    ]))
                                                            )
                                                        }))
                                            ),
                                            ("lettingsToPriorityGroups", number(row.lettingsToPriorityGroups)),
                                        ]))
                                )
                            }))
                ),
                (
                    "region",
                    .object(
                        JSONObject([
                            (
                                "stockShares",
                                .object(
                                    JSONObject(
                                        segments.compactMap { s in regionStockShares[s.id].map { (s.id, number($0)) } })
                                )
                            ),
                            ("lettingsToPriorityGroups", number(regionLettingsToPriorityGroups)),
                        ]))
                ),
            ]))
    }
}

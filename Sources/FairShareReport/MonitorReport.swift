import FairShareEngine
import FairShareScenario

/// `fairshare monitor`: realised against the plan, per item a table of municipalities with what was realised, the
/// plan, the share delivered and its category, the arrears, what the straight pace expected, and the fair plan for
/// the periods still to come.
public struct MonitorReport: Sendable {
    public let monitor: Monitor
    public let scenario: Scenario

    public init(monitor: Monitor, scenario: Scenario) {
        self.monitor = monitor
        self.scenario = scenario
    }

    /// The items with anything planned or realised, in the lines' order.
    var items: [Monitor.Line] {
        monitor.region.lines.filter { $0.planned > 0 || $0.realised > 0 || $0.remaining.contains { $0 > 0 } }
    }

    func label(_ period: String) -> String { scenario.periods.first { $0.id == period }?.label ?? period }

    /// A category as a reader says it: `on track`, `far behind`.
    public static func words(_ category: DeliveryCategory?) -> String {
        category.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") } ?? "–"
    }

    /// The table of one item: municipalities and the region.
    public func table(_ item: String) -> TextTable {
        let rest = monitor.remainder?.hasAllocation == true ? monitor.remainingPeriods : []
        let headers =
            ["Municipality", "Realised", "Plan", "Delivered", "Arrears", "By pace", "Category"]
            + rest.map(label) + (rest.isEmpty ? [] : ["Still to come"])
        var table = TextTable(
            headers: headers, alignments: [.left] + Array(repeating: .right, count: headers.count - 1))
        func row(_ entry: Monitor.Entry) -> [String] {
            guard let line = entry.line(item) else {
                return [entry.name] + Array(repeating: "–", count: headers.count - 1)
            }
            return [
                entry.name, Formatting.count(line.realised), Formatting.count(line.planned),
                line.delivered.map(Formatting.percent) ?? "–", Formatting.count(line.arrears),
                Formatting.count(line.byPace), Self.words(line.category),
            ] + line.remaining.map(Formatting.count)
                + (rest.isEmpty ? [] : [Formatting.count(line.remaining.reduce(0, +))])
        }
        table.rows = monitor.municipalities.map(row)
        table.rulesBefore = [table.rows.count]
        table.rows.append(row(monitor.region))
        return table
    }

    var title: String {
        let variant = monitor.plan.variant.map { ", variant \($0)" } ?? ""
        return "\(monitor.plan.scenario)\(variant): monitor as of \(label(monitor.asOf))"
    }

    /// What the columns mean, with the thresholds.
    public var explanation: String {
        let c = monitor.categories
        return "Realised: up to and including \(label(monitor.asOf)). Plan: the same periods in the plan solved with "
            + "nothing realised. Delivered = realised ÷ plan: on track from \(Formatting.percent(c.onTrack)), behind "
            + "from \(Formatting.percent(c.behind)), well behind from \(Formatting.percent(c.wellBehind)), far behind "
            + "below (after England's Housing Delivery Test). By pace: the plan's horizon total spread evenly over its "
            + "months, up to the same date. The periods to come show the fair plan for the rest, with what was "
            + "realised as facts. Figures are rounded each on their own."
    }

    /// When the periods to come have no fair plan: why, and what would make one possible (the rest's
    /// diagnosis); `nil` when they have one or there are none.
    public var restProblem: [String]? {
        guard let remainder = monitor.remainder, !remainder.hasAllocation else { return nil }
        var lines = [
            "The periods after \(label(monitor.asOf)) cannot be planned with what was realised: "
                + "\(remainder.status.rawValue)\(remainder.failure.map { " (\($0))" } ?? "")."
        ]
        if let diagnosis = remainder.diagnosis, !diagnosis.changes.isEmpty {
            lines.append("The smallest change that makes the rest possible:")
            lines += diagnosis.changes.map { "  \($0)" }
        }
        return lines
    }

    public func text(width: Int = TextTable.defaultWidth) -> String {
        var out = title + "\n"
        if let problem = restProblem { out += "\n" + problem.joined(separator: "\n") + "\n" }
        for line in items {
            out += "\n\(line.label)\n" + table(line.item).text(width: width)
        }
        out +=
            "\n" + TextTable.wrap(explanation, width: max(30, width), atHyphens: false).joined(separator: "\n") + "\n"
        return out
    }

    public func markdown() -> String {
        var out = "## \(MarkdownText.escaped(title))\n"
        if let problem = restProblem {
            out +=
                "\n"
                + problem.map { $0.hasPrefix("  ") ? "- `\($0.dropFirst(2))`" : MarkdownText.escaped($0) }
                .joined(separator: "\n") + "\n"
        }
        for line in items { out += "\n### \(MarkdownText.escaped(line.label))\n\n" + table(line.item).markdown() }
        return out + "\n" + MarkdownText.escaped(explanation) + "\n"
    }

    /// One record per municipality (then the region, with an empty id) and item: `municipality`, `name`, `kind`,
    /// `item`, `label`, `realised`, `planned`, `delivered`, `arrears`, `byPace`, `deliveredOfPace`, `category`, then
    /// one column per period still to come (`plan <period>`). Exact values; empty where nothing was planned.
    public func csv(format: CSVFormat = CSVFormat()) -> String {
        var out = format.record(
            [
                "municipality", "name", "kind", "item", "label", "realised", "planned", "delivered", "arrears",
                "byPace", "deliveredOfPace", "category",
            ] + monitor.remainingPeriods.map { "plan \($0)" })
        for entry in monitor.municipalities + [monitor.region] {
            for line in entry.lines {
                out += format.record(
                    [
                        entry.id ?? "", entry.name, line.kind.rawValue, line.item, line.label,
                        format.number(line.realised), format.number(line.planned), format.number(line.delivered),
                        format.number(line.arrears), format.number(line.byPace), format.number(line.deliveredOfPace),
                        line.category?.rawValue ?? "",
                    ] + line.remaining.map { format.number($0) })
            }
        }
        return out
    }

    /// `--plot`: per municipality and for the region, all new homes over time, cumulative: the plan at the start
    /// against what was realised and then the fair plan for the rest. Time runs in years from the first period's
    /// start; each point is the end of a period.
    public func plot() -> String { ChartStack.svg(plotCharts()) }

    /// The panels of ``plot()``: one per municipality, `height` pixels high (540 for a 16:9 slide).
    public func plotCharts(height: Double = 300) -> [String] {
        let periods = scenario.periods
        guard let first = periods.first else { return [] }
        let origin = Double(first.start.year) + Double(first.start.month - 1) / 12
        let x = [origin] + periods.map { Double($0.end.year) + Double($0.end.month) / 12 }
        let realised = periods.firstIndex { $0.id == monitor.asOf }.map { $0 + 1 } ?? 0
        func cumulative(_ values: [Double]) -> [Double] {
            var sum = 0.0
            return [0]
                + values.map { value in
                    sum += value
                    return sum
                }
        }
        let rest = monitor.remainder?.hasAllocation == true ? monitor.remainder : nil
        let charts = (monitor.municipalities + [monitor.region]).enumerated().map { index, entry -> String in
            let single = index < monitor.municipalities.count
            let totals: (FairShareResult) -> [Double] = { result in
                result.periods.map { period in
                    single ? period.municipalities[index].total : period.municipalities.reduce(0) { $0 + $1.total }
                }
            }
            let done = entry.line("total")?.realisedPerPeriod ?? []
            var series: [LineChart.Series] = [
                .init(name: "plan at the start", x: x, y: cumulative(totals(monitor.plan))),
                .init(name: "realised", x: Array(x[...realised]), y: cumulative(done)),
            ]
            if let rest {
                let path = cumulative(totals(rest))
                series.append(
                    .init(name: "fair plan for the rest", x: Array(x[realised...]), y: Array(path[realised...])))
            }
            return LineChart(
                title: "\(entry.name): new homes since \(label(first.id)), cumulative",
                xLabel: "year", yLabel: "new homes", series: series, yIncludesZero: true, width: 960, height: height
            ).svg()
        }
        return charts
    }
}

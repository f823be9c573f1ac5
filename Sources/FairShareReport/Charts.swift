import FairShareEngine
import FairShareScenario

/// The charts of `--plot`: what a person would put on a slide about an allocation, a comparison or a sweep.
public enum Charts {
    /// The segment whose stock share a chart follows: the first with the `converge` rule (usually social rent),
    /// else the first segment.
    static func stockSegment(_ scenario: Scenario) -> Segment? {
        scenario.segments.first { if case .converge? = $0.fair { true } else { false } } ?? scenario.segments.first
    }

    /// The item whose fair share a chart shows: the stock segment when it has a fair rule, else the first fair item.
    static func fairItem(_ result: FairShareResult, _ scenario: Scenario) -> (id: String, label: String)? {
        if let segment = stockSegment(scenario), result.fairItemIDs.contains(segment.id) {
            return (segment.id, segment.label)
        }
        guard let id = result.fairItemIDs.first else { return nil }
        let label =
            scenario.segment(id)?.label ?? scenario.priorityGroups.first { $0.id == id }?.label
            ?? scenario.careQualities.first { $0.id == id }?.label ?? id
        return (id, label)
    }

    /// `fairshare solve --plot`: per municipality the stock share before and after, and the fair share against
    /// the allocation, as grouped bars (two charts, one below the other), with the words of `language`. `items`
    /// (segment, priority-group or care-quality ids) draws those instead of the default pair: a segment's stock share
    /// and its allocation, a group's or care quality's allocation, each against its fair share when it has one.
    public static func allocation(
        _ result: FairShareResult, _ scenario: Scenario, language: ReportLanguage = .en, items: [String] = []
    ) -> String {
        ChartStack.svg(allocationCharts(result, scenario, language: language, items: items))
    }

    /// The ids `items` may name: every segment, priority group and care quality of `scenario`.
    public static func drawableItems(_ scenario: Scenario) -> [String] {
        scenario.segments.map(\.id) + scenario.priorityGroups.map(\.id) + scenario.careQualities.map(\.id)
    }

    /// The charts of ``allocation(_:_:language:items:)``, each its own SVG document.
    public static func allocationCharts(
        _ result: FairShareResult, _ scenario: Scenario, language: ReportLanguage = .en, items: [String] = []
    ) -> [String] {
        let strings = language.strings
        let names = result.municipalities.map(\.name)
        var charts: [String] = []
        let horizon = scenario.horizon.map { " \($0.start)–\($0.end)" } ?? ""
        func stockChart(_ segment: Segment) -> String {
            GroupedBarChart(
                title: strings.chartStockTitle(segment.label, horizon),
                categories: names,
                series: [
                    .init(
                        name: strings.before,
                        values: result.municipalities.map { $0.stockShareBefore[segment.id] ?? 0 }),
                    .init(
                        name: strings.after,
                        values: result.municipalities.map { $0.stockShareAfter[segment.id] ?? 0 }),
                ],
                valueLabel: strings.shareOfHousingStock, valueFormat: .percent
            ).svg()
        }
        func fairChart(_ id: String, _ label: String) -> String {
            let isFair = result.fairItemIDs.contains(id)
            var series: [GroupedBarChart.Series] = []
            if isFair {
                series.append(
                    .init(name: strings.fairShare, values: result.municipalities.map { $0.fairShare[id] ?? 0 }))
            }
            // The allocation keeps the second colour with or without a fair share beside it.
            series.append(
                .init(
                    name: strings.allocated, values: result.municipalities.map { allocated(id, $0) },
                    ranges: result.municipalities.map { allocatedRange(id, $0) }, colourIndex: 1))
            var chart = GroupedBarChart(
                title: isFair ? strings.chartFairTitle(label, horizon) : label + horizon, categories: names,
                series: series,
                valueLabel: scenario.priorityGroups.contains { $0.id == id } ? strings.placements : strings.homes)
            chart.rangeLegendText = strings.rangeLegend
            return chart.svg()
        }
        if items.isEmpty {
            if let segment = stockSegment(scenario) { charts.append(stockChart(segment)) }
            if let item = fairItem(result, scenario) { charts.append(fairChart(item.id, item.label)) }
        } else {
            for id in items {
                if let segment = scenario.segment(id) {
                    charts.append(stockChart(segment))
                    charts.append(fairChart(id, segment.label))
                } else if let label = scenario.priorityGroups.first(where: { $0.id == id })?.label
                    ?? scenario.careQualities.first(where: { $0.id == id })?.label
                {
                    charts.append(fairChart(id, label))
                }
            }
        }
        return language == .en ? charts : charts.map { decimalCommas($0) }
    }

    /// `svg` with the decimal point of every label that is only a number (`27.5%`, `−2.5`) written as a comma,
    /// as Dutch readers expect; titles, names and tooltips stay as they are.
    static func decimalCommas(_ svg: String) -> String {
        var out = ""
        var rest = Substring(svg)
        while let open = rest.range(of: "<text") {
            guard let start = rest[open.upperBound...].firstIndex(of: ">"),
                let end = rest[start...].range(of: "</text>")
            else { break }
            let content = rest[rest.index(after: start)..<end.lowerBound]
            out += rest[..<rest.index(after: start)]
            let numeric = content.allSatisfy { $0.isNumber || $0 == "." || $0 == "%" || $0 == "\u{2212}" || $0 == "-" }
            out += numeric ? content.replacingOccurrences(of: ".", with: ",") : String(content)
            rest = rest[end.lowerBound...]
        }
        return out + rest
    }

    /// `fairshare compare --plot`: the stock share after each scenario, the allocation of the fair item in each,
    /// and each scenario's fairness profile (λ·d/m of every pair, largest first). Each run keeps one colour (and
    /// marker) in every panel: the palette's colour after the one of "before".
    public static func comparison(_ entries: [(name: String, result: FairShareResult, scenario: Scenario)]) -> String {
        ChartStack.svg(comparisonCharts(entries))
    }

    /// The panels of ``comparison(_:)``, each its own 960 × 540 SVG document.
    public static func comparisonCharts(_ entries: [(name: String, result: FairShareResult, scenario: Scenario)])
        -> [String]
    {
        guard let first = entries.first(where: { $0.result.hasAllocation }) else { return [] }
        let names = first.result.municipalities.map(\.name)
        let solved = entries.enumerated().filter { $0.element.result.hasAllocation }.map {
            (colour: $0.offset + 1, entry: $0.element)
        }
        var charts: [String] = []
        if let segment = stockSegment(first.scenario) {
            var series = [
                GroupedBarChart.Series(
                    name: "before",
                    values: first.result.municipalities.map { $0.stockShareBefore[segment.id] ?? 0 }, colourIndex: 0)
            ]
            for (colour, entry) in solved {
                series.append(
                    .init(
                        name: "after: \(entry.name)",
                        values: entry.result.municipalities.map { $0.stockShareAfter[segment.id] ?? 0 },
                        colourIndex: colour))
            }
            charts.append(
                GroupedBarChart(
                    title: "\(segment.label): share of the housing stock, before and after",
                    categories: names, series: series, valueLabel: "share of the housing stock", valueFormat: .percent
                )
                .svg())
        }
        if let item = fairItem(first.result, first.scenario) {
            var series: [GroupedBarChart.Series] = []
            for (colour, entry) in solved {
                let municipalities = entry.result.municipalities
                series.append(
                    .init(
                        name: entry.name, values: municipalities.map { allocated(item.id, $0) },
                        ranges: municipalities.map { allocatedRange(item.id, $0) }, colourIndex: colour))
            }
            charts.append(
                GroupedBarChart(
                    title: "\(item.label): allocation per scenario", categories: names,
                    series: series, valueLabel: "new homes"
                ).svg())
        }
        let profiles = solved.map { colour, entry in
            let profile = entry.result.fairnessProfile(in: entry.scenario)
            return LineChart.Series(
                name: entry.name, x: profile.indices.map { Double($0 + 1) }, y: profile, colourIndex: colour)
        }
        charts.append(
            LineChart(
                title: "Fairness profiles: every municipality and item's deviation, largest first",
                xLabel: "rank (1 = the pair furthest from its fair share)",
                yLabel: "weighted deviation per unit of size", series: profiles, xFormat: .integer, yIncludesZero: true
            ).svg())
        return charts
    }

    /// `fairshare sweep --plot`: the level optima, and the targets' shares, against the swept value, named in words
    /// (``words(for:in:)``) when `scenario` is given.
    public static func sweep(_ sweep: Sweep, scenario: Scenario? = nil) -> String {
        ChartStack.svg(sweepCharts(sweep, scenario: scenario))
    }

    /// The panels of ``sweep(_:scenario:)``, each its own 960 × 540 SVG document.
    public static func sweepCharts(_ sweep: Sweep, scenario: Scenario? = nil) -> [String] {
        let values = sweep.points.map(\.value)
        let swept = scenario.map { words(for: sweep.path, in: $0) } ?? sweep.path.description
        let isShare = (sweep.path.last?.name ?? "").hasSuffix("Share")
        let xFormat: ChartValueFormat =
            isShare ? .percent : values.allSatisfy { $0 == $0.rounded() } ? .integer : .number
        var charts: [String] = []
        let levels = Level.allCases.filter { level in sweep.points.contains { $0.result.optimum(level) != nil } }
        charts.append(
            LineChart(
                title: "Level optima as \(swept) varies",
                xLabel: swept,
                yLabel: levels == [.fairness] || levels == [.shortfall, .fairness]
                    ? "optimum (homes and placements)" : "level optimum",
                series: levels.map { level in
                    LineChart.Series(
                        name: level.rawValue, x: values,
                        y: sweep.points.map { $0.result.optimum(level) ?? .nan })
                },
                xFormat: xFormat, yIncludesZero: true
            ).svg())
        let targets = sweep.points.first { $0.result.hasAllocation }?.result.region.targets.map(\.id) ?? []
        if !targets.isEmpty {
            charts.append(
                LineChart(
                    title: "Regional targets as \(swept) varies",
                    xLabel: swept, yLabel: "share of new homes",
                    series: targets.map { id in
                        LineChart.Series(
                            name: id, x: values,
                            y: sweep.points.map { point in
                                point.result.hasAllocation
                                    ? point.result.region.targets.first { $0.id == id }?.share ?? .nan
                                    : .nan
                            })
                    },
                    xFormat: xFormat, yFormat: .percent
                ).svg())
        }
        return charts
    }

    /// The source line of a chart: what made it, from which scenario, when (`date`, e.g. `2026-11-27`).
    public static func sourceLine(scenario: String, variant: String?, date: String) -> String {
        "Source: fairshare, \(scenario)" + (variant.map { " (\($0))" } ?? "") + ", \(date)"
    }

    /// `svg` (one chart or a stack) with `line` in small grey type at its bottom left, inside the bottom margin that
    /// every chart keeps free.
    public static func withSource(_ svg: String, _ line: String) -> String {
        guard let close = svg.range(of: "</svg>", options: .backwards), let box = svg.range(of: "viewBox=\"") else {
            return svg
        }
        let numbers = svg[box.upperBound...].prefix { $0 != "\"" }.split(separator: " ").compactMap { Double($0) }
        guard numbers.count == 4 else { return svg }
        let text =
            "<text x=\"\(ChartStyle.padding)\" y=\"\(numbers[3] - 6)\" font-size=\"11\" fill=\"#666666\" "
            + "class=\"source\">\(SVGDocument.escape(line))</text>\n"
        var out = svg
        out.insert(contentsOf: text, at: close.lowerBound)
        return out
    }

    /// A number of the scenario named in words for a chart's title and axis, from the scenario's own names and
    /// labels: `region.targets.social-30.minShare` → "the minimum share of target social-30",
    /// `municipalities.GM0505.newHomes.max` → "Dordrecht's most new homes"; any other path as it is written.
    public static func words(for path: JSONPath, in scenario: Scenario) -> String {
        let names = path.components.map { component -> String? in
            if case .member(let name) = component { name } else { nil }
        }
        guard names.allSatisfy({ $0 != nil }) else { return path.description }
        let parts = names.compactMap { $0 }
        func bound(_ word: String?) -> String {
            switch word {
            case "min": "least"
            case "max": "most"
            default: ""
            }
        }
        let count = parts.count
        if count == 4, parts[0] == "region", parts[1] == "targets", parts[3] == "minShare" || parts[3] == "maxShare" {
            return "the \(parts[3] == "minShare" ? "minimum" : "maximum") share of target \(parts[2])"
        }
        if count == 3, parts[0] == "region", parts[1] == "newHomes" {
            return "the region's \(bound(parts[2])) new homes"
        }
        if count == 2, parts[0] == "region", parts[1] == "newHomes" { return "the region's new homes" }
        if count == 3 || count == 4, parts[0] == "municipalities", parts[2] == "newHomes" {
            let name = scenario.municipality(parts[1])?.name ?? parts[1]
            return count == 4 ? "\(name)'s \(bound(parts[3])) new homes" : "\(name)'s new homes"
        }
        if count == 3 || count == 4, parts[0] == "priorityGroups" || parts[0] == "care", parts[2] == "demand" {
            let label =
                scenario.priorityGroups.first { $0.id == parts[1] }?.label
                ?? scenario.careQualities.first { $0.id == parts[1] }?.label ?? parts[1]
            return count == 4 ? "the \(bound(parts[3])) \(label) demand" : "the \(label) demand"
        }
        if count == 4, parts[0] == "segments", parts[2] == "fair", parts[3] == "targetShare" {
            return "the target share of \(scenario.segment(parts[1])?.label ?? parts[1])"
        }
        return path.description
    }

    static func allocated(_ id: String, _ allocation: MunicipalityAllocation) -> Double {
        allocation.newHomes[id] ?? allocation.placements[id] ?? allocation.care[id] ?? 0
    }

    /// The range of a municipality's figure for an item, for a whisker: only a free figure's (wider than half a
    /// home or placement), and only a finite one.
    static func allocatedRange(_ id: String, _ allocation: MunicipalityAllocation) -> ClosedRange<Double>? {
        guard let ranges = allocation.ranges,
            let range = ranges.newHomes[id] ?? ranges.placements[id] ?? ranges.care[id],
            !range.isFirm, range.max.isFinite
        else { return nil }
        return range.min...range.max
    }

}

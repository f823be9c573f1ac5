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
    /// the allocation, as grouped bars (two charts, one below the other), with the words of `language`.
    public static func allocation(
        _ result: FairShareResult, _ scenario: Scenario, language: ReportLanguage = .en
    ) -> String {
        ChartStack.svg(allocationCharts(result, scenario, language: language))
    }

    /// The charts of ``allocation(_:_:language:)``, each its own SVG document.
    public static func allocationCharts(
        _ result: FairShareResult, _ scenario: Scenario, language: ReportLanguage = .en
    ) -> [String] {
        let strings = language.strings
        let names = result.municipalities.map(\.name)
        var charts: [String] = []
        let horizon = scenario.horizon.map { " \($0.start)–\($0.end)" } ?? ""
        if let segment = stockSegment(scenario) {
            charts.append(
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
                ).svg())
        }
        if let item = fairItem(result, scenario) {
            var chart =
                GroupedBarChart(
                    title: strings.chartFairTitle(item.label, horizon),
                    categories: names,
                    series: [
                        .init(
                            name: strings.fairShare, values: result.municipalities.map { $0.fairShare[item.id] ?? 0 }),
                        .init(
                            name: strings.allocated, values: result.municipalities.map { allocated(item.id, $0) },
                            ranges: result.municipalities.map { allocatedRange(item.id, $0) }),
                    ],
                    valueLabel: scenario.priorityGroups.contains { $0.id == item.id }
                        ? strings.placements : strings.homes
                )
            chart.rangeLegendText = strings.rangeLegend
            charts.append(chart.svg())
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
    /// and each scenario's fairness profile (λ·d/m of every pair, largest first).
    public static func comparison(_ entries: [(name: String, result: FairShareResult, scenario: Scenario)]) -> String {
        guard let first = entries.first(where: { $0.result.hasAllocation }) else { return ChartStack.svg([]) }
        let names = first.result.municipalities.map(\.name)
        var charts: [String] = []
        if let segment = stockSegment(first.scenario) {
            var series = [
                GroupedBarChart.Series(
                    name: "before",
                    values: first.result.municipalities.map { $0.stockShareBefore[segment.id] ?? 0 })
            ]
            for entry in entries where entry.result.hasAllocation {
                series.append(
                    .init(
                        name: "after: \(entry.name)",
                        values: entry.result.municipalities.map { $0.stockShareAfter[segment.id] ?? 0 }))
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
            for entry in entries where entry.result.hasAllocation {
                let municipalities = entry.result.municipalities
                series.append(
                    .init(
                        name: entry.name, values: municipalities.map { allocated(item.id, $0) },
                        ranges: municipalities.map { allocatedRange(item.id, $0) }))
            }
            charts.append(
                GroupedBarChart(
                    title: "\(item.label): allocation per scenario", categories: names,
                    series: series, valueLabel: "new homes"
                ).svg())
        }
        let profiles = entries.filter(\.result.hasAllocation).map { entry in
            let profile = entry.result.fairnessProfile(in: entry.scenario)
            return LineChart.Series(name: entry.name, x: profile.indices.map { Double($0 + 1) }, y: profile)
        }
        charts.append(
            LineChart(
                title: "Fairness profiles: every municipality and item's deviation, largest first",
                xLabel: "rank (1 = the pair furthest from its fair share)",
                yLabel: "weighted deviation per unit of size", series: profiles, yIncludesZero: true
            ).svg())
        return ChartStack.svg(charts)
    }

    /// `fairshare sweep --plot`: the level optima, and the targets' shares, against the swept value.
    public static func sweep(_ sweep: Sweep) -> String {
        let values = sweep.points.map(\.value)
        var charts: [String] = []
        let levels = Level.allCases.filter { level in sweep.points.contains { $0.result.optimum(level) != nil } }
        charts.append(
            LineChart(
                title: "Level optima as \(sweep.path) varies",
                xLabel: sweep.path.description,
                yLabel: levels == [.fairness] || levels == [.shortfall, .fairness]
                    ? "optimum (homes and placements)" : "level optimum",
                series: levels.map { level in
                    LineChart.Series(
                        name: level.rawValue, x: values,
                        y: sweep.points.map { $0.result.optimum(level) ?? .nan })
                },
                xFormat: (sweep.path.last?.name ?? "").hasSuffix("Share") ? .percent : .number, yIncludesZero: true
            ).svg())
        let targets = sweep.points.first { $0.result.hasAllocation }?.result.region.targets.map(\.id) ?? []
        if !targets.isEmpty {
            charts.append(
                LineChart(
                    title: "Regional targets as \(sweep.path) varies",
                    xLabel: sweep.path.description, yLabel: "share of new homes",
                    series: targets.map { id in
                        LineChart.Series(
                            name: id, x: values,
                            y: sweep.points.map { point in
                                point.result.hasAllocation
                                    ? point.result.region.targets.first { $0.id == id }?.share ?? .nan
                                    : .nan
                            })
                    },
                    xFormat: (sweep.path.last?.name ?? "").hasSuffix("Share") ? .percent : .number, yFormat: .percent
                ).svg())
        }
        return ChartStack.svg(charts)
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

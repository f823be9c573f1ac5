import FairShareReport
import FairShareScenario
import Foundation
import Testing

/// Charts fit for a slide (issue 15, part 6): one run keeps one colour in every panel, counts get whole ticks,
/// titles name the swept number in words.
@Suite("Charts for slides")
struct SlideChartTests {
    @Test("a series keeps the colour it is given, in bars and in lines, whatever its position")
    func colours() throws {
        let bars = GroupedBarChart(
            title: "t", categories: ["A"],
            series: [
                .init(name: "run 2", values: [1], colourIndex: 2), .init(name: "run 1", values: [2], colourIndex: 1),
            ],
            valueLabel: "homes")
        let barRoot = try #require(parseSVG(bars.svg()))
        let fills = Dictionary(
            uniqueKeysWithValues: barRoot.all.filter { $0.name == "rect" && $0.tooltip != nil }.map {
                (String($0.tooltip?.split(separator: ":").first ?? ""), $0.attributes["fill"] ?? "")
            })
        #expect(fills["A — run 2"] == ChartPalette.okabeIto[2])
        #expect(fills["A — run 1"] == ChartPalette.okabeIto[1])
        let lines = LineChart(
            title: "t", xLabel: "x", yLabel: "y",
            series: [.init(name: "run 2", x: [1, 2], y: [1, 2], colourIndex: 2)])
        let lineRoot = try #require(parseSVG(lines.svg()))
        #expect(lineRoot.all.first { $0.name == "polyline" }?.attributes["stroke"] == ChartPalette.okabeIto[2])
    }

    /// The fairness profile's rank axis once had ticks at 1.5 and 2.5: counts have whole ticks only.
    @Test("an integer axis has whole-number ticks only")
    func integerTicks() throws {
        func xTicks(_ format: ChartValueFormat) throws -> [String] {
            let chart = LineChart(
                title: "t", xLabel: "rank", yLabel: "y", series: [.init(name: "s", x: [1, 2, 3], y: [5, 3, 1])],
                xFormat: format)
            let root = try #require(parseSVG(chart.svg()))
            // The x tick labels are the texts centred under the plot.
            return root.all.filter { $0.name == "text" && $0.attributes["text-anchor"] == "middle" }.map(\.text)
                .filter { Double($0) != nil }
        }
        let number = try xTicks(.number)
        #expect(number.contains { $0.contains(".") }, "\(number)")
        let integer = try xTicks(.integer)
        #expect(!integer.isEmpty)
        #expect(integer.allSatisfy { !$0.contains(".") }, "\(integer)")
    }

    @Test("the swept number in words, from the scenario's names and labels")
    func words() throws {
        let scenario = try ScenarioLoader().load(
            json: """
                {"format": "fairshare-scenario/1", "name": "x",
                 "segments": {"social-rent": {"label": "Sociale huur"}},
                 "priorityGroups": {"statushouders": {"label": "Statushouders", "demand": 10}},
                 "municipalities": {"GM0505": {"name": "Dordrecht", "population": 1000}}}
                """)
        let cases: [(String, String)] = [
            ("region.targets.social-30.minShare", "the minimum share of target social-30"),
            ("region.newHomes.max", "the region's most new homes"),
            ("municipalities.GM0505.newHomes.min", "Dordrecht's least new homes"),
            ("priorityGroups.statushouders.demand", "the Statushouders demand"),
            ("segments.social-rent.fair.targetShare", "the target share of Sociale huur"),
            ("fairness.weights.x", "fairness.weights.x"),
        ]
        for (path, expected) in cases {
            let parsed = try #require(JSONPath(parsing: path))
            #expect(Charts.words(for: parsed, in: scenario) == expected, "\(path)")
        }
    }
}

/// More than seven bar series: the palette repeats, so series 8 onwards also get a white pattern over their colour.
@Suite("Bar series beyond the palette")
struct BarPatternTests {
    @Test("the eighth and ninth series repeat the first two colours with a pattern, in the bars and the legend")
    func patterns() throws {
        let chart = GroupedBarChart(
            title: "Nine runs", categories: ["A", "B"],
            series: (1...9).map { .init(name: "run \($0)", values: [Double($0), Double($0) + 1]) }, valueLabel: "homes")
        let svg = chart.svg()
        let root = try #require(parseSVG(svg))
        let patterned = root.all.filter { $0.name == "rect" && $0.attributes["fill"] == "url(#hatch-1)" }
        // Two bars for each of runs 8 and 9, and their two legend swatches.
        #expect(patterned.count == 2 * 2 + 2)
        #expect(root.all.contains { $0.name == "pattern" && $0.attributes["id"] == "hatch-1" })
        let run8 = root.all.first { $0.name == "rect" && $0.tooltip?.hasPrefix("A — run 8") == true }
        #expect(run8?.attributes["fill"] == ChartPalette.okabeIto[0])
        // Seven series need no pattern.
        let seven = GroupedBarChart(
            title: "Seven", categories: ["A"], series: (1...7).map { .init(name: "\($0)", values: [1]) },
            valueLabel: "homes")
        #expect(!seven.svg().contains("hatch-"))
    }
}

import Foundation
import Testing

@testable import FairShareReport

@Suite("SVG line charts")
struct LineChartTests {
    let xs = (0...10).map { 0.2 + Double($0) * 0.02 }

    /// A sweep as `fairshare sweep` draws it: 3 series over 11 points, one with a gap.
    var sweep: LineChart {
        LineChart(
            title: "Sweep of the social-rent minimum",
            xLabel: "region.targets.social-30.minShare (share)",
            yLabel: "fairness optimum (homes and placements)",
            series: [
                .init(name: "sum norm", x: xs, y: xs.map { 1200 + 4000 * max(0, $0 - 0.26) }),
                .init(name: "max norm", x: xs, y: xs.map { 900 + 27000 * max(0, $0 - 0.3) * $0 }),
                .init(name: "integer", x: xs, y: xs.enumerated().map { $0 == 6 ? .nan : 1500 + 2500 * $1 }),
            ],
            xFormat: .percent)
    }

    @Test("a standalone SVG 1.1 document with title, axis labels and legend names")
    func document() throws {
        let svg = sweep.svg()
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        #expect(svg.hasSuffix("</svg>\n"))
        let root = try #require(parseSVG(svg))
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["version"] == "1.1")
        #expect(root.attributes["width"] == "960")
        #expect(root.attributes["height"] == "540")
        #expect(root.attributes["viewBox"] == "0 0 960 540")
        #expect(root.attributes["font-family"]?.hasSuffix("sans-serif") == true)
        #expect(root.children.first?.name == "title")
        #expect(root.children.first?.text == "Sweep of the social-rent minimum")
        let texts = root.texts
        for expected in [
            "Sweep of the social-rent minimum", "region.targets.social-30.minShare (share)",
            "fairness optimum (homes and placements)", "sum norm", "max norm", "integer",
        ] {
            #expect(texts.contains(expected), "missing text \(expected)")
        }
        #expect(texts.contains("20%") && texts.contains("40%"), "x ticks as percentages")
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test("the y ticks are nice numbers that cover the data, and the x ticks span the sweep")
    func ticks() throws {
        let root = try #require(parseSVG(sweep.svg()))
        let yLabels = try #require(root.groups("y-axis").first).children
            .filter { $0.name == "text" && $0.attributes["transform"] == nil }.map(\.text)
        let yTicks = yLabels.compactMap(Double.init)
        #expect(yTicks.count == yLabels.count && yTicks.count >= 3)
        let values = sweep.series.flatMap { $0.points.map(\.y) }.filter(\.isFinite)
        #expect(yTicks.first! <= values.min()! && yTicks.last! >= values.max()!)
        let steps = Set(zip(yTicks, yTicks.dropFirst()).map { $1 - $0 })
        #expect(steps.count == 1)
        #expect([100.0, 200, 250, 500, 1000].contains(steps.first!))
        let xLabels = try #require(root.groups("x-axis").first).children.filter { $0.name == "text" }.map(\.text)
        #expect(xLabels.first == "20%")
        #expect(xLabels.dropLast().last == "40%", "the last text is the axis label")
    }

    @Test("NaN points are skipped and break the line; every finite point gets a marker")
    func gaps() throws {
        let root = try #require(parseSVG(sweep.svg()))
        let series = root.groups("series")
        #expect(series.count == 3)
        #expect(series[0].children.filter { $0.name == "polyline" }.count == 1)
        #expect(series[2].children.filter { $0.name == "polyline" }.count == 2, "one gap → two lines")
        let markers = series[2].children.filter { $0.name != "polyline" }
        #expect(markers.count == 10)
        #expect(markers.allSatisfy { $0.tooltip?.hasPrefix("integer: ") == true })
        let gap = LineChart(
            title: "gaps", xLabel: "x", yLabel: "y",
            series: [.init(name: "s", x: [1, 2, 3, 4, 5], y: [.nan, 1, .nan, 2, 3])])
        let lines = try #require(parseSVG(gap.svg())).groups("series")[0].children
        #expect(lines.filter { $0.name == "polyline" }.count == 1, "an isolated point has only a marker")
        #expect(lines.filter { $0.name == "circle" }.count == 3)
    }

    @Test("a single point, a constant series, negative values, no data at all")
    func edgeCases() throws {
        let charts = [
            LineChart(title: "one", xLabel: "x", yLabel: "y", series: [.init(name: "p", x: [0.3], y: [2138.4])]),
            LineChart(
                title: "flat", xLabel: "x", yLabel: "y (%)", series: [.init(name: "c", x: xs, y: xs.map { _ in 0.3 })],
                yFormat: .percent),
            LineChart(
                title: "negative", xLabel: "x", yLabel: "y", series: [.init(name: "n", x: xs, y: xs.map { -$0 * 100 })]),
            LineChart(title: "empty", xLabel: "x", yLabel: "y", series: []),
            LineChart(
                title: "non-finite only", xLabel: "x", yLabel: "y",
                series: [.init(name: "n", x: [1, 2], y: [.nan, .infinity])]),
            LineChart(
                title: "zero", xLabel: "x", yLabel: "y", series: [.init(name: "z", x: [-1, 0, 1], y: [0, 0, 0])]),
        ]
        for chart in charts {
            let svg = chart.svg()
            let root = try #require(parseSVG(svg))
            #expect(!svg.contains("nan") && !svg.contains("inf"), "\(chart.title)")
            #expect(root.texts.contains(chart.title))
            // Markers lie inside the plot: within the gridlines' extent.
            let grid = root.groups("grid").first?.children ?? []
            let top = grid.compactMap { $0.number("y1") }.min() ?? 0
            let bottom = grid.compactMap { $0.number("y1") }.max() ?? 540
            for marker in root.groups("series").flatMap(\.children) where marker.name == "circle" {
                let y = try #require(marker.number("cy"))
                #expect(y >= top - 0.01 && y <= bottom + 0.01, "\(chart.title)")
            }
        }
        let flat = try #require(parseSVG(charts[1].svg()))
        #expect(flat.texts.contains("30%"))
        let negative = try #require(parseSVG(charts[2].svg()))
        #expect(negative.texts.contains { $0.hasPrefix("\u{2212}") }, "negative ticks with a minus sign")
        #expect(!negative.groups("zero-line").isEmpty || negative.texts.allSatisfy { $0 != "0" })
    }

    @Test("percent axes: share data labelled as percentages")
    func percent() throws {
        let chart = LineChart(
            title: "share", xLabel: "minShare (share)", yLabel: "social-rent share (%)",
            series: [.init(name: "social-30", x: xs, y: xs.map { max($0, 0.3) + 0.12 })], xFormat: .percent,
            yFormat: .percent)
        let texts = try #require(parseSVG(chart.svg())).texts
        #expect(texts.contains("40%") && texts.contains("50%"))
        #expect(!texts.contains("0.4"))
    }

    @Test("larger documents scale the same drawing; tiny ones are enlarged")
    func sizes() throws {
        var chart = sweep
        chart.width = 1920
        chart.height = 1080
        let big = try #require(parseSVG(chart.svg()))
        #expect(big.attributes["width"] == "1920")
        #expect(big.attributes["viewBox"] == "0 0 960 540")
        chart.width = 100
        chart.height = .nan
        let small = try #require(parseSVG(chart.svg()))
        #expect(small.attributes["width"] == "480")
        #expect(small.attributes["height"] == "540")
    }
}

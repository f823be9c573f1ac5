import Foundation
import Testing

@testable import FairShareReport

@Suite("SVG grouped bar charts: ranges as whiskers")
struct WhiskerTests {
    /// Social rent as the three-towns no-history variant allocates it, with each figure's range.
    let chart = GroupedBarChart(
        title: "Social rent: allocation", categories: ["Aldorp", "Bestad", "Cewijk"],
        series: [
            .init(name: "base", values: [320, 0, 90]),
            .init(name: "no-history", values: [350, 210, 140], ranges: [300...400, 180...240, nil]),
        ],
        valueLabel: "new homes")

    @Test("one whisker per range, spanning it on the value axis, with caps; a legend entry; the range in the tooltip")
    func whiskers() throws {
        let root = try #require(parseSVG(chart.svg()))
        let group = try #require(root.groups("ranges").first)
        let lines = group.children.filter { $0.name == "line" }
        #expect(lines.count == 2 * 3)  // two whiskers, each a stem and two caps
        #expect(root.texts.contains(GroupedBarChart.rangeLegend))
        let tooltips = root.groups("series").flatMap(\.children).compactMap(\.tooltip)
        #expect(tooltips.contains("Aldorp — no-history: 350 (range 300–400)"))
        #expect(tooltips.contains("Cewijk — no-history: 140"))

        // The stems are vertical and span the ranges: 100 homes for Aldorp, 60 for Bestad, on the same scale.
        let stems = lines.filter { $0.number("x1") == $0.number("x2") }
        #expect(stems.count == 2)
        let spans = try stems.map { try abs(#require($0.number("y2")) - #require($0.number("y1"))) }
        #expect(spans.count == 2 && abs(spans[0] / spans[1] - 100.0 / 60) < 0.01, "\(spans)")
        // The value axis reaches the top of the highest whisker (400 homes).
        #expect(root.texts.contains("400"))
    }

    @Test("no ranges, or empty ones: no whiskers and no legend entry")
    func none() throws {
        let flat = GroupedBarChart(
            title: "t", categories: ["A", "B"],
            series: [.init(name: "s", values: [1, 2], ranges: [5...5, .infinity...(.infinity)])], valueLabel: "v")
        let root = try #require(parseSVG(flat.svg()))
        #expect(root.groups("ranges").isEmpty)
        #expect(!root.texts.contains(GroupedBarChart.rangeLegend))
    }
}

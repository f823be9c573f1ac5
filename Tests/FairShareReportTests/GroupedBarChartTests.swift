import Foundation
import Testing

@testable import FairShareReport

@Suite("SVG grouped bar charts")
struct GroupedBarChartTests {
    /// Social-rent share of stock before and after, as `fairshare solve --plot` draws it.
    let shares = GroupedBarChart(
        title: "Sociale huur: share of stock", categories: drechtsteden,
        series: [
            .init(name: "social share of stock before", values: [0.291, 0.274, 0.278, 0.230, 0.286, 0.331, 0.360]),
            .init(name: "after", values: [0.291, 0.291, 0.281, 0.291, 0.288, 0.317, 0.342]),
        ],
        valueLabel: "share of housing stock (%)", valueFormat: .percent)

    /// Fair share against allocated, with negative fair shares, as `fairshare compare --plot` draws it.
    let fair = GroupedBarChart(
        title: "Sociale huur: fair share vs allocated", categories: drechtsteden,
        series: [
            .init(name: "fair share", values: [174, 2368, 190, 1183, 266, -228, -1045]),
            .init(name: "allocated", values: [174, 2368, 116, 1183, 222, 69, 64]),
        ],
        valueLabel: "new homes (homes)")

    /// Bars with their tooltip "category — series: value".
    func bars(_ root: SVGElement) -> [(category: String, series: String, rect: SVGElement)] {
        root.groups("series").flatMap(\.children).filter { $0.name == "rect" }.compactMap { rect in
            guard let tooltip = rect.tooltip, let dash = tooltip.range(of: " — "),
                let colon = tooltip.range(of: ": ", options: .backwards)
            else { return nil }
            return (String(tooltip[..<dash.lowerBound]), String(tooltip[dash.upperBound..<colon.lowerBound]), rect)
        }
    }

    @Test("a standalone SVG 1.1 document with title, categories, axis label, legend and percent ticks")
    func document() throws {
        let root = try #require(parseSVG(shares.svg()))
        #expect(root.attributes["viewBox"] == "0 0 960 540")
        let texts = root.texts
        for expected in [
            "Sociale huur: share of stock", "share of housing stock (%)", "social share of stock before",
            "after", "Alblasserdam", "Zwijndrecht", "0%", "30%",
        ] {
            #expect(texts.contains(expected), "missing text \(expected)")
        }
        #expect(bars(root).count == 14)
        // Values on the bars, one decimal in percent.
        #expect(root.groups("values").first?.children.map(\.text).contains("23.0%") == true)
    }

    @Test("negative values hang below the zero line, positive ones stand on it")
    func negativeBars() throws {
        let root = try #require(parseSVG(fair.svg()))
        let zero = try #require(root.groups("zero-line").first?.children.first?.number("y1"))
        let values = Dictionary(uniqueKeysWithValues: zip(drechtsteden, fair.series[0].values))
        var checked = 0
        for bar in bars(root) where bar.series == "fair share" {
            let y = try #require(bar.rect.number("y"))
            let height = try #require(bar.rect.number("height"))
            let value = try #require(values[bar.category])
            if value < 0 {
                #expect(abs(y - zero) < 0.01, "\(bar.category) starts at the zero line")
                #expect(height > 0)
            } else {
                #expect(abs(y + height - zero) < 0.02, "\(bar.category) ends at the zero line")
            }
            checked += 1
        }
        #expect(checked == 7)
        // Heights are proportional to the values: Zwijndrecht's −1045 is 1045/2368 of Dordrecht's bar.
        let heights = Dictionary(
            uniqueKeysWithValues: bars(root).filter { $0.series == "fair share" }.map {
                ($0.category, $0.rect.number("height")!)
            })
        #expect(abs(heights["Zwijndrecht"]! / heights["Dordrecht"]! - 1045.0 / 2368) < 0.001)
        // The lowest tick is below the lowest bar.
        let ticks = try #require(root.groups("y-axis").first).children
            .filter { $0.name == "text" && $0.attributes["transform"] == nil }
            .map { $0.text.replacingOccurrences(of: "\u{2212}", with: "-") }.compactMap(Double.init)
        #expect(ticks.min()! <= -1045 && ticks.max()! >= 2368)
        #expect(root.texts.contains("\u{2212}1045"))
    }

    @Test("7 names sit level, wrapped where needed, without overlapping; 40 names are rotated")
    func categoryLabels() throws {
        let root = try #require(parseSVG(shares.svg()))
        let labels = try #require(root.groups("categories").first).children.filter { $0.name == "text" }
        #expect(labels.allSatisfy { $0.attributes["transform"] == nil })
        #expect(labels.map(\.text).contains("Hardinxveld-"), "wrapped at the hyphen")
        #expect(labels.map(\.text).contains("Giessendam"))
        // Neighbouring labels on the same line do not overlap (estimated with the renderer's font metrics).
        let lines = Dictionary(grouping: labels) { $0.number("y")! }
        for (_, line) in lines {
            let sorted = line.sorted { $0.number("x")! < $1.number("x")! }
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                let size = a.number("font-size")!
                let reach = (TextMetrics.width(a.text, size: size) + TextMetrics.width(b.text, size: size)) / 2
                #expect(b.number("x")! - a.number("x")! >= reach + 4, "\(a.text) and \(b.text) overlap")
            }
        }

        let names = (0..<40).map { drechtsteden[$0 % 7] + " \($0)" }
        let many = GroupedBarChart(
            title: "40", categories: names,
            series: [
                .init(name: "fair share", values: (0..<40).map { Double($0 * 37 % 23 - 8) * 47.5 }),
                .init(name: "allocated", values: (0..<40).map { Double($0 * 13 % 7) * 20 }),
            ],
            valueLabel: "new homes (homes)")
        let manyRoot = try #require(parseSVG(many.svg()))
        let rotated = try #require(manyRoot.groups("categories").first).children.filter { $0.name == "text" }
        #expect(rotated.count == 40)
        #expect(rotated.allSatisfy { $0.attributes["transform"]?.hasPrefix("rotate(-") == true })
        // Rotated labels are set at least a line apart.
        let xs = rotated.map { $0.number("x")! }
        let spacing = zip(xs, xs.dropFirst()).map { $1 - $0 }.min()!
        let angle = rotated[0].attributes["transform"]!.hasPrefix("rotate(-90") ? 90.0 : 45
        #expect(spacing * sin(angle * .pi / 180) >= rotated[0].number("font-size")! * 1.15)
        #expect(bars(manyRoot).count == 80)
    }

    @Test("missing and non-finite values draw no bar; empty charts still render")
    func missingValues() throws {
        let chart = GroupedBarChart(
            title: "gaps", categories: ["a", "b", "c"],
            series: [.init(name: "s", values: [1, .nan]), .init(name: "t", values: [.infinity, 2, 3, 4])],
            valueLabel: "homes")
        let root = try #require(parseSVG(chart.svg()))
        #expect(bars(root).map { "\($0.category)/\($0.series)" } == ["a/s", "b/t", "c/t"])
        for empty in [
            GroupedBarChart(title: "", categories: [], series: [], valueLabel: ""),
            GroupedBarChart(title: "no series", categories: drechtsteden, series: [], valueLabel: "homes"),
            GroupedBarChart(
                title: "zeros", categories: ["a"], series: [.init(name: "z", values: [0])], valueLabel: "x"),
        ] {
            let svg = empty.svg()
            #expect(parseSVG(svg) != nil)
            #expect(!svg.contains("nan") && !svg.contains("inf"))
        }
    }
}

import Foundation
import Testing

@testable import FairShareReport

@Suite("SVG documents: escaping, determinism, numbers, layout")
struct SVGDocumentTests {
    static let hostile = #"R&D <Zuid> "Holland" 'quotes' & more"#

    var charts: [(name: String, svg: () -> String)] {
        let xs = (0...10).map { Double($0) / 10 }
        let line = LineChart(
            title: Self.hostile, xLabel: "x <share> & more", yLabel: "y \"homes\"",
            series: [.init(name: "a & b", x: xs, y: xs.map { $0 * $0 }), .init(name: "<c>", x: xs, y: xs.map { -$0 })],
            xFormat: .percent)
        let bars = GroupedBarChart(
            title: Self.hostile, categories: ["Zwijndrecht & Co", "<Dordrecht>", "'s-Gravendeel \"x\""],
            series: [.init(name: "fair & square", values: [1, -2, 3.5]), .init(name: "<after>", values: [2, 2, 2])],
            valueLabel: "homes & <placements>", categoryLabel: "municipality & co")
        return [("line", line.svg), ("bars", bars.svg)]
    }

    @Test("text is escaped for XML and survives a round trip through a parser")
    func escaping() throws {
        for chart in charts {
            let svg = chart.svg()
            #expect(svg.contains("R&amp;D &lt;Zuid&gt; &quot;Holland&quot; &apos;quotes&apos; &amp; more"))
            #expect(!svg.contains("<Zuid>") && !svg.contains("& more") && !svg.contains("<c>"))
            let root = try #require(parseSVG(svg))
            #expect(root.children.first?.text == Self.hostile)
            #expect(root.texts.contains(Self.hostile), "\(chart.name)")
        }
        let bars = try #require(parseSVG(charts[1].svg()))
        #expect(bars.texts.contains("fair & square") && bars.texts.contains("<after>"))
        #expect(bars.texts.contains("homes & <placements>"))
        #expect(SVGDocument.escape("a\u{0}b\u{1B}c\u{FFFE}d\te") == "a b c d e", "characters XML forbids")
        let control = LineChart(title: "bell\u{7}\u{0}", xLabel: "x\u{1}", yLabel: "y", series: [])
        #expect(parseSVG(control.svg()) != nil)
    }

    @Test("the same chart gives the same bytes")
    func determinism() {
        for chart in charts {
            let first = chart.svg()
            for _ in 0..<3 { #expect(chart.svg() == first) }
        }
        let a = GroupedBarChart(
            title: "t", categories: drechtsteden, series: [.init(name: "s", values: [1, 2, 3])],
            valueLabel: "v"
        ).svg()
        let b = GroupedBarChart(
            title: "t", categories: drechtsteden, series: [.init(name: "s", values: [1, 2, 3])],
            valueLabel: "v"
        ).svg()
        #expect(a == b)
    }

    @Test("numbers in attributes have at most two decimals and no exponent or -0")
    func numbers() throws {
        for chart in charts {
            let root = try #require(parseSVG(chart.svg()))
            let tokens = numericTokens(in: root)
            #expect(tokens.count > 100)
            for token in tokens {
                let decimals = token.split(separator: ".").dropFirst().first?.count ?? 0
                #expect(decimals <= 2, "\(token)")
                #expect(token != "-0" && !token.hasSuffix(".") && !token.lowercased().contains("e"), "\(token)")
            }
        }
        #expect(SVGDocument.number(-0.001) == "0")
        #expect(SVGDocument.number(12.5) == "12.5")
        #expect(SVGDocument.number(3.14159) == "3.14")
        #expect(SVGDocument.number(.nan) == "0")
    }

    @Test("level text stays inside the document")
    func textInside() throws {
        for chart in charts {
            let root = try #require(parseSVG(chart.svg()))
            let viewBox = root.attributes["viewBox"]!.split(separator: " ").compactMap { Double($0) }
            for text in root.textElements where text.attributes["transform"] == nil {
                let size = text.number("font-size")!
                let bold = text.attributes["font-weight"] == "bold"
                let width = TextMetrics.width(text.text, size: size, bold: bold)
                let x = text.number("x")!
                let left =
                    switch text.attributes["text-anchor"] {
                    case "middle": x - width / 2
                    case "end": x - width
                    default: x
                    }
                #expect(left >= 0 && left + width <= viewBox[2], "\(text.text) runs off the side")
                #expect(text.number("y")! - size >= 0 && text.number("y")! <= viewBox[3], "\(text.text)")
            }
        }
    }

    @Test("long titles wrap or shrink; long legend names are truncated, never clipped")
    func longText() throws {
        let long = String(repeating: "Sociale huur in de Drechtsteden ", count: 8)
        let chart = LineChart(
            title: long, xLabel: "x", yLabel: "y",
            series: [.init(name: long, x: [1, 2], y: [1, 2]), .init(name: "short", x: [1, 2], y: [2, 1])])
        let root = try #require(parseSVG(chart.svg()))
        let titleLines = root.textElements.filter { $0.attributes["font-weight"] == "bold" }
        #expect(titleLines.count == 2)
        #expect(titleLines.last?.text.hasSuffix("…") == true)
        #expect(root.texts.contains { $0.hasPrefix("Sociale huur") && $0.hasSuffix("…") && $0.count < long.count })
        #expect(root.texts.contains("short"))
    }

    @Test("the palette is Okabe–Ito, distinct, and repeats")
    func palette() {
        #expect(ChartPalette.okabeIto.count == Set(ChartPalette.okabeIto).count)
        #expect(ChartPalette.okabeIto.first == "#0072B2")
        #expect(ChartPalette.colour(at: 7) == ChartPalette.colour(at: 0))
        #expect(ChartPalette.colour(at: -1) == ChartPalette.okabeIto.last)
    }
}

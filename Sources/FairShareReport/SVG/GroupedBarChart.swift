import Foundation

/// A grouped (clustered) bar chart: for each category, one bar per series, written as a standalone SVG 1.1
/// document.
///
/// Used for allocations: municipalities as categories and, say, "fair share" and "allocated" as series, or a
/// segment's share of the stock before and after. The value axis always includes 0; negative values (a
/// negative fair share) give bars that hang below a dark zero line. Category names that do not fit under their
/// group are wrapped onto two lines at spaces and hyphens, and otherwise rotated (45°, or 90° when very
/// crowded) and, if very long, truncated with "…". Values are written on the bars when every label fits its
/// bar. Each bar carries a `<title>` tooltip with the category, series and value. A series may carry a range per
/// bar (the values equally good allocations give it): drawn as a whisker over the bar, with a legend entry.
///
/// ```swift
/// let chart = GroupedBarChart(
///     title: "Social rent: share of stock", categories: ["Alblasserdam", "Dordrecht"],
///     series: [.init(name: "before", values: [0.291, 0.274]), .init(name: "after", values: [0.291, 0.291])],
///     valueLabel: "share of stock (%)", valueFormat: .percent)
/// let svg = chart.svg()
/// ```
public struct GroupedBarChart: Sendable {
    /// A named series: one value per category, in the order of ``GroupedBarChart/categories``. A NaN or
    /// infinite value, or a missing one (the array is shorter), draws no bar; extra values are ignored.
    public struct Series: Sendable {
        /// The name shown in the legend.
        public var name: String
        /// Values in the unit of the value axis (shares as fractions when the format is `.percent`).
        public var values: [Double]
        /// Per category, the range the value may take, drawn as a whisker; `nil`, a missing one, a point or a
        /// range with an infinite end draws none.
        public var ranges: [ClosedRange<Double>?]
        /// The series' colour index in ``ChartPalette`` (`nil`: its position): the same index in every panel of a
        /// figure keeps one run in one colour.
        public var colourIndex: Int?

        public init(name: String, values: [Double], ranges: [ClosedRange<Double>?] = [], colourIndex: Int? = nil) {
            self.name = name
            self.values = values
            self.ranges = ranges
            self.colourIndex = colourIndex
        }
    }

    /// The legend entry of the whiskers.
    public static let rangeLegend = "range of the equally good allocations"
    /// The legend's words for a whisker; ``rangeLegend`` unless set otherwise (another language).
    public var rangeLegendText = GroupedBarChart.rangeLegend

    /// The title at the top; wrapped to two lines, then truncated.
    public var title: String
    /// Category names along the horizontal axis, e.g. municipality names.
    public var categories: [String]
    public var series: [Series]
    /// The value-axis label with its unit, e.g. `"new homes (homes)"` or `"share of stock (%)"`.
    public var valueLabel: String
    /// How ticks and bar labels are written; `.percent` for shares.
    public var valueFormat: ChartValueFormat
    /// An optional label under the category names, e.g. `"municipality"`; none by default.
    public var categoryLabel: String?
    /// Whether values are written on the bars (only ever when every label fits its bar).
    public var showsValues: Bool
    /// Displayed width in pixels (at least 480); 960 × 540 suits a 16:9 slide. Text sizes are fixed relative to
    /// 960 × 540 and scale with the chart, so 1920 × 1080 gives the same picture, sharper.
    public var width: Double
    /// Displayed height in pixels (at least 270).
    public var height: Double

    public init(
        title: String, categories: [String], series: [Series], valueLabel: String,
        valueFormat: ChartValueFormat = .number, categoryLabel: String? = nil, showsValues: Bool = true,
        width: Double = 960, height: Double = 540
    ) {
        self.title = title
        self.categories = categories
        self.series = series
        self.valueLabel = valueLabel
        self.valueFormat = valueFormat
        self.categoryLabel = categoryLabel
        self.showsValues = showsValues
        self.width = width
        self.height = height
    }

    /// How the category names are set under the plot.
    struct CategoryLabels {
        /// 0 for horizontal (possibly wrapped) labels, else 45 or 90 degrees.
        var angle: Double
        var size: Double
        /// Per category, its lines (one line when rotated).
        var lines: [[String]]
        /// The height below the plot the labels take, in pixels.
        var height: Double
        /// How far the first labels reach left of their slot centre (rotated labels), in pixels.
        var leftReach: [Double]
    }

    /// Chooses how to set the category names in slots of `slot` pixels.
    static func categoryLabels(_ names: [String], slot: Double, chartHeight: Double) -> CategoryLabels {
        let names = names.map { $0.trimmingCharacters(in: .whitespaces) }
        // Horizontal, wrapped onto at most two lines, at 14 then 13 then 12 pixels.
        for size in [14.0, 13, 12] {
            let wrapped = names.map { TextMetrics.wrapped($0, size: size, maxWidth: slot - 8, maxLines: 2) }
            if wrapped.allSatisfy({ $0 != nil }) {
                let lines = wrapped.map { $0! }
                let count = Double(lines.map(\.count).max() ?? 1)
                return CategoryLabels(
                    angle: 0, size: size, lines: lines, height: 6 + count * size * 1.2,
                    leftReach: Array(repeating: 0, count: names.count))
            }
        }
        // Rotated 45° when neighbouring labels stay apart, else 90°.
        let diagonal = sin(Double.pi / 4)
        var angle = 90.0
        var size = min(13, max(9, (slot * 0.65).rounded(.down)))
        for candidate in [14.0, 13, 12] where slot * diagonal >= candidate * 1.3 {
            angle = 45
            size = candidate
            break
        }
        let along = angle == 45 ? diagonal : 1
        let maxWidth = max(40, chartHeight * 0.34 / along - size)
        let lines = names.map { [TextMetrics.truncated($0, size: size, maxWidth: maxWidth)] }
        let widths = lines.map { TextMetrics.width($0[0], size: size) }
        let widest = widths.max() ?? 0
        // A 45° label ends just below its tick (see `svg()`): its last glyph's top corner clears the tick mark.
        let height = angle == 45 ? 0.55 * size + widest * diagonal + 0.2 * size + 4 : 4 + widest + 2
        let reach = angle == 45 ? widths.map { $0 * diagonal + 0.28 * size } : widths.map { _ in size / 2 }
        return CategoryLabels(angle: angle, size: size, lines: lines, height: height, leftReach: reach)
    }

    /// The chart as a standalone SVG 1.1 document (UTF-8, ends in a newline). The same chart always gives the
    /// same bytes.
    public func svg() -> String {
        let canvas = ChartStyle.canvas(width: self.width, height: self.height)
        let width = canvas.width
        let height = canvas.height
        var document = SVGDocument(
            width: width, height: height, displayWidth: canvas.displayWidth, displayHeight: canvas.displayHeight,
            title: title)
        let padding = ChartStyle.padding
        let count = categories.count
        let seriesCount = series.count
        func value(_ series: Int, _ category: Int) -> Double? {
            let values = self.series[series].values
            guard category < values.count, values[category].isFinite else { return nil }
            return values[category]
        }
        func range(_ series: Int, _ category: Int) -> ClosedRange<Double>? {
            guard value(series, category) != nil, category < self.series[series].ranges.count,
                let range = self.series[series].ranges[category], range.lowerBound.isFinite,
                range.upperBound.isFinite, range.upperBound > range.lowerBound
            else { return nil }
            return range
        }
        let ranges = (0..<seriesCount).flatMap { s in (0..<count).compactMap { range(s, $0) } }
        // Everything the value axis must hold: the bars and their whiskers.
        let values =
            (0..<seriesCount).flatMap { s in (0..<count).compactMap { value(s, $0) } }
            + ranges.flatMap { [$0.lowerBound, $0.upperBound] }
        // Beyond the palette's seven colours a series also gets a pattern: colour and pattern tell it apart.
        func pattern(_ s: Int) -> Int? {
            let index = series[s].colourIndex ?? s
            return index >= ChartPalette.okabeIto.count ? index / ChartPalette.okabeIto.count : nil
        }
        for kind in Set((0..<seriesCount).compactMap(pattern)).sorted() { document.definePattern(kind) }
        var legend = series.enumerated().map { index, series in
            LegendItem(
                name: series.name, colour: ChartPalette.colour(at: series.colourIndex ?? index), swatch: .bar,
                pattern: pattern(index))
        }
        if !ranges.isEmpty {
            legend.append(LegendItem(name: rangeLegendText, colour: ChartStyle.zeroLineColour, swatch: .whisker))
        }

        let titleBottom = ChartLayout.drawTitle(title, width: width, in: &document)
        let legendTop = titleBottom + (title.trimmingCharacters(in: .whitespaces).isEmpty ? 0 : 6)
        let legendBottom = legendTop + ChartLayout.legendHeight(legend, width: width)
        let categoryTitle = categoryLabel?.trimmingCharacters(in: .whitespaces) ?? ""
        let hasValueLabel = !valueLabel.trimmingCharacters(in: .whitespaces).isEmpty

        // Layout is circular (left margin ← ticks ← plot height ← category labels ← slot width ← left margin),
        // so repeat it until the left margin settles (in practice after two passes).
        var plot = PlotArea(left: padding + 60, top: legendBottom + 14, right: width - padding, bottom: height - 80)
        var scale = NiceScale(covering: values, includeZero: true, minimumStep: valueFormat.minimumStep)
        var labels = Self.categoryLabels(categories, slot: plot.width / Double(max(1, count)), chartHeight: height)
        var showValues = false
        var valueDecimals = 0
        for _ in 0..<6 {
            let slot = plot.width / Double(max(1, count))
            labels = Self.categoryLabels(categories, slot: slot, chartHeight: height)
            plot.bottom =
                height - padding - labels.height - ChartStyle.tickLength
                - (categoryTitle.isEmpty ? 0 : ChartStyle.axisLabelSize * 1.2 + 6)
            plot.bottom = max(plot.bottom, plot.top + 60)
            let maxIntervals = max(2, min(8, Int(plot.height / 40)))
            scale = NiceScale(
                covering: values, maxIntervals: maxIntervals, includeZero: true,
                minimumStep: valueFormat.minimumStep)

            // Values on bars: only when every label fits its bar; then leave room for them above and below.
            let bar = Self.barGeometry(slot: slot, seriesCount: seriesCount)
            valueDecimals = valueFormat.labelDecimals(for: values)
            let widest =
                values.map {
                    TextMetrics.width(valueFormat.string($0, decimals: valueDecimals), size: ChartStyle.valueLabelSize)
                }.max() ?? 0
            showValues = showsValues && !values.isEmpty && widest <= bar.width + bar.gap - 2
            if showValues {
                let room = (ChartStyle.valueLabelSize + 6) / plot.height * (scale.upper - scale.lower)
                let highest = values.max() ?? 0
                let lowest = values.min() ?? 0
                var padded = values
                if highest > 0 { padded.append(highest + room) }
                if lowest < 0 { padded.append(lowest - room) }
                scale = NiceScale(
                    covering: padded, maxIntervals: maxIntervals, includeZero: true,
                    minimumStep: valueFormat.minimumStep)
            }

            var left = ChartLayout.leftMargin(scale, valueFormat, hasLabel: hasValueLabel)
            // Rotated category labels must not run off the left edge.
            for (index, reach) in labels.leftReach.enumerated() {
                left = max(left, padding + reach - (Double(index) + 0.5) * slot + 4)
            }
            if abs(left - plot.left) < 0.01 { break }
            plot.left = left
        }

        ChartLayout.drawValueAxis(
            scale, format: valueFormat, label: valueLabel, plot: plot, labelTop: legendBottom + 6, in: &document)

        // Bars.
        let slot = plot.width / Double(max(1, count))
        let bar = Self.barGeometry(slot: slot, seriesCount: seriesCount)
        let zero = plot.y(0, scale)
        /// The left edge of series `s`'s bar in category `c`.
        func barLeft(_ s: Int, _ c: Int) -> Double {
            plot.left + Double(c) * slot + (slot - bar.groupWidth) / 2 + Double(s) * (bar.width + bar.gap)
        }
        for s in 0..<seriesCount {
            let colour = ChartPalette.colour(at: series[s].colourIndex ?? s)
            document.beginGroup([("class", "series")])
            for c in 0..<count {
                guard let v = value(s, c) else { continue }
                let x = barLeft(s, c)
                let y = plot.y(v, scale)
                let shown = valueFormat.string(v, decimals: valueDecimals)
                var tooltip = "\(categories[c]) — \(series[s].name): \(shown)"
                if let range = range(s, c) {
                    tooltip +=
                        " (range \(valueFormat.string(range.lowerBound, decimals: valueDecimals))–"
                        + "\(valueFormat.string(range.upperBound, decimals: valueDecimals)))"
                }
                document.rect(
                    x: x, y: min(y, zero), width: bar.width, height: abs(zero - y), fill: colour,
                    tooltip: tooltip)
                if let kind = pattern(s) {
                    document.rect(
                        x: x, y: min(y, zero), width: bar.width, height: abs(zero - y),
                        fill: "url(#\(SVGDocument.patternID(kind)))")
                }
            }
            document.endGroup()
        }

        // Whiskers over the bars.
        if !ranges.isEmpty {
            document.beginGroup([("class", "ranges")])
            for s in 0..<seriesCount {
                for c in 0..<count {
                    guard let range = range(s, c) else { continue }
                    let x = barLeft(s, c) + bar.width / 2
                    ChartLayout.drawWhisker(
                        x: x, from: plot.y(range.upperBound, scale), to: plot.y(range.lowerBound, scale),
                        cap: min(12, bar.width * 0.5), colour: ChartStyle.zeroLineColour, in: &document)
                }
            }
            document.endGroup()
        }

        // Zero line (the bottom axis when all values are ≥ 0).
        document.beginGroup([("class", "zero-line")])
        document.line(
            x1: plot.left, y1: zero, x2: plot.right, y2: zero, stroke: ChartStyle.zeroLineColour, strokeWidth: 1.2,
            crisp: true)
        document.endGroup()
        if zero < plot.bottom - 0.5 {
            document.line(
                x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: ChartStyle.axisColour,
                crisp: true)
        }

        if showValues {
            document.beginGroup([("class", "values")])
            for s in 0..<seriesCount {
                for c in 0..<count {
                    guard let v = value(s, c) else { continue }
                    let x = barLeft(s, c) + bar.width / 2
                    // Beyond the whisker, if any, so that the label does not cross it.
                    let end = range(s, c).map { v < 0 ? min(v, $0.lowerBound) : max(v, $0.upperBound) } ?? v
                    let y = plot.y(end, scale)
                    let size = ChartStyle.valueLabelSize
                    let baseline = v < 0 ? y + 4 + size * 0.8 : y - 4
                    document.text(
                        valueFormat.string(v, decimals: valueDecimals), x: x, y: baseline, size: size,
                        anchor: .middle, fill: ChartStyle.secondaryTextColour)
                }
            }
            document.endGroup()
        }

        // Category names, then the category-axis title.
        document.beginGroup([("class", "categories")])
        for (index, lines) in labels.lines.enumerated() {
            let centre = plot.left + (Double(index) + 0.5) * slot
            document.line(
                x1: centre, y1: plot.bottom, x2: centre, y2: plot.bottom + ChartStyle.tickLength,
                stroke: ChartStyle.axisColour, crisp: true)
            let top = plot.bottom + ChartStyle.tickLength
            if labels.angle == 0 {
                for (row, line) in lines.enumerated() {
                    document.text(
                        line, x: centre, y: top + 4 + labels.size * (0.8 + 1.2 * Double(row)),
                        size: labels.size, anchor: .middle)
                }
            } else {
                // Anchored so the label's middle line ends right under the tick and no glyph touches it.
                let anchor =
                    labels.angle == 45
                    ? (x: centre + 0.25 * labels.size, y: top + 0.55 * labels.size)
                    : (x: centre + 0.35 * labels.size, y: top + 4)
                document.text(
                    lines[0], x: anchor.x, y: anchor.y, size: labels.size, anchor: .end,
                    rotation: -labels.angle)
            }
        }
        if !categoryTitle.isEmpty {
            let size = ChartStyle.axisLabelSize
            document.text(
                TextMetrics.truncated(categoryTitle, size: size, maxWidth: plot.width),
                x: (plot.left + plot.right) / 2, y: height - padding - size * 0.2, size: size, anchor: .middle)
        }
        document.endGroup()

        _ = ChartLayout.drawLegend(legend, top: legendTop, width: width, in: &document)
        return document.rendered()
    }

    /// Bar width (at most 80 pixels), gap between bars of a group, and group width for slots of `slot` pixels.
    static func barGeometry(slot: Double, seriesCount: Int) -> (width: Double, gap: Double, groupWidth: Double) {
        let n = Double(max(1, seriesCount))
        let maxBar = 80.0
        var group = slot * (slot > 60 ? 0.72 : 0.8)
        let gap = group / n > 10 && n > 1 ? min(3, group * 0.04) : 0
        var width = (group - gap * (n - 1)) / n
        if width > maxBar {
            width = maxBar
            group = n * width + (n - 1) * gap
        }
        return (width, gap, group)
    }
}

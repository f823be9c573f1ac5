import Foundation

/// A line chart of one or more named series of (x, y) points, written as a standalone SVG 1.1 document.
///
/// Used for sweeps: a scenario parameter on the x axis (e.g. `region.targets.social-30.minShare`, a share)
/// against a level optimum or target share on the y axis. Each series gets an Okabe–Ito colour and its own
/// marker shape; markers sit on every point. Points whose x or y is NaN or infinite are skipped and break the
/// line, so a sweep step without a solution shows as a gap. Axes get "nice" ticks (1, 2 or 5 × 10^k) covering
/// the data, with light grey gridlines and a darker line at y = 0 when the axis spans zero.
///
/// ```swift
/// let chart = LineChart(
///     title: "Social-rent minimum vs fairness",
///     xLabel: "region.targets.social-30.minShare (share)", yLabel: "fairness optimum (homes and placements)",
///     series: [.init(name: "sum norm", x: [0.2, 0.3, 0.4], y: [1800, 2138.4, 2950])],
///     xFormat: .percent)
/// try chart.svg().write(toFile: "sweep.svg", atomically: true, encoding: .utf8)
/// ```
public struct LineChart: Sendable {
    /// One data point, in the units of the chart's axes.
    public struct Point: Sendable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// A named series; its points are joined in the order given (give them in increasing x).
    public struct Series: Sendable {
        /// The name shown in the legend.
        public var name: String
        public var points: [Point]
        /// The series' colour and marker index (`nil`: its position): the same index in every panel of a figure
        /// keeps one run in one colour.
        public var colourIndex: Int?

        public init(name: String, points: [Point], colourIndex: Int? = nil) {
            self.name = name
            self.points = points
            self.colourIndex = colourIndex
        }

        /// Pairs `x[i]` with `y[i]`; extra values in the longer array are ignored.
        public init(name: String, x: [Double], y: [Double], colourIndex: Int? = nil) {
            self.init(name: name, points: zip(x, y).map { Point(x: $0, y: $1) }, colourIndex: colourIndex)
        }
    }

    /// The title at the top; wrapped to two lines, then truncated.
    public var title: String
    /// The x-axis label with its unit, e.g. `"region.targets.social-30.minShare (share)"`.
    public var xLabel: String
    /// The y-axis label with its unit, e.g. `"fairness optimum (homes and placements)"`.
    public var yLabel: String
    public var series: [Series]
    /// How x ticks are written; `.percent` for shares.
    public var xFormat: ChartValueFormat
    /// How y ticks are written; `.percent` for shares.
    public var yFormat: ChartValueFormat
    /// Whether the y axis always reaches 0 (off by default: a sweep's optima are often far from 0).
    public var yIncludesZero: Bool
    /// Displayed width in pixels (at least 480); 960 × 540 suits a 16:9 slide. Text sizes are fixed relative to
    /// 960 × 540 and scale with the chart, so 1920 × 1080 gives the same picture, sharper.
    public var width: Double
    /// Displayed height in pixels (at least 270).
    public var height: Double

    public init(
        title: String, xLabel: String, yLabel: String, series: [Series], xFormat: ChartValueFormat = .number,
        yFormat: ChartValueFormat = .number, yIncludesZero: Bool = false, width: Double = 960, height: Double = 540
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.xFormat = xFormat
        self.yFormat = yFormat
        self.yIncludesZero = yIncludesZero
        self.width = width
        self.height = height
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

        let points = series.map { $0.points.filter { $0.x.isFinite && $0.y.isFinite } }
        let xs = points.flatMap { $0.map(\.x) }
        let ys = points.flatMap { $0.map(\.y) }
        let legend = series.enumerated().map { index, series in
            LegendItem(
                name: series.name, colour: ChartPalette.colour(at: series.colourIndex ?? index),
                swatch: .line(marker: series.colourIndex ?? index))
        }

        // Vertical layout: title, legend, plot, x tick labels, x label.
        let titleBottom = ChartLayout.drawTitle(title, width: width, in: &document)
        let legendTop = titleBottom + (title.trimmingCharacters(in: .whitespaces).isEmpty ? 0 : 6)
        let legendBottom = legendTop + ChartLayout.legendHeight(legend, width: width)
        let hasXLabel = !xLabel.trimmingCharacters(in: .whitespaces).isEmpty
        var plot = PlotArea(left: padding, top: legendBottom + 14, right: width - padding, bottom: 0, inset: 8)
        plot.bottom =
            height - padding - (hasXLabel ? ChartStyle.axisLabelSize * 1.2 + 8 : 0)
            - ChartStyle.tickLabelSize * 1.2 - ChartStyle.tickLength - 4
        plot.bottom = max(plot.bottom, plot.top + 40)

        // The y ticks decide the left margin; the x tick labels decide how many x ticks fit.
        let yScale = NiceScale(
            covering: ys, maxIntervals: max(2, min(8, Int(plot.height / 40))), includeZero: yIncludesZero,
            minimumStep: yFormat.minimumStep)
        plot.left = ChartLayout.leftMargin(
            yScale, yFormat, hasLabel: !yLabel.trimmingCharacters(in: .whitespaces).isEmpty)
        var xScale = NiceScale(covering: xs, maxIntervals: 10, minimumStep: xFormat.minimumStep)
        for maxIntervals in stride(from: 10, through: 2, by: -1) {
            xScale = NiceScale(covering: xs, maxIntervals: maxIntervals, minimumStep: xFormat.minimumStep)
            let widest = xScale.labels(xFormat).map { TextMetrics.width($0, size: ChartStyle.tickLabelSize) }.max() ?? 0
            let lastHalf = TextMetrics.width(xScale.labels(xFormat).last ?? "", size: ChartStyle.tickLabelSize) / 2
            plot.right = width - max(padding, lastHalf + 6 - plot.inset)
            let spacing = plot.width / Double(max(1, xScale.ticks.count - 1))
            if spacing >= widest + 18 { break }
        }

        ChartLayout.drawValueAxis(
            yScale, format: yFormat, label: yLabel, plot: plot, labelTop: legendBottom + 6, in: &document)

        // Vertical gridlines, x axis, x tick labels, x label.
        document.beginGroup([("class", "x-axis")])
        for (tick, text) in zip(xScale.ticks, xScale.labels(xFormat)) {
            let x = plot.x(tick, xScale)
            document.line(x1: x, y1: plot.top, x2: x, y2: plot.bottom, stroke: ChartStyle.gridColour, crisp: true)
            document.line(
                x1: x, y1: plot.bottom, x2: x, y2: plot.bottom + ChartStyle.tickLength, stroke: ChartStyle.axisColour,
                crisp: true)
            document.text(
                text, x: x, y: plot.bottom + ChartStyle.tickLength + 4 + ChartStyle.tickLabelSize * 0.8,
                size: ChartStyle.tickLabelSize, anchor: .middle, fill: ChartStyle.secondaryTextColour)
        }
        document.line(
            x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: ChartStyle.axisColour, crisp: true)
        if hasXLabel {
            let size = ChartStyle.axisLabelSize
            let text = TextMetrics.truncated(
                xLabel.trimmingCharacters(in: .whitespaces), size: size, maxWidth: width - 2 * padding)
            let centre = min(
                max((plot.left + plot.right) / 2, padding + TextMetrics.width(text, size: size) / 2),
                width - padding - TextMetrics.width(text, size: size) / 2)
            document.text(text, x: centre, y: height - padding - size * 0.2, size: size, anchor: .middle)
        }
        document.endGroup()

        if yScale.lower < 0, yScale.upper > 0 {
            let y = plot.y(0, yScale)
            document.beginGroup([("class", "zero-line")])
            document.line(
                x1: plot.left, y1: y, x2: plot.right, y2: y, stroke: ChartStyle.zeroLineColour, strokeWidth: 1.2,
                crisp: true)
            document.endGroup()
        }

        // Series: lines broken at skipped points, then markers on top.
        let pointCount = points.map(\.count).max() ?? 0
        let radius = min(4.5, max(2.5, plot.width / Double(max(1, pointCount)) / 4))
        let xDecimals = xFormat.labelDecimals(for: xs)
        let yDecimals = yFormat.labelDecimals(for: ys)
        for (index, series) in series.enumerated() {
            let colour = ChartPalette.colour(at: series.colourIndex ?? index)
            document.beginGroup([("class", "series")])
            var run: [(x: Double, y: Double)] = []
            func flush(_ document: inout SVGDocument) {
                if run.count > 1 { document.polyline(run, stroke: colour, strokeWidth: 2.5) }
                run = []
            }
            for point in series.points {
                if point.x.isFinite, point.y.isFinite {
                    run.append((plot.x(point.x, xScale), plot.y(point.y, yScale)))
                } else {
                    flush(&document)
                }
            }
            flush(&document)
            for point in series.points where point.x.isFinite && point.y.isFinite {
                let tooltip =
                    "\(series.name): \(xFormat.string(point.x, decimals: xDecimals)), "
                    + yFormat.string(point.y, decimals: yDecimals)
                ChartLayout.drawMarker(
                    series.colourIndex ?? index, x: plot.x(point.x, xScale), y: plot.y(point.y, yScale), radius: radius,
                    colour: colour,
                    tooltip: tooltip, in: &document)
            }
            document.endGroup()
        }

        _ = ChartLayout.drawLegend(legend, top: legendTop, width: width, in: &document)
        return document.rendered()
    }
}

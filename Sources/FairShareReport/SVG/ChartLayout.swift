import Foundation

/// The plot area of a chart in pixels, y growing downwards.
struct PlotArea {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double
    /// Pixels between the plot's edges and its first and last ticks, so markers on the data's extremes stay
    /// clear of the axis lines (line charts); 0 for bar charts.
    var inset = 0.0
    var width: Double { right - left }
    var height: Double { bottom - top }

    /// The pixel row of `value` on a vertical axis with `scale`.
    func y(_ value: Double, _ scale: NiceScale) -> Double {
        bottom - inset - scale.fraction(value) * (height - 2 * inset)
    }

    /// The pixel column of `value` on a horizontal axis with `scale`.
    func x(_ value: Double, _ scale: NiceScale) -> Double {
        left + inset + scale.fraction(value) * (width - 2 * inset)
    }
}

/// A legend entry: a series name with the swatch of its colour (and marker shape for lines).
struct LegendItem {
    enum Swatch {
        case bar
        case line(marker: Int)
        /// A vertical line with caps: the range a bar's value may take.
        case whisker
    }
    let name: String
    let colour: String
    let swatch: Swatch
    /// The overlay pattern of a bar series beyond the palette's colours (``SVGDocument/definePattern(_:)``).
    var pattern: Int? = nil
}

/// The parts both charts share: title, legend, value axis, markers.
enum ChartLayout {
    static let legendRowHeight = ChartStyle.legendSize * 1.6
    static let legendSwatchWidth = 28.0
    static let legendGap = 8.0
    static let legendItemSpacing = 26.0

    /// The title on one line, at a smaller size if that makes it fit, else wrapped to at most two lines and
    /// truncated; returns the y just below it.
    static func drawTitle(_ title: String, width: Double, in document: inout SVGDocument) -> Double {
        let trimmed = title.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return ChartStyle.padding }
        let maxWidth = width - 2 * ChartStyle.padding
        let fullSize = ChartStyle.titleSize
        let size =
            TextMetrics.width(trimmed, size: fullSize, bold: true) <= maxWidth
                || TextMetrics.width(
                    trimmed, size: fullSize * 0.85, bold: true) > maxWidth
            ? fullSize : fullSize * 0.85
        let lines = TextMetrics.wrappedOrTruncated(trimmed, size: size, maxWidth: maxWidth, maxLines: 2, bold: true)
        for (index, line) in lines.enumerated() {
            let baseline = ChartStyle.padding + size * 0.8 + Double(index) * size * 1.2
            document.text(line, x: ChartStyle.padding, y: baseline, size: size, bold: true)
        }
        return ChartStyle.padding + Double(lines.count) * size * 1.2
    }

    /// Legend items placed in rows of at most `maxWidth` pixels: each row a list of (item, x offset, label).
    /// Items that fit on one row flow left to right; otherwise they go in a grid of equal columns, so names line
    /// up. Names too long for the width are truncated.
    static func legendRows(_ items: [LegendItem], maxWidth: Double) -> [[(item: LegendItem, x: Double, label: String)]]
    {
        let size = ChartStyle.legendSize
        let labels = items.map {
            TextMetrics.truncated($0.name, size: size, maxWidth: maxWidth - legendSwatchWidth - legendGap)
        }
        let widths = labels.map { legendSwatchWidth + legendGap + TextMetrics.width($0, size: size) }
        let flowWidth = widths.reduce(0, +) + legendItemSpacing * Double(max(0, items.count - 1))
        if flowWidth <= maxWidth {
            var x = 0.0
            var row: [(item: LegendItem, x: Double, label: String)] = []
            for (index, item) in items.enumerated() {
                row.append((item, x, labels[index]))
                x += widths[index] + legendItemSpacing
            }
            return row.isEmpty ? [] : [row]
        }
        let column = (widths.max() ?? 0) + legendItemSpacing
        let columns = max(1, Int((maxWidth + legendItemSpacing) / column))
        return stride(from: 0, to: items.count, by: columns).map { start in
            (start..<min(start + columns, items.count)).map { index in
                (items[index], Double(index - start) * column, labels[index])
            }
        }
    }

    /// Draws the legend with its top at `top`; returns the y just below it.
    static func drawLegend(_ items: [LegendItem], top: Double, width: Double, in document: inout SVGDocument)
        -> Double
    {
        guard !items.isEmpty else { return top }
        let rows = legendRows(items, maxWidth: width - 2 * ChartStyle.padding)
        let size = ChartStyle.legendSize
        document.beginGroup([("class", "legend")])
        for (index, row) in rows.enumerated() {
            let middle = top + (Double(index) + 0.5) * legendRowHeight
            for (item, offset, label) in row {
                let x = ChartStyle.padding + offset
                switch item.swatch {
                case .bar:
                    document.rect(x: x + 6, y: middle - 8, width: 16, height: 16, fill: item.colour)
                    if let pattern = item.pattern {
                        document.rect(
                            x: x + 6, y: middle - 8, width: 16, height: 16,
                            fill: "url(#\(SVGDocument.patternID(pattern)))")
                    }
                case .line(let marker):
                    document.line(
                        x1: x, y1: middle, x2: x + legendSwatchWidth, y2: middle, stroke: item.colour, strokeWidth: 2.5)
                    drawMarker(
                        marker, x: x + legendSwatchWidth / 2, y: middle, radius: 4.5, colour: item.colour,
                        in: &document)
                case .whisker:
                    drawWhisker(
                        x: x + 14, from: middle - 8, to: middle + 8, cap: 10, colour: item.colour,
                        in: &document)
                }
                document.text(label, x: x + legendSwatchWidth + legendGap, y: middle + size * 0.35, size: size)
            }
        }
        document.endGroup()
        return top + Double(rows.count) * legendRowHeight
    }

    /// A whisker: a vertical line at `x` from `y1` to `y2` with horizontal caps `cap` pixels wide.
    static func drawWhisker(
        x: Double, from y1: Double, to y2: Double, cap: Double, colour: String, in document: inout SVGDocument
    ) {
        document.line(x1: x, y1: y1, x2: x, y2: y2, stroke: colour, strokeWidth: 1.5)
        for y in [y1, y2] {
            document.line(x1: x - cap / 2, y1: y, x2: x + cap / 2, y2: y, stroke: colour, strokeWidth: 1.5)
        }
    }

    /// The height `drawLegend` will take.
    static func legendHeight(_ items: [LegendItem], width: Double) -> Double {
        items.isEmpty ? 0 : Double(legendRows(items, maxWidth: width - 2 * ChartStyle.padding).count) * legendRowHeight
    }

    /// The width of the widest tick label of a vertical axis.
    static func tickLabelWidth(_ scale: NiceScale, _ format: ChartValueFormat) -> Double {
        scale.labels(format).map { TextMetrics.width($0, size: ChartStyle.tickLabelSize) }.max() ?? 0
    }

    /// The space left of the plot a vertical axis needs: label, tick labels, tick marks.
    static func leftMargin(_ scale: NiceScale, _ format: ChartValueFormat, hasLabel: Bool) -> Double {
        ChartStyle.padding + (hasLabel ? ChartStyle.axisLabelSize * 1.2 + 10 : 0) + tickLabelWidth(scale, format)
            + ChartStyle.tickLength + 5
    }

    /// A vertical value axis at the left of `plot`: gridlines, ticks, tick labels and the rotated axis label,
    /// which stays between `labelTop` and the bottom margin.
    static func drawValueAxis(
        _ scale: NiceScale, format: ChartValueFormat, label: String, plot: PlotArea, labelTop: Double,
        in document: inout SVGDocument
    ) {
        document.beginGroup([("class", "grid")])
        for tick in scale.ticks {
            let y = plot.y(tick, scale)
            document.line(x1: plot.left, y1: y, x2: plot.right, y2: y, stroke: ChartStyle.gridColour, crisp: true)
        }
        document.endGroup()
        document.beginGroup([("class", "y-axis")])
        document.line(
            x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, stroke: ChartStyle.axisColour, crisp: true)
        for (tick, text) in zip(scale.ticks, scale.labels(format)) {
            let y = plot.y(tick, scale)
            document.line(
                x1: plot.left - ChartStyle.tickLength, y1: y, x2: plot.left, y2: y, stroke: ChartStyle.axisColour,
                crisp: true)
            document.text(
                text, x: plot.left - ChartStyle.tickLength - 5, y: y + ChartStyle.tickLabelSize * 0.35,
                size: ChartStyle.tickLabelSize, anchor: .end, fill: ChartStyle.secondaryTextColour)
        }
        let trimmed = label.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty {
            let size = ChartStyle.axisLabelSize
            // Centred on the plot; moved along when that would leave the free strip at the left; truncated
            // only when longer than the strip.
            let bottom = document.height - ChartStyle.padding
            let text = TextMetrics.truncated(trimmed, size: size, maxWidth: bottom - labelTop)
            let half = TextMetrics.width(text, size: size) / 2
            let middle = min(max((plot.top + plot.bottom) / 2, labelTop + half), bottom - half)
            document.text(
                text, x: ChartStyle.padding + size * 0.8, y: middle, size: size, anchor: .middle, rotation: -90)
        }
        document.endGroup()
    }

    /// A series marker: circle, square, triangle up, diamond, triangle down, by `shape` modulo 5. The radius
    /// is that of a circle of the same visual weight, in pixels.
    static func drawMarker(
        _ shape: Int, x: Double, y: Double, radius r: Double, colour: String, tooltip: String? = nil,
        in document: inout SVGDocument
    ) {
        switch shape % 5 {
        case 0:
            document.circle(cx: x, cy: y, r: r, fill: colour, stroke: "#ffffff", tooltip: tooltip)
        case 1:
            let h = r * 0.9
            document.polygon(
                [(x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h)], fill: colour, stroke: "#ffffff",
                tooltip: tooltip)
        case 2:
            let h = r * 1.2
            document.polygon(
                [(x, y - h), (x + h, y + h * 0.75), (x - h, y + h * 0.75)], fill: colour, stroke: "#ffffff",
                tooltip: tooltip)
        case 3:
            let h = r * 1.25
            document.polygon(
                [(x, y - h), (x + h, y), (x, y + h), (x - h, y)], fill: colour, stroke: "#ffffff", tooltip: tooltip)
        default:
            let h = r * 1.2
            document.polygon(
                [(x, y + h), (x + h, y - h * 0.75), (x - h, y - h * 0.75)], fill: colour, stroke: "#ffffff",
                tooltip: tooltip)
        }
    }
}

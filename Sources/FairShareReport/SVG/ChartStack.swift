/// Several charts stacked vertically in one SVG document, for a `--plot FILE.svg` that shows more than one chart.
public enum ChartStack {
    /// One standalone SVG 1.1 document holding each chart's SVG (as produced by ``LineChart/svg()`` or
    /// ``GroupedBarChart/svg()``, each `width` × `height` pixels) one below the other.
    public static func svg(_ charts: [String], width: Double = 960, height: Double = 540) -> String {
        guard charts.count > 1 else { return charts.first ?? "" }
        let total = height * Double(charts.count)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(Int(width))\" "
            + "height=\"\(Int(total))\" viewBox=\"0 0 \(Int(width)) \(Int(total))\">\n"
        for (index, chart) in charts.enumerated() {
            var body = chart
            if body.hasPrefix("<?xml"), let end = body.firstIndex(of: "\n") {
                body = String(body[body.index(after: end)...])
            }
            if let root = body.range(of: "<svg ") {
                body.replaceSubrange(root, with: "<svg x=\"0\" y=\"\(Int(height) * index)\" ")
            }
            out += body
        }
        return out + "</svg>\n"
    }
}

import Foundation

/// A minimal writer of standalone SVG 1.1 documents, used by ``LineChart`` and ``GroupedBarChart``.
///
/// All lengths are in SVG user units, the coordinates of the `viewBox`; the `width` and `height` attributes
/// give the size to show it at, which may differ (the drawing is then scaled uniformly). Elements are written one per line in the order they are added, attributes in a fixed order and
/// coordinates with at most two decimals, so the same calls always give the same bytes. Only presentation
/// attributes are used (no CSS, no scripts, no external references), which slide programs import reliably.
struct SVGDocument: Sendable {
    /// A sans-serif stack available on every platform that renders slides; DejaVu Sans covers Linux. (Unquoted
    /// multi-word family names are valid CSS and keep the attribute free of entities.)
    static let fontFamily = "Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif"

    /// Width of the drawing in user units (the `viewBox`); all element coordinates are in these units.
    let width: Double
    /// Height of the drawing in user units.
    let height: Double
    /// The size the document asks to be shown at (its `width` and `height` attributes), in pixels.
    let displayWidth: Double
    let displayHeight: Double
    /// The document title (`<title>`), for screen readers and file browsers.
    let title: String
    private var lines: [String] = []
    private var depth = 1

    init(width: Double, height: Double, displayWidth: Double? = nil, displayHeight: Double? = nil, title: String) {
        self.width = width
        self.height = height
        self.displayWidth = displayWidth ?? width
        self.displayHeight = displayHeight ?? height
        self.title = title
    }

    /// The whole document, ending in a newline.
    func rendered() -> String {
        let w = Self.number(width)
        let h = Self.number(height)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let displayW = Self.number(displayWidth)
        let displayH = Self.number(displayHeight)
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(displayW)\" height=\"\(displayH)\" "
        out += "viewBox=\"0 0 \(w) \(h)\" font-family=\"\(Self.escape(Self.fontFamily))\">\n"
        out += "  <title>\(Self.escape(title))</title>\n"
        out += "  <rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        for line in lines { out += line + "\n" }
        out += "</svg>\n"
        return out
    }

    // MARK: Elements

    /// Opens a `<g>` with the given attributes (name, value), closed by ``endGroup()``.
    mutating func beginGroup(_ attributes: [(String, String)] = []) {
        append("<g" + Self.attributes(attributes) + ">")
        depth += 1
    }

    mutating func endGroup() {
        depth -= 1
        append("</g>")
    }

    /// A rectangle; a `tooltip` becomes a nested `<title>` (shown on hover in browsers).
    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, tooltip: String? = nil
    ) {
        let attributes = [
            ("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(max(0, width))),
            ("height", Self.number(max(0, height))), ("fill", fill),
        ]
        element("rect", attributes, tooltip: tooltip)
    }

    /// A straight line of `strokeWidth` pixels; `crisp` turns off anti-aliasing for axis-parallel lines.
    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, strokeWidth: Double = 1, crisp: Bool = false
    ) {
        var attributes = [
            ("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2)),
            ("stroke", stroke), ("stroke-width", Self.number(strokeWidth)),
        ]
        if crisp { attributes.append(("shape-rendering", "crispEdges")) }
        element("line", attributes)
    }

    /// An open polyline through `points` (x, y in pixels), without fill.
    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, strokeWidth: Double) {
        let list = points.map { Self.number($0.x) + "," + Self.number($0.y) }.joined(separator: " ")
        element(
            "polyline",
            [
                ("points", list), ("fill", "none"), ("stroke", stroke), ("stroke-width", Self.number(strokeWidth)),
                ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
            ])
    }

    /// A circle of radius `r` pixels.
    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String?, tooltip: String? = nil) {
        var attributes = [("cx", Self.number(cx)), ("cy", Self.number(cy)), ("r", Self.number(r)), ("fill", fill)]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", "1")] }
        element("circle", attributes, tooltip: tooltip)
    }

    /// A closed polygon through `points` (x, y in pixels).
    mutating func polygon(
        _ points: [(x: Double, y: Double)], fill: String, stroke: String?, tooltip: String? = nil
    ) {
        let list = points.map { Self.number($0.x) + "," + Self.number($0.y) }.joined(separator: " ")
        var attributes = [("points", list), ("fill", fill)]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", "1")] }
        element("polygon", attributes, tooltip: tooltip)
    }

    enum Anchor: String { case start, middle, end }

    /// One line of text whose baseline starts, centres or ends at (x, y); `rotation` in degrees, clockwise,
    /// about (x, y). Font size in pixels.
    mutating func text(
        _ content: String, x: Double, y: Double, size: Double, anchor: Anchor = .start, bold: Bool = false,
        fill: String = ChartStyle.textColour, rotation: Double = 0
    ) {
        var attributes = [("x", Self.number(x)), ("y", Self.number(y)), ("font-size", Self.number(size))]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if bold { attributes.append(("font-weight", "bold")) }
        attributes.append(("fill", fill))
        if rotation != 0 {
            attributes.append(("transform", "rotate(\(Self.number(rotation)) \(Self.number(x)) \(Self.number(y)))"))
        }
        append("<text" + Self.attributes(attributes) + ">" + Self.escape(content) + "</text>")
    }

    // MARK: Helpers

    /// Defines the white overlay pattern `kind` (1 diagonal stripes, 2 the other diagonal, 3 dots, 4 horizontal
    /// stripes, then again) as `hatch-KIND`, for ``patternID(_:)``: bars of series beyond the palette's seven
    /// colours stay apart by pattern, not only by colour.
    mutating func definePattern(_ kind: Int) {
        let shape: String
        switch (kind - 1) % 4 {
        case 0: shape = "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"2\"/>"
        case 1: shape = "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"2\"/>"
        case 2: shape = "<circle cx=\"3\" cy=\"3\" r=\"1.4\" fill=\"#ffffff\"/>"
        default: shape = "<line x1=\"0\" y1=\"3\" x2=\"6\" y2=\"3\" stroke=\"#ffffff\" stroke-width=\"2\"/>"
        }
        let rotation =
            (kind - 1) % 4 == 0
            ? " patternTransform=\"rotate(45)\"" : (kind - 1) % 4 == 1 ? " patternTransform=\"rotate(-45)\"" : ""
        append(
            "<defs><pattern id=\"\(Self.patternID(kind))\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"\(rotation)>"
                + shape + "</pattern></defs>")
    }

    /// The id of pattern `kind` (``definePattern(_:)``).
    static func patternID(_ kind: Int) -> String { "hatch-\(kind)" }

    private mutating func element(_ name: String, _ attributes: [(String, String)], tooltip: String? = nil) {
        if let tooltip {
            append("<\(name)\(Self.attributes(attributes))><title>\(Self.escape(tooltip))</title></\(name)>")
        } else {
            append("<\(name)\(Self.attributes(attributes))/>")
        }
    }

    private mutating func append(_ line: String) {
        lines.append(String(repeating: "  ", count: depth) + line)
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// Text made safe for XML content and attribute values: `&`, `<`, `>`, `"` and `'` become entities, and
    /// characters XML 1.0 forbids (control characters other than tab and newline, U+FFFE, U+FFFF, lone
    /// surrogates) become spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out += " "
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF || (0x7F...0x9F).contains(value) {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A coordinate or length: at most two decimals, no trailing zeros, never `-0`; non-finite values as `0`.
    static func number(_ value: Double) -> String {
        fixed(value, decimals: 2, trimmed: true)
    }

    /// `value` with exactly `decimals` decimals (or up to that many when `trimmed`), never `-0`.
    static func fixed(_ value: Double, decimals: Int, trimmed: Bool = false) -> String {
        guard value.isFinite else { return "0" }
        var text = String(format: "%.\(max(0, min(decimals, 12)))f", value)
        if trimmed, text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        return text
    }
}

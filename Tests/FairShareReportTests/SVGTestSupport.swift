import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One element of a parsed SVG document: name, attributes, its own text, and its children.
final class SVGElement {
    let name: String
    let attributes: [String: String]
    var text = ""
    var children: [SVGElement] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// This element and all elements below it, in document order.
    var all: [SVGElement] { [self] + children.flatMap(\.all) }

    func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }

    /// The text of a nested `<title>` (bar and marker tooltips).
    var tooltip: String? { children.first { $0.name == "title" }?.text }
}

/// Parses `svg` with Foundation's XMLParser (a real, strict XML parser); records an issue and returns nil if
/// the document is not well-formed.
func parseSVG(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) -> SVGElement? {
    final class Delegate: NSObject, XMLParserDelegate {
        var stack: [SVGElement] = []
        var root: SVGElement?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let element = SVGElement(name: name, attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
    let parser = XMLParser(data: Data(svg.utf8))
    let delegate = Delegate()
    parser.delegate = delegate
    guard parser.parse(), let root = delegate.root else {
        Issue.record(
            "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root")", sourceLocation: sourceLocation)
        return nil
    }
    return root
}

extension SVGElement {
    /// The text of every `<text>` element, in document order.
    var texts: [String] { all.filter { $0.name == "text" }.map(\.text) }

    /// Every `<text>` element.
    var textElements: [SVGElement] { all.filter { $0.name == "text" } }

    /// The `<g>` elements with `class` equal to `name`.
    func groups(_ name: String) -> [SVGElement] { all.filter { $0.name == "g" && $0.attributes["class"] == name } }
}

/// Every numeric token in attribute values of `svg` (coordinates, lengths, points, transforms).
func numericTokens(in root: SVGElement) -> [String] {
    var tokens: [String] = []
    for element in root.all {
        for (name, value) in element.attributes
        where !["font-family", "fill", "stroke", "class", "xmlns"].contains(name) {
            var current = ""
            for character in value + " " {
                if character.isNumber || character == "." || character == "-" {
                    current.append(character)
                } else {
                    if current.contains(where: \.isNumber) { tokens.append(current) }
                    current = ""
                }
            }
        }
    }
    return tokens
}

/// The seven Drechtsteden municipalities, as in Scenarios/drechtsteden.json.
let drechtsteden = [
    "Alblasserdam", "Dordrecht", "Hardinxveld-Giessendam", "Hendrik-Ido-Ambacht", "Papendrecht", "Sliedrecht",
    "Zwijndrecht",
]

/// A place in a JSON document: a list of member names and array positions.
///
/// Printed as fairshare prints every path — member names joined by dots, array positions in brackets:
/// `municipalities.GM0505.limits.social-rent.max`, `region.targets.social-30.segments[1]`. A member name that is
/// not plain (letters, digits, `-`, `_`, `$`) is printed as a quoted JSON string in brackets, so that an id with a
/// dot stays one component: `municipalities["gm.0505"].newHomes.max`. ``init(parsing:)`` reads every printed path
/// back to the same components.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral,
    ExpressibleByStringLiteral
{
    /// One step into a document.
    public enum Component: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// A member of an object, by name.
        case member(String)
        /// An element of an array, by position (0-based).
        case index(Int)

        public init(stringLiteral name: String) {
            self = .member(name)
        }

        /// The member name, or `nil` for an array position.
        public var name: String? {
            if case .member(let name) = self { return name }
            return nil
        }

        /// The component as it appears in a printed path (without the joining dot).
        public var description: String {
            switch self {
            case .index(let position): return "[\(position)]"
            case .member(let name):
                return JSONPath.isPlain(name) ? name : "[\(JSONWriter.quoted(name))]"
            }
        }
    }

    /// The components, from the document's root.
    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public init(arrayLiteral components: Component...) {
        self.components = components
    }

    /// A path written as fairshare prints it: `"region.targets.social-30.minShare"`. The literal must be a valid
    /// path (a programming error otherwise); read user input with ``init(parsing:)``.
    public init(stringLiteral text: String) {
        guard let path = JSONPath(parsing: text) else { preconditionFailure("not a JSON path: \(text)") }
        self = path
    }

    /// A path of member names only.
    public init(members: [String]) {
        components = members.map(Component.member)
    }

    /// The document's root (the whole document).
    public static let root = JSONPath()

    /// Whether this is the root.
    public var isEmpty: Bool { components.isEmpty }
    /// The last component, if any.
    public var last: Component? { components.last }
    /// The member names of the path in order (array positions left out).
    public var memberNames: [String] { components.compactMap(\.name) }

    /// Whether the path starts with every component of `prefix`.
    public func hasPrefix(_ prefix: JSONPath) -> Bool {
        components.count >= prefix.components.count
            && Array(components.prefix(prefix.components.count))
                == prefix.components
    }

    /// The path without its first `count` components.
    public func dropFirst(_ count: Int = 1) -> JSONPath { JSONPath(Array(components.dropFirst(count))) }

    /// The path without its last component.
    public func dropLast() -> JSONPath { JSONPath(Array(components.dropLast())) }

    public static func + (path: JSONPath, more: JSONPath) -> JSONPath { JSONPath(path.components + more.components) }
    public static func + (path: JSONPath, member: String) -> JSONPath { JSONPath(path.components + [.member(member)]) }
    public static func + (path: JSONPath, component: Component) -> JSONPath {
        JSONPath(path.components + [component])
    }

    /// The printed path: `region.targets.social-30.minShare`, `municipalities["a.b"].newHomes`; `""` for the root.
    public var description: String {
        var out = ""
        for component in components {
            let text = component.description
            out += out.isEmpty || text.hasPrefix("[") ? text : "." + text
        }
        return out
    }

    /// Reads a printed path (``description``) back: member names joined by dots, `[n]` positions and `["name"]`
    /// quoted members. `nil` when the text is not such a path.
    public init?(parsing text: String) {
        var components: [Component] = []
        var scalars = Substring(text).unicodeScalars[...]
        var expectMember = true
        while let first = scalars.first {
            if first == "[" {
                scalars = scalars.dropFirst()
                if scalars.first == "\"" {
                    guard let (name, rest) = Self.quoted(scalars), rest.first == "]" else { return nil }
                    components.append(.member(name))
                    scalars = rest.dropFirst()
                } else {
                    let digits = scalars.prefix { ("0"..."9").contains($0) }
                    guard !digits.isEmpty, let position = Int(String(String.UnicodeScalarView(digits))),
                        scalars.dropFirst(digits.count).first == "]"
                    else { return nil }
                    components.append(.index(position))
                    scalars = scalars.dropFirst(digits.count + 1)
                }
                expectMember = false
            } else if first == "." {
                guard !components.isEmpty else { return nil }
                scalars = scalars.dropFirst()
                expectMember = true
                guard let next = scalars.first, next != ".", next != "[" else { return nil }
            } else {
                guard expectMember else { return nil }
                let name = scalars.prefix { $0 != "." && $0 != "[" }
                components.append(.member(String(String.UnicodeScalarView(name))))
                scalars = scalars.dropFirst(name.count)
                expectMember = false
            }
        }
        self.components = components
    }

    /// A JSON string at the start of `scalars` and what follows it.
    private static func quoted(
        _ scalars: Substring.UnicodeScalarView.SubSequence
    ) -> (String, Substring.UnicodeScalarView.SubSequence)? {
        var index = scalars.index(after: scalars.startIndex)
        var escaped = false
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if escaped {
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == "\"" {
                let literal = String(String.UnicodeScalarView(scalars[scalars.startIndex...index]))
                guard case .string(let name)? = try? JSONParser().parse(Array(literal.utf8)) else { return nil }
                return (name, scalars[scalars.index(after: index)...])
            }
            index = scalars.index(after: index)
        }
        return nil
    }

    /// Whether a member name prints as itself: non-empty ASCII letters, digits, `-`, `_`, `$`.
    static func isPlain(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_"
                    || $0 == "$"
            }
    }
}

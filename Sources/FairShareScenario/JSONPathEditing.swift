extension JSONPath {
    /// Splits a path as fairshare prints it (`region.targets.social-30.minShare`, `a.list[2].b`) into components:
    /// member names and `[n]` array positions.
    public static func parse(_ path: String) -> [String] {
        var components: [String] = []
        var current = ""
        var index = path.startIndex
        while index < path.endIndex {
            let character = path[index]
            if character == "." {
                if !current.isEmpty { components.append(current) }
                current = ""
            } else if character == "[", let close = path[index...].firstIndex(of: "]") {
                if !current.isEmpty { components.append(current) }
                current = ""
                components.append(String(path[index...close]))
                index = close
            } else {
                current.append(character)
            }
            index = path.index(after: index)
        }
        if !current.isEmpty { components.append(current) }
        return components
    }
}

extension JSONValue {
    /// The value at a path (components from ``JSONPath/parse(_:)``), or `nil` when there is none.
    /// A `Range` written as one number answers `min` and `max` with that number.
    public func value(at path: [String]) -> JSONValue? {
        guard let first = path.first else { return self }
        let rest = Array(path.dropFirst())
        switch self {
        case .object(let object):
            return object[first]?.value(at: rest)
        case .array(let elements):
            guard first.hasPrefix("["), let position = Int(first.dropFirst().dropLast()), elements.indices.contains(position)
            else { return nil }
            return elements[position].value(at: rest)
        case .number where rest.isEmpty && (first == "min" || first == "max"):
            return self
        default:
            return nil
        }
    }

    /// This document with `newValue` at `path`, creating objects on the way. Setting `min` or `max` of a `Range`
    /// written as one number n first turns it into `{"min": n, "max": n}`.
    public func setting(_ newValue: JSONValue, at path: [String]) -> JSONValue {
        guard let first = path.first else { return newValue }
        let rest = Array(path.dropFirst())
        switch self {
        case .array(var elements):
            if first.hasPrefix("["), let position = Int(first.dropFirst().dropLast()), elements.indices.contains(position) {
                elements[position] = elements[position].setting(newValue, at: rest)
                return .array(elements)
            }
            return self
        case .number(let number) where rest.isEmpty && (first == "min" || first == "max"):
            var range = JSONObject([("min", .number(number)), ("max", .number(number))])
            range[first] = newValue
            return .object(range)
        default:
            var object = self.object ?? JSONObject()
            object[first] = (object[first] ?? .null).setting(newValue, at: rest)
            return .object(object)
        }
    }
}

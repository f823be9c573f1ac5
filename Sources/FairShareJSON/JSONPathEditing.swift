extension JSONValue {
    /// The value at a path, or `nil` when there is none. A `Range` written as one number answers `min` and `max`
    /// with that number.
    public func value(at path: JSONPath) -> JSONValue? {
        guard let first = path.components.first else { return self }
        let rest = path.dropFirst()
        switch (self, first) {
        case (.object(let object), .member(let name)):
            return object[name]?.value(at: rest)
        case (.array(let elements), .index(let position)):
            guard elements.indices.contains(position) else { return nil }
            return elements[position].value(at: rest)
        case (.number, .member(let name)) where rest.isEmpty && (name == "min" || name == "max"):
            return self
        default:
            return nil
        }
    }

    /// This document with `newValue` at `path`, creating objects on the way. Setting `min` or `max` of a `Range`
    /// written as one number n first turns it into `{"min": n, "max": n}`. A position outside an array changes
    /// nothing.
    public func setting(_ newValue: JSONValue, at path: JSONPath) -> JSONValue {
        guard let first = path.components.first else { return newValue }
        let rest = path.dropFirst()
        switch (self, first) {
        case (.array(var elements), .index(let position)):
            guard elements.indices.contains(position) else { return self }
            elements[position] = elements[position].setting(newValue, at: rest)
            return .array(elements)
        case (_, .index):
            return self
        case (.number(let number), .member(let name)) where rest.isEmpty && (name == "min" || name == "max"):
            var range = JSONObject([("min", .number(number)), ("max", .number(number))])
            range[name] = newValue
            return .object(range)
        case (_, .member(let name)):
            var object = self.object ?? JSONObject()
            object[name] = (object[name] ?? .null).setting(newValue, at: rest)
            return .object(object)
        }
    }
}

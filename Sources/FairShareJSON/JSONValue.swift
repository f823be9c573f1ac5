/// A JSON document as plain Swift data, with object members in the order they appear in the file.
///
/// fairshare reads scenario files through its own strict parser (``JSONParser``) rather than `JSONDecoder`, so
/// that every problem can be reported with its JSON path, duplicate keys are caught, and a variant's JSON Merge
/// Patch (RFC 7396) can be applied before the scenario is read.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// Hashes the outer 16 levels only: equal values still hash equally, and hashing a deeply
    /// nested document (up to ``JSONParser/depthCeiling`` levels) needs little stack.
    public func hash(into hasher: inout Hasher) {
        hash(into: &hasher, depth: 0)
    }

    /// The levels of nesting that ``hash(into:)`` looks into.
    static let hashedDepth = 16

    func hash(into hasher: inout Hasher, depth: Int) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let flag): hasher.combine(flag)
        case .number(let number): hasher.combine(number)
        case .string(let text): hasher.combine(text)
        case .array(let elements):
            hasher.combine(elements.count)
            guard depth < Self.hashedDepth else { return }
            for element in elements { element.hash(into: &hasher, depth: depth + 1) }
        case .object(let object):
            guard depth < Self.hashedDepth else { return hasher.combine(object.members.count) }
            object.hash(into: &hasher, depth: depth)
        }
    }

    /// A short name of the value's type, for messages: "a number", "an object", ….
    public var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The members when this is an object.
    public var object: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }
}

/// A JSON object: members keyed by name, in file order. Keys are unique (the parser rejects duplicates).
public struct JSONObject: Sendable, Hashable {
    /// The members in order.
    public private(set) var members: [(key: String, value: JSONValue)]

    /// A later member with the name of an earlier one replaces its value, at the earlier position.
    public init(_ members: [(key: String, value: JSONValue)] = []) {
        // Linear time: a file may hold an object of 100,000 members, and a member-by-member subscript would
        // search the members built so far each time (quadratic; minutes for a hostile file).
        var positions: [String: Int] = [:]
        positions.reserveCapacity(members.count)
        var unique: [(key: String, value: JSONValue)] = []
        unique.reserveCapacity(members.count)
        for (key, value) in members {
            if let at = positions[key] {
                unique[at].value = value
            } else {
                positions[key] = unique.count
                unique.append((key, value))
            }
        }
        self.members = unique
    }

    /// The member names in order.
    public var keys: [String] { members.map(\.key) }

    /// The value of a member; setting `nil` removes it, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            let at = members.firstIndex { $0.key == key }
            switch (at, newValue) {
            case (let at?, let value?): members[at].value = value
            case (let at?, nil): members.remove(at: at)
            case (nil, let value?): members.append((key, value))
            case (nil, nil): break
            }
        }
    }

    /// Equal when both have the same members with equal values, in any order: JSON objects are unordered
    /// (RFC 8259), and a `Decoder` reports members sorted. Order still matters for writing (``JSONWriter``).
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        if zip(lhs.members, rhs.members).allSatisfy({ $0.key == $1.key && $0.value == $1.value }) { return true }
        // Keys are unique, so a lookup of each of lhs's members in rhs decides it (linear, for 100,000 members).
        let values = Dictionary(rhs.members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        return lhs.members.allSatisfy { values[$0.key] == $0.value }
    }

    public func hash(into hasher: inout Hasher) {
        hash(into: &hasher, depth: 0)
    }

    /// Independent of the members' order, as ``==`` is: the members' own hashes, summed.
    func hash(into hasher: inout Hasher, depth: Int) {
        hasher.combine(members.count)
        var sum = 0
        for (key, value) in members {
            var member = Hasher()
            member.combine(key)
            value.hash(into: &member, depth: depth + 1)
            sum &+= member.finalize()
        }
        hasher.combine(sum)
    }
}

extension JSONValue {
    /// This document with `patch` applied as a JSON Merge Patch (RFC 7396): objects merge member by member,
    /// `null` removes a member, anything else replaces.
    public func mergePatched(with patch: JSONValue) -> JSONValue {
        guard case .object(let patchObject) = patch else { return patch }
        // Linear in the sizes of both objects (a patch may touch every one of 10,000 municipalities).
        var members = self.object?.members ?? []
        var positions: [String: Int] = [:]
        for (position, member) in members.enumerated() { positions[member.key] = position }
        var removed = false
        for (key, value) in patchObject.members {
            if let at = positions[key] {
                if value == .null {
                    members[at].value = .null
                    positions[key] = nil
                    removed = true
                } else {
                    members[at].value = members[at].value.mergePatched(with: value)
                }
            } else if value != .null {
                positions[key] = members.count
                members.append((key, JSONValue.null.mergePatched(with: value)))
            }
        }
        if removed { members.removeAll { positions[$0.key] == nil } }
        return .object(JSONObject(members))
    }
}

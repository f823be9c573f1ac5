/// Writes a ``JSONValue`` as text: members in their order, two-space indentation, numbers in their shortest
/// exact form (whole numbers without a decimal point). The same value always gives the same bytes.
public enum JSONWriter {
    /// The value as pretty-printed JSON, ending in a newline.
    public static func text(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, to: &out)
        out += "\n"
        return out
    }

    /// The value as pretty-printed JSON for a place `indent` spaces deep in a larger document: its lines after the
    /// first indented by `indent`, no newline at the end. `text(value)` is `text(value, indent: 0)` plus a newline.
    public static func text(_ value: JSONValue, indent: Int) -> String {
        var out = ""
        write(value, indent: indent, to: &out)
        return out
    }

    /// A number as JSON writes it: `1200`, `0.3`, `1.5e-07`.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// A string with JSON escapes.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func write(_ value: JSONValue, indent: Int, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let value): out += number(value)
        case .string(let text): out += quoted(text)
        case .array(let elements):
            if elements.isEmpty {
                out += "[]"
                return
            }
            if elements.allSatisfy({ if case .object = $0 { false } else if case .array = $0 { false } else { true } })
            {
                var first = true
                out += "["
                for element in elements {
                    if !first { out += ", " }
                    first = false
                    write(element, indent: indent, to: &out)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (index, element) in elements.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                write(element, indent: indent + 2, to: &out)
                out += index + 1 < elements.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let object):
            if object.members.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            for (index, member) in object.members.enumerated() {
                out += String(repeating: " ", count: indent + 2) + quoted(member.key) + ": "
                write(member.value, indent: indent + 2, to: &out)
                out += index + 1 < object.members.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }
}

import FairShareJSON

extension ScenarioIssue.Code {
    /// A number outside the range fairshare solves reliably (``ScenarioLimits/largestNumber``).
    public static let outOfRange = ScenarioIssue.Code("out-of-range")
}

/// The numeric range check (docs/model.md §3, "The numeric range"): every number that reaches the linear
/// programme as homes, placements or a weight is at most ``ScenarioLimits/largestNumber`` (10^9 by default).
///
/// Why 10^9: results are written to a millionth of a home, and a `Double` holds a millionth exactly only below
/// 2^53 / 10^6 ≈ 9·10^9; GLPK's floating-point simplex was measured to give wrong statuses from stocks of 10^10
/// next to stocks of a few hundred homes. Keys are not limited: only their shares enter the programme (a key whose
/// regional total overflows is a `bad-key`).
enum NumericRange {
    /// Members whose numbers are key attributes (or solver settings), not counts in the programme.
    static let exempt: Set<String> = [
        "population", "households", "attributes", "nationalPopulation", "solver", "variants",
    ]

    /// Reports one `out-of-range` issue per number in `document` above `largest` in absolute value, outside the
    /// exempt members, at its path.
    static func check(_ document: JSONValue, largest: Double, reporting fields: inout FieldReader) {
        func walk(_ value: JSONValue, _ path: JSONPath) {
            switch value {
            case .number(let number) where abs(number) > largest:
                fields.report(
                    .outOfRange, path,
                    "is \(JSONWriter.number(number)); fairshare solves reliably with numbers of homes, placements and "
                        + "weights from -\(JSONWriter.number(largest)) to \(JSONWriter.number(largest)) "
                        + "(ScenarioLimits.largestNumber): check the unit")
            case .object(let object):
                for (key, member) in object.members where !exempt.contains(key) { walk(member, path + key) }
            case .array(let elements):
                for (index, element) in elements.enumerated() { walk(element, path + .index(index)) }
            default:
                break
            }
        }
        walk(document, .root)
    }
}

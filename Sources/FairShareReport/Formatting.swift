import Foundation

/// How numbers appear in reports: whole homes, shares as percentages.
public enum Formatting {
    /// A count of homes or placements, rounded to a whole number: `1234`.
    public static func count(_ value: Double) -> String {
        whole(value.rounded())
    }

    /// A whole number as digits; one beyond `Int`'s range (a scenario may hold 1e300 homes) in Swift's
    /// shortest form (`1e+300`) instead of trapping in `Int(_:)`.
    static func whole(_ rounded: Double) -> String {
        if rounded == 0 { return "0" }
        if let exact = Int(exactly: rounded) { return String(exact) }
        return rounded.description
    }

    /// A share in [0, 1] as a percentage with one decimal: `29.1%`.
    public static func percent(_ share: Double) -> String {
        String(format: "%.1f%%", share * 100)
    }

    /// A signed difference in whole units: `+12`, `-3`, `0`.
    public static func signed(_ value: Double) -> String {
        let rounded = value.rounded()
        if rounded == 0 { return "0" }
        return rounded > 0 ? "+" + whole(rounded) : whole(rounded)
    }

    /// A level optimum: up to two decimals, no trailing zeros: `1234.5`.
    public static func optimum(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A range of counts: `9000–10000`, `≥ 2700`, `1750`.
    public static func range(min: Double, max: Double) -> String {
        if min == max { return count(min) }
        if max == .infinity { return "≥ \(count(min))" }
        if min == 0 { return "≤ \(count(max))" }
        return "\(count(min))–\(count(max))"
    }
}

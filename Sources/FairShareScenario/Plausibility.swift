import FairShareJSON
import Foundation

/// A figure that is valid but probably not what its author meant (docs/model.md §2, "Plausibility"): a warning,
/// not an error, because the data may be right. `fairshare validate` and `solve` print them, a result's JSON
/// carries them, and `--strict` turns them into errors.
public struct PlausibilityWarning: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Fewer persons than households: a population written with a Dutch thousands separator (`127.000` is 127
        /// in JSON), or the two figures swapped.
        case populationBelowHouseholds = "population-below-households"
        /// Fewer households than half the homes in stock.
        case householdsBelowStock = "households-below-stock"
        /// A stock segment that most municipalities give and this one leaves out (absent counts as 0 homes).
        case missingStock = "missing-stock"
        /// A figure 1,000 times larger or smaller than the median of the other municipalities' figures.
        case outlier = "outlier"
    }

    public var kind: Kind
    /// The figure's place in the scenario, e.g. `municipalities.GM0505.population`.
    public var path: JSONPath
    public var message: String

    public init(_ kind: Kind, path: JSONPath, _ message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

extension Scenario {
    /// The plausibility warnings of the municipalities' figures, municipality by municipality in id order.
    public var plausibilityWarnings: [PlausibilityWarning] { Plausibility.warnings(self) }
}

/// The checks behind ``Scenario/plausibilityWarnings``, with their thresholds.
enum Plausibility {
    /// Households below this fraction of the homes in stock are implausible (in the Netherlands there are about as
    /// many households as homes).
    static let householdsPerHome = 0.5
    /// A figure this many times above or below the median of the other municipalities' is an outlier.
    static let outlierFactor = 1_000.0
    /// Outliers and missing stock are judged only with at least this many municipalities.
    static let minimumMunicipalities = 3

    static func warnings(_ scenario: Scenario) -> [PlausibilityWarning] {
        let municipalities = scenario.municipalities
        var found: [String: [PlausibilityWarning]] = [:]
        func add(_ id: String, _ warning: PlausibilityWarning) { found[id, default: []].append(warning) }
        for municipality in municipalities {
            let here = JSONPath(members: ["municipalities", municipality.id])
            if let population = municipality.population, let households = municipality.households,
                population < households
            {
                add(
                    municipality.id,
                    PlausibilityWarning(
                        .populationBelowHouseholds, path: here + "population",
                        "is \(number(population)), below its \(number(households)) households"
                            + thousandsHint(population, plausible: households)))
            }
            let stock = municipality.totalStock
            if let households = municipality.households, stock > 0, households < householdsPerHome * stock {
                add(
                    municipality.id,
                    PlausibilityWarning(
                        .householdsBelowStock, path: here + "households",
                        "is \(number(households)), less than half the \(number(stock)) homes in its stock"
                            + thousandsHint(households, plausible: stock)))
            }
        }
        guard municipalities.count >= minimumMunicipalities else { return ordered(found, municipalities) }
        for segment in scenario.segments {
            let giving = municipalities.filter { $0.stock[segment.id] != nil }.count
            guard giving * 2 > municipalities.count, giving < municipalities.count else { continue }
            for municipality in municipalities where municipality.stock[segment.id] == nil {
                add(
                    municipality.id,
                    PlausibilityWarning(
                        .missingStock, path: JSONPath(members: ["municipalities", municipality.id, "stock"]),
                        "gives no \(segment.id) homes, which \(giving) of the \(municipalities.count) "
                            + "municipalities give; absent counts as 0 homes: write \"\(segment.id)\": 0 if it "
                            + "has none"))
            }
        }
        var figures: [(path: [String], value: (Municipality) -> Double?)] = [
            (["population"], \.population), (["households"], \.households),
            (["lettings"], { $0.lettings > 0 ? $0.lettings : nil }),
        ]
        for segment in scenario.segments {
            figures.append((["stock", segment.id], { $0.stock[segment.id].flatMap { $0 > 0 ? $0 : nil } }))
        }
        for (members, value) in figures {
            let values = municipalities.map(value)
            let sorted = values.compactMap { $0.flatMap { $0 > 0 ? $0 : nil } }.sorted()
            guard sorted.count >= minimumMunicipalities else { continue }
            for (i, municipality) in municipalities.enumerated() {
                guard let own = values[i], own > 0, let median = median(sorted, without: own), median > 0 else {
                    continue
                }
                let isLarge = own >= outlierFactor * median
                guard isLarge || own * outlierFactor <= median else { continue }
                let ratio = isLarge ? own / median : median / own
                add(
                    municipality.id,
                    PlausibilityWarning(
                        .outlier, path: JSONPath(members: ["municipalities", municipality.id] + members),
                        "is \(number(own)), \(number(ratio.rounded()))× \(isLarge ? "more" : "less") than the "
                            + "median \(number(median)) of the other municipalities; check the unit"
                            + (isLarge ? "" : thousandsHint(own, plausible: median))))
            }
        }
        return ordered(found, municipalities)
    }

    /// The warnings in municipality order, each municipality's in the order found.
    static func ordered(_ found: [String: [PlausibilityWarning]], _ municipalities: [Municipality])
        -> [PlausibilityWarning]
    {
        municipalities.flatMap { found[$0.id] ?? [] }
    }

    /// When `value` × 1,000 is plausible beside `plausible` (the Dutch `127.000` read as 127 in JSON), says so.
    static func thousandsHint(_ value: Double, plausible: Double) -> String {
        let scaled = value * 1_000
        guard scaled >= plausible / 10, scaled <= plausible * 100, value == value.rounded(.down) || value < 1_000
        else { return "" }
        return "; a Dutch thousands separator? \(dutch(value)) means \(number(scaled)) in Dutch, but JSON reads it as "
            + "\(number(value)): write \(number(scaled, grouped: false))"
    }

    /// The median of `sorted` (ascending) with one occurrence of `value` left out: the median of the others, in
    /// O(log n).
    static func median(_ sorted: [Double], without value: Double) -> Double? {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        guard low < sorted.count, sorted[low] == value, sorted.count >= 2 else { return nil }
        func other(_ k: Int) -> Double { k < low ? sorted[k] : sorted[k + 1] }
        let count = sorted.count - 1
        return count % 2 == 1 ? other(count / 2) : (other(count / 2 - 1) + other(count / 2)) / 2
    }

    /// `value` as the text reads it: grouped with commas, at most 3 decimals.
    static func number(_ value: Double, grouped: Bool = true) -> String {
        value.formatted(
            .number.grouping(grouped ? .automatic : .never).precision(.fractionLength(0...3)).locale(
                Locale(identifier: "en_US")))
    }

    /// How `value` looks when a Dutch thousands separator made it: 127 → `127.000`, 1.5 → `1.500`.
    static func dutch(_ value: Double) -> String {
        let whole = value.rounded(.down)
        let thousandths = Int(((value - whole) * 1_000).rounded())
        let padded = String(thousandths + 1_000).dropFirst()
        return "\(Int(whole)).\(padded)"
    }
}

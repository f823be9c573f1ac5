import FairShareScenario
import Foundation

/// The figures of a result as `fairshare solve --format json` prints them, read with Foundation's JSON parser
/// (independent of fairshare's): every municipality's and the region's new homes per segment, total,
/// placements and care homes, each with its range.
struct ResultDocument {
    /// One figure: where (`municipality` nil: the region), which (`kind` as in the JSON, `id`, `label` from the
    /// scenario), its exact value and its range (`max` infinite when the JSON says `null`).
    struct Figure: CustomStringConvertible {
        var municipality: String?
        var name: String
        var kind: String
        var id: String
        var label: String
        var value: Double
        var range: (min: Double, max: Double)?

        var isFree: Bool { range.map { $0.max - $0.min > 0.5 } ?? false }
        var description: String { "\(name) \(kind) \(id) = \(value), range \(String(describing: range))" }
    }

    var figures: [Figure]
    /// `allocation`: `central` or `any`.
    var allocation: String?

    /// Reads `json` (a fairshare-result/1 document) with the labels of `scenario`.
    init(_ json: String, scenario: Scenario) throws {
        guard let top = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let municipalities = top["municipalities"] as? [String: [String: Any]],
            let region = top["region"] as? [String: Any]
        else { throw DocumentError() }
        allocation = top["allocation"] as? String
        let columns: [(kind: String, id: String, label: String)] =
            scenario.segments.map { ("newHomes", $0.id, $0.label) } + [("total", "total", "Total")]
            + scenario.priorityGroups.map { ("placements", $0.id, $0.label) }
            + scenario.careQualities.map { ("care", $0.id, $0.label) }
        func range(_ object: Any?) -> (min: Double, max: Double)? {
            guard let object = object as? [String: Any], let low = object["min"] as? Double else { return nil }
            return (low, (object["max"] as? Double) ?? .infinity)
        }
        func figures(_ object: [String: Any], _ municipality: String?, _ name: String) -> [Figure] {
            let ranges = object["ranges"] as? [String: Any]
            return columns.compactMap { column in
                let value: Double?
                switch (column.kind, municipality) {
                case ("total", _): value = object["total"] as? Double
                case ("newHomes", _), (_, .some):
                    value = (object[column.kind] as? [String: Any])?[column.id] as? Double
                default:
                    let section = column.kind == "placements" ? "priorityGroups" : "care"
                    value = ((object[section] as? [String: Any])?[column.id] as? [String: Any])?["placed"] as? Double
                }
                guard let value else { return nil }
                let bound =
                    column.kind == "total"
                    ? ranges?["total"]
                    : (ranges?[column.kind] as? [String: Any])?[column.id]
                return Figure(
                    municipality: municipality, name: name, kind: column.kind, id: column.id,
                    label: column.label, value: value, range: range(bound))
            }
        }
        self.figures =
            municipalities.keys.sorted().flatMap { id in
                figures(municipalities[id] ?? [:], id, municipalities[id]?["name"] as? String ?? id)
            } + figures(region, nil, "Region")
    }

    /// The figure of a municipality (by name; `Region` for the region) and column label.
    func figure(_ name: String, _ label: String) -> Figure? {
        figures.first { $0.name == name && $0.label == label }
    }

    struct DocumentError: Error {}
}

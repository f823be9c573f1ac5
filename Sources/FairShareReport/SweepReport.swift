import FairShareEngine
import FairShareScenario

/// `fairshare sweep`: the swept value against each level optimum and each target's share; in JSON and CSV also
/// each municipality's allocation at every value.
public struct SweepReport: Sendable {
    public let sweep: Sweep

    public init(_ sweep: Sweep) {
        self.sweep = sweep
    }

    var levels: [Level] {
        Level.allCases.filter { level in sweep.points.contains { $0.result.optimum(level) != nil } }
    }

    var targetIDs: [String] {
        sweep.points.first { $0.result.hasAllocation }?.result.region.targets.map(\.id) ?? []
    }

    /// Column names: the path, the status, the level optima, the target shares.
    var headers: [String] {
        [sweep.path.description, "status"] + levels.map { "\($0.rawValue) optimum" } + targetIDs.map { "\($0) share" }
    }

    /// The table for a terminal or Markdown.
    public var table: TextTable {
        var table = TextTable(
            headers: headers,
            alignments: [.right, .left]
                + Array(repeating: .right, count: levels.count + targetIDs.count))
        for point in sweep.points {
            let result = point.result
            table.rows.append(
                [JSONWriter.number((point.value * 1e6).rounded() / 1e6), result.status.rawValue]
                    + levels.map { result.optimum($0).map(Formatting.optimum) ?? "–" }
                    + targetIDs.map { id in
                        result.region.targets.first { $0.id == id }.map { Formatting.percent($0.share) } ?? "–"
                    })
        }
        return table
    }

    /// The allocation's figures in the order the CSV and JSON write them: per municipality, new homes per segment,
    /// their total, placements per priority group, care homes per care quality.
    var figures: [(municipality: String, kind: String, item: String)] {
        guard let first = sweep.points.first(where: { $0.result.hasAllocation })?.result else { return [] }
        return first.municipalities.flatMap { allocation in
            first.segmentIDs.map { (allocation.id, "newHomes", $0) } + [(allocation.id, "total", "total")]
                + first.groupIDs.map { (allocation.id, "placements", $0) }
                + first.careIDs.map { (allocation.id, "care", $0) }
        }
    }

    /// One figure of `result`, `nil` without an allocation.
    static func value(_ result: FairShareResult, _ municipality: String, _ kind: String, _ item: String) -> Double? {
        guard result.hasAllocation, let allocation = result.municipalities.first(where: { $0.id == municipality })
        else { return nil }
        switch kind {
        case "newHomes": return allocation.newHomes[item]
        case "total": return allocation.total
        case "placements": return allocation.placements[item]
        default: return allocation.care[item]
        }
    }

    /// RFC 4180 CSV: one record per value, the table's columns with full precision (shares as fractions), then one
    /// column per municipality and figure (`GM0505 social-rent`, `GM0505 total`, `GM0505 statushouders`) with the
    /// exact allocation; empty at a value without an allocation.
    public func csv(_ format: CSVFormat = CSVFormat()) -> String {
        let figures = figures
        var out = format.record(headers + figures.map { "\($0.municipality) \($0.item)" })
        for point in sweep.points {
            let result = point.result
            out += format.record(
                [format.number(point.value), result.status.rawValue]
                    + levels.map { format.number(result.optimum($0)) }
                    + targetIDs.map { id in format.number(result.region.targets.first { $0.id == id }?.share) }
                    + figures.map { format.number(Self.value(result, $0.municipality, $0.kind, $0.item)) })
        }
        return out
    }

    public func text() -> String {
        "\(sweep.points.first?.result.scenario ?? ""): \(sweep.path) from "
            + "\(JSONWriter.number(sweep.points.first?.value ?? 0)) to \(JSONWriter.number(sweep.points.last?.value ?? 0)) "
            + "(\(sweep.points.count) values, \(sweep.warmPoints) re-solved warm)\n\n" + table.text()
    }

    public func markdown() -> String { table.markdown() }
}

extension SweepReport {
    /// The sweep as JSON (`fairshare-sweep/1`): per value the status, the level optima and the target shares.
    public var json: JSONValue {
        .object(
            JSONObject([
                ("format", .string("fairshare-sweep/1")),
                ("scenario", .string(sweep.points.first?.result.scenario ?? "")),
                ("path", .string(sweep.path.description)),
                ("warmPoints", .number(Double(sweep.warmPoints))),
                (
                    "points",
                    .array(
                        sweep.points.map { point in
                            .object(
                                JSONObject([
                                    ("value", .number(point.value)),
                                    ("status", .string(point.result.status.rawValue)),
                                    (
                                        "objective",
                                        .object(
                                            JSONObject(
                                                point.result.objective.map { ($0.level.rawValue, .number($0.value)) }))
                                    ),
                                    (
                                        "targets",
                                        .object(
                                            JSONObject(point.result.region.targets.map { ($0.id, .number($0.share)) }))
                                    ),
                                    ("municipalities", Self.allocation(point.result)),
                                ]))
                        })
                ),
            ]))
    }

    public var jsonText: String { JSONWriter.text(json) }

    /// Each municipality's allocation at one value: new homes per segment, total, placements and care, as in the
    /// result (`null` without an allocation).
    static func allocation(_ result: FairShareResult) -> JSONValue {
        guard result.hasAllocation else { return .null }
        func figures(_ values: [String: Double], _ ids: [String]) -> JSONValue {
            .object(JSONObject(ids.map { ($0, .number(values[$0] ?? 0)) }))
        }
        return .object(
            JSONObject(
                result.municipalities.map { allocation in
                    (
                        allocation.id,
                        .object(
                            JSONObject([
                                ("newHomes", figures(allocation.newHomes, result.segmentIDs)),
                                ("total", .number(allocation.total)),
                                ("placements", figures(allocation.placements, result.groupIDs)),
                                ("care", figures(allocation.care, result.careIDs)),
                            ]))
                    )
                }))
    }
}

import FairShareEngine
import FairShareScenario

/// `fairshare sweep`: the swept value against each level optimum and each target's share.
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

    /// RFC 4180 CSV: the same columns with full precision (shares as fractions).
    public func csv(_ format: CSVFormat = CSVFormat()) -> String {
        var out = format.record(headers)
        for point in sweep.points {
            let result = point.result
            out += format.record(
                [format.number(point.value), result.status.rawValue]
                    + levels.map { format.number(result.optimum($0)) }
                    + targetIDs.map { id in format.number(result.region.targets.first { $0.id == id }?.share) })
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
                                ]))
                        })
                ),
            ]))
    }

    public var jsonText: String { JSONWriter.text(json) }
}

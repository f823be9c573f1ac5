import FairShareEngine
import FairShareScenario

/// A comparison as CSV for spreadsheets (`fairshare compare --format csv`), in long form: one record per run,
/// municipality and item, then the region's records per run.
///
/// Columns:
/// - `run`, `status`: the run's name and its result's status;
/// - `municipality`, `name`: the municipality's id and name (empty id and `Region` for the region);
/// - `kind`: `newHomes`, `total`, `placements` or `care` (the allocation, in homes or placements); for the
///   region also `target` (the share of new homes in the target's segments, in [0, 1]), `targetMet` (1 or 0),
///   `targetShortfall` (homes), `shortfall` (homes and placements short of soft requirements) and `objective`
///   (the optimum of the level named in `item`);
/// - `item`, `label`: the item's id and label;
/// - `value`: the run's figure; `base`: the base run's figure; `change`: value − base (exact, not the whole numbers
///   of the tables);
/// - `forced` (allocation figures only): `1` when the what-if forced the change, the two runs' ranges for the
///   figure not overlapping (``Comparison/isForced(_:in:of:)``), `0` when they overlap (the change lies within
///   the freedom the requirements leave), empty when a run has no ranges (`solver.allocation: "any"`).
///
/// A figure a run does not have (no allocation, or a municipality or item it lacks) is empty.
public struct ComparisonCSV: Sendable {
    /// The header record's column names, in order.
    public static let columns = [
        "run", "status", "municipality", "name", "kind", "item", "label", "value", "base",
        "change", "forced",
    ]

    /// The runs to write.
    public let comparison: Comparison
    /// Delimiter and decimal separator.
    public var format: CSVFormat

    /// A CSV writer for `comparison`, RFC 4180 unless `format` says otherwise.
    public init(_ comparison: Comparison, format: CSVFormat = CSVFormat()) {
        self.comparison = comparison
        self.format = format
    }

    /// The whole CSV text, CRLF line ends.
    public func text() -> String {
        var out = format.record(Self.columns)
        let items = comparison.items
        let municipalities = comparison.municipalities
        for run in comparison.runs {
            func record(
                _ id: String, _ name: String, _ kind: String, _ item: String, _ label: String,
                _ value: Double?, _ base: Double?, forced: Bool? = nil
            ) {
                let change = value.flatMap { value in base.map { ((value - $0) * 1e6).rounded() / 1e6 } }
                out += format.record([
                    run.name, run.result.status.rawValue, id, name, kind, item, label,
                    format.number(value), format.number(base), format.number(change),
                    change == nil ? "" : forced.map { $0 ? "1" : "0" } ?? "",
                ])
            }
            for municipality in [(id: String?, name: String)](municipalities.map { ($0.id, $0.name) })
                + [(nil, "Region")]
            {
                for item in items {
                    record(
                        municipality.id ?? "", municipality.name, item.kind.rawValue, item.id, item.label,
                        comparison.value(of: item, in: municipality.id, of: run),
                        comparison.base.flatMap { comparison.value(of: item, in: municipality.id, of: $0) },
                        forced: comparison.isForced(item, in: municipality.id, of: run))
                }
            }
            for figure in regionalFigures(of: run) {
                let base = comparison.base.flatMap { base in
                    regionalFigures(of: base).first { $0.kind == figure.kind && $0.item == figure.item }?.value
                }
                record("", "Region", figure.kind, figure.item, figure.label, figure.value, base)
            }
        }
        return out
    }

    private typealias RegionalFigure = (kind: String, item: String, label: String, value: Double?)

    /// The region's targets, shortfall and level optima of a run.
    private func regionalFigures(of run: ComparisonRun) -> [RegionalFigure] {
        let result = run.result
        var figures: [RegionalFigure] = []
        for target in run.scenario.region.targets {
            let outcome = result.hasAllocation ? result.region.targets.first { $0.id == target.id } : nil
            figures.append(("target", target.id, target.segments.joined(separator: " + "), outcome?.share))
            figures.append(
                (
                    "targetMet", target.id, target.segments.joined(separator: " + "),
                    outcome.map { $0.met ? 1 : 0 }
                ))
            figures.append(
                (
                    "targetShortfall", target.id, target.segments.joined(separator: " + "),
                    outcome?.shortfall
                ))
        }
        figures.append(("shortfall", "total", "homes and placements short", comparison.summary(of: run).shortfall))
        for level in Level.allCases {
            guard let value = result.optimum(level) else { continue }
            figures.append(("objective", level.rawValue, "level optimum", value))
        }
        return figures
    }
}

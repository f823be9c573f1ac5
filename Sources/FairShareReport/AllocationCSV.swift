import FairShareEngine
import FairShareScenario

/// A result as CSV for spreadsheets (`fairshare solve --format csv`): one record per municipality and item
/// (segment, priority group, care quality), after a header record.
///
/// Columns:
/// - `municipality`, `name`: the municipality's id and name;
/// - `kind`: `newHomes` (a segment), `placements` (a priority group) or `care` (a care quality), the result's
///   JSON section;
/// - `item`, `label`: the item's id and label;
/// - `value`: new homes, placements or care homes allocated (homes or placements);
/// - `fairShare`, `deviation`: the fair share F and |value − F| (empty for an item without a fairness rule);
/// - `stockShareBefore`, `stockShareAfter`: the segment's share of the municipality's whole stock, in [0, 1]
///   (segments only);
/// - `min`, `max`: the figure's range, the least and greatest value it takes over every equally good allocation
///   (`ranges` in the JSON result; docs/model.md §8). Both empty when the result has no ranges (`solver.allocation`
///   `"any"`); `max` alone empty when nothing bounds the figure from above.
///
/// A municipality with obligations the data decide (docs/model.md §7) has one more record per rule: `kind`
/// `obligation`, `item` the rule, `label` why the requirement applies, `value` the share its segments reach and
/// `min` the share required.
///
/// A scenario with periods (docs/model.md §9) adds a last column `period`: empty on the horizon's records, then one
/// record per period, municipality and item with that period's figure, fair share, deviation and range (`kind`
/// `newHomes`, `placements` or `care`; no stock shares).
///
/// Values are exact, as in the JSON result (up to six decimals), not the whole numbers of the tables, which are
/// rounded so that their totals add up. A result without an allocation has the header only.
public struct AllocationCSV: Sendable {
    /// The header record's column names, in order.
    public static let columns = [
        "municipality", "name", "kind", "item", "label", "value", "fairShare", "deviation", "stockShareBefore",
        "stockShareAfter", "min", "max",
    ]

    /// The result to write (homes, placements, shares in [0, 1]).
    public let result: FairShareResult
    /// The scenario it solves: segment, group and care-quality order and labels.
    public let scenario: Scenario
    /// Delimiter and decimal separator.
    public var format: CSVFormat

    /// A CSV writer for `result`, RFC 4180 unless `format` says otherwise.
    public init(result: FairShareResult, scenario: Scenario, format: CSVFormat = CSVFormat()) {
        self.result = result
        self.scenario = scenario
        self.format = format
    }

    /// The whole CSV text, CRLF line ends.
    public func text() -> String { records().csv(format) }

    /// The records as typed fields (numbers as numbers), in the order and with the columns ``text()`` writes.
    public func records() -> RecordTable {
        let phased = !result.periods.isEmpty
        var table = RecordTable(columns: Self.columns + (phased ? ["period"] : []))
        guard result.hasAllocation else { return table }
        let periodColumn: [RecordTable.Field] = phased ? [.text("")] : []
        let fair = Set(result.fairItemIDs)
        for allocation in result.municipalities {
            func record(
                _ kind: String, _ id: String, _ label: String, _ value: Double?, _ range: FigureRange?,
                shares: Bool
            ) {
                table.rows.append(
                    [
                        .text(allocation.id), .text(allocation.name), .text(kind), .text(id), .text(label),
                        .number(value ?? 0),
                        .number(fair.contains(id) ? allocation.fairShare[id] : nil),
                        .number(fair.contains(id) ? allocation.deviation[id] : nil),
                        .number(shares ? allocation.stockShareBefore[id] : nil),
                        .number(shares ? allocation.stockShareAfter[id] : nil),
                        .number(range?.min), .number(range?.max),
                    ] + periodColumn)
            }
            let ranges = allocation.ranges
            for segment in scenario.segments {
                record(
                    "newHomes", segment.id, segment.label, allocation.newHomes[segment.id],
                    ranges?.newHomes[segment.id], shares: true)
            }
            for group in scenario.priorityGroups {
                record(
                    "placements", group.id, group.label, allocation.placements[group.id],
                    ranges?.placements[group.id], shares: false)
            }
            for quality in scenario.careQualities {
                record(
                    "care", quality.id, quality.label, allocation.care[quality.id], ranges?.care[quality.id],
                    shares: false)
            }
            // Obligations the data decide: which applies and why (label), the share reached (value) and the share
            // required (min).
            for outcome in allocation.obligations {
                let decided = outcome.decided
                table.rows.append(
                    [
                        .text(allocation.id), .text(allocation.name), .text("obligation"), .text(decided.rule),
                        .text(decided.reason), .number(outcome.share), .number(nil), .number(nil), .number(nil),
                        .number(nil), .number(decided.applies.minNewShare), .number(nil),
                    ] + periodColumn)
            }
        }
        for period in result.periods {
            for (i, allocation) in period.municipalities.enumerated() {
                let name = result.municipalities[i].name
                let ranges = allocation.ranges
                func record(_ kind: String, _ id: String, _ label: String, _ value: Double?, _ range: FigureRange?) {
                    table.rows.append([
                        .text(allocation.id), .text(name), .text(kind), .text(id), .text(label), .number(value ?? 0),
                        .number(fair.contains(id) ? allocation.fairShare[id] : nil),
                        .number(fair.contains(id) ? allocation.deviation[id] : nil), .number(nil), .number(nil),
                        .number(range?.min), .number(range?.max), .text(period.id),
                    ])
                }
                for segment in scenario.segments {
                    record(
                        "newHomes", segment.id, segment.label, allocation.newHomes[segment.id],
                        ranges?.newHomes[segment.id])
                }
                for group in scenario.priorityGroups {
                    record(
                        "placements", group.id, group.label, allocation.placements[group.id],
                        ranges?.placements[group.id])
                }
                for quality in scenario.careQualities {
                    record("care", quality.id, quality.label, allocation.care[quality.id], ranges?.care[quality.id])
                }
            }
        }
        return table
    }
}

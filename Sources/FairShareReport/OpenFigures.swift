import FairShareEngine
import FairShareScenario

/// "What the requirements leave open": every free figure of a result (docs/model.md §8: its range over the
/// equally good allocations is wider than half a home or placement), with the whole number a report shows for it
/// and its range.
///
/// The municipalities' figures come first, widest range first (rounded to whole homes or placements; ties in
/// municipality and column order), then the region's free totals the same way.
public struct OpenFigures: Sendable {
    /// One free figure.
    public struct Entry: Sendable, Hashable {
        /// The municipality's id and name; `nil` and `Region` for a regional total.
        public var municipality: String?
        public var name: String
        /// Which figure: its kind, its segment, group or care-quality id (`total` for all new homes), and its label.
        public var kind: ComparedItem.Kind
        public var id: String
        public var label: String
        /// The whole number shown for it (homes or placements), and its range.
        public var shown: Double
        public var range: FigureRange

        /// The range in whole numbers, `min–max`: each end rounded to the nearest whole number, widened where
        /// needed to hold ``shown`` (which is the exact figure rounded down or up); `≥ min` without an upper bound.
        public var rangeText: String { rangeText(ReportLanguage.en.numbers) }

        /// ``rangeText`` with the numbers written by `numbers`: `1.138–1.357`.
        public func rangeText(_ numbers: ReportNumbers) -> String {
            let low = Swift.min(range.min.rounded(), shown)
            guard range.max.isFinite else { return "≥ \(numbers.whole(low))" }
            let high = Swift.max(range.max.rounded(), shown)
            return "\(numbers.whole(low))–\(numbers.whole(high))"
        }
    }

    /// The free figures, in report order.
    public var entries: [Entry]
    /// The language of the table's headings and numbers, and of the region's name.
    public var language: ReportLanguage
    /// How ``table`` writes numbers: the language's (`ReportLanguage.numbers`) unless set otherwise.
    public var numbers: ReportNumbers

    /// The free figures of `result`, each with its whole number from `shown`. Empty without ranges.
    ///
    /// - Parameters:
    ///   - result: the result whose free figures to list.
    ///   - scenario: its scenario, for the labels.
    ///   - shown: the whole numbers a report shows.
    ///   - language: the language of the table (``table``).
    public init(result: FairShareResult, scenario: Scenario, shown: ShownAllocation, language: ReportLanguage = .en) {
        self.language = language
        numbers = language.numbers
        var columns: [(kind: ComparedItem.Kind, id: String, label: String)] = []
        columns += result.segmentIDs.map { (.newHomes, $0, scenario.segment($0)?.label ?? $0) }
        columns.append((.total, "total", language.strings.total))
        columns += result.groupIDs.map { id in
            (.placements, id, scenario.priorityGroups.first { $0.id == id }?.label ?? id)
        }
        columns += result.careIDs.map { id in (.care, id, scenario.careQualities.first { $0.id == id }?.label ?? id) }
        func entries(of municipality: String?, _ name: String) -> [Entry] {
            columns.compactMap { column in
                guard let range = result.range(column.kind, column.id, in: municipality), !range.isFirm,
                    let value = shown.value(column.kind, column.id, in: municipality)
                else { return nil }
                return Entry(
                    municipality: municipality, name: name, kind: column.kind, id: column.id,
                    label: column.label, shown: value, range: range)
            }
        }
        // Widest first (in whole homes, so that ranges equal but for the solver's tolerance tie), otherwise in the
        // order built.
        func widestFirst(_ list: [Entry]) -> [Entry] {
            list.enumerated().map { ($0, $1, $1.range.width.rounded()) }.sorted { a, b in
                a.2 != b.2 ? a.2 > b.2 : a.0 < b.0
            }.map(\.1)
        }
        let local = result.municipalities.flatMap { entries(of: $0.id, $0.name) }
        self.entries = widestFirst(local) + widestFirst(entries(of: nil, language.strings.region))
    }

    /// Municipality, figure, the whole number shown and its range; a rule before the region's totals.
    public var table: TextTable {
        let strings = language.strings
        var table = TextTable(
            headers: [strings.municipality, strings.figure, strings.allocation, strings.range],
            alignments: [.left, .left, .right, .right])
        for entry in entries {
            if entry.municipality == nil && !table.rows.isEmpty && table.rulesBefore.isEmpty {
                table.rulesBefore = [table.rows.count]
            }
            table.rows.append([entry.name, entry.label, numbers.whole(entry.shown), entry.rangeText(numbers)])
        }
        return table
    }

    /// What the section says under its table.
    public static let explanation =
        "The requirements and the optima leave each of these figures a range: any "
        + "value in it is equally good, as long as the other figures make room. The allocation shown is the "
        + "central one, with every figure as near the middle of its range as the others allow."
}

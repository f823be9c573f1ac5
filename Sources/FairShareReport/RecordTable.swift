/// A table of typed fields: the records a CSV file writes as text and a spreadsheet keeps as numbers
/// (`AllocationCSV.records()`; FairShareXLSX writes the same records as a sheet).
public struct RecordTable: Sendable, Hashable {
    /// One field: text, or a number (`nil`: empty, e.g. a range without an upper end).
    public enum Field: Sendable, Hashable {
        case text(String)
        case number(Double?)
    }

    /// The header record's column names, in order.
    public var columns: [String]
    /// The records, each as wide as ``columns``.
    public var rows: [[Field]]

    public init(columns: [String], rows: [[Field]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The table as CSV text in `format`: the header record, then every record; CRLF line ends.
    public func csv(_ format: CSVFormat) -> String {
        var out = format.record(columns)
        for row in rows {
            out += format.record(
                row.map { field in
                    switch field {
                    case .text(let text): text
                    case .number(let value): format.number(value)
                    }
                })
        }
        return out
    }
}

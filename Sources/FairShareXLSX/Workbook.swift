internal import CXLSXWriter
import Foundation

/// One sheet of a workbook: a header row and rows of cells. The header row is bold, stays in view when scrolling
/// (frozen) and carries a filter; numbers stay numbers, shown in the column's ``NumberStyle``.
public struct Worksheet: Sendable, Hashable {
    /// One cell: text, a number, or nothing.
    public enum Cell: Sendable, Hashable {
        case text(String)
        /// A number; a non-finite one is written as an empty cell.
        case number(Double)
        case empty
    }

    /// How a column shows its numbers; the cell always keeps the full value.
    public enum NumberStyle: Sendable, Hashable {
        /// As the spreadsheet shows any number.
        case general
        /// Whole numbers with thousands separators (`#,##0`): Dutch Excel shows 4.197.
        case whole
        /// A share as a percentage with one decimal (`0.0%`): 0.291 shows as 29,1% in Dutch Excel.
        case percent
    }

    /// The sheet's tab name: 1 to 31 characters, none of `[ ] : * ? / \`.
    public var name: String
    public var headers: [String]
    /// Per column; missing entries are ``NumberStyle/general``.
    public var styles: [NumberStyle]
    /// Each row as wide as ``headers``.
    public var rows: [[Cell]]

    public init(name: String, headers: [String], styles: [NumberStyle] = [], rows: [[Cell]] = []) {
        self.name = name
        self.headers = headers
        self.styles = styles
        self.rows = rows
    }
}

/// Why a workbook was not written: a sheet that breaks a rule of the XLSX format (found before libxlsxwriter sees
/// it), or the file that could not be written.
public struct XLSXError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    init(_ message: String) { self.message = message }
}

/// Writes workbooks with libxlsxwriter (the only code that calls it). Every sheet is checked in Swift first, so
/// that libxlsxwriter never receives a name, size or text it would refuse.
public enum XLSXWorkbook {
    /// Rows and columns a sheet may have (the XLSX format's limits), text a cell may hold, and a tab name's length.
    public static let maximumRows = 1_048_576
    public static let maximumColumns = 16_384
    public static let maximumTextLength = 32_767
    public static let maximumNameLength = 31

    /// Writes `sheets`, in order, to the file at `path` (replacing it).
    /// - Throws: ``XLSXError`` for an invalid sheet (naming it and what would be valid) or a file that cannot be
    ///   written.
    public static func write(_ sheets: [Worksheet], to path: String) throws(XLSXError) {
        try check(sheets)
        guard let workbook = workbook_new(path) else {
            throw XLSXError("cannot create \(path): is the folder there and writable?")
        }
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        let whole = workbook_add_format(workbook)
        format_set_num_format(whole, "#,##0")
        let percent = workbook_add_format(workbook)
        format_set_num_format(percent, "0.0%")
        var problems: [String] = []
        for sheet in sheets {
            guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
                problems.append("sheet \"\(sheet.name)\" could not be added")
                continue
            }
            func note(_ error: lxw_error, _ row: Int, _ column: Int) {
                guard error != LXW_NO_ERROR, problems.count < 10 else { return }
                problems.append(
                    "sheet \"\(sheet.name)\", row \(row + 1), column \(column + 1): "
                        + String(cString: lxw_strerror(error)))
            }
            for (column, header) in sheet.headers.enumerated() {
                note(worksheet_write_string(worksheet, 0, lxw_col_t(column), header, bold), 0, column)
            }
            for (index, row) in sheet.rows.enumerated() {
                let r = lxw_row_t(index + 1)
                for (column, cell) in row.enumerated() {
                    let c = lxw_col_t(column)
                    switch cell {
                    case .text(let text): note(worksheet_write_string(worksheet, r, c, text, nil), index + 1, column)
                    case .number(let value) where value.isFinite:
                        let style = column < sheet.styles.count ? sheet.styles[column] : .general
                        let format: UnsafeMutablePointer<lxw_format>? =
                            switch style {
                            case .general: nil
                            case .whole: whole
                            case .percent: percent
                            }
                        note(worksheet_write_number(worksheet, r, c, value, format), index + 1, column)
                    case .number, .empty: break
                    }
                }
            }
            for column in sheet.headers.indices {
                let widest = ([sheet.headers[column]] + sheet.rows.map { Self.shown($0[column]) }).map(\.count).max()
                let width = Double(min(60, max(8, (widest ?? 8) + 2)))
                worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil)
            }
            worksheet_freeze_panes(worksheet, 1, 0)
            if !sheet.headers.isEmpty {
                _ = worksheet_autofilter(
                    worksheet, 0, 0, lxw_row_t(sheet.rows.count), lxw_col_t(sheet.headers.count - 1))
            }
        }
        let closed = workbook_close(workbook)
        if closed != LXW_NO_ERROR {
            problems.append("writing \(path): " + String(cString: lxw_strerror(closed)))
        }
        if !problems.isEmpty { throw XLSXError(problems.joined(separator: "; ")) }
    }

    /// The rules libxlsxwriter enforces, checked first so that every problem is named.
    static func check(_ sheets: [Worksheet]) throws(XLSXError) {
        guard !sheets.isEmpty else { throw XLSXError("a workbook needs at least one sheet") }
        var names: Set<String> = []
        for sheet in sheets {
            let name = sheet.name
            guard !name.isEmpty, name.count <= maximumNameLength, !name.contains(where: { "[]:*?/\\".contains($0) }),
                !name.hasPrefix("'"), !name.hasSuffix("'")
            else {
                throw XLSXError(
                    "sheet name \"\(name)\": 1 to \(maximumNameLength) characters, none of [ ] : * ? / \\, and not "
                        + "starting or ending with '")
            }
            guard names.insert(name.lowercased()).inserted else {
                throw XLSXError("two sheets are named \"\(name)\" (names are compared without case)")
            }
            guard sheet.rows.count < maximumRows, sheet.headers.count <= maximumColumns else {
                throw XLSXError(
                    "sheet \"\(name)\" has \(sheet.rows.count + 1) rows and \(sheet.headers.count) columns; at most "
                        + "\(maximumRows) rows and \(maximumColumns) columns fit")
            }
            for (index, row) in sheet.rows.enumerated() {
                guard row.count == sheet.headers.count else {
                    throw XLSXError(
                        "sheet \"\(name)\", row \(index + 2): \(row.count) cells under \(sheet.headers.count) headers")
                }
            }
            for text in sheet.headers + sheet.rows.joined().compactMap({ if case .text(let t) = $0 { t } else { nil } })
            where text.utf16.count > maximumTextLength || text.contains("\0") {
                throw XLSXError(
                    "sheet \"\(name)\": a text of \(text.count) characters (at most \(maximumTextLength), and no NUL)")
            }
        }
    }

    /// A cell as wide as the spreadsheet will about show it, for the column's width.
    static func shown(_ cell: Worksheet.Cell) -> String {
        switch cell {
        case .text(let text): text
        case .number(let value): value.isFinite ? String(format: "%.0f", value) + "000" : ""
        case .empty: ""
        }
    }
}

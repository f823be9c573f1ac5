import ArgumentParser
import FairShareReport

/// The output formats of `solve` and `compare`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned tables for a terminal.
    case table
    /// `fairshare-result/1` (solve) or `fairshare-comparison/1` (compare).
    case json
    /// RFC 4180 CSV, one record per municipality and item.
    case csv
    /// The tables as Markdown for reports.
    case markdown
    /// An Excel workbook, one sheet per table (`solve` only; needs `--output FILE.xlsx`).
    case xlsx
}

/// Where and how `solve` and `compare` print: format, output file, CSV settings.
struct OutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Output format: table (terminal), json, csv (spreadsheets), markdown (reports) or xlsx (an Excel "
                + "workbook, solve only, with --output)."))
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Write the output to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "CSV field separator: ',' (the default) or ';' for Dutch spreadsheet settings, or 'tab'.",
            valueName: "character"))
    var delimiter: String?

    @Flag(
        help: ArgumentHelp(
            "CSV: write decimal commas (0,25), as Dutch spreadsheets expect; the separator "
                + "becomes ';' unless --delimiter says otherwise."))
    var decimalComma = false

    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "CSV: start with a UTF-8 byte order mark, so that Excel reads names like Súdwest-Fryslân right. On by "
                + "default with --decimal-comma (that output is for Excel); --no-bom leaves it out."))
    var bom: Bool?

    func validate() throws {
        if format != .csv && (delimiter != nil || decimalComma || bom != nil) {
            throw ValidationError("--delimiter, --decimal-comma and --bom apply to --format csv only")
        }
        if format == .xlsx && (output == nil || output == "-") {
            throw ValidationError("--format xlsx writes a file: add --output FILE.xlsx")
        }
        if let delimiter {
            guard let character = Self.character(delimiter), CSVFormat.isUsableDelimiter(character) else {
                throw ValidationError(
                    "--delimiter must be one character that is not a quote, a digit, '+', '-', "
                        + "'.' or a line break (for example ',' or ';'), or 'tab'; got '\(delimiter)'")
            }
            if decimalComma && character == "," {
                throw ValidationError("--decimal-comma needs a delimiter other than ','; use --delimiter ';'")
            }
        }
    }

    /// The CSV settings the options ask for.
    var csvFormat: CSVFormat {
        let separator = delimiter.flatMap(Self.character) ?? (decimalComma ? ";" : ",")
        return CSVFormat(delimiter: separator, decimalComma: decimalComma)
    }

    /// Whether CSV output starts with a byte order mark: `--bom`, `--no-bom`, or by default with `--decimal-comma`.
    var writesBOM: Bool { bom ?? decimalComma }

    /// CSV text as written: with the byte order mark when ``writesBOM``.
    func csv(_ text: String) -> String { writesBOM ? "\u{FEFF}" + text : text }

    /// For commands without a workbook: `--format xlsx` is a usage error that says what to use instead.
    /// - Throws: ``ExitStatus/usage`` for `--format xlsx`.
    func refuseWorkbook(_ command: String) throws {
        guard format == .xlsx else { return }
        Terminal.error(
            "fairshare: --format xlsx is available for solve; for \(command) use --format csv (with --decimal-comma "
                + "for Dutch Excel)")
        throw ExitStatus.usage
    }

    /// The width tables aim for: the terminal's when printing to one, else 100 characters.
    var tableWidth: Int { output == nil || output == "-" ? Terminal.tableWidth : TextTable.defaultWidth }

    private static func character(_ text: String) -> Character? {
        if text == "tab" || text == "\\t" { return "\t" }
        return text.count == 1 ? text.first : nil
    }
}

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
}

/// Where and how `solve` and `compare` print: format, output file, CSV settings.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table (terminal), json, csv (spreadsheets) or markdown (reports).")
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

    func validate() throws {
        if format != .csv && (delimiter != nil || decimalComma) {
            throw ValidationError("--delimiter and --decimal-comma apply to --format csv only")
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

    /// The width tables aim for: the terminal's when printing to one, else 100 characters.
    var tableWidth: Int { output == nil || output == "-" ? Terminal.tableWidth : TextTable.defaultWidth }

    private static func character(_ text: String) -> Character? {
        if text == "tab" || text == "\\t" { return "\t" }
        return text.count == 1 ? text.first : nil
    }
}

import Foundation

/// How CSV text is written: RFC 4180 (CRLF line ends, fields quoted when they hold the delimiter, a quote or a
/// line break), with a choice of delimiter and decimal separator for spreadsheet settings.
///
/// Dutch Excel expects `;` between fields and a decimal comma: `CSVFormat(delimiter: ";", decimalComma: true)`.
public struct CSVFormat: Sendable, Hashable {
    /// The field separator: `,` (RFC 4180) or, for example, `;` or a tab.
    public var delimiter: Character
    /// Write `0,25` instead of `0.25`.
    public var decimalComma: Bool

    /// RFC 4180 by default: `,` between fields and a decimal point.
    public init(delimiter: Character = ",", decimalComma: Bool = false) {
        self.delimiter = delimiter
        self.decimalComma = decimalComma
    }

    /// Whether `character` can separate fields: not a quote, a line break, a digit or a sign of a number.
    public static func isUsableDelimiter(_ character: Character) -> Bool {
        !(character == "\"" || character.isNewline || character.isNumber || "+-.".contains(character))
    }

    /// One record: fields joined by the delimiter, each quoted when needed, ended by CRLF.
    public func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: String(delimiter)) + "\r\n"
    }

    /// A field, quoted (with quotes doubled) when it holds the delimiter, a quote or a line break. Text that a
    /// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return, and not a
    /// number) gets a leading `'`, OWASP's rule against CSV injection: a municipality named `=HYPERLINK(…)` shows
    /// as text in Excel instead of running. Numbers, negative ones included, are written as they are.
    public func field(_ text: String) -> String {
        let text = Self.neutralised(text)
        let needsQuotes = text.contains { $0 == delimiter || $0 == "\"" || $0.isNewline }
        guard needsQuotes else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// `text` with a leading `'` when a spreadsheet would read it as a formula (see ``field(_:)``).
    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
            Double(text.replacingOccurrences(of: ",", with: ".")) == nil
        else { return text }
        return "'" + text
    }

    /// A number with up to six decimals (a millionth of a home, or of a share), no trailing zeros, no exponent:
    /// `600`, `0.291374`, `-12.5`; with ``decimalComma``, `0,291374`. Non-finite numbers are written empty.
    public func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        if text == "-0" { text = "0" }
        return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// ``number(_:)`` for a value that may be absent: empty when `nil`.
    public func number(_ value: Double?) -> String {
        value.map { number($0) } ?? ""
    }
}

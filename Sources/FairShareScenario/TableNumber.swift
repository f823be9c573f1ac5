import Foundation

/// A number in a spreadsheet cell as Excel or LibreOffice save it: `127000`, `127.000` or `127000` in Dutch
/// notation, `0,25`, `1.234,5`, `1,234.5`, `25%` (docs/model.md §2 "Municipality data from a spreadsheet").
///
/// With a stated notation (a locale such as `nl` or `en`) the cell is read with that locale's decimal and
/// thousands separators, by Foundation's `NumberFormatter`, after a strict check of where the separators stand.
/// Without one, a cell that two notations read differently (`127.000`: 127,000 in Dutch, 127 in English) is
/// ``Reading/ambiguous(dutch:english:)``; every other cell has one reading.
public enum TableNumber {
    /// How a cell reads.
    public enum Reading: Hashable, Sendable {
        /// One reading.
        case number(Double)
        /// The one separator is a thousands separator in one notation and the decimal separator in the other:
        /// `127.000` is 127000 in Dutch and 127 in English notation, `1,234` is 1.234 in Dutch and 1234 in English.
        case ambiguous(dutch: Double, english: Double)
        /// Not a number in the notation; the text says why.
        case invalid(String)
    }

    /// The separators of a notation: Foundation's for `locale` (`nl`: `,` decimal, `.` thousands; `en`: the other
    /// way round). `nil` when the locale has no usable separators.
    public static func separators(of locale: Locale) -> (decimal: Character, grouping: Character)? {
        guard let decimal = locale.decimalSeparator?.first, locale.decimalSeparator?.count == 1,
            let grouping = locale.groupingSeparator?.first, locale.groupingSeparator?.count == 1,
            decimal != grouping, !decimal.isNumber, !grouping.isNumber
        else { return nil }
        return (decimal, grouping)
    }

    /// Reads a cell's text (already trimmed and not empty). `locale` is the file's stated notation, or `nil`.
    public static func read(_ text: String, locale: Locale?) -> Reading {
        var body = Substring(text)
        var scale = 1.0
        if body.hasSuffix("%") {
            body = body.dropLast()
            while body.last?.isWhitespace == true { body = body.dropLast() }
            scale = 100
        }
        var negative = false
        if let first = body.first, "-+\u{2212}".contains(first) {
            negative = first != "+"
            body = body.dropFirst()
        }
        let value: Reading
        if let locale {
            guard let (decimal, grouping) = separators(of: locale) else {
                return .invalid("the locale \(locale.identifier) has no usable decimal and thousands separators")
            }
            let groupings: Set<Character> =
                grouping.isWhitespace ? [grouping, " ", "\u{A0}", "\u{202F}"] : [grouping]
            value = read(body, decimal: decimal, groupings: groupings, locale: locale)
        } else {
            value = readUnstated(body)
        }
        switch value {
        case .number(let number): return .number((negative ? -number : number) / scale)
        case .ambiguous(let dutch, let english):
            return .ambiguous(
                dutch: (negative ? -dutch : dutch) / scale, english: (negative ? -english : english) / scale)
        case .invalid: return value
        }
    }

    /// `body` (no sign, no `%`) in a notation with these separators.
    static func read(_ body: Substring, decimal: Character, groupings: Set<Character>, locale: Locale) -> Reading {
        guard body.allSatisfy({ $0.isASCIIDigit || $0 == decimal || groupings.contains($0) }) else {
            let grouping = groupings.first.map { $0.isWhitespace ? "a space" : "\"\($0)\"" } ?? "none"
            return .invalid("only digits, \"\(decimal)\" (decimals) and \(grouping) (thousands) belong in a number")
        }
        let parts = body.split(separator: decimal, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return .invalid("it has more than one decimal separator \"\(decimal)\"") }
        let whole = parts[0]
        if parts.count == 2 && (parts[1].isEmpty || !parts[1].allSatisfy(\.isASCIIDigit)) {
            return .invalid("no digits after the decimal separator \"\(decimal)\"")
        }
        guard !whole.isEmpty else { return .invalid("no digits before the decimal separator \"\(decimal)\"") }
        let groups = whole.split(omittingEmptySubsequences: false) { groupings.contains($0) }
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            return .invalid("only digits, \"\(decimal)\" as the decimal separator and a thousands separator fit")
        }
        if groups.count > 1 && (groups[0].count > 3 || groups.dropFirst().contains { $0.count != 3 }) {
            return .invalid("thousands separators must stand between groups of three digits")
        }
        let formatter = NumberFormatter()
        formatter.locale = locale
        formatter.numberStyle = .decimal
        formatter.isLenient = false
        let canonical = groups.joined() + (parts.count == 2 ? String(decimal) + parts[1] : "")
        guard let number = formatter.number(from: canonical)?.doubleValue, number.isFinite else {
            return .invalid("Foundation cannot read it in the locale \(locale.identifier)")
        }
        return .number(number)
    }

    /// `body` (no sign, no `%`) in a file whose notation is not stated: `.` and `,` are each either separator.
    static func readUnstated(_ body: Substring) -> Reading {
        let dots = body.count(where: { $0 == "." })
        let commas = body.count(where: { $0 == "," })
        let dutch = Locale(identifier: "nl_NL")
        let english = Locale(identifier: "en_US")
        func read(_ decimal: Character) -> Reading {
            decimal == ","
                ? Self.read(body, decimal: ",", groupings: ["."], locale: dutch)
                : Self.read(body, decimal: ".", groupings: [","], locale: english)
        }
        switch (dots, commas) {
        case (0, 0):
            return read(".")
        case (_, 0) where dots > 1, (0, _) where commas > 1:
            // Repeated: only a thousands separator repeats.
            return read(dots > 1 ? "," : ".")
        case (_, 0), (0, _):
            let separator: Character = dots == 1 ? "." : ","
            let decimalReading = read(separator)
            let groupedReading = read(separator == "." ? "," : ".")
            let leadingZero = body.first == "0"
            switch (groupedReading, decimalReading) {
            case (.number(let grouped), .number(let decimal)) where !leadingZero:
                return separator == "."
                    ? .ambiguous(dutch: grouped, english: decimal) : .ambiguous(dutch: decimal, english: grouped)
            default:
                return decimalReading
            }
        default:
            // Both: the last one is the decimal separator.
            let last = body.last { $0 == "." || $0 == "," } ?? "."
            return read(last)
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

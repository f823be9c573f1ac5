import FairShareScenario
import Foundation
import Testing

/// Numbers in spreadsheet cells (docs/model.md §2 "Municipality data from a spreadsheet"): the expected values are
/// worked out by hand from the notations, Dutch `1.234,5` and English `1,234.5`.
@Suite("Numbers in a municipality table: Dutch, English, and ambiguous without a stated notation")
struct TableNumberTests {
    static let dutch = Locale(identifier: "nl")
    static let english = Locale(identifier: "en")

    @Test(
        "Dutch notation",
        arguments: [
            ("127.000", 127_000.0), ("127000", 127_000), ("1.234.567", 1_234_567), ("0,25", 0.25),
            ("1.234,5", 1234.5), ("1234,5", 1234.5), ("-3", -3), ("25%", 0.25), ("12,5 %", 0.125), ("0", 0),
        ])
    func dutchNotation(text: String, value: Double) {
        #expect(TableNumber.read(text, locale: Self.dutch) == .number(value))
    }

    @Test(
        "English notation",
        arguments: [
            ("127,000", 127_000.0), ("127.000", 127), ("1,234.5", 1234.5), ("0.25", 0.25), ("1,234,567", 1_234_567),
        ])
    func englishNotation(text: String, value: Double) {
        #expect(TableNumber.read(text, locale: Self.english) == .number(value))
    }

    @Test(
        "Not numbers in the stated notation",
        arguments: [
            ("1.5", "nl"), ("12.34", "nl"), ("1,2,3", "nl"), ("0,25", "en"), ("12a", "nl"), ("1.23.456", "nl"),
            ("-", "nl"), ("1 234", "en"), ("1,5e3", "nl"),
        ])
    func invalid(text: String, locale: String) {
        guard case .invalid = TableNumber.read(text, locale: Locale(identifier: locale)) else {
            Issue.record("\(text) in \(locale) read as \(TableNumber.read(text, locale: Locale(identifier: locale)))")
            return
        }
    }

    @Test("Without a stated notation, one separator before three digits is ambiguous; both readings are given")
    func ambiguous() {
        #expect(TableNumber.read("127.000", locale: nil) == .ambiguous(dutch: 127_000, english: 127))
        #expect(TableNumber.read("1,234", locale: nil) == .ambiguous(dutch: 1.234, english: 1234))
        #expect(TableNumber.read("-5.000", locale: nil) == .ambiguous(dutch: -5000, english: -5))
    }

    @Test("Without a stated notation, a number with one reading is read")
    func unambiguous() {
        // No separator; a decimal part that is not three digits; a leading 0 (no one groups 0.250 as thousands);
        // a repeated separator (only thousands repeat); both separators (the last one is the decimal separator).
        let cases: [(String, Double)] = [
            ("127000", 127_000), ("0,25", 0.25), ("0.25", 0.25), ("12,5", 12.5), ("0,250", 0.25),
            ("1.234.567", 1_234_567), ("1,234,567", 1_234_567), ("1.234,5", 1234.5), ("1,234.5", 1234.5),
            ("1234,567", 1234.567),
        ]
        for (text, value) in cases {
            #expect(TableNumber.read(text, locale: nil) == .number(value), "\(text)")
        }
    }
}

import CSV
import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// CSV settings as a user gives them on the command line.
struct CSVSettings: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var delimiter: Unicode.Scalar
    var decimalComma: Bool

    var testDescription: String { arguments.isEmpty ? "default (,)" : arguments.joined(separator: " ") }

    static let all = [
        CSVSettings(arguments: [], delimiter: ",", decimalComma: false),
        CSVSettings(arguments: ["--delimiter", ";"], delimiter: ";", decimalComma: false),
        CSVSettings(arguments: ["--delimiter", ";", "--decimal-comma"], delimiter: ";", decimalComma: true),
        CSVSettings(arguments: ["--decimal-comma"], delimiter: ";", decimalComma: true),  // ';' implied
        CSVSettings(arguments: ["--delimiter", "tab"], delimiter: "\t", decimalComma: false),
    ]

    /// A number field as written with these settings; `nil` for an empty field.
    func number(_ field: String) -> Double? {
        if field.isEmpty { return nil }
        if decimalComma {
            #expect(!field.contains("."), "decimal comma expected: \(field)")
            return Double(field.replacingOccurrences(of: ",", with: "."))
        }
        #expect(!field.contains(","), "decimal point expected: \(field)")
        return Double(field)
    }
}

/// Reads CSV text with yaslab/CSV.swift, an RFC 4180 reader independent of fairshare: the header and the records.
/// `bom`: whether the text must start with a byte order mark (output for Excel, `--decimal-comma`), which is
/// checked and left out.
private func readCSV(_ text: String, delimiter: Unicode.Scalar, bom: Bool) throws -> (
    header: [String], records: [[String]]
) {
    #expect(text.hasPrefix("\u{FEFF}") == bom, "byte order mark expected: \(bom)")
    let reader = try CSVReader(
        string: bom ? String(text.dropFirst()) : text, hasHeaderRow: true, delimiter: delimiter)
    var records: [[String]] = []
    while let record = reader.next() { records.append(record) }
    return (reader.headerRow ?? [], records)
}

@Suite("CSV output round-trips through an RFC 4180 reader")
struct CSVTests {
    @Test(
        "solve --format csv: one record per municipality and item, every field as the library has it",
        arguments: [CLITestSupport.awkwardNames, "Scenarios/drechtsteden.json"], CSVSettings.all)
    func solveRoundTrip(_ path: String, _ settings: CSVSettings) throws {
        let output = try fairshare(["solve", path, "--format", "csv"] + settings.arguments)
        let scenario = try ScenarioLoader().load(contentsOf: Repository.root.appendingPathComponent(path))
        let result = FairShare.solve(scenario)
        #expect(output.status == 0, "\(output)")
        #expect(output.stderr == CLITestSupport.warningLines(result))
        // RFC 4180: every record ends with CRLF, and there is no bare LF.
        #expect(output.stdout.hasSuffix("\r\n"))
        #expect(!output.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\n"))

        let (header, records) = try readCSV(output.stdout, delimiter: settings.delimiter, bom: settings.decimalComma)
        #expect(
            header == [
                "municipality", "name", "kind", "item", "label", "value", "fairShare", "deviation",
                "stockShareBefore", "stockShareAfter", "min", "max",
            ])
        let items = scenario.segments.count + scenario.priorityGroups.count + scenario.careQualities.count
        #expect(records.count == scenario.municipalities.count * items)

        var index = 0
        for allocation in result.municipalities {
            let ranges = try #require(allocation.ranges)
            let expected:
                [(kind: String, id: String, label: String, value: Double?, shares: Bool, range: FigureRange?)] =
                    scenario.segments.map {
                        ("newHomes", $0.id, $0.label, allocation.newHomes[$0.id], true, ranges.newHomes[$0.id])
                    }
                    + scenario.priorityGroups.map {
                        ("placements", $0.id, $0.label, allocation.placements[$0.id], false, ranges.placements[$0.id])
                    }
                    + scenario.careQualities.map {
                        ("care", $0.id, $0.label, allocation.care[$0.id], false, ranges.care[$0.id])
                    }
            for item in expected {
                let record = try #require(index < records.count ? records[index] : nil)
                index += 1
                #expect(record.count == header.count, "\(record)")
                guard record.count == header.count else { continue }
                #expect(record[0] == allocation.id)
                #expect(record[1] == allocation.name)
                #expect(record[2] == item.kind)
                #expect(record[3] == item.id)
                #expect(record[4] == item.label)
                #expect(settings.number(record[5]) == item.value)
                let isFair = result.fairItemIDs.contains(item.id)
                #expect(settings.number(record[6]) == (isFair ? allocation.fairShare[item.id] : nil))
                #expect(settings.number(record[7]) == (isFair ? allocation.deviation[item.id] : nil))
                for (field, share) in [
                    (record[8], allocation.stockShareBefore[item.id]),
                    (record[9], allocation.stockShareAfter[item.id]),
                ] {
                    if item.shares, let share {
                        #expect(abs((settings.number(field) ?? .nan) - share) <= 5e-7, "\(record)")
                    } else {
                        #expect(field.isEmpty)
                    }
                }
                // The range, exact as in the JSON result (six decimals).
                let range = try #require(item.range, "\(record)")
                #expect(abs((settings.number(record[10]) ?? .nan) - range.min) <= 5e-7, "\(record)")
                #expect(abs((settings.number(record[11]) ?? .nan) - range.max) <= 5e-7, "\(record)")
            }
        }
    }

    @Test("fields holding the delimiter or a quote are quoted, quotes doubled")
    func quoting() throws {
        let comma = try fairshare(["solve", CLITestSupport.awkwardNames, "--format", "csv"])
        // The ranges (last two fields) carry the solver's tolerance: only their leading digits are checked.
        #expect(
            comma.stdout.contains(
                "A,\"Súdwest-Fryslân, \"\"Aldorp\"\"; Noord\",newHomes,social-rent,"
                    + "\"Huur; sociaal, \"\"echt\"\"\",320,320,0,0.1,0.3,319.99"))
        #expect(comma.stdout.contains("B,'s-Hertogenbosch,newHomes,market,Vrije sector,300,,,0.6,0.692308,299.99"))
        let dutch = try fairshare(["solve", CLITestSupport.awkwardNames, "--format", "csv", "--decimal-comma"])
        #expect(dutch.stdout.contains("B;'s-Hertogenbosch;newHomes;market;Vrije sector;300;;;0,6;0,692308;299,99"))
        #expect(
            dutch.stdout.contains(
                "A;\"Súdwest-Fryslân, \"\"Aldorp\"\"; Noord\";placements;statushouders;"
                    + "Statushouders;32,1"))
        #expect(dutch.stdout.contains(";;;30,49"))
    }

    @Test("compare --format csv: figures as the library has them, change = value − base", arguments: CSVSettings.all)
    func compareRoundTrip(_ settings: CSVSettings) throws {
        let path = "Scenarios/drechtsteden.json"
        let output = try fairshare(
            ["compare", path, "--variants", "max-norm,whole-homes", "--format", "csv"]
                + settings.arguments)
        #expect(output.status == 0, "\(output)")
        let (header, records) = try readCSV(output.stdout, delimiter: settings.delimiter, bom: settings.decimalComma)
        #expect(
            header == [
                "run", "status", "municipality", "name", "kind", "item", "label", "value", "base", "change",
                "forced",
            ])
        #expect(records.allSatisfy { $0.count == header.count })
        #expect(Set(records.map { $0[0] }) == ["base", "max-norm", "whole-homes"])

        let results = [
            "base": try CLITestSupport.libraryResult(path),
            "max-norm": try CLITestSupport.libraryResult(path, variant: "max-norm"),
            "whole-homes": try CLITestSupport.libraryResult(path, variant: "whole-homes"),
        ]
        var checked = 0
        for record in records where record.count == header.count && !record[2].isEmpty {
            let result = try #require(results[record[0]])
            let allocation = try #require(result.municipalities.first { $0.id == record[2] })
            let base = try #require(results["base"]?.municipalities.first { $0.id == record[2] })
            let figure: (MunicipalityAllocation) -> Double? = { allocation in
                switch record[4] {
                case "newHomes": allocation.newHomes[record[5]]
                case "total": allocation.total
                case "placements": allocation.placements[record[5]]
                case "care": allocation.care[record[5]]
                default: nil
                }
            }
            #expect(record[1] == "optimal")
            #expect(record[3] == allocation.name)
            #expect(settings.number(record[7]) == figure(allocation), "\(record)")
            #expect(settings.number(record[8]) == figure(base), "\(record)")
            let change = try #require(settings.number(record[9]))
            #expect(abs(change - ((figure(allocation) ?? 0) - (figure(base) ?? 0))) <= 1e-6, "\(record)")
            // forced: 1 exactly when the two runs' ranges for the figure do not overlap.
            let ranges: (MunicipalityAllocation) -> FigureRange? = { allocation in
                switch record[4] {
                case "newHomes": allocation.ranges?.newHomes[record[5]]
                case "total": allocation.ranges?.total
                case "placements": allocation.ranges?.placements[record[5]]
                case "care": allocation.ranges?.care[record[5]]
                default: nil
                }
            }
            let after = try #require(ranges(allocation))
            let before = try #require(ranges(base))
            let disjoint = rangesDisjoint((after.min, after.max), (before.min, before.max))
            #expect(record[10] == (disjoint ? "1" : "0"), "\(record)")
            checked += 1
        }
        // 7 municipalities × (4 segments + total + 1 group + 1 care quality) × 3 runs.
        #expect(checked == 7 * 7 * 3)
        // The region's level optima are there too.
        let fairness = records.filter { $0[2].isEmpty && $0[4] == "objective" && $0[5] == "fairness" }
        #expect(fairness.count == 3)
        #expect(
            settings.number(fairness.first { $0[0] == "max-norm" }?[7] ?? "")
                == results["max-norm"]?.optimum(.fairness))
    }
}

/// CSV injection (OWASP): text a spreadsheet would run as a formula gets a leading `'`; numbers stay numbers.
@Suite("CSV text is never a formula")
struct CSVFormulaTests {
    @Test("names starting with =, +, -, @ get a leading quote; negative numbers, with either decimal mark, do not")
    func neutralised() throws {
        let directory = try temporaryDirectory("fairshare-formula")
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOf: Repository.scenario("three-towns.json"), encoding: .utf8)
        let file = directory.appendingPathComponent("formula.json")
        try text.replacingOccurrences(of: #""name": "Aldorp""#, with: #""name": "=HYPERLINK(\"http://x\",\"A\")""#)
            .replacingOccurrences(of: #""name": "Bestad""#, with: #""name": "@SUM(1)""#)
            .replacingOccurrences(of: #""name": "Cewijk""#, with: #""name": "-Cewijk""#)
            .write(to: file, atomically: true, encoding: .utf8)
        for arguments in [["--format", "csv"], ["--format", "csv", "--decimal-comma"]] {
            let output = try fairshare(["solve", file.path] + arguments)
            #expect(output.status == 0, "\(output.stderr)")
            let lines = output.stdout.split(separator: "\r\n").map(String.init)
            let separator = arguments.contains("--decimal-comma") ? ";" : ","
            #expect(
                lines.contains { $0.hasPrefix("A\(separator)" + #""'=HYPERLINK(""http://x"",""A"")""# + separator) },
                "\(lines.prefix(3))")
            #expect(lines.contains { $0.contains("'@SUM(1)") })
            #expect(lines.contains { $0.contains("'-Cewijk") })
            // Bestad's social-rent fair share is −10 (Scenarios/README.md, by hand): a number, not text.
            #expect(lines.contains { $0.contains("social-rent") && ($0.contains(",-10,") || $0.contains(";-10;")) })
        }
    }
}

/// A variant's description reaches the terminal in `compare`: escape sequences, line breaks and bidirectional
/// controls in it must not clear the screen, forge lines or reverse the text (issue 16, safe output).
@Suite("Descriptions on the terminal")
struct TerminalTextTests {
    @Test("ESC, CR, LF and U+202E in a variant's description are neutralised in compare's output")
    func neutralised() throws {
        let directory = try temporaryDirectory("fairshare-terminal")
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOf: Repository.scenario("three-towns.json"), encoding: .utf8)
        let file = directory.appendingPathComponent("hostile.json")
        try text.replacingOccurrences(
            of: #""description": "social rent divided by population instead of converging the stock to 30%""#,
            with: #""description": "clear\u001b[2J\r\nforged line \u202ereversed""#
        ).write(to: file, atomically: true, encoding: .utf8)
        for format in ["table", "markdown"] {
            let output = try fairshare(["compare", file.path, "--format", format])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(!output.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0 == "\r" })
            // On one line, with the escape's and the line break's characters as spaces (Markdown escapes the `[`).
            let cleared = format == "markdown" ? #"clear \[2J"# : "clear [2J"
            #expect(
                output.stdout.split(separator: "\n").contains {
                    $0.contains(cleared) && $0.contains("forged line reversed")
                })
        }
    }
}

import CSV
import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import FairShareXLSX
import Foundation
import Testing

/// `solve --format xlsx`: a workbook that a real spreadsheet application opens with the numbers as numbers
/// (LibreOffice, headless, converts every sheet to CSV), and the CSV's byte order mark for Excel.
@Suite("Excel workbooks and CSV for Excel")
struct WorkbookTests {
    /// LibreOffice's `soffice`; the project's install script installs it for the tests (`make test`).
    static func soffice() throws -> URL {
        try #require(
            installedProgram("soffice"),
            "LibreOffice (soffice) is missing: run scripts/ensure-glpk.sh --with-test-tools")
    }

    /// Every sheet of `workbook` as CSV records, converted by LibreOffice: sheet name → header and records.
    static func sheets(of workbook: URL, names: [String]) throws -> [String: [[String]]] {
        let directory = workbook.deletingLastPathComponent()
        // 44 ',', 34 '"', 76 UTF-8, values not as shown (full precision), every sheet (-1): one file per sheet.
        let output = try run(
            soffice(),
            [
                "--headless", "-env:UserInstallation=file://" + directory.appendingPathComponent("profile").path,
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", directory.path, workbook.path,
            ], in: directory)
        #expect(output.status == 0, "\(output)")
        var sheets: [String: [[String]]] = [:]
        let stem = workbook.deletingPathExtension().lastPathComponent
        for name in names {
            let file = directory.appendingPathComponent("\(stem)-\(name).csv")
            let text = try String(contentsOf: file, encoding: .utf8)
            let reader = try CSVReader(string: text, hasHeaderRow: false)
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            sheets[name] = rows
        }
        return sheets
    }

    @Test("solve --format xlsx: LibreOffice reads three sheets whose numbers are the CSV's and add up to the region's")
    func drechtsteden() throws {
        let directory = try temporaryDirectory("fairshare-xlsx")
        defer { try? FileManager.default.removeItem(at: directory) }
        let workbook = directory.appendingPathComponent("drechtsteden.xlsx")
        let solve = try fairshare([
            "solve", "Scenarios/drechtsteden.json", "--format", "xlsx", "--output", workbook.path,
        ])
        #expect(solve.status == 0, "\(solve.stderr)")
        #expect(solve.stdout.isEmpty)
        let sheets = try Self.sheets(of: workbook, names: ["Allocation", "Details", "Targets"])

        // Allocation: whole numbers; the seven municipalities add up to the region's row, which is the scenario's
        // 10,000 new homes (region.newHomes 9,000–10,000, reached at its maximum), 1,750 statushouders (its demand).
        let allocation = try #require(sheets["Allocation"])
        #expect(allocation.first?.prefix(3) == ["Municipality", "Name", "Sociale huur"])
        #expect(allocation.count == 1 + 7 + 1)
        let body = allocation.dropFirst().dropLast()
        let region = try #require(allocation.last)
        #expect(region[1] == "Region")
        for column in 2..<region.count {
            let sum = body.reduce(0.0) { $0 + (Double($1[column]) ?? .nan) }
            #expect(sum == Double(region[column]), "column \(allocation[0][column])")
            #expect(body.allSatisfy { Double($0[column]).map { $0 == $0.rounded() } ?? false })
        }
        #expect(Double(region[6]) == 10_000)
        #expect(Double(region[7]) == 1_750)

        // Details: the same records as `solve --format csv`, number for number.
        let csv = try fairshare(["solve", "Scenarios/drechtsteden.json", "--format", "csv"])
        let reader = try CSVReader(string: csv.stdout, hasHeaderRow: false)
        var expected: [[String]] = []
        while let row = reader.next() { expected.append(row) }
        let details = try #require(sheets["Details"])
        #expect(details.count == expected.count)
        for (got, want) in zip(details, expected) {
            #expect(got.count == want.count)
            for (a, b) in zip(got, want) {
                // The CSV rounds to 6 decimals; the workbook keeps every digit (a stock share shown as 29.0832834%).
                if let x = Self.number(a), let y = Double(b) {
                    #expect(abs(x - y) <= 5e-7 + 1e-12 * abs(y), "\(got[0]) \(got[3]): \(a) against \(b)")
                } else {
                    #expect(a == b)
                }
            }
        }

        // Targets: the scenario's two targets and two demands.
        let targets = try #require(sheets["Targets"])
        #expect(
            targets.dropFirst().map { $0[0] }.sorted() == ["affordable-2-3", "social-30", "statushouders", "zero-step"])
    }

    /// A cell as LibreOffice writes it to CSV: a number, or a percentage (`29.1%`) as its fraction.
    static func number(_ text: String) -> Double? {
        text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
    }

    @Test(
        "a workbook is refused before libxlsxwriter for names, widths and texts it would refuse, and unwritable paths")
    func refusals() throws {
        let directory = try temporaryDirectory("fairshare-xlsx")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("x.xlsx").path
        let cases: [([Worksheet], String)] = [
            ([Worksheet(name: "a/b", headers: ["x"])], "none of [ ] : * ? / \\"),
            ([Worksheet(name: String(repeating: "n", count: 32), headers: ["x"])], "1 to 31 characters"),
            ([Worksheet(name: "Sheet", headers: ["x"]), Worksheet(name: "sheet", headers: ["y"])], "two sheets"),
            ([Worksheet(name: "S", headers: ["x", "y"], rows: [[.number(1)]])], "row 2: 1 cells under 2 headers"),
            ([Worksheet(name: "S", headers: ["x"], rows: [[.text("a\0b")]])], "no NUL"),
            ([], "at least one sheet"),
        ]
        for (sheets, message) in cases {
            #expect {
                try XLSXWorkbook.write(sheets, to: path)
            } throws: { error in
                "\(error)".contains(message)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect {
            try XLSXWorkbook.write([Worksheet(name: "S", headers: ["x"])], to: "/nonexistent-folder/x.xlsx")
        } throws: { error in
            "\(error)".contains("/nonexistent-folder/x.xlsx")
        }
    }

    @Test("text cells stay text: a name starting with = is not a formula in the workbook")
    func noFormulas() throws {
        let directory = try temporaryDirectory("fairshare-xlsx")
        defer { try? FileManager.default.removeItem(at: directory) }
        let workbook = directory.appendingPathComponent("text.xlsx")
        try XLSXWorkbook.write(
            [
                Worksheet(
                    name: "S", headers: ["name", "value", "share"], styles: [.general, .whole, .percent],
                    rows: [[.text("=1+1"), .number(4197), .number(0.291)], [.empty, .number(.nan), .number(1)]])
            ], to: workbook.path)
        let rows = try #require(try Self.sheets(of: workbook, names: ["S"])["S"])
        // A percentage column keeps its number: LibreOffice writes it with its format, 29.1% and 100%.
        #expect(rows == [["name", "value", "share"], ["=1+1", "4197", "29.1%"], ["", "", "100%"]])
    }

    @Test("CSV for Excel starts with a byte order mark: by default with --decimal-comma, or with --bom; --no-bom")
    func byteOrderMark() throws {
        let three = "Scenarios/three-towns.json"
        let bom = "\u{FEFF}"
        let dutch = try fairshare(["solve", three, "--format", "csv", "--decimal-comma"])
        #expect(dutch.stdout.hasPrefix(bom + "municipality;name;"))
        let plain = try fairshare(["solve", three, "--format", "csv"])
        #expect(plain.stdout.hasPrefix("municipality,name,"))
        let asked = try fairshare(["solve", three, "--format", "csv", "--bom"])
        #expect(asked.stdout.hasPrefix(bom + "municipality,name,"))
        let refused = try fairshare(["solve", three, "--format", "csv", "--decimal-comma", "--no-bom"])
        #expect(refused.stdout.hasPrefix("municipality;name;"))
        let json = try fairshare(["solve", three, "--format", "json", "--bom"])
        #expect(json.status != 0)
        #expect(json.stderr.contains("--bom apply to --format csv only"))
    }

    @Test("--format xlsx needs --output, and only solve writes workbooks")
    func usage() throws {
        let three = "Scenarios/three-towns.json"
        let noOutput = try fairshare(["solve", three, "--format", "xlsx"])
        #expect(noOutput.status != 0)
        #expect(noOutput.stderr.contains("add --output FILE.xlsx"))
        let compare = try fairshare(["compare", three, "--format", "xlsx", "--output", "/tmp/never.xlsx"])
        #expect(compare.status == 1)
        #expect(compare.stderr.contains("--format xlsx is available for solve; for compare use --format csv"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.xlsx"))
    }
}

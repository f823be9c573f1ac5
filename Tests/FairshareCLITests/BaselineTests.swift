import CSV
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// `fairshare baseline`: today's distribution, before any optimising (the CLI as a process).
@Suite("Today's distribution (baseline)")
struct BaselineTests {
    /// Populations and stock from Scenarios/drechtsteden.json; the statushouder demand of 1750 by population share
    /// (total 298,518 inhabitants), worked out by hand.
    static let populations: [String: Double] = [
        "GM0482": 20470, "GM0505": 122089, "GM0523": 18760, "GM0531": 32685, "GM0590": 32174, "GM0610": 26270,
        "GM0642": 46070,
    ]

    @Test("Drechtsteden with the law's rule: stock shares, obligations and tasks as worked out by hand")
    func drechtsteden() throws {
        let output = try fairshare([
            "baseline", "Scenarios/drechtsteden.json", "--variant", "wet-vrv", "--format", "json",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let document = try JSONParser().parse(output.stdout)
        #expect(document.value(at: "format") == .string("fairshare-baseline/1"))
        func number(_ path: JSONPath) -> Double? {
            if case .number(let value)? = document.value(at: path) { return value }
            return nil
        }
        #expect(isClose(number("municipalities.GM0610.stockShares.social-rent"), 3530.0 / 10665, tolerance: 1e-8))
        #expect(isClose(number("municipalities.GM0531.stockShares.social-rent"), 2822.0 / 12270, tolerance: 1e-8))
        #expect(isClose(number("region.stockShares.social-rent"), 37326.0 / 128350, tolerance: 1e-8))
        #expect(document.value(at: "municipalities.GM0610.obligations.wet-vrv.side") == .string("atOrAbove"))
        #expect(document.value(at: "municipalities.GM0505.obligations.wet-vrv.side") == .string("below"))
        let total = Self.populations.values.reduce(0, +)
        #expect(total == 298_518)
        for (id, population) in Self.populations {
            #expect(
                isClose(
                    number(JSONPath(members: ["municipalities", id, "tasks", "statushouders", "task"])),
                    1750 * population / total, tolerance: 1e-8), "\(id)")
        }
        // No "housed" in the file: nothing housed yet, no lettings share to report.
        #expect(document.value(at: "municipalities.GM0505.tasks.statushouders.housed") == .number(0))
        #expect(document.value(at: "region.lettingsToPriorityGroups") == .null)

        // The table's whole tasks add up to the region's 1750 (each rounded on its own, they make 1751).
        let markdown = try fairshare(["baseline", "Scenarios/drechtsteden.json", "--format", "markdown"])
        let rows = markdown.stdout.split(separator: "\n").filter {
            $0.hasPrefix("| ") && !$0.hasPrefix("| Municipality") && !$0.hasPrefix("| ---")
        }
        let tasks = rows.map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }[2] }
        #expect(tasks.count == 8 && tasks.last == "1750")
        #expect(tasks.dropLast().compactMap { Int($0) }.reduce(0, +) == 1750, "\(tasks)")
    }

    /// A small region with a statutory task and people housed so far: arrears and lettings shares by hand.
    @Test("arrears and the share of lettings to priority groups, by hand; CSV for a Dutch spreadsheet")
    func arrears() throws {
        let directory = try temporaryDirectory("fairshare-baseline")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("small.json")
        try """
        {"format": "fairshare-scenario/1", "name": "small",
         "segments": {"social": {"lettable": true}},
         "priorityGroups": {"statushouders": {"statutory": {"nationalNumber": 10, "nationalPopulation": 10000}}},
         "municipalities": {
           "A": {"name": "Aldorp", "population": 5001, "stock": {"social": 400}, "lettings": 40,
                 "housed": {"statushouders": 4}},
           "B": {"name": "Bestad", "population": 2999, "stock": {"social": 100}, "lettings": 10,
                 "housed": {"statushouders": 5}}}}
        """.write(to: file, atomically: true, encoding: .utf8)
        let json = try fairshare(["baseline", file.path, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try JSONParser().parse(json.stdout)
        // Tasks ⌈5.001⌉ = 6 and ⌈2.999⌉ = 3; Aldorp housed 4 (arrears 2), Bestad 5 (arrears 0).
        #expect(document.value(at: "municipalities.A.tasks.statushouders.task") == .number(6))
        #expect(document.value(at: "municipalities.A.tasks.statushouders.arrears") == .number(2))
        #expect(document.value(at: "municipalities.B.tasks.statushouders.arrears") == .number(0))
        // Lettings: 4 / 40 = 10% and 5 / 10 = 50%; the region 9 / 50 = 18%.
        #expect(document.value(at: "municipalities.A.lettingsToPriorityGroups") == .number(0.1))
        #expect(document.value(at: "municipalities.B.lettingsToPriorityGroups") == .number(0.5))
        #expect(document.value(at: "region.lettingsToPriorityGroups") == .number(0.18))

        let csv = try fairshare(["baseline", file.path, "--format", "csv", "--decimal-comma"])
        #expect(csv.status == 0)
        // For Excel: a byte order mark first.
        #expect(csv.stdout.hasPrefix("\u{FEFF}"))
        let reader = try CSVReader(string: String(csv.stdout.dropFirst()), hasHeaderRow: true, delimiter: ";")
        #expect(reader.headerRow == ["municipality", "name", "figure", "item", "value"])
        var records: [[String]] = []
        while let record = reader.next() { records.append(record) }
        #expect(records.contains(["A", "Aldorp", "arrears", "statushouders", "2"]))
        #expect(records.contains(["B", "Bestad", "lettingsToPriorityGroups", "", "0,5"]))

        let table = try fairshare(["baseline", file.path])
        #expect(table.status == 0 && table.stdout.contains("today's distribution") && table.stdout.contains("18.0%"))
        let markdown = try fairshare(["baseline", file.path, "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("## small: today's distribution"))
    }

    @Test("solve --format csv: a record per obligation, with its reason, the share reached and the share required")
    func obligationsInCSV() throws {
        let output = try fairshare(["solve", "Scenarios/drechtsteden.json", "--variant", "wet-vrv", "--format", "csv"])
        #expect(output.status == 0)
        let reader = try CSVReader(string: output.stdout, hasHeaderRow: true, delimiter: ",")
        var obligations: [[String]] = []
        while let record = reader.next() {
            if record.count > 2 && record[2] == "obligation" { obligations.append(record) }
        }
        #expect(obligations.count == 7)
        let sliedrecht = try #require(obligations.first { $0[0] == "GM0610" })
        #expect(sliedrecht[3] == "wet-vrv")
        #expect(sliedrecht[4].contains("33.1% ≥ threshold 30%"))
        #expect(sliedrecht[10] == "0.4")
        #expect((Double(sliedrecht[5]) ?? 0) >= 0.4 - 1e-6)
    }
}

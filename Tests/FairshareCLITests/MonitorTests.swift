import CSV
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// `fairshare monitor` (docs/model.md §9): realised against the plan, the categories at their thresholds, the fair
/// plan for the rest, in every format (the CLI as a process).
@Suite("Monitoring over time (monitor)")
struct MonitorTests {
    static let categories = "Tests/FairshareCLITests/Scenarios/monitor-categories.json"

    /// Four towns, 100 statushouders each per half-year; realised 95, 85, 75 and 74 in the first: delivered 95%,
    /// 85%, 75% and 74% — on track, behind, well behind and far behind (docs/model.md §9, defaults 95/85/75%). The
    /// arrears go to the second half-year: 105, 115, 125 and 126.
    @Test("(d) the categories at the 95/85/75% boundaries, and the arrears in the fair plan for the rest")
    func boundaries() throws {
        let output = try fairshare(["monitor", Self.categories, "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let document = try JSONParser().parse(output.stdout)
        #expect(document.value(at: "format") == .string("fairshare-monitor/1"))
        #expect(document.value(at: "asOf") == .string("2024-I"))
        let expected: [(String, Double, String, Double)] = [
            ("A", 95, "on-track", 105), ("B", 85, "behind", 115), ("C", 75, "well-behind", 125),
            ("D", 74, "far-behind", 126),
        ]
        for (id, realised, category, next) in expected {
            let line = JSONPath(members: ["municipalities", id, "items", "statushouders"])
            #expect(document.value(at: line + "realised") == .number(realised))
            #expect(document.value(at: line + "category") == .string(category), "\(id)")
            if case .number(let planned)? = document.value(at: line + "planned") {
                #expect(isClose(planned, 100, tolerance: 1e-6))
            } else {
                Issue.record("\(id) has no plan")
            }
            if case .number(let value)? = document.value(at: line + "remaining" + "2024-II") {
                #expect(isClose(value, next, tolerance: 1e-6), "\(id)")
            } else {
                Issue.record("\(id) has no plan for 2024-II")
            }
        }
        // Region: 329 of 400, 82.25%: well behind.
        #expect(document.value(at: "region.items.statushouders.category") == .string("well-behind"))
        // Nothing planned for new homes: no share delivered, no category.
        #expect(document.value(at: "municipalities.A.items.total.delivered") == .null)
        #expect(document.value(at: "municipalities.A.items.total.category") == .null)
    }

    @Test("stricter thresholds from the file move the categories")
    func thresholds() throws {
        let directory = try temporaryDirectory("fairshare-monitor")
        defer { try? FileManager.default.removeItem(at: directory) }
        var document = try JSONParser().parse(
            String(contentsOf: Repository.root.appendingPathComponent(Self.categories), encoding: .utf8))
        document = document.setting(
            try JSONParser().parse(#"{"onTrack": 1, "behind": 0.9, "wellBehind": 0.8}"#), at: "monitoring.categories")
        let file = directory.appendingPathComponent("strict.json")
        try JSONWriter.text(document).write(to: file, atomically: true, encoding: .utf8)
        let output = try fairshare(["monitor", file.path, "--format", "csv"])
        #expect(output.status == 0, "\(output.stderr)")
        // Read with yaslab/CSV.swift, independent of fairshare.
        let reader = try CSVReader(string: output.stdout, hasHeaderRow: true)
        var categories: [String: String] = [:]
        while let record = reader.next() {
            if record[3] == "statushouders" && !record[0].isEmpty { categories[record[0]] = record[11] }
        }
        #expect(categories == ["A": "behind", "B": "well-behind", "C": "far-behind", "D": "far-behind"])
        #expect(reader.headerRow?.last == "plan 2024-II")
    }

    @Test("table and Markdown name each municipality's category; --plot writes a chart")
    func tableAndPlot() throws {
        let directory = try temporaryDirectory("fairshare-monitor")
        defer { try? FileManager.default.removeItem(at: directory) }
        let plot = directory.appendingPathComponent("paths.svg")
        let table = try fairshare(["monitor", Self.categories, "--plot", plot.path])
        #expect(table.status == 0, "\(table.stderr)")
        let aldorp = table.stdout.split(separator: "\n").first { $0.hasPrefix("Aldorp") }.map(String.init) ?? ""
        #expect(aldorp.contains("95.0%") && aldorp.contains("on track") && aldorp.contains("105"))
        let svg = try String(contentsOf: plot, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("Aldorp: new homes") && svg.contains("fair plan for the rest"))
        let markdown = try fairshare(["monitor", Self.categories, "--format", "markdown"])
        #expect(markdown.stdout.contains("| Dijkum | 74 | 100 | 74.0% | 26 | 100 | far behind | 126 | 126 |"))
    }

    @Test("a scenario without periods and an unknown period are refused with a reason")
    func refusals() throws {
        let plain = try fairshare(["monitor", "Scenarios/three-towns.json"])
        #expect(plain.status == 1)
        #expect(plain.stderr.contains("fewer than two periods"))
        let unknown = try fairshare(["monitor", Self.categories, "--as-of", "2031"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown period \"2031\"; periods: 2024-I, 2024-II"))
    }

    @Test("solve shows each period: realised or planned against the corrected task, and new homes per period")
    func phasing() throws {
        let output = try fairshare(["solve", Self.categories])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("New homes per period"))
        #expect(lines.contains { $0.hasPrefix("Statushouders per period") })
        let row = lines.first { $0.hasPrefix("Dijkum") && $0.contains("/") } ?? ""
        // 74 of 100 in the realised half-year; 100 + 26 carried = 126 planned in the second.
        #expect(row.contains("74 / 100") && row.contains("126 / 126 (+26 carried)"), "\(row)")
        let region = lines.last { $0.hasPrefix("Region") && $0.contains("carried") } ?? ""
        #expect(region.contains("329 / 400") && region.contains("471 / 471 (+71 carried)"), "\(region)")
    }

    /// Alblasserdam must build at least 600 homes in 2025–2030 and can build at most 117 a year after 2025: with only
    /// 10 realised in 2025 it can reach 10 + 5 · 117 = 595. The monitor still reports who is behind, names the
    /// smallest change that makes the rest possible (600 → 595) and exits 3.
    @Test("a municipality too far behind: the tables, the change that makes the rest possible, exit 3")
    func tooFarBehind() throws {
        let directory = try temporaryDirectory("fairshare-monitor")
        defer { try? FileManager.default.removeItem(at: directory) }
        var document = try JSONParser().parse(
            String(contentsOf: Repository.scenario("drechtsteden-monitor.json"), encoding: .utf8))
        document = document.setting(
            try JSONParser().parse(#"{"social-rent": 5, "market": 5}"#),
            at: JSONPath(members: ["municipalities", "GM0482", "periods", "2025", "realised"]))
        let file = directory.appendingPathComponent("behind.json")
        try JSONWriter.text(document).write(to: file, atomically: true, encoding: .utf8)
        let output = try fairshare(["monitor", file.path])
        #expect(output.status == 3)
        #expect(output.stdout.contains("municipalities.GM0482.newHomes.min: 600 → 595 (-5)"), "\(output.stdout)")
        let alblasserdam = output.stdout.split(separator: "\n").first { $0.hasPrefix("Alblasserdam") } ?? ""
        #expect(alblasserdam.contains("10.0%") && alblasserdam.contains("far behind"), "\(alblasserdam)")
    }

    @Test("--as-of the last period: everything realised, nothing left to plan")
    func asOfTheEnd() throws {
        let output = try fairshare(["monitor", Self.categories, "--as-of", "2024-II", "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let document = try JSONParser().parse(output.stdout)
        #expect(document.value(at: "remainingPeriods") == .array([]))
        // The second half-year has no realised figures: 0 of the second 100 each.
        #expect(document.value(at: "municipalities.A.items.statushouders.realised") == .number(95))
    }
}

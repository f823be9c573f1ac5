import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// The scenario of a run and its result as JSON, both as a user would get them.
private func solved(_ run: ScenarioRun) throws -> (scenario: Scenario, document: ResultDocument) {
    let loader = ScenarioLoader()
    var scenario = try loader.load(contentsOf: Repository.root.appendingPathComponent(run.path))
    if let variant = run.variant { scenario = try loader.applying(variant: variant, to: scenario) }
    let json = try fairshare(["solve"] + run.arguments + ["--format", "json"])
    return (scenario, try ResultDocument(json.stdout, scenario: scenario))
}

@Suite("solve: whole numbers that add up, free figures marked and listed with their ranges")
struct AllocationTableTests {
    /// Each figure is also its exact value rounded down or up, marked `~` exactly when its JSON range is wider
    /// than half a home.
    @Test(
        "every row of the allocation table adds up to its Total and every column to the Region row",
        arguments: ScenarioRun.all)
    func tableAddsUp(_ run: ScenarioRun) throws {
        let (scenario, document) = try solved(run)
        let output = try fairshare(["solve"] + run.arguments)
        #expect(output.status == 0, "\(output)")
        let title = "New homes" + (scenario.horizon.map { " \($0.start)–\($0.end)" } ?? "")
        let table = try #require(PrintedTable(output.stdout, after: title), "\(output.stdout)")
        let segments = scenario.segments.count
        let converging = scenario.segments.filter { if case .converge? = $0.fair { true } else { false } }.count
        // Columns: name, segments, Total, stock shares, groups, care qualities (then either-or rules).
        let totalColumn = segments + 1
        let firstOther = totalColumn + converging + 1
        let lastOther = totalColumn + converging + scenario.priorityGroups.count + scenario.careQualities.count
        let others = firstOther...lastOther
        let figureColumns = Array(1...totalColumn) + Array(others)
        #expect(table.headers[totalColumn] == "Total")
        let region = try #require(table.totals.first)
        #expect(region.first == "Region")
        for column in figureColumns {
            let label = table.headers[column]
            var sum = 0
            for row in table.rows + [region] {
                let cell = try #require(PrintedTable.figure(row[column]), "\(label): \(row)")
                if row != region { sum += cell.value }
                // The figure as the JSON has it: within one of the exact value, ~ exactly when free.
                let figure = try #require(document.figure(row[0], label), "\(row[0]) \(label)")
                #expect(abs(Double(cell.value) - figure.value) < 1, "\(figure): shown \(cell.value)")
                #expect(cell.free == figure.isFree, "\(figure): shown \(row[column])")
            }
            #expect(sum == PrintedTable.figure(region[column])?.value, "column \(label) does not add up")
        }
        for row in table.rows + [region] {
            let sum = try (1...segments).map { try #require(PrintedTable.figure(row[$0])).value }.reduce(0, +)
            #expect(sum == PrintedTable.figure(row[totalColumn])?.value, "row \(row[0]) does not add up")
        }
        #expect(output.stdout.contains("Figures are whole numbers, rounded so that the totals add up."))
    }

    /// Widest first, within 100 columns.
    @Test(
        "\"What the requirements leave open\" lists every free figure, the number shown, its JSON range",
        arguments: ScenarioRun.all)
    func freeFiguresListed(_ run: ScenarioRun) throws {
        let (scenario, document) = try solved(run)
        let output = try fairshare(["solve"] + run.arguments)
        let free = document.figures.filter(\.isFree)
        guard let open = PrintedTable(output.stdout, after: "What the requirements leave open") else {
            #expect(free.isEmpty, "free figures but no list: \(free)")
            return
        }
        let allocation = try #require(
            PrintedTable(
                output.stdout,
                after: "New homes" + (scenario.horizon.map { " \($0.start)–\($0.end)" } ?? "")))
        #expect(open.headers == ["Municipality", "Figure", "Allocation", "Range"])
        let listed = open.rows + open.totals
        #expect(listed.count == free.count, "\(listed) against \(free)")
        #expect(Set(listed.map { "\($0[0]) / \($0[1])" }) == Set(free.map { "\($0.name) / \($0.label)" }))
        var widths: [Double] = []
        for row in listed {
            let figure = try #require(document.figure(row[0], row[1]))
            let range = try #require(figure.range)
            let shown = try #require(Int(row[2]))
            // The number shown is the one in the allocation table.
            let column = try #require(allocation.headers.firstIndex(of: row[1]))
            let line = try #require((allocation.rows + allocation.totals).first { $0[0] == row[0] })
            #expect(PrintedTable.figure(line[column])?.value == shown)
            // The range in whole numbers: the JSON's, rounded (and widened to hold the number shown).
            let ends = row[3].split(separator: "–").compactMap { Int($0) }
            #expect(ends.count == 2, "\(row)")
            guard ends.count == 2 else { continue }
            #expect(abs(Double(ends[0]) - range.min) <= 1 && abs(Double(ends[1]) - range.max) <= 1, "\(row): \(figure)")
            #expect(ends[0] <= shown && shown <= ends[1], "\(row)")
            if figure.municipality != nil { widths.append((range.max - range.min).rounded()) }
        }
        #expect(widths == widths.sorted(by: >), "not widest first: \(widths)")
        // The section fits 100 columns.
        let section = output.stdout.components(separatedBy: "\nWhat the requirements leave open\n")[1]
            .components(separatedBy: "\n\n")[0]
        for line in section.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
    }

    @Test("three towns: Aldorp's 31.5 and Bestad's 19.5 statushouders show as whole numbers that add up to 60")
    func threeTowns() throws {
        let output = try fairshare(["solve", "Scenarios/three-towns.json"])
        let open = try #require(PrintedTable(output.stdout, after: "What the requirements leave open"))
        #expect(
            open.rows.map { [$0[0], $0[1], $0[3]] } == [
                ["Aldorp", "Statushouders", "30–33"],
                ["Bestad", "Statushouders", "18–21"],
            ])
        let aldorp = try #require(Int(open.rows[0][2]))
        let bestad = try #require(Int(open.rows[1][2]))
        #expect([31, 32].contains(aldorp) && [19, 20].contains(bestad) && aldorp + bestad == 51)
    }

    @Test(
        "solve prints the result's warnings on stderr in every format; markdown lists them under Warnings",
        arguments: ["table", "json", "csv", "markdown"])
    func warnings(_ format: String) throws {
        let output = try fairshare(["solve", "Scenarios/drechtsteden.json", "--format", format])
        #expect(output.status == 0)
        let result = try CLITestSupport.libraryResult("Scenarios/drechtsteden.json")
        #expect(!result.warnings.isEmpty)
        #expect(output.stderr == CLITestSupport.warningLines(result))
        if format == "markdown" {
            let section = try #require(output.stdout.components(separatedBy: "\n### Warnings\n\n").last)
            #expect(section == result.warnings.map { "- `\($0.path)`: \($0.message)\n" }.joined())
            #expect(output.stdout.contains("`~` marks a free figure"))
            #expect(output.stdout.contains("\n### What the requirements leave open\n"))
            #expect(output.stdout.contains(" | 530\\~ | "))  // Dordrecht's middle rent, escaped for GitHub
        }
    }

    @Test("allocation \"any\": one of many, no ranges, nothing marked; csv leaves min and max empty")
    func anyAllocation() throws {
        let directory = try temporaryDirectory("fairshare-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = Repository.root.appendingPathComponent("Scenarios/three-towns.json")
        var top = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        var solver = top["solver"] as? [String: Any] ?? [:]
        solver["allocation"] = "any"
        top["solver"] = solver
        let file = directory.appendingPathComponent("any.json")
        try JSONSerialization.data(withJSONObject: top).write(to: file)

        let table = try fairshare(["solve", file.path])
        #expect(table.status == 0, "\(table)")
        let text = table.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("This allocation is one of many equally good ones: no ranges were computed"))
        #expect(!table.stdout.contains("~"))
        #expect(!table.stdout.contains("What the requirements leave open"))
        #expect(table.stderr.contains("fairshare: warning: solver.allocation: "))
        let csv = try fairshare(["solve", file.path, "--format", "csv"])
        let records = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.dropFirst()
        #expect(!records.isEmpty && records.allSatisfy { $0.hasSuffix(",,") }, "\(csv.stdout)")
    }
}

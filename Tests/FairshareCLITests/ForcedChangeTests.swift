import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// A compare cell read back: `210 (+210!)` → 210, +210, forced; `320` → 320, no change.
private struct ComparedCell {
    var value: Int
    var change: Int?
    var forced: Bool

    init?(_ cell: String) {
        let parts = cell.split(separator: " ", maxSplits: 1)
        guard let first = parts.first, let value = Int(first) else { return nil }
        self.value = value
        guard parts.count == 2 else {
            change = nil
            forced = false
            return
        }
        var inner = parts[1].dropFirst().dropLast()  // without the parentheses
        forced = inner.hasSuffix("!")
        if forced { inner = inner.dropLast() }
        guard let change = Int(inner.hasPrefix("+") ? String(inner.dropFirst()) : String(inner)) else { return nil }
        self.change = change
    }
}

/// The figures of a run's JSON result, and the title of the compare table each kind is in.
private func heading(_ figure: ResultDocument.Figure) -> String {
    switch figure.kind {
    case "newHomes": "\(figure.label) (new homes)"
    case "total": "All new homes"
    case "placements": "\(figure.label) (placements)"
    default: "\(figure.label) (new homes with this quality)"
    }
}

/// `fairshare solve FILE [--variant V] --format json`, read.
private func document(_ path: String, variant: String?) throws -> ResultDocument {
    let loader = ScenarioLoader()
    var scenario = try loader.load(contentsOf: Repository.root.appendingPathComponent(path))
    if let variant { scenario = try loader.applying(variant: variant, to: scenario) }
    let output = try fairshare(["solve", path, "--format", "json"] + (variant.map { ["--variant", $0] } ?? []))
    return try ResultDocument(output.stdout, scenario: scenario)
}

/// Every figure's cell in the run's column of `compare`'s tables, with the base's and the run's JSON figure.
private func comparedCells(_ output: String, base: ResultDocument, run: ResultDocument, column: Int) throws
    -> [(cell: ComparedCell, before: ResultDocument.Figure, after: ResultDocument.Figure)]
{
    var cells: [(ComparedCell, ResultDocument.Figure, ResultDocument.Figure)] = []
    for before in base.figures {
        let table = try #require(PrintedTable(output, after: heading(before)), "no table \(heading(before))")
        let row = try #require((table.rows + table.totals).first { $0[0] == before.name }, "\(before)")
        let after = try #require(run.figure(before.name, before.label))
        cells.append((try #require(ComparedCell(row[column]), "\(row)"), before, after))
    }
    return cells
}

@Suite("compare: changes forced by the what-if, and changes within the freedom")
struct ForcedChangeTests {
    @Test("three towns, base against no-history: ! marks exactly the figures whose JSON ranges do not overlap")
    func threeTowns() throws {
        let path = "Scenarios/three-towns.json"
        let output = try fairshare(["compare", path, "--variants", "no-history"])
        #expect(output.status == 0, "\(output)")
        let base = try document(path, variant: nil)
        let variant = try document(path, variant: "no-history")
        var forced = 0
        var within = 0
        for (cell, before, after) in try comparedCells(output.stdout, base: base, run: variant, column: 2) {
            let disjoint = try rangesDisjoint(#require(before.range), #require(after.range))
            #expect(cell.forced == disjoint, "\(before) → \(after): shown \(cell)")
            // A forced change is shown, unless it is too small for whole numbers.
            if disjoint && abs(after.value - before.value) >= 1 { #expect(cell.change != nil, "\(after)") }
            if cell.change != nil { if cell.forced { forced += 1 } else { within += 1 } }
        }
        #expect(forced > 0 && within > 0)
        #expect(
            output.stdout.contains(
                "  no-history: \(forced) changes forced by the what-if, \(within) within the "
                    + "freedom.\n"))

        // The JSON says the same per figure, and the CSV in its forced column.
        let json = try fairshare(["compare", path, "--variants", "no-history", "--format", "json"])
        let top = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let runs = try #require(top["runs"] as? [[String: Any]])
        #expect(runs[0]["forced"] is NSNull)
        let marks = try #require(runs[1]["forced"] as? [String: Any])
        let csv = try fairshare(["compare", path, "--variants", "no-history", "--format", "csv"])
        for after in variant.figures {
            let before = try #require(base.figure(after.name, after.label))
            let disjoint = try rangesDisjoint(#require(before.range), #require(after.range))
            let place =
                after.municipality.map { (marks["municipalities"] as? [String: Any])?[$0] }
                ?? marks["region"]
            let members = place as? [String: Any]
            let mark = after.kind == "total" ? members?["total"] : (members?[after.kind] as? [String: Any])?[after.id]
            #expect(mark as? Bool == disjoint, "\(after)")
            let record = "no-history,optimal,\(after.municipality ?? ""),\(after.name),\(after.kind),\(after.id),"
            let line = csv.stdout.components(separatedBy: "\r\n").first { $0.hasPrefix(record) }
            #expect(line?.hasSuffix(disjoint ? ",1" : ",0") == true, "\(record): \(line ?? "missing")")
        }
    }

    @Test("Drechtsteden, base against whole-homes: rounding to whole homes forces no change of more than a few")
    func wholeHomes() throws {
        let path = "Scenarios/drechtsteden.json"
        let output = try fairshare(["compare", path, "--variants", "whole-homes"])
        #expect(output.status == 0, "\(output)")
        let base = try document(path, variant: nil)
        let variant = try document(path, variant: "whole-homes")
        let cells = try comparedCells(output.stdout, base: base, run: variant, column: 2)
        #expect(cells.count == base.figures.count)
        for (cell, before, after) in cells where cell.forced {
            #expect(abs(cell.change ?? 0) <= 3, "\(before) → \(after): shown \(cell)")
        }
        // The base column shows what solve shows.
        let solve = try fairshare(["solve", path])
        let allocation = try #require(PrintedTable(solve.stdout, after: "New homes 2025–2030"))
        let social = try #require(PrintedTable(output.stdout, after: "Sociale huur (new homes)"))
        #expect(social.rows.map { $0[1] } == allocation.rows.map { String($0[1].prefix { $0 != "~" }) })
    }

    @Test("a run without ranges: its changes are of unknown cause, and the summary says so")
    func unknown() throws {
        let directory = try temporaryDirectory("fairshare-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = Repository.root.appendingPathComponent("Scenarios/three-towns.json")
        var top = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        top["solver"] = ["allocation": "any"]
        top.removeValue(forKey: "variants")
        let file = directory.appendingPathComponent("any.json")
        try JSONSerialization.data(withJSONObject: top).write(to: file)
        let output = try fairshare(["compare", "Scenarios/three-towns.json", file.path])
        #expect(output.status == 0, "\(output)")
        #expect(!output.stdout.contains("!)"))
        #expect(output.stdout.contains(" of unknown cause: any has no ranges"), "\(output.stdout)")
        let json = try fairshare(["compare", "Scenarios/three-towns.json", file.path, "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let run = try #require((document?["runs"] as? [[String: Any]])?.last)
        let aldorp = ((run["forced"] as? [String: Any])?["municipalities"] as? [String: Any])?["A"] as? [String: Any]
        #expect((aldorp?["newHomes"] as? [String: Any])?["social-rent"] is NSNull, "\(json.stdout)")
    }
}

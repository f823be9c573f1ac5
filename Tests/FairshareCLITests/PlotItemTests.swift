import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// `solve --plot --plot-item`: every segment, priority group and care quality can be drawn (issue 15, part 6).
@Suite("Charts of every item")
struct PlotItemTests {
    @Test("--plot-item all draws each segment's stock share and allocation, and each group's and care quality's")
    func all() throws {
        let directory = try temporaryDirectory("fairshare-plot")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("all.svg")
        let run = try fairshare(["solve", "Scenarios/drechtsteden.json", "--plot", file.path, "--plot-item", "all"])
        #expect(run.status == 0, "\(run.stderr)")
        let svg = try String(contentsOf: file, encoding: .utf8)
        // The labels as drechtsteden.json writes them: four segments, one priority group, one care quality.
        for label in ["Sociale huur", "Middenhuur", "Betaalbare koop", "Vrije sector"] {
            #expect(svg.contains("\(label): share of the housing stock"), "\(label)")
            #expect(svg.contains("\(label): fair share and allocation"), "\(label)")
        }
        #expect(svg.contains("Statushouders: fair share and allocation"))
        #expect(svg.contains("Nultredenwoning: fair share and allocation"))
        // 4 × 2 + 2 charts, stacked in one document.
        #expect(svg.components(separatedBy: "<svg ").count - 1 == 1 + 10)
    }

    @Test("an unknown item is a usage error that lists the items")
    func unknown() throws {
        let run = try fairshare(["solve", "Scenarios/three-towns.json", "--plot", "/tmp/never.svg", "--plot-item", "x"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("its items: social-rent, market, statushouders, or all"), "\(run.stderr)")
    }
}

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

/// `--plot --size slide`: one 16:9 file per panel, each with a source line (issue 15, part 6).
@Suite("Charts for slides, from the command line")
struct SlidePlotTests {
    /// SOURCE_DATE_EPOCH 1795000000 is 2026-11-18 11:06:40 UTC (Python's `datetime.utcfromtimestamp`).
    @Test("--size slide writes each panel as a 960 × 540 SVG with the scenario's name and the date")
    func slides() throws {
        let directory = try temporaryDirectory("fairshare-slides")
        defer { try? FileManager.default.removeItem(at: directory) }
        let executable = try builtFairshare()
        let plot = directory.appendingPathComponent("plot.svg").path
        let run = try run(
            URL(fileURLWithPath: "/bin/sh"),
            [
                "-c",
                "SOURCE_DATE_EPOCH=1795000000 '\(executable.path)' compare Scenarios/drechtsteden.json "
                    + "--variants max-norm --plot '\(plot)' --size slide > /dev/null",
            ])
        #expect(run.status == 0, "\(run.stderr)")
        // Three panels: the stock shares, the allocation per run, the fairness profiles.
        for index in 1...3 {
            let file = directory.appendingPathComponent("plot-\(index).svg")
            let svg = try String(contentsOf: file, encoding: .utf8)
            #expect(svg.contains(#"viewBox="0 0 960 540""#), "panel \(index)")
            #expect(
                svg.contains(
                    ">Source: fairshare, Drechtsteden 2025-2030: the base scenario and 1 variant, 2026-11-18</text>"),
                "panel \(index)")
        }
        #expect(!FileManager.default.fileExists(atPath: plot))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("plot-4.svg").path))
    }
}

import ArgumentParser
import FairShareReport
import Foundation

/// How `--plot` charts are laid out: `stack` (default) puts every panel in one SVG, one below the other; `slide`
/// writes each 16:9 panel to its own file (`plot-1.svg`, `plot-2.svg`, …), ready for a slide.
enum PlotSize: String, ExpressibleByArgument, CaseIterable {
    case stack
    case slide
}

/// `--size` for `--plot`, and the writing of the charts with their source line.
struct PlotOptions: ParsableArguments {
    @Option(
        name: .customLong("size"),
        help: ArgumentHelp(
            "With --plot: stack (every panel in one SVG) or slide (each panel a 16:9 SVG of its own: "
                + "FILE-1.svg, FILE-2.svg, …).",
            valueName: "stack|slide"))
    var size: PlotSize = .stack

    /// The date of the source line: `SOURCE_DATE_EPOCH` (seconds since 1970, for reproducible files) or today, UTC.
    static var date: String {
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init)
        let date = epoch.map { Date(timeIntervalSince1970: $0) } ?? Date()
        return date.formatted(.iso8601.year().month().day())
    }

    /// Writes `charts` to `path` (or, for `slide`, to one file per panel), each with the source line of `scenario`.
    /// - Returns: the files written.
    @discardableResult
    func write(_ charts: [String], to path: String, scenario: String, variant: String?) throws -> [String] {
        let line = Charts.sourceLine(scenario: scenario, variant: variant, date: Self.date)
        guard size == .slide, charts.count > 1 else {
            try Terminal.output(Charts.withSource(ChartStack.svg(charts), line), to: path)
            return [path]
        }
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().path
        let ext = url.pathExtension.isEmpty ? "svg" : url.pathExtension
        var written: [String] = []
        for (index, chart) in charts.enumerated() {
            let file = "\(stem)-\(index + 1).\(ext)"
            try Terminal.output(Charts.withSource(chart, line), to: file)
            written.append(file)
        }
        return written
    }
}

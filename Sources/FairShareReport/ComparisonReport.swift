import FairShareEngine
import FairShareScenario

/// A comparison for people (`fairshare compare`): the runs, a summary per run (status, targets met, shortfall,
/// fairness optimum), and per item a table of every municipality's figure in each run, with its change against
/// the base in parentheses. Figures are whole homes or placements, each run's rounded so that its totals add up
/// (``ShownAllocation``, as `solve` shows them); a change is the difference of the figures as shown, so each row
/// adds up as printed. ``forcedMark`` after a change marks one forced by the what-if (``ChangeCause``); the
/// summary counts the changes of each cause. `—` marks a figure a run does not have.
public struct ComparisonReport: Sendable {
    /// The runs to report on.
    public let comparison: Comparison
    /// Each run's whole numbers, in run order.
    public let shown: [ShownAllocation]

    /// The mark after a forced change: `345 (+171!)`.
    public static let forcedMark = "!"

    /// A report of `comparison`.
    public init(_ comparison: Comparison) {
        self.comparison = comparison
        shown = comparison.runs.map { ShownAllocation($0.result) }
    }

    /// One line per run: its name and what it is (a variant's description as one plain line: no control or
    /// bidirectional characters).
    public var runLines: [(name: String, about: String)] {
        comparison.runs.enumerated().map { index, run in
            if let description = run.description { return (run.name, PlainText.line(description)) }
            if index == 0 { return (run.name, run.source.map { "\($0) as written" } ?? "the scenario as written") }
            return (run.name, run.source ?? "")
        }
    }

    /// Per run: status, fairness norm, all new homes, targets met, shortfall and the level optima.
    public var summaryTable: TextTable {
        let summaries = comparison.runs.map { comparison.summary(of: $0) }
        let hasTiebreak = summaries.contains { $0.tiebreak != nil }
        var headers = ["Run", "Status", "Norm", "New homes", "Targets met", "Shortfall", "Fairness optimum"]
        if hasTiebreak { headers.append("Tiebreak optimum") }
        var table = TextTable(
            headers: headers,
            alignments: [.left, .left, .left]
                + Array(
                    repeating: .right,
                    count: headers.count - 3))
        for (run, summary) in zip(comparison.runs, summaries) {
            var row = [
                run.name, summary.status.rawValue, summary.norm.rawValue,
                summary.newHomes.map(Formatting.count) ?? "—",
                summary.shortfall == nil ? "—" : "\(summary.targetsMet) of \(summary.targets)",
                summary.shortfall.map(Formatting.count) ?? "—",
                summary.fairness.map(Formatting.optimum) ?? "—",
            ]
            if hasTiebreak { row.append(summary.tiebreak.map(Formatting.optimum) ?? "—") }
            table.rows.append(row)
        }
        return table
    }

    /// What each summary line means, and one line per target a run does not meet.
    public var summaryNotes: [String] {
        var notes: [String] = []
        let norms = Set(comparison.runs.map(\.scenario.fairness.norm))
        if norms.contains(.sum) {
            notes.append(
                "Fairness optimum" + (norms.count > 1 ? ", norm sum" : "")
                    + ": homes and placements away from their fair share.")
        }
        if norms.contains(.max) {
            notes.append(
                "Fairness optimum" + (norms.count > 1 ? ", norm max" : "")
                    + ": the worst weighted deviation per unit of size"
                    + (norms.count > 1 ? " (not comparable to sum)." : "."))
        }
        for run in comparison.runs where !run.result.hasAllocation {
            var note = "\(run.name): \(run.result.status.rawValue), no allocation to compare"
            if let diagnosis = run.result.diagnosis, !diagnosis.changes.isEmpty {
                note +=
                    "; the smallest change that makes it solvable: "
                    + diagnosis.changes.map(\.description).joined(separator: "; ")
            }
            notes.append(note)
        }
        for run in comparison.runs {
            for target in comparison.summary(of: run).unmetTargets {
                var note = "\(run.name): target \(target.id) not met: \(Formatting.percent(target.share))"
                if target.minShare > 0 { note += ", min \(Formatting.percent(target.minShare))" }
                if target.maxShare < 1 { note += ", max \(Formatting.percent(target.maxShare))" }
                if Formatting.count(target.shortfall) != "0" {
                    note += ", short by \(Formatting.count(target.shortfall)) homes"
                }
                notes.append(note)
            }
        }
        return notes
    }

    /// Every municipality's figure for one item in each run, the change against the base in parentheses, and
    /// the region below a rule.
    public func table(for item: ComparedItem) -> TextTable {
        let runs = comparison.runs
        let headers = ["Municipality"] + runs.map(\.name)
        var table = TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: runs.count))
        func row(_ name: String, _ municipality: String?) -> [String] {
            [name]
                + runs.enumerated().map { index, run in
                    guard let value = shownValue(item, in: municipality, run: index) else { return "—" }
                    let text = Formatting.whole(value)
                    guard let change = shownChange(item, in: municipality, run: index), change != 0 else { return text }
                    let mark = comparison.isForced(item, in: municipality, of: run) == true ? Self.forcedMark : ""
                    return "\(text) (\(Formatting.signed(change))\(mark))"
                }
        }
        for municipality in comparison.municipalities {
            table.rows.append(row(municipality.name, municipality.id))
        }
        table.rulesBefore = [table.rows.count]
        table.rows.append(row("Region", nil))
        return table
    }

    /// A run's figure as shown: its whole number; `nil` when the run does not have it.
    func shownValue(_ item: ComparedItem, in municipality: String?, run index: Int) -> Double? {
        guard comparison.value(of: item, in: municipality, of: comparison.runs[index]) != nil else { return nil }
        return shown[index].value(item.kind, item.id, in: municipality)
    }

    /// The change of a run's figure against the base's, as shown; `nil` for the base or a figure either lacks.
    func shownChange(_ item: ComparedItem, in municipality: String?, run index: Int) -> Double? {
        guard index > 0, let after = shownValue(item, in: municipality, run: index),
            let before = shownValue(item, in: municipality, run: 0)
        else { return nil }
        return after - before
    }

    /// The changes a run shows against the base (every item, municipality and the region), by cause.
    public func changeCounts(run index: Int) -> ChangeCounts {
        var counts = ChangeCounts()
        let run = comparison.runs[index]
        for item in comparison.items {
            for municipality in comparison.municipalities.map(\.id) + [nil] {
                guard let change = shownChange(item, in: municipality, run: index), change != 0 else { continue }
                counts.add(comparison.cause(of: item, in: municipality, of: run))
            }
        }
        return counts
    }

    /// What `!` means, and per run with an allocation how many of its changes the what-if forced and how many lie
    /// within the freedom the requirements leave; empty without runs to compare.
    public var changeNotes: [String] {
        let runs = comparison.runs.enumerated().dropFirst().filter { $0.element.result.hasAllocation }
        guard let base = comparison.base, base.result.hasAllocation, !runs.isEmpty else { return [] }
        var notes = [
            "Changes against \(base.name): \(Self.forcedMark) marks a change forced by the what-if (the "
                + "two runs' ranges for the figure do not overlap); the other changes lie within the freedom the "
                + "requirements leave (a value equally good in both runs exists)."
        ]
        for (index, run) in runs {
            let counts = changeCounts(run: index)
            guard counts.total > 0 else {
                notes.append("\(run.name): no changes.")
                continue
            }
            var parts: [String] = []
            if counts.forced + counts.withinFreedom > 0 {
                parts.append("\(counts.forced) change\(counts.forced == 1 ? "" : "s") forced by the what-if")
                parts.append("\(counts.withinFreedom) within the freedom")
            }
            if counts.unknown > 0 {
                parts.append(
                    "\(counts.unknown) change\(counts.unknown == 1 ? "" : "s") of unknown cause: "
                        + "\(run.result.allocation == .any ? run.name : base.name) has no ranges (solver.allocation "
                        + "\"any\", or they ran out of time)")
            }
            notes.append("\(run.name): " + parts.joined(separator: ", ") + ".")
        }
        return notes
    }

    /// With periods in any run (docs/model.md §9): per period id, in the order the runs list them, each run's new
    /// homes in the region in that period (rounded to whole homes) and the change against the base; `nil` when no
    /// run has periods.
    public var periodTable: TextTable? {
        var ids: [String] = []
        for run in comparison.runs {
            for period in run.result.periods where !ids.contains(period.id) { ids.append(period.id) }
        }
        guard !ids.isEmpty else { return nil }
        let runs = comparison.runs
        var table = TextTable(
            headers: ["Period"] + runs.map(\.name), alignments: [.left] + Array(repeating: .right, count: runs.count))
        for id in ids {
            let base = runs.first?.result.period(id)?.region.total.rounded()
            table.rows.append(
                [runs.compactMap { $0.result.period(id)?.label }.first ?? id]
                    + runs.enumerated().map { index, run in
                        guard let total = run.result.period(id)?.region.total.rounded() else { return "–" }
                        guard index > 0, let base else { return Formatting.whole(total) }
                        return Formatting.whole(total) + " (\(Formatting.signed(total - base)))"
                    })
        }
        return table
    }

    /// The whole comparison for a terminal; tables wrap their headers to fit in `width` characters where they can.
    public func text(width: Int = TextTable.defaultWidth) -> String {
        let nameWidth = runLines.map(\.name.count).max() ?? 0
        var out = comparison.title + "\n\nRuns (changes are against \(comparison.base?.name ?? "the base"))\n"
        for line in runLines {
            // Descriptions wrap under themselves, so that the names stay a column.
            let indent = String(repeating: " ", count: nameWidth + 4)
            let about = TextTable.wrap(line.about, width: max(30, width - indent.count), atHyphens: false)
            let padding = String(repeating: " ", count: nameWidth - line.name.count)
            out +=
                "  "
                + (line.about.isEmpty
                    ? line.name
                    : line.name + padding + "  " + about.joined(separator: "\n" + indent)) + "\n"
        }
        out += "\nSummary\n" + summaryTable.text(width: width)
        for note in summaryNotes + changeNotes {
            out +=
                "  " + TextTable.wrap(note, width: max(30, width - 4), atHyphens: false).joined(separator: "\n    ")
                + "\n"
        }
        for item in comparison.items {
            out += "\n\(item.heading)\n" + table(for: item).text(width: width)
        }
        if let periods = periodTable { out += "\nNew homes in the region per period\n" + periods.text(width: width) }
        return out
    }

    /// The whole comparison as Markdown.
    public func markdown() -> String {
        var out = "## \(MarkdownText.escaped(comparison.title))\n\n### Runs\n\n"
        out += "Changes are against \(MarkdownText.escaped(comparison.base?.name ?? "the base")).\n\n"
        out += runLines.map {
            "- **\(MarkdownText.escaped($0.name))**" + ($0.about.isEmpty ? "" : ": \(MarkdownText.escaped($0.about))")
        }.joined(separator: "\n")
        out += "\n\n### Summary\n\n" + summaryTable.markdown() + "\n"
        out += (summaryNotes + changeNotes).map { "- " + MarkdownText.escaped($0) }.joined(separator: "\n") + "\n"
        for item in comparison.items {
            out += "\n### \(MarkdownText.escaped(item.heading))\n\n" + table(for: item).markdown()
        }
        if let periods = periodTable { out += "\n### New homes in the region per period\n\n" + periods.markdown() }
        return out
    }
}

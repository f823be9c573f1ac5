import FairShareEngine
import FairShareScenario

/// A report for a council: one self-contained HTML file (`fairshare report FILE --html report.html`) with the
/// scenario's question in words, the allocation in whole homes that add up, what the requirements leave open, the
/// fair shares, the targets, the charts, the assumptions and every source (estimates marked), and the method in
/// a paragraph.
///
/// The file needs nothing else: the CSS and the SVG charts are inline, there is no script, no font and no link to
/// load. It prints to A4 from a browser, each major section on a new page and no table row split over two pages.
/// Every string from the scenario (names, labels, descriptions, sources) is escaped (``escape(_:)``). Numbers are
/// written in the report's language, with thousands separators in both (`4.197` and `29,1%` in Dutch, `4,197` and
/// `29.1%` in English). The same result gives the same bytes: the report holds no date.
public struct HTMLReport: Sendable {
    /// The tables, notes and whole numbers, in the report's language.
    public let report: AllocationReport
    /// The scenario file as the user named it, for the colophon.
    public let file: String
    /// The version of the program that wrote the report, for the colophon.
    public let version: String

    /// - Parameters:
    ///   - result: the result to report.
    ///   - scenario: the scenario (or variant) it was solved from.
    ///   - language: the language of the report's words and numbers.
    ///   - file: the scenario file as the user named it.
    ///   - version: the version of the program that writes the report.
    public init(
        result: FairShareResult, scenario: Scenario, language: ReportLanguage, file: String, version: String
    ) {
        var report = AllocationReport(result: result, scenario: scenario, language: language)
        report.numbers = ReportNumbers(language, grouped: true)
        self.report = report
        self.file = file
        self.version = version
    }

    private var strings: ReportStrings { report.language.strings }
    private var numbers: ReportNumbers { report.numbers }
    private var scenario: Scenario { report.scenario }
    private var result: FairShareResult { report.result }

    /// `text` safe in HTML text and in a quoted attribute: `&`, `<`, `>`, `"` and `'` as character references.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The whole document.
    public func html() -> String {
        let language = report.language
        var sections: [(id: String, title: String, body: String, major: Bool)] = []
        sections.append(("question", strings.question, questionSection, false))
        if result.hasAllocation {
            sections.append(("allocation", strings.newHomes + horizon, allocationSection, false))
            let open = report.open
            if !open.entries.isEmpty { sections.append(("open", strings.leftOpen, openSection(open), true)) }
            if !result.fairItemIDs.isEmpty {
                sections.append(("fair-shares", strings.fairShares, fairSharesSection, true))
            }
            sections.append(("targets", strings.targets, targetsSection, false))
            let charts = Charts.allocationCharts(result, scenario, language: language)
            if !charts.isEmpty { sections.append(("charts", strings.charts, chartsSection(charts), true)) }
        } else {
            sections.append(("result", strings.result, failureSection, false))
        }
        sections.append(("assumptions", strings.assumptions, assumptionsSection, true))
        sections.append(("sources", strings.sources, sourcesSection, false))
        sections.append(("method", strings.method, "<p>\(Self.escape(strings.methodParagraph))</p>\n", false))
        if !result.warnings.isEmpty {
            sections.append(("notes", strings.notesFromSolver, notesSection, false))
        }

        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"fairshare \(Self.escape(version))\">\n"
        out += "<title>\(Self.escape(scenario.name)) — \(Self.escape(strings.reportFor))</title>\n"
        out += "<style>\n\(Self.css)</style>\n</head>\n<body>\n<header>\n"
        out += "<p class=\"kicker\">\(Self.escape(strings.reportFor))</p>\n"
        out += "<h1>\(Self.escape(scenario.name))</h1>\n"
        let variant = result.variant.map(strings.variant) ?? strings.baseScenario
        out += "<p class=\"subtitle\">\(Self.escape(variant)) · \(Self.escape(strings.status(result.status)))</p>\n"
        out += "<nav class=\"contents\" aria-label=\"\(Self.escape(strings.contents))\"><ol>\n"
        for section in sections {
            out += "<li><a href=\"#\(section.id)\">\(Self.escape(section.title))</a></li>\n"
        }
        out += "</ol></nav>\n</header>\n<main>\n"
        for section in sections {
            out += "<section id=\"\(section.id)\"\(section.major ? " class=\"major\"" : "")>\n"
            out += "<h2>\(Self.escape(section.title))</h2>\n" + section.body + "</section>\n"
        }
        out += "</main>\n<footer>\n<p>\(Self.escape(strings.madeWith(version, file)))</p>\n</footer>\n"
        out += "</body>\n</html>\n"
        return out
    }

    // MARK: Sections

    /// " 2025–2030", or nothing when the scenario has no horizon.
    private var horizon: String { scenario.horizon.map { " \($0.start)–\($0.end)" } ?? "" }

    /// The question in one sentence, then the scenario's own description and the variant's.
    private var questionSection: String {
        var clauses: [String] = []
        for target in scenario.region.targets {
            let labels = target.segments.map { scenario.segment($0)?.label ?? $0 }
            let segments = Self.list(labels, strings.or)
            if target.minShare > 0 {
                clauses.append(strings.atLeastShareOf(numbers.percent(target.minShare), segments))
            }
            if target.maxShare < 1 { clauses.append(strings.atMostShareOf(numbers.percent(target.maxShare), segments)) }
        }
        let targets = clauses.isEmpty ? [] : [clauses.joined(separator: " \(strings.and) ")]
        let groups = scenario.priorityGroups.map {
            strings.housePlacements(demandWords(min: $0.demand.min, max: $0.demand.max), $0.label)
        }
        let care = scenario.careQualities.map {
            strings.buildCare(demandWords(min: $0.demand.min, max: $0.demand.max), $0.label)
        }
        let newHomes = scenario.region.newHomes
        let homes =
            newHomes.min == 0 && !newHomes.max.isFinite
            ? numbers.whole(report.shown.region.total) : demandWords(min: newHomes.min, max: newHomes.max)
        let years = scenario.horizon.map { "\($0.start)–\($0.end)" }
        let parts = targets + groups + care
        var sentence = strings.questionSentence(numbers.whole(Double(scenario.municipalities.count)), homes, years)
        if !parts.isEmpty { sentence += ", " + Self.list(parts, strings.and, comma: ",") }
        sentence += strings.questionEnd
        var out = "<p class=\"question\">\(Self.escape(sentence))</p>\n"
        if let description = scenario.description, !description.isEmpty {
            out += "<h3>\(Self.escape(strings.whatItSays))</h3>\n<p>\(Self.escape(description))</p>\n"
        }
        if let id = result.variant {
            let about = scenario.variant(id)?.description.map { ": " + $0 } ?? ""
            out += "<p class=\"variant\">\(Self.escape(strings.aboutTheVariant)) (\(Self.escape(id)))"
            out += "\(Self.escape(about)).</p>\n"
        }
        return out
    }

    private var allocationSection: String {
        var out = Self.table(AllocationReport.aligningMarks(report.allocationTable), className: "allocation")
        out += "<p class=\"note\">\(Self.escape(report.allocationNote()))</p>\n"
        let statutory = report.statutoryLines
        if !statutory.isEmpty {
            out += "<h3>\(Self.escape(strings.statutoryTasks))</h3>\n" + Self.bullets(statutory)
        }
        let obligations = report.obligationLines
        if !obligations.isEmpty {
            out += "<h3>\(Self.escape(strings.obligationsByStock))</h3>\n" + Self.bullets(obligations)
        }
        return out
    }

    private func openSection(_ open: OpenFigures) -> String {
        Self.table(open.table, className: "open")
            + "<p class=\"note\">\(Self.escape(strings.leftOpenExplanation))</p>\n"
    }

    private var fairSharesSection: String {
        "<p class=\"note\">\(Self.escape(strings.fairSharesNote))</p>\n"
            + Self.table(report.fairnessTable, className: "fair")
    }

    /// The regional targets (required, reached, met), then the placements and care homes against their demands,
    /// then the region's other lines.
    private var targetsSection: String {
        var out = ""
        let region = scenario.region
        if !region.targets.isEmpty {
            var table = TextTable(
                headers: [strings.targetColumn, strings.segments, strings.required, strings.reached, strings.outcome],
                alignments: [.left, .left, .right, .right, .left])
            for (target, outcome) in zip(region.targets, result.region.targets) {
                var bounds: [String] = []
                if target.minShare > 0 { bounds.append("≥ \(numbers.percent(target.minShare))") }
                if target.maxShare < 1 { bounds.append("≤ \(numbers.percent(target.maxShare))") }
                var met = outcome.met ? strings.met : strings.notMet
                if Formatting.count(outcome.shortfall) != "0" {
                    met += strings.shortByHomes(numbers.count(outcome.shortfall))
                }
                table.rows.append([
                    target.id, target.segments.map { scenario.segment($0)?.label ?? $0 }.joined(separator: ", "),
                    bounds.joined(separator: ", "), numbers.percent(outcome.share), met,
                ])
            }
            out += Self.table(table, className: "targets")
        }
        let demands =
            zip(scenario.priorityGroups, result.region.priorityGroups).map { group, outcome in
                (
                    group.label, group.demand, report.shown.region.placements[group.id] ?? outcome.placed.rounded(),
                    outcome.shortfall, strings.placements
                )
            }
            + zip(scenario.careQualities, result.region.care).map { quality, outcome in
                (
                    quality.label, quality.demand, report.shown.region.care[quality.id] ?? outcome.placed.rounded(),
                    outcome.shortfall, strings.homes
                )
            }
        if !demands.isEmpty {
            out += "<h3>\(Self.escape(strings.otherDemands))</h3>\n"
            var table = TextTable(
                headers: ["", strings.demand, strings.result], alignments: [.left, .right, .right])
            for (label, demand, placed, shortfall, unit) in demands {
                let short = Formatting.count(shortfall) != "0" ? strings.shortBy(numbers.count(shortfall)) : ""
                table.rows.append([
                    label, numbers.range(min: demand.min, max: demand.max), "\(numbers.whole(placed)) \(unit)\(short)",
                ])
            }
            out += Self.table(table, className: "demands")
        }
        out += "<h3>\(Self.escape(strings.region))</h3>\n" + Self.bullets(report.regionLines)
        return out
    }

    private func chartsSection(_ charts: [String]) -> String {
        charts.map { "<figure class=\"chart\">\n" + Self.inline($0) + "</figure>\n" }.joined()
    }

    private var failureSection: String {
        var out = ""
        if let failure = result.failure { out += "<p>\(Self.escape("\(failure)"))</p>\n" }
        if let diagnosis = result.diagnosis, !diagnosis.changes.isEmpty {
            out += Self.bullets(diagnosis.changes.map(\.description))
        }
        return out
    }

    /// The fair rule of every segment, the key of every group and care quality, the norm, whole numbers.
    private var assumptionsSection: String {
        var items: [(String, String)] = []
        for segment in scenario.segments {
            let rule: String
            switch segment.fair {
            case .converge(let target)?: rule = strings.ruleConverge(target.map(numbers.percent))
            case .proportional(let key)?: rule = strings.ruleProportional(keyWords(key))
            case nil: rule = strings.noFairRule
            }
            items.append((segment.label, rule))
        }
        for group in scenario.priorityGroups { items.append((group.label, strings.divideBy(keyWords(group.key)))) }
        for quality in scenario.careQualities {
            items.append((quality.label, strings.divideBy(keyWords(quality.key))))
        }
        items.append((strings.fairnessRule, strings.normText(scenario.fairness.norm)))
        var out = "<ul class=\"assumptions\">\n"
        for (what, rule) in items {
            out += "<li><strong>\(Self.escape(what))</strong>: \(Self.escape(rule))</li>\n"
        }
        if scenario.solver.integer { out += "<li>\(Self.escape(strings.wholeNumbersSetting))</li>\n" }
        return out + "</ul>\n"
    }

    /// Every source, those that hold estimates or assumptions marked.
    private var sourcesSection: String {
        guard !scenario.sources.isEmpty else { return "<p>\(Self.escape(strings.noSources))</p>\n" }
        var out = "<ol class=\"sources\">\n"
        var anyEstimate = false
        for source in scenario.sources {
            if Self.isEstimate(source) {
                anyEstimate = true
                out +=
                    "<li class=\"estimate\"><span class=\"badge\">\(Self.escape(strings.estimate))</span> "
                    + "\(Self.escape(source))</li>\n"
            } else {
                out += "<li>\(Self.escape(source))</li>\n"
            }
        }
        out += "</ol>\n"
        if anyEstimate { out += "<p class=\"note\">\(Self.escape(strings.estimateNote))</p>\n" }
        return out
    }

    private var notesSection: String {
        "<ul class=\"notes\">\n"
            + result.warnings.map {
                "<li><code>\(Self.escape($0.path.description))</code>: \(Self.escape(warningText($0)))</li>\n"
            }.joined() + "</ul>\n"
    }

    /// A warning in the report's language.
    private func warningText(_ warning: ResultWarning) -> String {
        WarningText.text(
            warning, result: result, scenario: scenario, language: report.language, numbers: report.numbers)
    }

    // MARK: Pieces

    /// Whether a source names an estimate or an assumption (in English or Dutch).
    static func isEstimate(_ source: String) -> Bool {
        let lower = source.lowercased()
        return ["estimate", "assumption", "schatting", "geschat", "aanname"].contains { lower.contains($0) }
    }

    /// A demand in words: `1.750`, `at least 2.700`, `at most 40`, `9.000–10.000`.
    private func demandWords(min: Double, max: Double) -> String {
        if min == max { return numbers.count(min) }
        if !max.isFinite { return strings.atLeast(numbers.count(min)) }
        if min == 0 { return strings.atMost(numbers.count(max)) }
        return "\(numbers.count(min))–\(numbers.count(max))"
    }

    /// A key in words: `inwoners`, `0,5 × inwoners + 0,5 × stock.social-rent`.
    private func keyWords(_ key: Key) -> String {
        key.weights.map { attribute, weight in
            (weight == 1 ? "" : numbers.optimum(weight) + " × ") + strings.keyName(attribute)
        }.joined(separator: " + ")
    }

    /// `a, b or c` (`conjunction` between the last two; `comma` between the others).
    static func list(_ items: [String], _ conjunction: String, comma: String = ",") -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: "\(comma) ") + " \(conjunction) " + last
    }

    static func bullets(_ lines: [String]) -> String {
        "<ul>\n" + lines.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
    }

    /// A ``TextTable`` as an HTML table: the header row, and a `tbody` for each group of rows between the rules
    /// (the last, the region's, marked `total`). Numeric columns are right-aligned, and a free figure's mark
    /// (``AllocationReport/freeMark``) in them is a span with a tooltip.
    static func table(_ table: TextTable, className: String) -> String {
        func cell(_ text: String, _ column: Int, header: Bool) -> String {
            let numeric = table.alignments[column] == .right
            let tag = header ? "th" : "td"
            var content = escape(text.trimmingTrailingBlanks)
            if numeric && !header {
                content = content.split(separator: "~", omittingEmptySubsequences: false)
                    .joined(separator: "<span class=\"free\">~</span>")
            }
            let scope = header ? " scope=\"col\"" : ""
            return "<\(tag)\(numeric ? " class=\"num\"" : "")\(scope)>\(content)</\(tag)>"
        }
        var out = "<div class=\"table-wrap\"><table class=\"\(className)\">\n<thead><tr>"
        out += table.headers.enumerated().map { cell($1, $0, header: true) }.joined() + "</tr></thead>\n"
        let breaks = table.rulesBefore.sorted().filter { $0 > 0 && $0 < table.rows.count }
        var groups: [Range<Int>] = []
        var start = 0
        for index in breaks {
            groups.append(start..<index)
            start = index
        }
        groups.append(start..<table.rows.count)
        for (number, group) in groups.enumerated() where !group.isEmpty {
            let isTotal = number > 0 && number == groups.count - 1
            out += isTotal ? "<tbody class=\"total\">\n" : "<tbody>\n"
            for row in table.rows[group] {
                out += "<tr>" + row.enumerated().map { cell($1, $0, header: false) }.joined() + "</tr>\n"
            }
            out += "</tbody>\n"
        }
        return out + "</table></div>\n"
    }

    /// An SVG document for inlining in HTML: without its XML declaration, scaled to the width of the page.
    static func inline(_ svg: String) -> String {
        var body = svg
        if body.hasPrefix("<?xml"), let end = body.firstIndex(of: "\n") {
            body = String(body[body.index(after: end)...])
        }
        if let root = body.range(of: "<svg ") {
            body.replaceSubrange(root, with: "<svg class=\"chart\" role=\"img\" ")
        }
        return body
    }

    /// The style sheet: readable on a screen, A4 on paper.
    static let css = """
        :root { color-scheme: light; --ink: #1d2430; --muted: #5b6472; --rule: #d5dae1; --accent: #1f5fa8;
          --estimate: #b35c00; --band: #f4f6f9; }
        * { box-sizing: border-box; }
        body { font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
          color: var(--ink); line-height: 1.45; margin: 0 auto; padding: 2rem 2.5rem 3rem; max-width: 80rem;
          font-size: 15px; background: #fff; }
        header { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; padding-bottom: 0.75rem; }
        .kicker { text-transform: uppercase; letter-spacing: 0.08em; color: var(--accent); font-weight: 600;
          margin: 0; font-size: 0.8rem; }
        h1 { font-size: 2rem; margin: 0.2rem 0 0.1rem; }
        .subtitle { color: var(--muted); margin: 0 0 0.75rem; }
        nav.contents ol { margin: 0; padding-left: 1.2rem; columns: 2; font-size: 0.9rem; }
        nav.contents a { color: var(--accent); text-decoration: none; }
        h2 { font-size: 1.35rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid var(--rule);
          padding-bottom: 0.2rem; }
        h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
        p.question { font-size: 1.15rem; border-left: 4px solid var(--accent); padding: 0.4rem 0 0.4rem 0.9rem;
          background: var(--band); }
        p.note { color: var(--muted); font-size: 0.88rem; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; margin: 0.4rem 0 0.6rem; font-size: 0.88rem; }
        th, td { padding: 0.28rem 0.45rem; border-bottom: 1px solid var(--rule); vertical-align: bottom; }
        th { text-align: left; font-weight: 600; border-bottom: 2px solid var(--ink); }
        td { text-align: left; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num, td:first-child { white-space: nowrap; }
        th { hyphens: manual; }
        tbody tr:nth-child(even) { background: var(--band); }
        tbody.total td { font-weight: 700; border-top: 2px solid var(--ink); background: #fff; }
        tbody + tbody:not(.total) tr:first-child td { border-top: 2px solid var(--ink); }
        .free { color: var(--accent); font-weight: 700; }
        figure.chart { margin: 1rem 0; }
        svg.chart { width: 100%; height: auto; max-width: 60rem; display: block; }
        ol.sources li, ul.assumptions li, ul.notes li { margin-bottom: 0.35rem; }
        li.estimate { color: var(--ink); }
        .badge { display: inline-block; font-size: 0.72rem; font-weight: 700; text-transform: uppercase;
          letter-spacing: 0.04em; color: #fff; background: var(--estimate); border-radius: 3px;
          padding: 0 0.35rem; margin-right: 0.25rem; }
        code { font-size: 0.85em; }
        footer { margin-top: 2.5rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.8rem; }
        @page { size: A4; margin: 15mm 13mm 16mm; }
        @media print {
          body { font-size: 9.5pt; padding: 0; max-width: none; }
          nav.contents { display: none; }
          h2 { margin-top: 0.8rem; }
          section.major { break-before: page; }
          h2, h3 { break-after: avoid; }
          tr, figure, li, p.question { break-inside: avoid; }
          table.allocation, table.fair, table.targets, table.demands { break-inside: avoid; }
          thead { display: table-header-group; }
          table { font-size: 8.5pt; }
          th, td { padding: 0.15rem 0.4rem; }
          .table-wrap { overflow: visible; }
          svg.chart { max-width: 100%; }
          tbody tr:nth-child(even), p.question { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}

extension String {
    /// The string without trailing blanks (the terminal's alignment of free marks).
    fileprivate var trimmingTrailingBlanks: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

import FairShareTestSupport
import Foundation
import Testing

/// An HTML table of the report read back from its markup: header cells and body rows as text (tags dropped,
/// character references resolved), the region's row (`tbody class="total"`) apart.
struct HTMLTable {
    var headers: [String]
    var rows: [[String]]
    var totals: [[String]]

    /// The table with `class="…"` in `html`; `nil` without one.
    init?(_ html: String, class name: String) {
        guard let start = html.range(of: "<table class=\"\(name)\">"),
            let end = html[start.upperBound...].range(of: "</table>")
        else { return nil }
        let table = String(html[start.upperBound..<end.lowerBound])
        func cells(_ row: String) -> [String] {
            Self.matches(#"<t[dh][^>]*>(.*?)</t[dh]>"#, in: row).map(Self.text)
        }
        let head = Self.matches(#"<thead>(.*?)</thead>"#, in: table).first ?? ""
        headers = cells(head)
        rows = []
        totals = []
        for body in Self.matches(#"(<tbody[^>]*>.*?)</tbody>"#, in: table) {
            let isTotal = body.hasPrefix("<tbody class=\"total\">")
            for row in Self.matches(#"<tr>(.*?)</tr>"#, in: body) {
                if isTotal { totals.append(cells(row)) } else { rows.append(cells(row)) }
            }
        }
    }

    /// The first capture group of every match of `pattern` (dot matches newlines).
    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else {
            return []
        }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// Markup as the text a reader sees: tags dropped, the five character references resolved.
    static func text(_ markup: String) -> String {
        var text = markup.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
        for (reference, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: reference, with: character)
        }
        return text
    }

    /// A whole number as the report writes it in `language` (`4.197` in Dutch, `4,197` in English), its free mark
    /// `~` dropped.
    static func number(_ cell: String, language: String) -> Int? {
        let digits = cell.replacingOccurrences(of: "~", with: "")
            .replacingOccurrences(of: language == "nl" ? "." : ",", with: "")
        return Int(digits)
    }
}

/// The scenario file's own figures, read with Foundation's JSON reader (not fairshare's).
struct ScenarioFacts {
    let json: [String: Any]

    init(_ path: String) throws {
        let data = try Data(contentsOf: Repository.root.appendingPathComponent(path))
        json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    var sources: [String] { json["sources"] as? [String] ?? [] }
    var municipalityNames: [String] {
        (json["municipalities"] as? [String: [String: Any]] ?? [:]).values.compactMap { $0["name"] as? String }
    }
    /// `region.newHomes` as min and max.
    var regionalNewHomes: (min: Double, max: Double) {
        let region = json["region"] as? [String: Any]
        if let exact = region?["newHomes"] as? Double { return (exact, exact) }
        let range = region?["newHomes"] as? [String: Any]
        return ((range?["min"] as? Double) ?? 0, (range?["max"] as? Double) ?? .infinity)
    }
    /// The region's share of a segment in the whole stock, from the municipalities' `stock`.
    func stockShare(_ segment: String) -> Double {
        var part = 0.0
        var whole = 0.0
        for municipality in (json["municipalities"] as? [String: [String: Any]] ?? [:]).values {
            let stock = municipality["stock"] as? [String: Double] ?? [:]
            part += stock[segment] ?? 0
            whole += stock.values.reduce(0, +)
        }
        return part / whole
    }
}

/// A percentage with one decimal as a Dutch or English reader writes it, made here by hand: `29,1%`, `29.1%`.
func handPercent(_ share: Double, language: String) -> String {
    let text = String(format: "%.1f%%", share * 100)
    return language == "nl" ? text.replacingOccurrences(of: ".", with: ",") : text
}

@Suite("report --html: a self-contained report for a council, in Dutch and English")
struct HTMLReportTests {
    static let drechtsteden = "Scenarios/drechtsteden.json"

    /// The report of `file` in `language`, written by the CLI to a temporary file.
    static func report(_ file: String, _ arguments: [String] = []) throws -> (html: String, output: CommandOutput) {
        let directory = try temporaryDirectory("fairshare-report")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.html").path
        let output = try fairshare(["report", file, "--html", path] + arguments)
        let html = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return (html, output)
    }

    @Test("the allocation adds up to the region's total, which the scenario allows", arguments: ["nl", "en"])
    func tablesAddUp(language: String) throws {
        let (html, output) = try Self.report(Self.drechtsteden, ["--lang", language])
        #expect(output.status == 0, "\(output)")
        #expect(output.isClean)
        let table = try #require(HTMLTable(html, class: "allocation"))
        let facts = try ScenarioFacts(Self.drechtsteden)
        #expect(table.rows.count == facts.municipalityNames.count)
        #expect(Set(table.rows.map { $0[0] }) == Set(facts.municipalityNames))
        let region = try #require(table.totals.first)
        let total = try #require(table.headers.firstIndex(of: language == "nl" ? "Totaal" : "Total"))
        // Every figure column but the stock shares sums to the region's figure, as the reader adds it up.
        for column in 1..<table.headers.count where !region[column].contains("%") {
            let sum = try table.rows.map { try #require(HTMLTable.number($0[column], language: language)) }
                .reduce(0, +)
            #expect(sum == HTMLTable.number(region[column], language: language), "column \(table.headers[column])")
        }
        let regional = try #require(HTMLTable.number(region[total], language: language))
        let allowed = facts.regionalNewHomes
        #expect(Double(regional) >= allowed.min && Double(regional) <= allowed.max)
        // A row's segments add up to its total.
        let segments = 1..<total
        for row in table.rows + table.totals {
            let sum = try segments.map { try #require(HTMLTable.number(row[$0], language: language)) }.reduce(0, +)
            #expect(sum == HTMLTable.number(row[total], language: language), "row \(row[0])")
        }
    }

    @Test("numbers are written the reader's way: 29,1% and 10.000 in Dutch, 29.1% and 10,000 in English")
    func numberFormats() throws {
        let facts = try ScenarioFacts(Self.drechtsteden)
        let share = facts.stockShare("social-rent")
        for language in ["nl", "en"] {
            let (html, _) = try Self.report(Self.drechtsteden, ["--lang", language])
            let region = try #require(HTMLTable(html, class: "allocation")?.totals.first)
            #expect(region.contains { $0.hasPrefix(handPercent(share, language: language) + " → ") }, "\(region)")
            let max = Int(facts.regionalNewHomes.max)
            let grouped = "\(max / 1000)\(language == "nl" ? "." : ",")\(String(format: "%03d", max % 1000))"
            #expect(html.contains(grouped), "\(grouped) missing")
            #expect(html.contains("<html lang=\"\(language)\">"))
        }
    }

    @Test("self-contained: no script, no external resource, inline SVG and CSS")
    func selfContained() throws {
        let (html, _) = try Self.report(Self.drechtsteden, ["--lang", "nl"])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>") && html.contains("@media print") && html.contains("size: A4"))
        #expect(html.contains("<svg class=\"chart\""))
        for forbidden in ["<script", "<link", "src=", "url(", "@import", "https:", "<iframe", "<?xml"] {
            #expect(!html.contains(forbidden), "\(forbidden) in the report")
        }
        // The only http: is the SVG namespace, which loads nothing.
        let http = html.components(separatedBy: "http:").count - 1
        let namespaces = html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1
        #expect(http == namespaces)
    }

    @Test("every source is in the report, those with estimates or assumptions marked")
    func sources() throws {
        let facts = try ScenarioFacts(Self.drechtsteden)
        let (html, _) = try Self.report(Self.drechtsteden, ["--lang", "nl"])
        for source in facts.sources {
            let escaped = source.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "'", with: "&#39;"
            )
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            let estimate = source.uppercased().contains("ESTIMATE") || source.uppercased().contains("ASSUMPTION")
            let marked = "<li class=\"estimate\"><span class=\"badge\">schatting</span> \(escaped)</li>"
            let plain = "<li>\(escaped)</li>"
            #expect(html.contains(estimate ? marked : plain), "\(source)")
        }
        #expect(html.contains("<p class=\"question\">Hoe verdelen de \(facts.municipalityNames.count) gemeenten"))
    }

    @Test("every string from the scenario is escaped: a <script> in a name, label, description or source stays text")
    func escaping() throws {
        let directory = try temporaryDirectory("fairshare-report-escape")
        defer { try? FileManager.default.removeItem(at: directory) }
        let hostile = "<script>alert('x')</script> & \"quoted\""
        var json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Repository.scenario("three-towns.json")))
                as? [String: Any])
        json["name"] = "Towns " + hostile
        json["description"] = hostile
        json["sources"] = ["ESTIMATE " + hostile, "<img src=x onerror=alert(1)>"]
        var segments = try #require(json["segments"] as? [String: [String: Any]])
        segments["social-rent"]?["label"] = "Social " + hostile
        json["segments"] = segments
        var municipalities = try #require(json["municipalities"] as? [String: [String: Any]])
        municipalities["A"]?["name"] = "Aldorp </svg><script>x</script>"
        json["municipalities"] = municipalities
        let file = directory.appendingPathComponent("hostile.json")
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        let (html, output) = try Self.report(file.path, ["--lang", "en"])
        #expect(output.status == 0, "\(output)")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"))
        #expect(html.contains("Aldorp &lt;/svg&gt;&lt;script&gt;x&lt;/script&gt;"))
        let table = try #require(HTMLTable(html, class: "allocation"))
        #expect(table.headers.contains("Social " + hostile))
        #expect(table.rows.contains { $0[0] == "Aldorp </svg><script>x</script>" })
    }

    @Test("the scenario's \"language\" sets the default; --lang overrides it; solve's table and Markdown follow")
    func scenarioLanguage() throws {
        let directory = try temporaryDirectory("fairshare-language")
        defer { try? FileManager.default.removeItem(at: directory) }
        var json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Repository.scenario("drechtsteden.json")))
                as? [String: Any])
        json["language"] = "nl"
        let file = directory.appendingPathComponent("nl.json")
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        let dutch = try fairshare(["solve", file.path])
        #expect(dutch.status == 0)
        let table = try #require(PrintedTable(dutch.stdout, after: "Nieuwe woningen 2025–2030"), "\(dutch.stdout)")
        #expect(table.headers.first == "Gemeente")
        #expect(table.totals.first?.first == "Regio")
        let share = handPercent(try ScenarioFacts(Self.drechtsteden).stockShare("social-rent"), language: "nl")
        #expect(table.totals.first?.contains { $0.hasPrefix(share) } == true)
        // Whole numbers of 1,000 or more carry a Dutch thousands point, and the columns still add up.
        let total = try #require(table.headers.firstIndex(of: "Totaal"))
        let sum = try table.rows.map { try #require(HTMLTable.number($0[total], language: "nl")) }.reduce(0, +)
        #expect(table.totals.first.flatMap { HTMLTable.number($0[total], language: "nl") } == sum)
        #expect(table.totals.first?[total].contains(".") == true)

        let english = try fairshare(["solve", file.path, "--lang", "en"])
        #expect(english.stdout.contains("\nNew homes 2025–2030\n"))
        let markdown = try fairshare(["solve", "Scenarios/drechtsteden.json", "--lang", "nl", "--format", "markdown"])
        #expect(markdown.stdout.contains("### Nieuwe woningen 2025–2030"))
        #expect(markdown.stdout.contains("| Gemeente |"))
        #expect(markdown.stdout.contains(" \(share) → "))
    }

    @Test("a language the reports do not speak is a problem in the file, with its path")
    func unknownLanguage() throws {
        let directory = try temporaryDirectory("fairshare-language")
        defer { try? FileManager.default.removeItem(at: directory) }
        var json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Repository.scenario("three-towns.json")))
                as? [String: Any])
        json["language"] = "de"
        let file = directory.appendingPathComponent("de.json")
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        let output = try fairshare(["validate", file.path])
        #expect(output.status == 2)
        #expect(output.stderr.contains("language: \"de\" is not one of \"en\", \"nl\""), "\(output)")
        let usage = try fairshare(["report", "Scenarios/three-towns.json", "--lang", "de", "--html", "-"])
        #expect(usage.status == 1)
    }
}

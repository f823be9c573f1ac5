import FairShareTestSupport
import Foundation
import Testing

/// Names, labels and descriptions come from a file that may be hostile. In a Markdown report (`--format markdown`,
/// pasted into a wiki, an issue tracker or a council document) they must stay text: no raw HTML, no emphasis, no
/// link, no extra table column (issue 16, safe output).
@Suite("Markdown output keeps the file's text as text")
struct MarkdownSafetyTests {
    /// Three towns with markup in the scenario's name, a municipality's name, a segment's label, a group's label
    /// and a variant's description.
    static func hostileScenario(in directory: URL) throws -> URL {
        let text = try String(contentsOf: Repository.scenario("three-towns.json"), encoding: .utf8)
        let file = directory.appendingPathComponent("markup.json")
        try text.replacingOccurrences(
            of: #""name": "Three towns (didactic)""#, with: #""name": "<script>x()</script>""#
        )
        .replacingOccurrences(of: #""name": "Aldorp""#, with: #""name": "*Al* | [dorp](javascript:x) <b>""#)
        .replacingOccurrences(of: #""label": "Social rent""#, with: #""label": "Social_rent_ `code` ~~gone~~""#)
        .replacingOccurrences(of: #""label": "Statushouders""#, with: ##""label": "# Heading & <img src=x>""##)
        .replacingOccurrences(
            of: #""description": "social rent divided by population instead of converging the stock to 30%""#,
            with: #""description": "<iframe src=x></iframe> **loud**""#
        ).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// `fairshare COMMAND hostile.json --format markdown`, which must succeed.
    static func markdown(_ command: String) throws -> CommandOutput {
        let directory = try temporaryDirectory("fairshare-markdown")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try hostileScenario(in: directory)
        let output = try fairshare([command, file.path, "--format", "markdown"])
        #expect(output.status == 0, "\(output.stderr)")
        return output
    }

    /// The number of `|` in `line` that are not escaped with a backslash: the column separators.
    static func separators(_ line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                count += 1
            }
        }
        return count
    }

    /// What must hold of any Markdown fairshare writes for the hostile scenario.
    static func expectSafe(_ markdown: String, _ context: String) {
        for tag in ["<script", "<b>", "<img", "<iframe", "</"] {
            #expect(!markdown.contains(tag), "\(context): raw \(tag)")
        }
        #expect(!markdown.replacingOccurrences(of: #"\]("#, with: "").contains("]("), "\(context): a link")
        #expect(!markdown.contains("*Al*"), "\(context): emphasis")
        #expect(!markdown.contains("**loud**"), "\(context): strong")
        #expect(!markdown.contains("~~gone~~"), "\(context): strikethrough")
        #expect(!markdown.contains("`code`"), "\(context): a code span")
        #expect(!markdown.split(separator: "\n").contains { $0.hasPrefix("# ") }, "\(context): a heading")
        // Every table row has as many column separators as its table's rule.
        var rule: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                rule = nil
                continue
            }
            if line.hasPrefix("| ---") || line.hasPrefix("|---") { rule = separators(line) }
            if let rule { #expect(separators(line) == rule, "\(context): \(line)") }
        }
    }

    @Test("solve --format markdown: the scenario's name, a municipality's name and labels stay text")
    func solve() throws {
        let output = try Self.markdown("solve")
        Self.expectSafe(output.stdout, "solve")
        // The text is still there, escaped: it renders as what the file says.
        #expect(output.stdout.contains(#"## &lt;script&gt;x()&lt;/script&gt;"#))
        #expect(output.stdout.contains(#"\*Al\* \| \[dorp\](javascript:x) &lt;b&gt;"#))
        #expect(output.stdout.contains(#"Social\_rent\_ \`code\` \~\~gone\~\~"#))
    }

    @Test("compare --format markdown: a variant's description and the run names stay text")
    func compare() throws {
        let output = try Self.markdown("compare")
        Self.expectSafe(output.stdout, "compare")
        #expect(output.stdout.contains(#"&lt;iframe src=x&gt;&lt;/iframe&gt; \*\*loud\*\*"#))
    }

    @Test("baseline --format markdown: the scenario's name and labels stay text")
    func baseline() throws {
        let output = try Self.markdown("baseline")
        Self.expectSafe(output.stdout, "baseline")
    }
}

import FairShareTestSupport
import Foundation
import Testing

/// Chromium for rendering: `FAIRSHARE_CHROMIUM`, else `chromium`, `chromium-browser` or `google-chrome` on PATH.
/// `make test` installs it (scripts/ensure-chromium.sh), so a missing browser fails these tests instead of
/// skipping them.
let chromium: URL? = {
    if let path = ProcessInfo.processInfo.environment["FAIRSHARE_CHROMIUM"], !path.isEmpty {
        return URL(fileURLWithPath: path)
    }
    return ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(installedProgram).first
}()

/// The width and height in a PNG's IHDR chunk; `nil` when `data` is not a PNG.
func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        bytes[12..<16] == [0x49, 0x48, 0x44, 0x52]
    else { return nil }
    func integer(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (integer(16), integer(20))
}

@Suite("report --html in a real browser: headless Chromium renders it")
struct HTMLReportRenderTests {
    static func browser() throws -> URL {
        try #require(
            chromium, "Chromium is missing: run scripts/ensure-chromium.sh (make test does), or set FAIRSHARE_CHROMIUM")
    }

    /// Chromium's headless run of `arguments` on `page`, with a profile of its own (runs may overlap).
    static func chromiumRun(_ arguments: [String], _ page: URL, in directory: URL) throws -> CommandOutput {
        let profile = directory.appendingPathComponent("profile-\(UUID().uuidString)")
        return try run(
            try browser(),
            ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(profile.path)"]
                + arguments + [page.absoluteString], in: directory)
    }

    @Test(
        "the Drechtsteden report renders to a PNG that is not blank, with its tables in the DOM",
        arguments: ["nl", "en"])
    func renders(language: String) throws {
        _ = try Self.browser()
        let directory = try temporaryDirectory("fairshare-render")
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report-\(language).html")
        let report = try fairshare(["report", "Scenarios/drechtsteden.json", "--lang", language, "--html", page.path])
        #expect(report.status == 0, "\(report)")

        // A blank page of the same size, for what an empty screenshot weighs.
        let blank = directory.appendingPathComponent("blank.html")
        try Data("<!DOCTYPE html><html><body></body></html>".utf8).write(to: blank)
        func screenshot(_ page: URL, _ name: String) throws -> Data {
            let png = directory.appendingPathComponent(name)
            let output = try Self.chromiumRun(
                ["--screenshot=\(png.path)", "--window-size=1280,2000"], page, in: directory)
            return try #require(try? Data(contentsOf: png), "no screenshot: \(output)")
        }
        let shot = try screenshot(page, "report-\(language).png")
        let empty = try screenshot(blank, "blank.png")
        let size = try #require(pngSize(shot))
        #expect(size.width == 1280 && size.height == 2000)
        // Text, tables and rules compress far worse than white: the report's PNG is many times the blank one's.
        #expect(shot.count > 8 * empty.count, "report \(shot.count) bytes, blank \(empty.count) bytes")
        if let keep = ProcessInfo.processInfo.environment["FAIRSHARE_SCREENSHOTS"] {
            try shot.write(to: URL(fileURLWithPath: keep).appendingPathComponent("report-\(language).png"))
        }

        // The DOM after Chromium parsed and laid it out: every table, with its rows, and both charts.
        let dom = try Self.chromiumRun(["--dump-dom"], page, in: directory).stdout
        for table in ["allocation", "open", "fair", "targets"] {
            #expect(dom.contains("<table class=\"\(table)\">"), "table \(table) missing from the rendered DOM")
        }
        let allocation = try #require(HTMLTable(dom, class: "allocation"))
        #expect(allocation.rows.count == 7 && allocation.totals.count == 1)
        #expect(dom.components(separatedBy: "<svg class=\"chart\"").count - 1 == 2)
    }

    @Test("it prints to A4 pages as a PDF")
    func prints() throws {
        _ = try Self.browser()
        let directory = try temporaryDirectory("fairshare-print")
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        _ = try fairshare(["report", "Scenarios/drechtsteden.json", "--lang", "nl", "--html", page.path])
        let pdf = directory.appendingPathComponent("report.pdf")
        let output = try Self.chromiumRun(
            ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"], page, in: directory)
        let data = try #require(try? Data(contentsOf: pdf), "no PDF: \(output)")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        // A4 is 210 × 297 mm, 595 × 842 points; each of the four major sections starts a page of its own.
        let boxes = HTMLTable.matches(#"/MediaBox \[0 0 ([0-9.]+ [0-9.]+)\]"#, in: text)
        #expect(!boxes.isEmpty)
        for box in boxes {
            let sides = box.split(separator: " ").compactMap { Double($0) }
            #expect(sides.count == 2 && abs(sides[0] - 595.3) < 1 && abs(sides[1] - 841.9) < 1, "\(box)")
        }
        #expect(boxes.count >= 5, "\(boxes.count) pages")
    }
}

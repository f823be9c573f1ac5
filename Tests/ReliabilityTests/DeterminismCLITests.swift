import FairShareEngine
import FairShareScenario
import FairShareSynthetic
import FairShareTestSupport
import Foundation
import Testing

/// The same file gives byte-identical JSON from the real `fairshare` process, across runs and across the order in
/// which the file lists its municipalities (the library version: FairShareEngineTests/DrechtstedenTests).
@Suite("Determinism of the CLI")
struct DeterminismCLITests {
    /// The scenario file with its municipalities in another order (and re-indented), as a new file.
    static func reordered(_ url: URL, into directory: URL, name: String, order: ([String]) -> [String]) throws -> URL {
        let document = try ScenarioLoader().document(contentsOf: url)
        var top = try #require(document.object)
        let municipalities = try #require(top["municipalities"]?.object)
        let keys = order(municipalities.keys)
        #expect(keys != municipalities.keys)
        top["municipalities"] = .object(JSONObject(keys.map { ($0, municipalities[$0]!) }))
        let file = directory.appendingPathComponent(name)
        // JSONWriter keeps every other object's order (segment order is meaningful: it orders the results).
        try Data(JSONWriter.text(.object(top)).utf8).write(to: file)
        return file
    }

    static let cases: [(file: String, variant: String?)] = [
        ("drechtsteden", nil), ("drechtsteden", "max-norm"), ("drechtsteden", "whole-homes"), ("three-towns", nil),
        ("synthetic-60", nil),
    ]

    @Test(
        "solve --format json: identical across 3 runs, reversed and shuffled municipalities",
        arguments: cases.indices)
    func identical(_ index: Int) throws {
        let (file, variant) = Self.cases[index]
        let directory = try temporaryDirectory("fairshare-reliability")
        defer { try? FileManager.default.removeItem(at: directory) }
        var url = Repository.root.appendingPathComponent("Scenarios/\(file).json")
        if file.hasPrefix("synthetic") {
            url = directory.appendingPathComponent("synthetic.json")
            try Data(JSONWriter.text(SyntheticRegion.document(municipalities: 60, seed: 11)).utf8).write(to: url)
        }
        var generator = SystemRandomNumberGenerator()
        let files = [
            url, url, url,
            try Self.reordered(url, into: directory, name: "reversed.json") { $0.reversed() },
            try Self.reordered(url, into: directory, name: "shuffled.json") { keys in
                var shuffled = keys
                while shuffled == keys { shuffled.shuffle(using: &generator) }
                return shuffled
            },
        ]
        var outputs: [String] = []
        for file in files {
            let run = try ProcessRun.run(
                builtFairshare(),
                ["solve", file.path, "--format", "json"] + (variant.map { ["--variant", $0] } ?? []))
            #expect(run.status == 0, "\(run)")
            outputs.append(run.stdoutText)
        }
        #expect(outputs[0].contains("\"status\""))
        for (position, output) in outputs.enumerated() {
            #expect(output == outputs[0], "run \(position) of \(file) \(variant ?? "") differs")
        }
    }
}

import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// The huge hostile inputs, generated at test time (a 50 MB file is not committed): each is refused with exit
/// status 2 and a bounded message, in bounded time and memory, by the CLI process and by the library.
@Suite("Huge hostile inputs")
struct HugeInputTests {
    /// A generated file and what its error must contain.
    struct Huge: Sendable, CustomTestStringConvertible {
        let name: String
        let places: [String]
        let bytes: @Sendable () -> [UInt8]
        var testDescription: String { name }
    }

    static let head = #"{"format": "fairshare-scenario/1", "name": "huge", "segments": {"a": {}}, "#

    /// `count` municipalities, each `{"name": "M<i>"}` with an id made by `id`.
    static func municipalities(_ count: Int, id: @escaping @Sendable (Int) -> String) -> [UInt8] {
        var text = head + #""municipalities": {"#
        text.reserveCapacity(count * 32)
        for index in 0..<count {
            if index > 0 { text += ", " }
            text += "\"\(id(index))\": {\"name\": \"M\(index)\"}"
        }
        return Array((text + "}}").utf8)
    }

    static let cases: [Huge] = [
        Huge(name: "100,000-deep arrays", places: ["[0][0][0]", "nesting deeper than 64 levels"]) {
            Array(String(repeating: "[", count: 100_000).utf8) + Array(String(repeating: "]", count: 100_000).utf8)
        },
        Huge(name: "100,000-deep objects", places: ["a.a.a.a", "nesting deeper than 64 levels"]) {
            Array((String(repeating: #"{"a": "#, count: 100_000) + "1" + String(repeating: "}", count: 100_000)).utf8)
        },
        Huge(name: "50 MB file", places: ["52428800", "ScenarioLimits.maximumFileSize"]) {
            let opening = head + #""description": ""#
            let filler = 50 * 1024 * 1024 - opening.utf8.count - 2
            return Array(opening.utf8)
                + [UInt8](repeating: UInt8(ascii: "x"), count: filler) + Array(#""}"#.utf8)
        },
        Huge(name: "100,000 municipalities", places: ["municipalities: 100000 municipalities; at most 10000"]) {
            municipalities(100_000) { "GM\($0)" }
        },
        Huge(
            name: "100,000 invalid municipality ids",
            places: [
                "(100000 problems)", #"municipalities["GM 0"]: invalid id"#, "… and 99900 more problems",
            ]
        ) {
            municipalities(100_000) { "GM \($0)" }
        },
        Huge(name: "an id of 1,000,000 characters", places: ["municipalities.GGGG", "…", "invalid id"]) {
            municipalities(1) { _ in String(repeating: "G", count: 1_000_000) }
        },
        Huge(name: "a duplicate key of 100,000 characters", places: ["duplicate key \"kkkk", "…\" in one object"]) {
            let key = String(repeating: "k", count: 100_000)
            return Array(#"{"\#(key)": 1, "\#(key)": 2}"#.utf8)
        },
    ]

    @Test("fairshare validate and solve: exit 2, bounded message, time and memory", arguments: cases)
    func cliRefuses(_ huge: Huge) throws {
        let directory = try temporaryDirectory("fairshare-reliability")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("huge.json")
        try Data(huge.bytes()).write(to: file)
        for command in ["validate", "solve"] {
            let run = try ProcessRun.run(builtFairshare(), [command, file.path])
            #expect(run.status == 2, "\(command): \(run)")
            for place in huge.places { #expect(run.stderrText.contains(place), "\(command): \(run)") }
            #expect(run.stderr.count <= HostileBounds.messageBytes, "\(command): \(run)")
            #expect(run.stderrText.split(separator: "\n").count <= ScenarioError.maximumIssuesShown + 2)
            #expect(run.seconds < HostileBounds.seconds, "\(command): \(run)")
            #expect(run.peakKilobytes < HostileBounds.peakKilobytes, "\(command): \(run)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test("ScenarioLoader.load(data:): a bounded ScenarioError", arguments: cases)
    func libraryRefuses(_ huge: Huge) throws {
        let bytes = huge.bytes()
        let clock = ContinuousClock()
        let start = clock.now
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader().load(data: bytes) }
        #expect(clock.now - start < .seconds(HostileBounds.seconds))
        let message = try #require(error).description
        for place in huge.places { #expect(message.contains(place), "\(message.prefix(600))") }
        #expect(message.utf8.count <= HostileBounds.messageBytes)
    }

    @Test("the CLI's --max-municipalities, --max-file-size and --max-depth raise and lower the limits")
    func cliLimitOptions() throws {
        let directory = try temporaryDirectory("fairshare-reliability")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("big.json")
        try Data(Self.municipalities(20_000) { "GM\($0)" }).write(to: file)
        let refused = try ProcessRun.run(builtFairshare(), ["validate", file.path])
        #expect(refused.status == 2 && refused.stderrText.contains("at most 10000"), "\(refused)")
        let raised = try ProcessRun.run(
            builtFairshare(),
            ["validate", file.path, "--max-municipalities", "20000"])
        #expect(raised.status == 0, "\(raised)")
        #expect(raised.stdoutText.contains("20000 municipalities"), "\(raised)")
        let small = try ProcessRun.run(
            builtFairshare(),
            ["solve", file.path, "--max-municipalities", "20000", "--max-file-size", "1000"])
        #expect(small.status == 2 && small.stderrText.contains("ScenarioLimits.maximumFileSize"), "\(small)")
        let shallow = try ProcessRun.run(
            builtFairshare(),
            ["validate", file.path, "--max-municipalities", "20000", "--max-depth", "1"])
        #expect(shallow.status == 2 && shallow.stderrText.contains("nesting deeper than 1 levels"), "\(shallow)")
        let beyond = try ProcessRun.run(builtFairshare(), ["validate", file.path, "--max-depth", "500"])
        #expect(beyond.status == 1 && beyond.stderrText.contains("at most 128"), "\(beyond)")
    }

    @Test("a device or pipe of endless bytes is cut off at the size limit")
    func endlessInput() throws {
        let run = try ProcessRun.run(builtFairshare(), ["validate", "/dev/zero"])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderrText.contains("ScenarioLimits.maximumFileSize"), "\(run)")
        #expect(run.peakKilobytes < HostileBounds.peakKilobytes, "\(run)")
        #expect(throws: ScenarioError.self) {
            _ = try ScenarioLoader(limits: ScenarioLimits(maximumFileSize: 1 << 20))
                .load(contentsOf: URL(fileURLWithPath: "/dev/zero"))
        }
    }

    @Test("Foundation's JSONDecoder path (Scenario: Decodable) refuses 100,000-deep nesting without a crash")
    func codableDeepNesting() throws {
        let deep = Data(
            (String(repeating: #"{"a": "#, count: 100_000) + "1" + String(repeating: "}", count: 100_000)).utf8)
        #expect(throws: (any Error).self) { _ = try JSONDecoder().decode(Scenario.self, from: deep) }
        let arrays = Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        #expect(throws: (any Error).self) { _ = try JSONDecoder().decode(Scenario.self, from: arrays) }
        // Within Foundation's own limit (512) but over fairshare's ceiling: refused by JSONValue's decoder.
        let levels = JSONParser.depthCeiling + 10
        let over = Data((String(repeating: "[", count: levels) + String(repeating: "]", count: levels)).utf8)
        let error = #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(JSONValue.self, from: over) }
        #expect("\(error.map { $0 } as Any)".contains("JSONParser.depthCeiling"))
        let within = Data((String(repeating: "[", count: 100) + String(repeating: "]", count: 100)).utf8)
        #expect(throws: Never.self) { _ = try JSONDecoder().decode(JSONValue.self, from: within) }
    }
}

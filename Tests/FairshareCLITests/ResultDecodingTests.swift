import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// Every result document the CLI writes reads back to the value the library computes.
@Suite("Reading stored results")
struct ResultDecodingTests {
    /// Every scenario file and variant the CLI tests use, and what each exercises of the format.
    static var runs: [(file: String, variant: String?)] {
        var runs: [(String, String?)] = []
        let files = [
            "Scenarios/three-towns.json", "Scenarios/drechtsteden.json", CLITestSupport.infeasible,
            DottedIDTests.file, "Tests/FairshareCLITests/Scenarios/awkward-names.json", MonitorTests.categories,
        ]
        for file in files {
            runs.append((file, nil))
            let url = Repository.root.appendingPathComponent(file)
            for variant in (try? ScenarioLoader().load(contentsOf: url))?.variants ?? [] {
                runs.append((file, variant.id))
            }
        }
        return runs
    }

    @Test("solve --format json, every scenario and variant: decodes to the library's result, through any decoder")
    func decodesToTheOriginal() throws {
        var kinds: Set<String> = []
        for (file, variant) in Self.runs {
            let label = "\(file) \(variant ?? "")"
            let output = try fairshare(
                ["solve", file, "--format", "json"] + (variant.map { ["--variant", $0] } ?? []))
            let decoded = try FairShareResult(jsonText: output.stdout)
            let original = try CLITestSupport.libraryResult(file, variant: variant)
            #expect(decoded == original, "\(label)")
            #expect(decoded.jsonText + "\n" == output.stdout || decoded.jsonText == output.stdout, "\(label)")
            // Foundation's decoder reports members sorted by name; the result still comes back equal.
            let viaFoundation = try JSONDecoder().decode(FairShareResult.self, from: Data(output.stdout.utf8))
            #expect(viaFoundation == original, "\(label)")
            let reencoded = try JSONEncoder().encode(original)
            #expect(try JSONDecoder().decode(FairShareResult.self, from: reencoded) == original, "\(label)")
            if original.diagnosis != nil { kinds.insert("diagnosis") }
            if original.wholeNumbers != nil { kinds.insert("wholeNumbers") }
            if original.fairnessProfile != nil { kinds.insert("fairnessProfile") }
            if original.municipalities.contains(where: { !$0.alternatives.isEmpty }) { kinds.insert("alternatives") }
            if original.municipalities.contains(where: { !$0.obligations.isEmpty }) { kinds.insert("obligations") }
            if !original.warnings.isEmpty { kinds.insert("warnings") }
            if original.municipalities.contains(where: { $0.ranges != nil }) { kinds.insert("ranges") }
            if original.periods.contains(where: { !$0.region.tasks.isEmpty }) { kinds.insert("periods") }
        }
        // The runs above cover every optional part of the format (else this test would prove less than it says).
        #expect(
            kinds == [
                "diagnosis", "wholeNumbers", "fairnessProfile", "alternatives", "obligations", "warnings", "ranges",
                "periods",
            ])
    }

    @Test("a damaged result is refused with the path of the damage")
    func damaged() throws {
        let output = try fairshare(["solve", "Scenarios/three-towns.json", "--format", "json"])
        let document = try JSONParser().parse(output.stdout)
        let broken = document.setting(.string("many"), at: "municipalities.A.total")
        #expect(
            throws: ResultDecodingError(path: "municipalities.A.total", message: "expected a number, found a string")
        ) {
            try FairShareResult(json: broken)
        }
        #expect(throws: ResultDecodingError.self) { try FairShareResult(json: document.setting(.null, at: "ids")) }
    }
}

// The libFuzzer target: every input is treated as a scenario file and pushed as far as it goes through
// decode → validate → (variants) → solve → result JSON → reports. Compiled with `-parse-as-library`: the entry
// point below starts libFuzzer's driver (SwiftPM links an executable's entry point as `FairShareFuzz_main`,
// which replaces libFuzzer's own `main`). See Fuzz/README.md.
//
// Besides crashes (traps, sanitizer reports, GLPK's abort()), the target fails loudly when fairshare would lie:
// - a refused file must come with at least one problem, and a bounded message;
// - a result must be valid JSON that our strict parser reads back (no NaN, no Infinity);
// - a solve must never report that its own allocation violates a requirement ("please report this as a bug");
// - the same scenario solved twice must give byte-identical JSON.
import CFuzzerDriver
import FairShareEngine
import FairShareReport
import FairShareScenario
import Foundation

/// Caps that keep each input fast (libFuzzer needs thousands of inputs a minute), not limits of fairshare.
enum FuzzCaps {
    static let limits = ScenarioLimits(maximumFileSize: 64 << 10, maximumMunicipalities: 30, maximumDepth: 64)
    /// Seconds of solver time per solve (the scenario's own `solver.timeLimit` is lowered to this).
    static let timeLimit = 0.5
    /// Variants solved per input.
    static let variants = 3
    /// Largest error message accepted: 100 problems of at most 2 × 240 escaped characters each, with margin.
    static let messageBytes = 400_000
}

@_cdecl("FairShareFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    // FAIRSHARE_FUZZ_MODE=edits: the bytes are numeric edits of valid scenarios (see EditFuzz), which reach the
    // solver far more often than raw bytes do. FAIRSHARE_FUZZ_MODE=exact: the same edits, and each level optimum
    // compared with an exact solve (see ExactFuzz). Otherwise (or `bytes`): the bytes are a scenario file.
    switch ProcessInfo.processInfo.environment["FAIRSHARE_FUZZ_MODE"] ?? "bytes" {
    case "edits":
        return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            EditFuzz.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        }
    case "exact":
        atexit { ExactFuzz.printCounts() }
        return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            ExactFuzz.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        }
    case "bytes":
        return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzRun.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        }
    case let other:
        FileHandle.standardError.write(Data("FAIRSHARE_FUZZ_MODE=\(other): use bytes, edits or exact\n".utf8))
        return 2
    }
}

enum FuzzRun {
    static func run(_ bytes: [UInt8]) {
        let loader = ScenarioLoader(limits: FuzzCaps.limits)
        // The Codable path too (Foundation's JSON decoder, then the same validation), for inputs it accepts.
        if bytes.count <= 4096, let decoded = try? JSONDecoder().decode(Scenario.self, from: Data(bytes)) {
            _ = decoded.municipalities.count
        }
        let scenario: Scenario
        do {
            scenario = try loader.load(data: bytes)
        } catch {
            check(error)
            return
        }
        solve(scenario)
        for variant in scenario.variants.prefix(FuzzCaps.variants) {
            do {
                solve(try loader.applying(variant: variant.id, to: scenario))
            } catch {
                check(error)
            }
        }
    }

    static func check(_ error: ScenarioError) {
        guard !error.issues.isEmpty else { fatalError("a ScenarioError without problems") }
        let message = error.description
        guard message.utf8.count <= FuzzCaps.messageBytes else {
            fatalError("an error message of \(message.utf8.count) bytes for \(error.issues.count) problems")
        }
    }

    static func solve(_ original: Scenario) {
        // Valid before, valid with a shorter limit: a throw here is a bug of the edit API.
        guard let scenario = try? original.edited({ $0.solver.timeLimit = min($0.solver.timeLimit, FuzzCaps.timeLimit) })
        else { fatalError("a valid scenario became invalid with a shorter time limit") }
        let result = FairShare.solve(scenario)
        if case .violatedRequirement(let failure)? = result.failure {
            fatalError("fairshare reported a wrong allocation: \(failure)")
        }
        let json = result.jsonText
        do {
            _ = try JSONParser().parse(json)
        } catch {
            fatalError("the result is not valid JSON: \(error)\n\(json.prefix(2000))")
        }
        let report = AllocationReport(result: result, scenario: scenario)
        _ = report.text()
        _ = report.markdown()
        // Determinism: only for LPs (a MIP stopped by the time limit legitimately depends on the clock).
        if !scenario.solver.integer && result.status != .timeLimit {
            let again = FairShare.solve(scenario)
            if again.status != .timeLimit && again.jsonText != json {
                fatalError("two solves of the same scenario differ:\n\(json.prefix(2000))\n---\n"
                    + "\(again.jsonText.prefix(2000))")
            }
        }
    }
}

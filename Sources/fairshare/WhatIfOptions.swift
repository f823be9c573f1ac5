import ArgumentParser
import FairShareScenario

/// `--set PATH=VALUE` (repeatable) and `--time-limit SECONDS`: what-ifs without editing the file. Applied after
/// `--variant`, in order, each validated again like a sweep's value (docs/model.md §2, paths).
struct WhatIfOptions: ParsableArguments {
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Change one value before solving; repeatable. PATH as fairshare prints paths "
                + "(region.targets.social-30.minShare, municipalities.GM0505.newHomes.max); VALUE a JSON value "
                + "(0.35, {\"min\": 100}, null), or a word taken as text (fairness.norm=max).",
            valueName: "PATH=VALUE"))
    var settings: [String] = []

    @Option(
        help: ArgumentHelp(
            "The solve's time limit in seconds (sets solver.timeLimit; at most 1,000,000).", valueName: "seconds"))
    var timeLimit: Double?

    /// One parsed `--set`.
    struct Setting {
        var text: String
        var path: JSONPath
        var value: JSONValue
    }

    /// The parsed `--set`s; `nil` entries could not be parsed.
    var parsed: [Setting?] {
        settings.map { text in
            guard let equals = text.firstIndex(of: "="), let path = JSONPath(parsing: String(text[..<equals])) else {
                return nil
            }
            let raw = String(text[text.index(after: equals)...])
            let value = (try? JSONParser().parse(raw)) ?? .string(raw)
            return Setting(text: text, path: path, value: value)
        }
    }

    func validate() throws {
        for (text, setting) in zip(settings, parsed) where setting == nil {
            throw ValidationError(
                "--set must be PATH=VALUE with PATH as fairshare prints paths, e.g. "
                    + "region.targets.social-30.minShare=0.35 or municipalities[\"gm.0505\"].newHomes.max=500; "
                    + "got '\(text)'")
        }
        if let timeLimit, !(timeLimit > 0 && timeLimit <= 1_000_000) {
            throw ValidationError("--time-limit must be more than 0 and at most 1,000,000 seconds; got \(timeLimit)")
        }
    }

    /// Whether any what-if is asked for.
    var isEmpty: Bool { settings.isEmpty && timeLimit == nil }

    /// How the result names what was changed: `region.targets.social-30.minShare=0.35, --time-limit 5`.
    var label: String {
        (settings + (timeLimit.map { ["--time-limit \($0.formatted())"] } ?? [])).joined(separator: ", ")
    }

    /// `scenario` with every `--set` and the time limit applied, validated again.
    /// - Throws: ``ExitStatus/invalidScenario`` after listing the problems of a value that makes it invalid.
    func apply(to scenario: Scenario, file: String, limits: ScenarioLimits) throws -> Scenario {
        var changed = scenario
        var all = parsed.compactMap { $0 }
        if let timeLimit {
            all.append(
                Setting(
                    text: "--time-limit \(timeLimit)", path: JSONPath(members: ["solver", "timeLimit"]),
                    value: .number(timeLimit)))
        }
        for setting in all {
            do {
                changed = try changed.setting(setting.value, at: setting.path, limits: limits)
            } catch {
                Terminal.error("\(file) with \(setting.text): " + error.description)
                throw ExitStatus.invalidScenario
            }
        }
        return changed
    }
}

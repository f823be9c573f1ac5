import FairShareEngine
import FairShareScenario
import FairShareSynthetic
import Foundation

/// The scenarios the benchmarks solve: the real Drechtsteden file, its what-if variants, and synthetic regions.
public enum Fixtures {
    /// The repository's root (this file is `Benchmarks/Sources/BenchmarkSupport/Fixtures.swift`).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Scenarios/drechtsteden.json`.
    public static let drechtstedenURL = repositoryRoot.appendingPathComponent("Scenarios/drechtsteden.json")

    /// The municipality counts of issue 6.
    public static let syntheticSizes = [7, 40, 342, 2000]

    /// The Drechtsteden scenario, loaded and validated.
    public static func drechtsteden(variant: String? = nil) -> Scenario {
        let loader = ScenarioLoader()
        do {
            let base = try loader.load(contentsOf: drechtstedenURL)
            guard let variant else { return base }
            return try loader.applying(variant: variant, to: base)
        } catch {
            fatalError("cannot load \(drechtstedenURL.path): \(error)")
        }
    }

    /// A synthetic region's document (``SyntheticRegion/document(municipalities:seed:)``). With `lexicographic`,
    /// its two targets are soft and fairness uses norm `max`, so it has all three levels (shortfall, fairness,
    /// tiebreak) instead of one.
    public static func syntheticDocument(_ count: Int, lexicographic: Bool = false) -> JSONValue {
        let document = SyntheticRegion.document(municipalities: count)
        guard lexicographic else { return document }
        return document.mergePatched(with: object([
            ("fairness", object([("norm", .string("max"))])),
            ("region", object([("targets", object([
                ("social-30", object([("mode", .string("soft"))])),
                ("affordable-2-3", object([("mode", .string("soft"))])),
            ]))])),
        ]))
    }

    /// The validated scenario of ``syntheticDocument(_:lexicographic:)``.
    public static func synthetic(_ count: Int, lexicographic: Bool = false) -> Scenario {
        var limits = ScenarioLimits()
        limits.maximumMunicipalities = max(limits.maximumMunicipalities, count)
        do {
            return try ScenarioLoader(limits: limits).read(syntheticDocument(count, lexicographic: lexicographic))
        } catch {
            fatalError("synthetic region of \(count) municipalities is invalid: \(error)")
        }
    }

    /// A harder synthetic region: statushouders a soft requirement keyed on population and social-rent stock
    /// (a composite key), and the care quality with a maximum as well as a minimum.
    public static func harder(_ count: Int) -> Scenario {
        let patch = object([
            ("priorityGroups", object([("statushouders", object([
                ("mode", .string("soft")),
                ("key", object([("population", .number(1)), ("stock.social-rent", .number(1))])),
            ]))])),
        ])
        var limits = ScenarioLimits()
        limits.maximumMunicipalities = max(limits.maximumMunicipalities, count)
        do {
            return try ScenarioLoader(limits: limits).read(syntheticDocument(count).mergePatched(with: patch))
        } catch {
            fatalError("harder synthetic region of \(count) municipalities is invalid: \(error)")
        }
    }

    /// A synthetic region cut into `periods` yearly periods (``SyntheticRegion/scenario(municipalities:seed:periods:)``,
    /// seed 1; 0: no periods at all), reporting `allocation`, with a time limit of 600 s for the central
    /// allocation of large regions.
    public static func phased(
        _ count: Int, periods: Int, allocation: SolverSettings.Allocation = .any
    ) -> Scenario {
        do {
            return try SyntheticRegion.scenario(municipalities: count, periods: periods).edited {
                $0.solver.allocation = allocation
                $0.solver.timeLimit = 600
            }
        } catch {
            fatalError("synthetic region of \(count) municipalities and \(periods) periods is invalid: \(error)")
        }
    }

    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { (key: $0.0, value: $0.1) }))
    }
}

import FairShareScenario
import GLPKSolver
import LinearModel

/// Why a scenario has no solution, in its own terms: the smallest set of hard requirements to relax, each with
/// its JSON path, its current value and a value that would do.
///
/// Found with an elastic relaxation of every hard requirement: each gets a violation variable (homes or
/// placements). Minimising the weighted sum of violations gives a smallest change. A change counts per home or
/// placement, or per share point for a share requirement, and a change to a municipality's own requirement counts
/// double, because regional targets are what a region negotiates. A second pass then drops, one at a time, every
/// relaxation that is not needed (municipalities' first). The suggested values are rounded in the relaxing
/// direction (whole homes, 0.001 for shares), and the scenario with every change applied is solved again to
/// check the diagnosis.
public struct Diagnosis: Sendable, Hashable {
    /// One requirement to relax.
    public struct Change: Sendable, Hashable, CustomStringConvertible {
        public var requirement: Requirement
        /// The value that would do (homes, placements or a share in [0, 1]).
        public var suggested: Double

        /// `suggested − current`.
        public var difference: Double { suggested - requirement.value }

        /// `municipalities.GM0610.limits.social-rent.max: 150 → 212 (+62)`,
        /// `region.targets.social-30.minShare: 0.3 → 0.281 (-0.019)`.
        public var description: String {
            // Whole homes and 0.001 of a share as a rule, but every digit of a value that is not (1000.000001).
            func show(_ value: Double) -> String {
                let step = requirement.unit == .share ? 1000.0 : 1
                let rounded = (value * step).rounded() / step
                return JSONWriter.number(abs(value - rounded) < 1e-9 ? rounded : FairShare.clean(value))
            }
            let sign = difference > 0 ? "+" : ""
            return "\(requirement.path): \(show(requirement.value)) → \(show(suggested)) (\(sign)\(show(difference)))"
        }
    }

    /// The changes, in the order of the scenario's requirements.
    public var changes: [Change]
    /// A JSON Merge Patch that applies every change (paste it into `variants` to try it).
    public var patch: JSONValue
    /// Whether the scenario with every change applied solved with status optimal (checked, not assumed).
    public var verified: Bool
    /// Why there are no ``changes``, when there are none (`unavailable` in the result); `nil` otherwise.
    public var unavailable: Unavailable?

    /// Why an infeasible scenario has no smallest change.
    public enum Unavailable: String, Error, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// The search for the smallest change ran out of its time (`solver.timeLimit`, a budget of its own).
        case timeLimit = "time-limit"
        /// GLPK found no optimum of the relaxed programme, in floating-point nor in exact arithmetic.
        case solverFailed = "solver-failed"
        /// The relaxed programme needs no change at the precision of the scenario's numbers (in exact arithmetic
        /// when the floating-point search found none), so the solver's "infeasible" came from its tolerances.
        case noChangeNeeded = "no-change-needed"
        /// The solve did not search (a point of a sweep, the check of a diagnosis).
        case notSearched = "not-searched"

        public var description: String {
            switch self {
            case .timeLimit: "the search for the smallest change ran out of time (solver.timeLimit)"
            case .solverFailed: "the solver found no optimum of the relaxed programme, not even in exact arithmetic"
            case .noChangeNeeded:
                "no requirement needs to change at the precision of the scenario's numbers; the solver's tolerances "
                    + "called it infeasible"
            case .notSearched: "not searched for here; solve the scenario on its own to get the smallest change"
            }
        }
    }

    /// A diagnosis with these parts.
    public init(changes: [Change], patch: JSONValue, verified: Bool, unavailable: Unavailable? = nil) {
        self.changes = changes
        self.patch = patch
        self.verified = verified
        self.unavailable = unavailable
    }

    /// Diagnoses an infeasible scenario: the smallest change, or, when there is none, ``unavailable`` says why.
    ///
    /// The relaxation is solved in floating point first; when that finds no optimum or no change, it is solved
    /// again in exact rational arithmetic (GLPK's `glp_exact`, continuous scenarios only), where a requirement
    /// a millionth of a home out of reach (a region minimum 10^-6 above capacity) still shows.
    public static func diagnose(_ scenario: Scenario) -> Diagnosis {
        // Its own budget of solver.timeLimit for every solve below: the elastic programme of an integer scenario is
        // a MIP, and without a limit it ran for as long as branch-and-cut takes (found by fuzzing).
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int64(min(scenario.solver.timeLimit, 1e9) * 1000))
        func remaining() -> Double {
            let left = (deadline - clock.now).components
            return max(0.001, Double(left.seconds) + Double(left.attoseconds) * 1e-18)
        }
        let formulation = Formulation(scenario, elastic: true)
        let search = DiagnosisSearch(formulation: formulation, scenario: scenario, remaining: remaining)
        var found = search.run(exact: false)
        if (try? found.get())?.isEmpty != false, search.canBeExact { found = search.run(exact: true) }
        let rows: [DiagnosisSearch.Relaxation]
        switch found {
        case .failure(let reason):
            return Diagnosis(changes: [], patch: .object(JSONObject()), verified: false, unavailable: reason)
        case .success(let list): rows = list
        }
        var changes: [Change] = []
        for (row, violation, denominator) in rows {
            let requirement = row.requirement
            let step = requirement.unit == .share ? (denominator > 1e-9 ? violation / denominator : 1) : violation
            var suggested = requirement.relaxesDownward ? requirement.value - step : requirement.value + step
            if requirement.unit == .share {
                let thousandths = suggested * 1000
                let nearest = thousandths.rounded()
                let rounded =
                    abs(thousandths - nearest) <= 1e-6
                    ? nearest
                    : (requirement.relaxesDownward ? thousandths.rounded(.down) : thousandths.rounded(.up))
                suggested = rounded / 1000
                suggested = min(1, max(0, suggested))
            } else {
                // Whole homes in the relaxing direction; solver noise (1100.0000001) is not a reason for one more.
                let nearest = suggested.rounded()
                if abs(suggested - nearest) > 1e-6 {
                    suggested = requirement.relaxesDownward ? suggested.rounded(.down) : suggested.rounded(.up)
                } else {
                    suggested = nearest
                }
                suggested = max(requirement.lowestValue, suggested)
            }
            if suggested != requirement.value { changes.append(Change(requirement: requirement, suggested: suggested)) }
        }
        let patch = Self.patch(for: changes, of: scenario.document)
        let verified: Bool
        let relaxedDocument = scenario.document.mergePatched(with: patch)
            .setting(.number(remaining()), at: ["solver", "timeLimit"])
        if let relaxed = try? ScenarioLoader().read(relaxedDocument) {
            verified = FairShare.solve(relaxed, diagnose: false).status == .optimal
        } else {
            verified = false
        }
        if changes.isEmpty {
            return Diagnosis(changes: [], patch: patch, verified: false, unavailable: .noChangeNeeded)
        }
        return Diagnosis(changes: changes, patch: patch, verified: verified)
    }

    /// No changes, because the solve did not search for them (``Unavailable/notSearched``).
    static let notSearched = Diagnosis(
        changes: [], patch: .object(JSONObject()), verified: false, unavailable: .notSearched)

    /// The weight of one unit of violation (a home or placement) in the smallest-change objective.
    static func weight(of row: RequirementRow, in formulation: Formulation, scenario: Scenario) -> Double {
        var weight = 1.0
        if row.requirement.unit == .share, let denominator = row.denominator {
            // Per share point: one home of violation is 100 / D share points, with D at a typical size.
            weight = 100 / max(1, denominator.value(at: typicalSizes(formulation, scenario)))
        }
        // Homes already realised are facts, not choices: relax them only when nothing else will do.
        if row.requirement.path.components.contains("realised") { weight *= 10 }
        return row.requirement.municipality == nil ? weight : 2 * weight
    }

    /// A typical point to size share denominators: each municipality building its capacity (or its minimum, or
    /// 1% of its stock), spread evenly over the segments.
    static func typicalSizes(_ formulation: Formulation, _ scenario: Scenario) -> [Double] {
        var values = [Double](repeating: 0, count: formulation.model.variables.count)
        var region = 0.0
        for (i, municipality) in scenario.municipalities.enumerated() {
            let range = municipality.newHomes
            let size = range.max.isFinite ? range.max : max(range.min, municipality.totalStock * 0.01, 1)
            values[formulation.totals[i].index] = size
            for x in formulation.newHomes[i] { values[x.index] = size / Double(max(1, scenario.segments.count)) }
            region += size
        }
        values[formulation.regionalTotal.index] = region
        return values
    }

    /// Whether a violation is a change rather than solver noise; in exact arithmetic every positive one is.
    static func isPositive(_ violation: Double, _ requirement: Requirement, exact: Bool = false) -> Bool {
        exact ? violation > 0 : violation > 1e-7 * max(1, requirement.unit == .share ? 1 : abs(requirement.value))
    }

    /// A merge patch setting every suggested value. A `Range` written as one number becomes `{"min", "max"}`, and
    /// an array element (an either-or option) is patched by writing the whole array, as RFC 7396 replaces arrays.
    static func patch(for changes: [Change], of document: JSONValue) -> JSONValue {
        var patch = JSONValue.object(JSONObject())
        for change in changes {
            let path = change.requirement.path
            let value = JSONValue.number(change.suggested)
            if let position = path.components.firstIndex(where: { $0.name == nil }) {
                let arrayPath = JSONPath(Array(path.components[..<position]))
                let array = patch.value(at: arrayPath) ?? effectiveValue(at: arrayPath, in: document) ?? .array([])
                patch = patch.setting(array.setting(value, at: path.dropFirst(position)), at: arrayPath)
                continue
            }
            let parent = path.dropLast()
            if let last = path.last?.name, last == "min" || last == "max",
                case .number(let exact)? = effectiveValue(at: parent, in: document)
            {
                let current =
                    patch.value(at: parent)
                    ?? .object(
                        JSONObject([
                            ("min", .number(exact)),
                            ("max", .number(exact)),
                        ]))
                patch = patch.setting(current.setting(value, at: JSONPath(members: [last])), at: parent)
            } else {
                patch = patch.setting(value, at: path)
            }
        }
        return patch
    }

    /// The value at a path as the scenario reads it: a municipality's own value, or its default.
    static func effectiveValue(at path: JSONPath, in document: JSONValue) -> JSONValue? {
        if path.components.count >= 2, path.components[0] == "municipalities",
            let defaults = document.value(at: ["municipalityDefaults"]),
            let own = document.value(at: JSONPath(Array(path.components.prefix(2))))
        {
            return defaults.mergePatched(with: own).value(at: path.dropFirst(2))
        }
        return document.value(at: path)
    }
}

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
            func show(_ value: Double) -> String {
                requirement.unit == .share
                    ? JSONWriter.number((value * 1000).rounded() / 1000)
                    : JSONWriter.number(value.rounded())
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

    /// Diagnoses an infeasible scenario; `nil` when even the relaxation fails (which would be a bug).
    public static func diagnose(_ scenario: Scenario) -> Diagnosis? {
        // Its own budget of solver.timeLimit for every solve below: the elastic programme of an integer scenario is
        // a MIP, and without a limit it ran for as long as branch-and-cut takes (found by fuzzing).
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int64(min(scenario.solver.timeLimit, 1e9) * 1000))
        func remaining() -> Double {
            let left = (deadline - clock.now).components
            return max(0.001, Double(left.seconds) + Double(left.attoseconds) * 1e-18)
        }
        func options() -> SolverOptions {
            SolverOptions(timeLimit: remaining(), mipGap: scenario.solver.integer ? scenario.solver.mipGap : 0)
        }
        let formulation = Formulation(scenario, elastic: true)
        let rows = formulation.requirements
        let weights = rows.map { weight(of: $0, in: formulation, scenario: scenario) }
        var objective = LinearExpression()
        for (row, weight) in zip(rows, weights) {
            if let violation = row.elastic { objective.add(violation, times: weight) }
        }
        var model = formulation.model
        model.minimize(objective)
        let found: [(row: RequirementRow, violation: Double, denominator: Double)]? =
            try? GLPKProblem.withProblem(
                for: model
            ) { problem in
                // Pass 1: the smallest weighted change.
                var solution = try problem.solve(options())
                guard solution.status == .optimal else { return nil }
                var needed: [Int] = []
                for (index, row) in rows.enumerated() {
                    guard let violation = row.elastic else { continue }
                    if isPositive(solution[violation], row.requirement) {
                        needed.append(index)
                    } else {
                        try problem.setBounds(of: violation, lowerBound: 0, upperBound: 0)
                    }
                }
                // Pass 2: drop every relaxation that is not needed, municipalities' own requirements first.
                let order = needed.sorted {
                    (rows[$0].requirement.municipality == nil ? 1 : 0, $0)
                        < (rows[$1].requirement.municipality == nil ? 1 : 0, $1)
                }
                for index in order where needed.count > 1 {
                    guard let violation = rows[index].elastic else { continue }
                    try problem.setBounds(of: violation, lowerBound: 0, upperBound: 0)
                    if try problem.solve(options()).status == .optimal {
                        needed.removeAll { $0 == index }
                    } else {
                        try problem.setBounds(of: violation, lowerBound: 0, upperBound: .infinity)
                    }
                }
                solution = try problem.solve(options())
                guard solution.status == .optimal else { return nil }
                return needed.compactMap { index in
                    guard let violation = rows[index].elastic else { return nil }
                    let denominator = rows[index].denominator.map { solution.value(of: $0) } ?? 1
                    return (rows[index], solution[violation], denominator)
                }
            } ?? nil
        guard let found else { return nil }

        var changes: [Change] = []
        for (row, violation, denominator) in found {
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
        return Diagnosis(changes: changes, patch: patch, verified: verified)
    }

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

    static func isPositive(_ violation: Double, _ requirement: Requirement) -> Bool {
        violation > 1e-7 * max(1, requirement.unit == .share ? 1 : abs(requirement.value))
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

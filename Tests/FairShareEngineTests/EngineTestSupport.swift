import FairShareScenario
import FairShareTestSupport
import Testing

@testable import FairShareEngine

// Helpers shared by the engine tests: load an inline scenario, solve it, look up municipalities, compare numbers.

/// Loads an inline scenario and solves it.
func solveScenario(_ json: String) throws -> FairShareResult {
    let scenario = try ScenarioLoader().load(json: json)
    return FairShare.solve(scenario)
}

/// FairShareTestSupport's `isClose` at the engine tests' default tolerance, 1e-4 relative. It allows for the level
/// tolerance: the optimal face lets each level exceed its optimum by 1e-6 · max(1, |v*|), and the central
/// allocation may use that room, so a figure the requirements pin at a bound (20 placements) can be reported a few
/// millionths of a home inside it (19.999975).
func isClose(_ value: Double?, _ expected: Double) -> Bool { isClose(value, expected, tolerance: 1e-4) }

extension FairShareResult {
    /// The allocation of one municipality by id (tests fail loudly when it is missing).
    subscript(_ id: String) -> MunicipalityAllocation {
        guard let found = municipalities.first(where: { $0.id == id }) else {
            Issue.record("municipality \(id) is missing from the result (status \(status))")
            return MunicipalityAllocation(
                id: id, name: id, newHomes: [:], total: .nan, stockShareBefore: [:], stockShareAfter: [:],
                placements: [:], care: [:], fairShare: [:], deviation: [:])
        }
        return found
    }

    /// The levels solved, in order.
    var levels: [Level] { objective.map(\.level) }
}

import FairShareScenario
import LinearModel

/// A hard requirement of a scenario, in the scenario's own terms: the number at a JSON path that bounds the
/// allocation from below or above. Infeasibility diagnoses and explanations speak in requirements.
public struct Requirement: Sendable, Hashable {
    /// What the requirement's number counts.
    public enum Unit: String, Sendable, Hashable {
        /// New homes (or care homes).
        case homes
        /// Priority-group placements.
        case placements
        /// A share in [0, 1]; changes are quoted in share points (0.01).
        case share
    }

    /// Whether the number is a minimum (relaxed by lowering it) or a maximum (relaxed by raising it).
    public enum Side: String, Sendable, Hashable {
        case minimum, maximum
    }

    /// The constraint family of docs/model.md §3 (`L1` … `C3`).
    public var family: String
    /// Where the number is in the scenario, e.g. `municipalities.GM0610.limits.social-rent.max`: the requirement's
    /// identity, shared by diagnoses, explanations and reports.
    public var path: JSONPath
    public var unit: Unit
    public var side: Side
    /// The number as the scenario has it.
    public var value: Double
    /// The municipality the requirement belongs to, or `nil` for a regional one.
    public var municipality: String?

    /// Whether relaxing means lowering the number.
    var relaxesDownward: Bool { side == .minimum }

    /// The least value the number may take: 0 for a count, none for the swap of a statutory task (P4), which a
    /// municipality may make negative by handing people over.
    var lowestValue: Double { family == "P4" ? -.infinity : 0 }
}

/// How the linear programme holds one requirement.
struct RequirementRow: Sendable {
    enum Enforcement: Sendable {
        /// A row of the model.
        case row(ConstraintID)
        /// The lower or upper bound of a variable (the tightest requirement on that side owns the bound).
        case lowerBound(Variable)
        case upperBound(Variable)
        /// A bound on a variable that a tighter requirement of the same side already imposes.
        case implied
    }

    var requirement: Requirement
    var enforcement: Enforcement
    /// For share requirements: the quantity the share multiplies (N_i, T_i + N_i, N, lettings + new lettable
    /// homes), as an expression of the model. A change δ of the share moves the bound by δ times its value.
    var denominator: LinearExpression?
    /// In an elastic formulation: the violation variable (homes or placements) that relaxes the requirement.
    var elastic: Variable?
}

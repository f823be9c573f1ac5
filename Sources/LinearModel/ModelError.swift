/// A problem with a model that a solver must not be given: a non-finite number, crossed bounds, a variable
/// handle from another model, an unusable name. Each error says what is wrong, where, and what would be valid.
public struct ModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem; new kinds may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A coefficient or constant that is NaN or infinite.
        public static let nonFiniteCoefficient = Code("non-finite-coefficient")
        /// A bound that is NaN, a lower bound of +∞ or an upper bound of −∞.
        public static let invalidBound = Code("invalid-bound")
        /// A lower bound above the upper bound.
        public static let crossedBounds = Code("crossed-bounds")
        /// A variable handle that this model did not make (index out of range).
        public static let unknownVariable = Code("unknown-variable")
        /// A constraint handle that this model (or problem) does not hold.
        public static let unknownConstraint = Code("unknown-constraint")
        /// A name that is too long or contains control characters.
        public static let invalidName = Code("invalid-name")
    }

    public let code: Code
    /// Where: `variable 'x[GM0505,social-rent]' (column 3)`, `constraint 'budget' (row 1)`, `objective`.
    public let place: String
    /// What is wrong and what would be valid.
    public let message: String

    public init(_ code: Code, at place: String, _ message: String) {
        self.code = code
        self.place = place
        self.message = message
    }

    public var description: String { "\(place): \(message)" }
}

/// Every problem found in a model, reported at once.
public struct ModelValidationError: Error, Sendable, CustomStringConvertible {
    public let problems: [ModelError]

    public init(_ problems: [ModelError]) {
        self.problems = problems
    }

    public var description: String {
        let shown = problems.prefix(20).map { "  - \($0)" }.joined(separator: "\n")
        let more = problems.count > 20 ? "\n  … and \(problems.count - 20) more" : ""
        return "the model is invalid (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n\(shown)\(more)"
    }
}

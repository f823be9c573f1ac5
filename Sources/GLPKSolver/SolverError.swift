import LinearModel

/// Why a ``GLPKProblem`` or ``Solver`` call refused to run, before GLPK saw anything it could abort on.
///
/// Every check happens in Swift before the first C call, because GLPK kills the whole process on invalid input.
/// A solve that *ran* but found no optimum is not an error: it is a ``SolveStatus`` in the returned
/// ``Solution``.
public struct SolverError: Error, Sendable, CustomStringConvertible {
    /// The kind of error; new kinds may be added, so `switch` with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable, kebab-case identifier such as `invalid-model`.
        public let rawValue: String

        /// A code with the given identifier.
        public init(_ rawValue: String) { self.rawValue = rawValue }

        /// The identifier, e.g. `invalid-model`.
        public var description: String { rawValue }

        /// The model (or a constraint, objective or bound handed to a problem) has problems; see
        /// ``SolverError/modelErrors``.
        public static let invalidModel = Code("invalid-model")
        /// A ``SolverOptions`` value is out of range (time limit, iteration limit, MIP gap).
        public static let invalidParameter = Code("invalid-parameter")
        /// A ``GLPKProblem`` was used on another thread than the one that created it.
        public static let wrongThread = Code("wrong-thread")
        /// A ``GLPKProblem`` was used after ``GLPKProblem/withProblem(for:_:)`` returned.
        public static let problemClosed = Code("problem-closed")
        /// Sensitivity analysis needs the optimal basis of the last simplex solve of the unchanged LP.
        public static let noBasis = Code("no-basis")
        /// Bound ranging was asked for a basic entry (only non-basic entries have an active bound).
        public static let basicVariable = Code("basic-variable")
        /// Objective ranging was asked for a non-basic variable (GLPK ranges basic variables only).
        public static let nonBasicVariable = Code("non-basic-variable")
        /// `removeConstraints` was given no constraint.
        public static let emptyRemoval = Code("empty-removal")
        /// `removeConstraints` was given the same constraint twice.
        public static let duplicateRemoval = Code("duplicate-removal")
        /// A `ConstraintID` that the problem does not hold (index out of range).
        public static let unknownConstraint = Code("unknown-constraint")
        /// A `Variable` that the problem does not hold (index out of range).
        public static let unknownVariable = Code("unknown-variable")
        /// GLPK could not write (or the layer could not read back) an LP or MPS export.
        public static let exportFailed = Code("export-failed")
        /// The interior-point method was asked to solve a model with integer variables.
        public static let notAnLP = Code("not-an-lp")
    }

    /// What kind of error this is.
    public let code: Code
    /// What is wrong and what would be valid.
    public let message: String
    /// Where: the call (for example `GLPKProblem.setBounds(of:lowerBound:upperBound:)`) or the option.
    public let place: String
    /// For ``Code/invalidModel``: every problem found, in model order. Empty for other codes.
    public let modelErrors: [ModelError]

    /// An error with the given code, message, place and (for ``Code/invalidModel``) model problems.
    public init(_ code: Code, at place: String, _ message: String, modelErrors: [ModelError] = []) {
        self.code = code
        self.place = place
        self.message = message
        self.modelErrors = modelErrors
    }

    /// `place: message`, followed by up to 20 model problems, one per line.
    public var description: String {
        var text = "\(place): \(message)"
        if !modelErrors.isEmpty {
            text += modelErrors.prefix(20).map { "\n  - \($0)" }.joined()
            if modelErrors.count > 20 { text += "\n  … and \(modelErrors.count - 20) more" }
        }
        return text
    }

    /// An ``Code/invalidModel`` error listing `problems`.
    static func invalidModel(_ problems: [ModelError], at place: String) -> SolverError {
        let count = problems.count
        return SolverError(
            .invalidModel, at: place,
            "the model is invalid (\(count) problem\(count == 1 ? "" : "s")); nothing was passed to GLPK",
            modelErrors: problems)
    }
}

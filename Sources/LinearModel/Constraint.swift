/// A linear constraint `lowerBound ≤ Σ coefficient · variable ≤ upperBound`.
///
/// Build one with `<=`, `>=` or `==` between expressions, variables and numbers, or with
/// ``init(_:in:name:)`` for a range. Constants on either side are moved into the bounds.
public struct Constraint: Sendable {
    /// The linear part (its constant is always 0).
    public var expression: LinearExpression
    /// Lower bound; `-Double.infinity` means none.
    public var lowerBound: Double
    /// Upper bound; `Double.infinity` means none.
    public var upperBound: Double
    /// Readable name, used in exports and messages. May be empty.
    public var name: String

    /// `lowerBound ≤ expression ≤ upperBound`, the expression's constant moved into the bounds.
    public init(_ expression: LinearExpression, lowerBound: Double, upperBound: Double, name: String = "") {
        var linear = expression
        let constant = linear.constant
        linear.constant = 0
        self.expression = linear
        self.lowerBound = lowerBound - constant
        self.upperBound = upperBound - constant
        self.name = name
    }

    /// `range.lowerBound ≤ expression ≤ range.upperBound`.
    public init(_ expression: LinearExpression, in range: ClosedRange<Double>, name: String = "") {
        self.init(expression, lowerBound: range.lowerBound, upperBound: range.upperBound, name: name)
    }

    /// The same constraint with another name.
    public func named(_ name: String) -> Constraint {
        var copy = self
        copy.name = name
        return copy
    }
}

/// A handle to a constraint (a row) of a ``Model``.
public struct ConstraintID: Hashable, Comparable, Sendable {
    /// Zero-based position of the constraint in ``Model/constraints``.
    public let index: Int

    public init(index: Int) {
        self.index = index
    }

    public static func < (lhs: ConstraintID, rhs: ConstraintID) -> Bool { lhs.index < rhs.index }
}

/// The direction of optimisation.
public enum ObjectiveSense: String, Sendable, Hashable {
    case minimize, maximize
}

/// What to optimise: a direction and a linear expression (its constant is kept and reported).
public struct Objective: Sendable {
    public var sense: ObjectiveSense
    public var expression: LinearExpression

    public init(_ sense: ObjectiveSense, _ expression: LinearExpression) {
        self.sense = sense
        self.expression = expression
    }

    /// Minimise `expression`.
    public static func minimize(_ expression: LinearExpression) -> Objective { Objective(.minimize, expression) }
    /// Maximise `expression`.
    public static func maximize(_ expression: LinearExpression) -> Objective { Objective(.maximize, expression) }
}

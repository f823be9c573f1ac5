/// A linear expression `Σ coefficient · variable + constant`.
///
/// Expressions are built with `+`, `-` and `*` by scalars (see the operators in this module) or with
/// ``sum(_:)-9uvsj`` (of variables) and ``sum(_:)-7doks`` (of expressions). Terms are appended as they come, so
/// building is linear in the number of terms; duplicate terms are merged by ``merged()``, which every constraint
/// and objective goes through.
public struct LinearExpression: Sendable, CustomStringConvertible {
    /// One `coefficient · variable` term.
    public struct Term: Hashable, Sendable {
        public var variable: Variable
        public var coefficient: Double

        public init(_ variable: Variable, _ coefficient: Double) {
            self.variable = variable
            self.coefficient = coefficient
        }
    }

    /// The terms in the order they were added; the same variable may appear more than once until ``merged()``.
    public var terms: [Term]
    /// The constant part.
    public var constant: Double

    /// The empty expression, 0.
    public init() {
        terms = []
        constant = 0
    }

    /// An expression from terms and a constant.
    public init(terms: [Term], constant: Double = 0) {
        self.terms = terms
        self.constant = constant
    }

    /// The expression `1 · variable`.
    public init(_ variable: Variable) {
        terms = [Term(variable, 1)]
        constant = 0
    }

    /// The constant expression `value`.
    public init(constant value: Double) {
        terms = []
        constant = value
    }

    /// Adds `coefficient · variable` in place (amortised O(1)).
    public mutating func add(_ variable: Variable, times coefficient: Double = 1) {
        terms.append(Term(variable, coefficient))
    }

    /// Adds `factor · other` in place (O(terms of other)).
    public mutating func add(_ other: LinearExpression, times factor: Double = 1) {
        terms.reserveCapacity(terms.count + other.terms.count)
        if factor == 1 {
            terms.append(contentsOf: other.terms)
        } else {
            for term in other.terms { terms.append(Term(term.variable, factor * term.coefficient)) }
        }
        constant += factor * other.constant
    }

    /// The sum of the given variables, each with coefficient 1.
    public static func sum<S: Sequence>(_ variables: S) -> LinearExpression where S.Element == Variable {
        LinearExpression(terms: variables.map { Term($0, 1) })
    }

    /// The sum of the given expressions.
    public static func sum<S: Sequence>(_ expressions: S) -> LinearExpression where S.Element == LinearExpression {
        var result = LinearExpression()
        for expression in expressions { result.add(expression) }
        return result
    }

    /// The same expression with duplicate variables combined and zero coefficients dropped, in the order of
    /// each variable's first appearance. O(number of terms).
    public func merged() -> LinearExpression {
        if terms.count <= 16 { return mergedByScan() }
        var position: [Variable: Int] = [:]
        position.reserveCapacity(terms.count)
        var out: [Term] = []
        out.reserveCapacity(terms.count)
        for term in terms {
            if let at = position[term.variable] {
                out[at].coefficient += term.coefficient
            } else {
                position[term.variable] = out.count
                out.append(term)
            }
        }
        out.removeAll { $0.coefficient == 0 }
        return LinearExpression(terms: out, constant: constant)
    }

    /// ``merged()`` for a short expression: a linear scan per term costs less than hashing (most rows of a model
    /// have a handful of terms, and merging them was a sixth of the Swift layers' overhead over GLPK's C API).
    private func mergedByScan() -> LinearExpression {
        var out: [Term] = []
        out.reserveCapacity(terms.count)
        for term in terms {
            if let at = out.firstIndex(where: { $0.variable == term.variable }) {
                out[at].coefficient += term.coefficient
            } else {
                out.append(term)
            }
        }
        out.removeAll { $0.coefficient == 0 }
        return LinearExpression(terms: out, constant: constant)
    }

    /// The value of the expression when each variable takes `values[variable.index]`.
    public func value(at values: [Double]) -> Double {
        var total = constant
        for term in terms { total += term.coefficient * values[term.variable.index] }
        return total
    }

    public var description: String {
        var parts = terms.map { "\($0.coefficient) \($0.variable)" }
        if constant != 0 || parts.isEmpty { parts.append("\(constant)") }
        return parts.joined(separator: " + ")
    }
}

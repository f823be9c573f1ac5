/// A linear (or mixed-integer) programme as plain Swift data: variables, constraints and an objective.
///
/// A model is a `Sendable` value, independent of any solver: build it anywhere, hand it to a solver
/// (for example `GLPKSolver`), keep it to build variants. Building is linear in the number of nonzeros:
/// every constraint is merged once when it is added.
///
/// ```swift
/// var model = Model(name: "glpk-example")
/// let x1 = model.addVariable("x1")
/// let x2 = model.addVariable("x2")
/// model.add(x1 + x2 <= 100, name: "p")
/// model.maximize(10 * x1 + 6 * x2)
/// ```
public struct Model: Sendable {
    /// Readable name of the model, used in exports.
    public var name: String
    /// The variables (columns), in the order they were added.
    public private(set) var variables: [VariableDefinition] = []
    /// The constraints (rows), each merged (no duplicate variables, no zero coefficients).
    public private(set) var constraints: [Constraint] = []
    /// What to optimise; minimise 0 until set.
    public var objective: Objective = .minimize(LinearExpression())
    /// Number of nonzero coefficients over all constraints.
    public private(set) var nonzeroCount = 0

    public init(name: String = "") {
        self.name = name
    }

    /// Whether any variable is integer (the model is then a MIP).
    public var hasIntegerVariables: Bool { variables.contains { $0.isInteger } }

    /// Adds a variable and returns its handle.
    /// - Parameters:
    ///   - name: readable name (for exports and messages), for example `x[GM0505,social-rent]`.
    ///   - lowerBound: lower bound, default 0; `-.infinity` for none.
    ///   - upperBound: upper bound, default none (`.infinity`).
    ///   - isInteger: whether the variable must be integer.
    @discardableResult
    public mutating func addVariable(
        _ name: String = "", lowerBound: Double = 0, upperBound: Double = .infinity, isInteger: Bool = false
    ) -> Variable {
        variables.append(
            VariableDefinition(name: name, lowerBound: lowerBound, upperBound: upperBound, isInteger: isInteger))
        return Variable(index: variables.count - 1)
    }

    /// Changes the bounds of a variable this model made.
    public mutating func setBounds(of variable: Variable, lowerBound: Double, upperBound: Double) {
        variables[variable.index].lowerBound = lowerBound
        variables[variable.index].upperBound = upperBound
    }

    /// Makes a variable integer or continuous.
    public mutating func setInteger(_ variable: Variable, _ isInteger: Bool) {
        variables[variable.index].isInteger = isInteger
    }

    /// Adds a constraint (merging duplicate terms) and returns its handle.
    /// - Parameters:
    ///   - constraint: the constraint; it becomes the model's last row.
    ///   - name: replaces the constraint's own name when given.
    @discardableResult
    public mutating func add(_ constraint: Constraint, name: String? = nil) -> ConstraintID {
        var row = constraint
        row.expression = constraint.expression.merged()
        if let name { row.name = name }
        nonzeroCount += row.expression.terms.count
        constraints.append(row)
        return ConstraintID(index: constraints.count - 1)
    }

    /// Replaces a constraint (merging duplicate terms), keeping its position.
    /// - Parameters:
    ///   - id: the row to replace.
    ///   - constraint: the new constraint.
    ///   - name: replaces the new constraint's own name when given.
    public mutating func replace(_ id: ConstraintID, with constraint: Constraint, name: String? = nil) {
        var row = constraint
        row.expression = constraint.expression.merged()
        if let name { row.name = name }
        nonzeroCount += row.expression.terms.count - constraints[id.index].expression.terms.count
        constraints[id.index] = row
    }

    /// Changes the bounds of a constraint this model holds.
    public mutating func setBounds(of constraint: ConstraintID, lowerBound: Double, upperBound: Double) {
        constraints[constraint.index].lowerBound = lowerBound
        constraints[constraint.index].upperBound = upperBound
    }

    /// Sets the objective to minimise `expression`.
    public mutating func minimize(_ expression: LinearExpression) {
        objective = .minimize(expression)
    }

    /// Sets the objective to maximise `expression`.
    public mutating func maximize(_ expression: LinearExpression) {
        objective = .maximize(expression)
    }

    /// The definition of a variable this model made.
    public subscript(variable: Variable) -> VariableDefinition { variables[variable.index] }

    /// A constraint this model holds.
    public subscript(constraint: ConstraintID) -> Constraint { constraints[constraint.index] }
}

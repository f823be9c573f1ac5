// Arithmetic and comparison operators that build `LinearExpression`s and `Constraint`s:
//
//     model.add(2 * x + 3 * y - z <= 10)
//     model.add(LinearExpression.sum(xs) >= 0.3 * total)
//
// `+`/`-` append terms (merged later), `*` scales by a Double, and `<=`, `>=`, `==` move everything to the left
// and the constants to the bounds.

// MARK: - Negation and scaling

public prefix func - (expression: LinearExpression) -> LinearExpression {
    var result = LinearExpression()
    result.add(expression, times: -1)
    return result
}

public prefix func - (variable: Variable) -> LinearExpression {
    LinearExpression(terms: [.init(variable, -1)])
}

public func * (factor: Double, variable: Variable) -> LinearExpression {
    LinearExpression(terms: [.init(variable, factor)])
}

public func * (variable: Variable, factor: Double) -> LinearExpression {
    LinearExpression(terms: [.init(variable, factor)])
}

public func * (factor: Double, expression: LinearExpression) -> LinearExpression {
    var result = LinearExpression()
    result.add(expression, times: factor)
    return result
}

public func * (expression: LinearExpression, factor: Double) -> LinearExpression {
    factor * expression
}

// MARK: - Addition and subtraction

public func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs)
    return result
}

public func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
    var result = lhs
    result.add(rhs)
    return result
}

public func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
    LinearExpression(lhs) + rhs
}

public func + (lhs: Variable, rhs: Variable) -> LinearExpression {
    LinearExpression(terms: [.init(lhs, 1), .init(rhs, 1)])
}

public func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
    var result = lhs
    result.constant += rhs
    return result
}

public func + (lhs: Double, rhs: LinearExpression) -> LinearExpression { rhs + lhs }

public func + (lhs: Variable, rhs: Double) -> LinearExpression { LinearExpression(lhs) + rhs }

public func + (lhs: Double, rhs: Variable) -> LinearExpression { LinearExpression(rhs) + lhs }

public func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs, times: -1)
    return result
}

public func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
    var result = lhs
    result.add(rhs, times: -1)
    return result
}

public func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression { LinearExpression(lhs) - rhs }

public func - (lhs: Variable, rhs: Variable) -> LinearExpression {
    LinearExpression(terms: [.init(lhs, 1), .init(rhs, -1)])
}

public func - (lhs: LinearExpression, rhs: Double) -> LinearExpression { lhs + (-rhs) }

public func - (lhs: Double, rhs: LinearExpression) -> LinearExpression { -rhs + lhs }

public func - (lhs: Variable, rhs: Double) -> LinearExpression { LinearExpression(lhs) + (-rhs) }

public func - (lhs: Double, rhs: Variable) -> LinearExpression { -rhs + lhs }

public func += (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs) }

public func += (lhs: inout LinearExpression, rhs: Variable) { lhs.add(rhs) }

public func += (lhs: inout LinearExpression, rhs: Double) { lhs.constant += rhs }

public func -= (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs, times: -1) }

public func -= (lhs: inout LinearExpression, rhs: Variable) { lhs.add(rhs, times: -1) }

public func -= (lhs: inout LinearExpression, rhs: Double) { lhs.constant -= rhs }

// MARK: - Constraints

/// `lhs ≤ rhs`, as `lhs − rhs ≤ 0` with the constant moved to the bound.
public func <= (lhs: LinearExpression, rhs: LinearExpression) -> Constraint {
    Constraint(lhs - rhs, lowerBound: -.infinity, upperBound: 0)
}

/// `lhs ≥ rhs`, as `lhs − rhs ≥ 0` with the constant moved to the bound.
public func >= (lhs: LinearExpression, rhs: LinearExpression) -> Constraint {
    Constraint(lhs - rhs, lowerBound: 0, upperBound: .infinity)
}

/// `lhs = rhs`, as `lhs − rhs = 0` with the constant moved to the bound.
public func == (lhs: LinearExpression, rhs: LinearExpression) -> Constraint {
    Constraint(lhs - rhs, lowerBound: 0, upperBound: 0)
}

public func <= (lhs: LinearExpression, rhs: Double) -> Constraint {
    Constraint(lhs, lowerBound: -.infinity, upperBound: rhs)
}

public func >= (lhs: LinearExpression, rhs: Double) -> Constraint {
    Constraint(lhs, lowerBound: rhs, upperBound: .infinity)
}

public func == (lhs: LinearExpression, rhs: Double) -> Constraint {
    Constraint(lhs, lowerBound: rhs, upperBound: rhs)
}

public func <= (lhs: Double, rhs: LinearExpression) -> Constraint { rhs >= lhs }

public func >= (lhs: Double, rhs: LinearExpression) -> Constraint { rhs <= lhs }

public func == (lhs: Double, rhs: LinearExpression) -> Constraint { rhs == lhs }

public func <= (lhs: Variable, rhs: Double) -> Constraint { LinearExpression(lhs) <= rhs }

public func >= (lhs: Variable, rhs: Double) -> Constraint { LinearExpression(lhs) >= rhs }

public func == (lhs: Variable, rhs: Double) -> Constraint { LinearExpression(lhs) == rhs }

public func <= (lhs: Variable, rhs: LinearExpression) -> Constraint { LinearExpression(lhs) <= rhs }

public func >= (lhs: Variable, rhs: LinearExpression) -> Constraint { LinearExpression(lhs) >= rhs }

public func == (lhs: Variable, rhs: LinearExpression) -> Constraint { LinearExpression(lhs) == rhs }

public func <= (lhs: LinearExpression, rhs: Variable) -> Constraint { lhs <= LinearExpression(rhs) }

public func >= (lhs: LinearExpression, rhs: Variable) -> Constraint { lhs >= LinearExpression(rhs) }

public func == (lhs: LinearExpression, rhs: Variable) -> Constraint { lhs == LinearExpression(rhs) }

public func <= (lhs: Variable, rhs: Variable) -> Constraint { LinearExpression(lhs) <= LinearExpression(rhs) }

public func >= (lhs: Variable, rhs: Variable) -> Constraint { LinearExpression(lhs) >= LinearExpression(rhs) }

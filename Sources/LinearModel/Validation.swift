/// Rules every model must satisfy before a solver sees it. Solvers add their own (name lengths, parameters).
extension Model {
    /// Longest name accepted, in UTF-8 bytes (GLPK's limit is 255).
    public static let maximumNameLength = 255

    /// Every problem in the model, in order: variables, constraints, objective. Empty when the model is valid.
    public func validationProblems() -> [ModelError] {
        var problems: [ModelError] = []
        if let problem = Self.nameProblem(name, at: "model") { problems.append(problem) }
        // Places are built only for a problem (autoclosures): a string per row and column was a tenth of a large
        // solve.
        for (index, variable) in variables.enumerated() {
            let name = variable.name
            if let problem = Self.nameProblem(name, at: Self.place("variable", name, index, "column")) {
                problems.append(problem)
            }
            problems += Self.boundProblems(
                variable.lowerBound, variable.upperBound,
                at: Self.place("variable", name, index, "column"))
        }
        for (index, row) in constraints.enumerated() {
            if let problem = Self.nameProblem(row.name, at: Self.place("constraint", row.name, index, "row")) {
                problems.append(problem)
            }
            problems += Self.boundProblems(
                row.lowerBound, row.upperBound,
                at: Self.place("constraint", row.name, index, "row"))
            problems += termProblems(row.expression, at: Self.place("constraint", row.name, index, "row"))
        }
        problems += termProblems(objective.expression, at: "objective")
        if !objective.expression.constant.isFinite {
            problems.append(
                ModelError(
                    .nonFiniteCoefficient, at: "objective",
                    "constant is \(objective.expression.constant); "
                        + "it must be a finite number"))
        }
        return problems
    }

    /// Throws every problem at once when the model is invalid.
    public func validate() throws(ModelValidationError) {
        let problems = validationProblems()
        if !problems.isEmpty { throw ModelValidationError(problems) }
    }

    /// Problems with the terms of an expression: unknown variables and non-finite coefficients.
    public func termProblems(_ expression: LinearExpression, at place: @autoclosure () -> String) -> [ModelError] {
        var problems: [ModelError] = []
        for term in expression.terms {
            if term.variable.index < 0 || term.variable.index >= variables.count {
                problems.append(
                    ModelError(
                        .unknownVariable, at: place(),
                        "refers to variable #\(term.variable.index), but the "
                            + "model has \(variables.count) variable(s) (valid: 0..<\(variables.count))"))
            } else if !term.coefficient.isFinite {
                let name = variables[term.variable.index].name
                problems.append(
                    ModelError(
                        .nonFiniteCoefficient, at: place(),
                        "coefficient of '\(name)' is \(term.coefficient); "
                            + "it must be a finite number"))
            }
        }
        return problems
    }

    /// A problem with bounds, if any: NaN, a lower bound of +∞, an upper bound of −∞, or lower > upper.
    public static func boundProblems(
        _ lower: Double, _ upper: Double, at place: @autoclosure () -> String
    ) -> [ModelError] {
        let valid = !lower.isNaN && !upper.isNaN && lower != .infinity && upper != -.infinity && lower <= upper
        if valid { return [] }
        let place = place()
        var problems: [ModelError] = []
        if lower.isNaN || lower == .infinity {
            problems.append(
                ModelError(
                    .invalidBound, at: place,
                    "lower bound is \(lower); it must be a finite number "
                        + "or -infinity (none)"))
        }
        if upper.isNaN || upper == -.infinity {
            problems.append(
                ModelError(
                    .invalidBound, at: place,
                    "upper bound is \(upper); it must be a finite number "
                        + "or +infinity (none)"))
        }
        if problems.isEmpty && lower > upper {
            problems.append(
                ModelError(
                    .crossedBounds, at: place,
                    "lower bound \(lower) is above upper bound \(upper); "
                        + "it must be at most the upper bound (equal bounds fix the value)"))
        }
        return problems
    }

    /// A problem with a name, if any: longer than ``maximumNameLength`` UTF-8 bytes or containing a control
    /// character.
    public static func nameProblem(_ name: String, at place: @autoclosure () -> String) -> ModelError? {
        if isPlainName(name) { return nil }
        if name.utf8.count > maximumNameLength {
            return ModelError(
                .invalidName, at: place(),
                "name is \(name.utf8.count) bytes long; at most "
                    + "\(maximumNameLength) are allowed")
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return ModelError(
                .invalidName, at: place(),
                "name contains a control character; use printable "
                    + "characters only")
        }
        return nil
    }

    /// Whether a name is printable ASCII of at most ``maximumNameLength`` bytes: valid for every rule, checked
    /// without looking up Unicode properties.
    public static func isPlainName(_ name: String) -> Bool {
        let plain = name.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count <= maximumNameLength && bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        }
        return plain ?? (name.utf8.count <= maximumNameLength && name.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
    }

    static func place(_ kind: String, _ name: String, _ index: Int, _ unit: String) -> String {
        name.isEmpty ? "\(kind) #\(index) (\(unit) \(index + 1))" : "\(kind) '\(name)' (\(unit) \(index + 1))"
    }
}

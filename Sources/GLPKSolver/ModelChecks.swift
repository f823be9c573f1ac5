import LinearModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The checks GLPK needs beyond ``Model/validationProblems()``: its size limits, its exact name rule, row
/// constants, and objective coefficients that only become non-finite when duplicates are merged.
enum ModelChecks {
    /// GLPK's maximum number of rows or of columns in a problem object (`M_MAX`, `N_MAX`).
    static let maximumDimension = 100_000_000
    /// GLPK's maximum number of constraint coefficients in a problem object (`NNZ_MAX`).
    static let maximumNonzeros = 500_000_000

    /// The model is larger than GLPK accepts.
    static let tooLarge = ModelError.Code("too-large")
    /// A constraint's expression carries a constant (``Constraint`` initialisers move it into the bounds).
    static let constantInConstraint = ModelError.Code("constant-in-constraint")

    /// Every problem of `model` that GLPK would abort on or silently get wrong; empty when it may be loaded.
    static func problems(of model: Model) -> [ModelError] {
        var problems = model.validationProblems()
        if model.variables.count > maximumDimension {
            problems.append(
                ModelError(
                    tooLarge, at: "model",
                    "has \(model.variables.count) variables; GLPK "
                        + "accepts at most \(maximumDimension)"))
        }
        if model.constraints.count > maximumDimension {
            problems.append(
                ModelError(
                    tooLarge, at: "model",
                    "has \(model.constraints.count) constraints; GLPK "
                        + "accepts at most \(maximumDimension)"))
        }
        if model.nonzeroCount > maximumNonzeros {
            problems.append(
                ModelError(
                    tooLarge, at: "model",
                    "has \(model.nonzeroCount) nonzero coefficients; "
                        + "GLPK accepts at most \(maximumNonzeros)"))
        }
        if let problem = extraNameProblem(model.name, at: "model") { problems.append(problem) }
        for (index, variable) in model.variables.enumerated() {
            if let problem = extraNameProblem(variable.name, at: place("variable", variable.name, index, "column")) {
                problems.append(problem)
            }
        }
        for (index, row) in model.constraints.enumerated() {
            // Places are built only for a problem (autoclosures): a string per row and column was a tenth of a
            // 342-municipality solve.
            if let problem = extraNameProblem(row.name, at: place("constraint", row.name, index, "row")) {
                problems.append(problem)
            }
            if let problem = rowConstantProblem(row, at: place("constraint", row.name, index, "row")) {
                problems.append(problem)
            }
        }
        if !problems.contains(where: { $0.place == "objective" }) {
            problems += mergedObjectiveProblems(model.objective, variableCount: model.variables.count).problems
        }
        return problems
    }

    /// Problems of a constraint about to be added to a problem holding `model`, checked on its merged form.
    static func problems(ofAdded constraint: Constraint, merged: LinearExpression, to model: Model) -> [ModelError] {
        let index = model.constraints.count
        let location = place("constraint", constraint.name, index, "row")
        var problems: [ModelError] = []
        if let problem = nameProblem(constraint.name, at: location) { problems.append(problem) }
        problems += Model.boundProblems(constraint.lowerBound, constraint.upperBound, at: location)
        problems += model.termProblems(merged, at: location)
        if let problem = rowConstantProblem(constraint, at: location) { problems.append(problem) }
        if index + 1 > maximumDimension {
            problems.append(ModelError(tooLarge, at: location, "GLPK accepts at most \(maximumDimension) rows"))
        }
        if model.nonzeroCount + merged.terms.count > maximumNonzeros {
            problems.append(
                ModelError(
                    tooLarge, at: location,
                    "GLPK accepts at most \(maximumNonzeros) nonzero "
                        + "coefficients in a problem"))
        }
        return problems
    }

    /// The objective's coefficients merged per column (dense, by variable index) and their problems: unknown
    /// variables, non-finite coefficients before or after merging, a non-finite constant.
    static func mergedObjectiveProblems(
        _ objective: Objective, variableCount: Int
    ) -> (coefficients: [Double], problems: [ModelError]) {
        var coefficients = [Double](repeating: 0, count: variableCount)
        var problems: [ModelError] = []
        for term in objective.expression.terms {
            guard term.variable.index >= 0 && term.variable.index < variableCount else {
                problems.append(
                    ModelError(
                        .unknownVariable, at: "objective",
                        "refers to variable "
                            + "#\(term.variable.index), but the model has \(variableCount) variable(s) "
                            + "(valid: 0..<\(variableCount))"))
                continue
            }
            guard term.coefficient.isFinite else {
                problems.append(
                    ModelError(
                        .nonFiniteCoefficient, at: "objective",
                        "coefficient of variable "
                            + "#\(term.variable.index) is \(term.coefficient); it must be a finite number"))
                continue
            }
            coefficients[term.variable.index] += term.coefficient
        }
        if problems.isEmpty {
            for (index, coefficient) in coefficients.enumerated() where !coefficient.isFinite {
                problems.append(
                    ModelError(
                        .nonFiniteCoefficient, at: "objective",
                        "the coefficients of variable "
                            + "#\(index) add up to \(coefficient); their sum must be a finite number"))
            }
        }
        if !objective.expression.constant.isFinite {
            problems.append(
                ModelError(
                    .nonFiniteCoefficient, at: "objective",
                    "constant is "
                        + "\(objective.expression.constant); it must be a finite number"))
        }
        return (coefficients, problems)
    }

    /// ``Model/nameProblem(_:at:)``, else GLPK's own byte rule (see ``glpkNameProblem(_:at:)``).
    static func nameProblem(_ name: String, at place: String) -> ModelError? {
        Model.nameProblem(name, at: place) ?? glpkNameProblem(name, at: place)
    }

    /// GLPK's byte rule for a name that ``Model/validationProblems()`` already accepted (so each bad name is
    /// reported once).
    static func extraNameProblem(_ name: String, at place: @autoclosure () -> String) -> ModelError? {
        if Model.isPlainName(name) { return nil }
        let place = place()
        return Model.nameProblem(name, at: place) == nil ? glpkNameProblem(name, at: place) : nil
    }

    /// GLPK's own name rule, byte by byte: at most 255 bytes, none for which C's `iscntrl` holds in the current
    /// locale (stricter than ``Model/nameProblem(_:at:)`` only under unusual locales).
    static func glpkNameProblem(_ name: String, at place: String) -> ModelError? {
        var count = 0
        for byte in name.utf8 {
            count += 1
            if byte == 0 || iscntrl(Int32(byte)) != 0 {
                return ModelError(
                    .invalidName, at: place,
                    "name contains a byte GLPK treats as a control "
                        + "character; use printable characters only")
            }
        }
        if count > Model.maximumNameLength {
            return ModelError(
                .invalidName, at: place,
                "name is \(count) bytes long; at most "
                    + "\(Model.maximumNameLength) are allowed")
        }
        return nil
    }

    static func rowConstantProblem(_ constraint: Constraint, at place: @autoclosure () -> String) -> ModelError? {
        let constant = constraint.expression.constant
        guard constant != 0 else { return nil }
        return ModelError(
            constantInConstraint, at: place(),
            "the expression has constant \(constant); move it "
                + "into the bounds (Constraint's initialisers and the <=, >=, == operators do this)")
    }

    static func place(_ kind: String, _ name: String, _ index: Int, _ unit: String) -> String {
        name.isEmpty ? "\(kind) #\(index) (\(unit) \(index + 1))" : "\(kind) '\(name)' (\(unit) \(index + 1))"
    }
}

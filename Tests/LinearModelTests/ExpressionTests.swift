import FairShareTestSupport
import LinearModel
import PropertyBased
import Testing

@Suite("Linear expressions")
struct ExpressionTests {
    @Test("operators build the terms and constant written down")
    func operators() {
        var model = Model()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        // 2x + 3y - x + 4 - 1  =  x + 3y + 3
        let expression = (2 * x + 3 * y - x + 4 - 1).merged()
        #expect(expression.terms == [.init(x, 1), .init(y, 3)])
        #expect(expression.constant == 3)
        // -(x - y) * 2 = -2x + 2y
        let negated = (-(x - y) * 2).merged()
        #expect(negated.terms == [.init(x, -2), .init(y, 2)])
    }

    @Test("merging drops terms that cancel")
    func cancellation() {
        var model = Model()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        let expression = (x + y - x).merged()
        #expect(expression.terms == [.init(y, 1)])
    }

    @Test("sum over a collection")
    func sums() {
        var model = Model()
        let xs = (0..<5).map { model.addVariable("x\($0)") }
        let total = LinearExpression.sum(xs)
        #expect(total.terms.count == 5)
        // x0..x4 at values 1..5: 1+2+3+4+5 = 15
        #expect(total.value(at: [1, 2, 3, 4, 5]) == 15)
        let doubled = LinearExpression.sum(xs.map { 2 * $0 })
        #expect(doubled.value(at: [1, 2, 3, 4, 5]) == 30)
    }

    @Test("merging keeps the value of the expression", arguments: [0, 1, 2])
    func mergingKeepsValue(seed: Int) async {
        let terms = Gen.int(in: 0...9).array(of: 0...40)
        let coefficients = Gen.int(in: -5...5).array(of: 40...40)
        let cases = PropertyCases()
        await propertyCheck(input: terms, coefficients) { indices, factors in
            cases.checked()
            var expression = LinearExpression(constant: Double(seed))
            for (index, variable) in indices.enumerated() {
                expression.add(Variable(index: variable), times: Double(factors[index]))
            }
            let values = (0..<10).map { Double($0 * $0 + 1) }
            let merged = expression.merged()
            #expect(merged.value(at: values) == expression.value(at: values))
            #expect(Set(merged.terms.map(\.variable)).count == merged.terms.count)
            #expect(merged.terms.allSatisfy { $0.coefficient != 0 })
        }
        cases.expectChecked()
    }
}

@Suite("Constraints and models")
struct ModelTests {
    @Test("comparisons move constants into the bounds")
    func constantsMoveToBounds() {
        var model = Model()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        // x + 5 <= 2y + 1  →  x - 2y <= -4
        let constraint = x + 5 <= 2 * y + 1
        #expect(constraint.lowerBound == -.infinity)
        #expect(constraint.upperBound == -4)
        #expect(constraint.expression.merged().terms == [.init(x, 1), .init(y, -2)])
        // 3 == x + 1  →  x = 2
        let equality = 3 == x + 1
        #expect(equality.lowerBound == 2 && equality.upperBound == 2)
        // range: 1 <= x + y - 1 <= 4  →  2 <= x + y <= 5
        let range = Constraint(x + y - 1, in: 1...4)
        #expect(range.lowerBound == 2 && range.upperBound == 5)
    }

    @Test("a model merges rows and counts nonzeros")
    func nonzeros() {
        var model = Model(name: "m")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.add(x + x + y >= 1, name: "a")
        model.add(x - x <= 3, name: "b")
        #expect(model.constraints[0].expression.terms == [.init(x, 2), .init(y, 1)])
        #expect(model.constraints[1].expression.terms.isEmpty)
        #expect(model.nonzeroCount == 2)
        #expect(model.constraints[0].name == "a")
    }

    @Test("validation reports every problem with its place")
    func validation() {
        var model = Model()
        let x = model.addVariable("x", lowerBound: 3, upperBound: 1)
        model.addVariable("bad\nname")
        model.addVariable("nan", lowerBound: .nan)
        model.add(Double.infinity * x <= 1, name: "inf")
        model.add(x <= .nan, name: "nanbound")
        model.add(Variable(index: 7) >= 0, name: "foreign")
        model.minimize(Double.nan * x)
        let problems = model.validationProblems()
        #expect(
            problems.map(\.code) == [
                .crossedBounds, .invalidName, .invalidBound, .nonFiniteCoefficient, .invalidBound, .unknownVariable,
                .nonFiniteCoefficient,
            ])
        #expect(problems[0].place == "variable 'x' (column 1)")
        #expect(problems[5].place == "constraint 'foreign' (row 3)")
        #expect(throws: ModelValidationError.self) { try model.validate() }
    }

    @Test("equal bounds and infinite 'none' bounds are valid")
    func validBounds() {
        var model = Model()
        model.addVariable("fixed", lowerBound: 2, upperBound: 2)
        model.addVariable("free", lowerBound: -.infinity)
        #expect(model.validationProblems().isEmpty)
    }

    @Test("a name of 256 bytes is rejected, 255 accepted")
    func nameLength() {
        #expect(Model.nameProblem(String(repeating: "a", count: 255), at: "x") == nil)
        #expect(Model.nameProblem(String(repeating: "a", count: 256), at: "x")?.code == .invalidName)
    }
}

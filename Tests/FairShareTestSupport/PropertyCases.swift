import Testing

/// Counts the cases a property test checked, so that a run that checked none fails instead of passing vacuously:
/// a count of 0, a generator that filters everything out, a cancelled task, or a body that skips every input.
///
///     let cases = PropertyCases()
///     await propertyCheck(count: 60, input: Gen.int(in: 2...12)) { size in
///         guard … else { return }  // inputs the property says nothing about
///         cases.checked()
///         #expect(…)
///     }
///     cases.expectChecked()
public final class PropertyCases {
    /// How many cases reached their checks.
    public private(set) var count = 0

    public init() {}

    /// One more case reached its checks.
    public func checked() { count += 1 }

    /// Records an issue unless at least `minimum` cases (`what`) were checked.
    public func expectChecked(
        atLeast minimum: Int = 1, _ what: String = "cases", sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            count >= minimum, "the property test checked \(count) \(what); at least \(minimum) expected",
            sourceLocation: sourceLocation)
    }
}

/// A decision variable of a ``Model``: a small handle (its column index), cheap to copy and compare.
///
/// Create variables with ``Model/addVariable(_:lowerBound:upperBound:isInteger:)``; a handle is only
/// meaningful for the model that made it (a solver rejects handles outside its model's range).
public struct Variable: Hashable, Sendable, CustomStringConvertible {
    /// Zero-based position of the variable in ``Model/variables``.
    public let index: Int

    /// Makes a handle for the variable at `index`. Prefer the handle that `addVariable` returns.
    public init(index: Int) {
        self.index = index
    }

    public var description: String { "v\(index)" }
}

/// What a model knows about one variable: its name, bounds and integrality.
public struct VariableDefinition: Hashable, Sendable {
    /// Readable name, used in exports and error messages (for example `x[GM0505,social-rent]`). May be empty.
    public var name: String
    /// Lower bound; `-Double.infinity` means unbounded below.
    public var lowerBound: Double
    /// Upper bound; `Double.infinity` means unbounded above.
    public var upperBound: Double
    /// Whether the variable must take an integer value (the model is then a MIP).
    public var isInteger: Bool

    public init(name: String, lowerBound: Double, upperBound: Double, isInteger: Bool) {
        self.name = name
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.isInteger = isInteger
    }
}

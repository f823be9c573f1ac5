/// Bounds on what a scenario file may hold, so that a hostile or broken file is refused with an error instead of
/// exhausting memory or time. Library users may raise them.
public struct ScenarioLimits: Sendable, Hashable {
    /// Largest file read, in bytes (default 16 MiB; a 7-municipality scenario is about 10 KB).
    public var maximumFileSize: Int
    /// Most municipalities in one scenario (default 10,000; the Netherlands has 342).
    public var maximumMunicipalities: Int
    /// Deepest nesting of JSON objects and arrays (default 64; a scenario needs about 8).
    public var maximumDepth: Int
    /// Most periods in one scenario (default 120: ten years of months; the programme grows linearly with them).
    public var maximumPeriods: Int
    /// Largest number of homes, placements or weight anywhere in the scenario, in absolute value (default 10^9;
    /// keys are not limited). Beyond it GLPK's floating-point simplex was measured to give wrong statuses
    /// (docs/model.md §3, "The numeric range"); a larger number is an `out-of-range` issue.
    public var largestNumber: Double
    /// Most variants in one scenario (default 1,000). Each variant is a whole scenario: `validate` checks every
    /// one and `compare` solves every one, so the work grows with variants times the scenario's size. A thousand
    /// is far more than anyone compares (Drechtsteden has 12) and keeps `validate` of a 16 MiB file within a
    /// minute.
    public var maximumVariants: Int

    /// Longest id, in characters (ids become parts of LP names, which GLPK limits to 255 bytes).
    public static let maximumIDLength = 64
    /// Longest name, label or description line, in characters.
    public static let maximumNameLength = 200

    public init(
        maximumFileSize: Int = 16 << 20, maximumMunicipalities: Int = 10_000, maximumDepth: Int = 64,
        maximumPeriods: Int = 120, maximumVariants: Int = 1_000, largestNumber: Double = 1e9
    ) {
        self.maximumFileSize = maximumFileSize
        self.maximumMunicipalities = maximumMunicipalities
        self.maximumDepth = maximumDepth
        self.maximumPeriods = maximumPeriods
        self.maximumVariants = maximumVariants
        self.largestNumber = largestNumber
    }
}

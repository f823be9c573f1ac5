/// Whether `value` is within `tolerance · max(1, |expected|)` of `expected` (or equal to it, infinities
/// included); `nil` never is. Each test target names its own default tolerance.
public func isClose(_ value: Double?, _ expected: Double, tolerance: Double) -> Bool {
    guard let value else { return false }
    if value == expected { return true }
    return abs(value - expected) <= tolerance * max(1, abs(expected))
}

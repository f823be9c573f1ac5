import GLPKSolver

/// Why a solve has status ``ResultStatus/failed`` (`failure` in the result, written as its ``description``).
public enum SolveFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The caller cancelled the solve (`SolveOptions.cancellation`, a cancelled task) before it finished.
    case cancelled
    /// GLPK refused the model before solving; fairshare validates what it passes, so this is a bug to report.
    case solverRefused(String)
    /// GLPK gave up on a level (numerical trouble, …), in its own words.
    case solverGaveUp(String)
    /// A level run ended without solving any level.
    case noLevelSolved
    /// `solver.integer`: no whole-number allocation keeps every hard requirement near the central allocation.
    case noWholeNumberAllocation
    /// The check of the allocation found a violated requirement (named as in a diagnosis); a bug to report.
    case violatedRequirement(String)

    public var description: String {
        switch self {
        case .cancelled: Self.cancelledText
        case .solverRefused(let message): Self.refusedPrefix + message
        case .solverGaveUp(let reason): reason
        case .noLevelSolved: Self.noLevelText
        case .noWholeNumberAllocation: Self.noWholeNumbersText
        case .violatedRequirement(let requirement): Self.violatesPrefix + requirement + Self.violatesSuffix
        }
    }

    /// Reads a written ``description`` back (decoding a stored result): every case's text gives that case.
    public init(description text: String) {
        if text == Self.cancelledText {
            self = .cancelled
        } else if text == Self.noLevelText {
            self = .noLevelSolved
        } else if text == Self.noWholeNumbersText {
            self = .noWholeNumberAllocation
        } else if text.hasPrefix(Self.refusedPrefix) {
            self = .solverRefused(String(text.dropFirst(Self.refusedPrefix.count)))
        } else if text.hasPrefix(Self.violatesPrefix), text.hasSuffix(Self.violatesSuffix),
            text.count >= Self.violatesPrefix.count + Self.violatesSuffix.count
        {
            self = .violatedRequirement(
                String(text.dropFirst(Self.violatesPrefix.count).dropLast(Self.violatesSuffix.count)))
        } else {
            self = .solverGaveUp(text)
        }
    }

    static let cancelledText = "cancelled: the caller stopped the solve before it finished"
    static let refusedPrefix = "the solver refused the model: "
    static let noLevelText = "no level was solved"
    static let noWholeNumbersText =
        "no whole-number allocation keeps every hard requirement near the central "
        + "allocation; solve without \"integer\" to see the continuous one"
    static let violatesPrefix = "the allocation violates "
    static let violatesSuffix = "; please report this as a bug"
}

/// One problem in a scenario file: where (its JSON path), what is wrong, and what would be valid.
public struct ScenarioIssue: Hashable, Sendable, CustomStringConvertible {
    /// The class of problem; new classes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file is not JSON (syntax error, invalid UTF-8, duplicate key, …).
        public static let notJSON = Code("not-json")
        /// The file is empty.
        public static let emptyFile = Code("empty-file")
        /// The file, or a collection in it, is larger than the configured limit.
        public static let tooLarge = Code("too-large")
        /// `format` is missing or not `fairshare-scenario/1`.
        public static let wrongFormat = Code("wrong-format")
        /// A field the format does not define.
        public static let unknownField = Code("unknown-field")
        /// A required field is absent.
        public static let missingField = Code("missing-field")
        /// A value of the wrong JSON type.
        public static let wrongType = Code("wrong-type")
        /// A reference to a segment, group, care quality, municipality or variant that is not declared.
        public static let unknownID = Code("unknown-id")
        /// An id that is not a non-empty string of letters, digits, `-`, `_`, `.`.
        public static let invalidID = Code("invalid-id")
        /// A count (homes, placements, …) below 0.
        public static let negative = Code("negative")
        /// A share outside [0, 1].
        public static let shareOutOfRange = Code("share-out-of-range")
        /// A lower side above the upper side.
        public static let minAboveMax = Code("min-above-max")
        /// A key whose attributes are missing, negative or sum to zero, or whose weights are unusable.
        public static let badKey = Code("bad-key")
        /// A value outside what the field allows (an unknown enum word, an empty list, …).
        public static let invalidValue = Code("invalid-value")
    }

    public let code: Code
    /// The JSON path, e.g. `municipalities.GM0505.limits.social-rent.max`; `""` for the whole file.
    public let path: String
    /// What is wrong and what would be valid.
    public let message: String

    public init(_ code: Code, at path: String, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// A scenario that cannot be used, with every problem found in it.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    /// All problems, in the order of the file.
    public let issues: [ScenarioIssue]

    public init(_ issues: [ScenarioIssue]) {
        self.issues = issues
    }

    public var description: String {
        let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
        return "the scenario is invalid (\(count)):\n" + issues.map { "  \($0)" }.joined(separator: "\n")
    }
}

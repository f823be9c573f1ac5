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
        /// A municipality table (`municipalityTable`) that cannot be read: no such file, not UTF-8, empty.
        public static let tableFile = Code("table-file")
        /// A cell or row of a municipality table that cannot be used: not a number, empty, a repeated id, a row
        /// with a different number of cells than the header.
        public static let tableCell = Code("table-cell")
        /// A number in a municipality table that reads differently in Dutch and English notation (`127.000`), in a
        /// file whose notation is not stated.
        public static let ambiguousNumber = Code("ambiguous-number")
    }

    public let code: Code
    /// Where in the scenario, e.g. `municipalities.GM0505.limits.social-rent.max`; the root for the whole file.
    public let path: JSONPath
    /// What is wrong and what would be valid.
    public let message: String

    public init(_ code: Code, at path: JSONPath, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// A scenario that cannot be used, with the problems found in it: the first ``maximumIssuesKept`` of them, and how
/// many more there were.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    /// The first problems, in the order of the file: at most ``maximumIssuesKept``.
    public let issues: [ScenarioIssue]
    /// How many problems were found beyond ``issues``: counted, not kept.
    public let moreIssues: Int

    /// An error with `issues` (the first ``maximumIssuesKept`` are kept, the rest counted) and `more` problems
    /// found but not kept.
    public init(_ issues: [ScenarioIssue], more: Int = 0) {
        self.issues = Array(issues.prefix(Self.maximumIssuesKept))
        moreIssues = more + max(0, issues.count - Self.maximumIssuesKept)
    }

    /// Every problem found: ``issues`` and ``moreIssues``.
    public var issueCount: Int { issues.count + moreIssues }

    /// At most this many problems are kept in ``issues`` (1,000); validation counts the rest without building
    /// them, so that the memory spent on problems stays bounded whatever the file holds (a 1 MB file with 20,000
    /// bad references used to need more than 4 GB).
    public static let maximumIssuesKept = 1_000
    /// At most this many problems are listed by ``description``; the rest are counted ("… and 99,900 more
    /// problems").
    public static let maximumIssuesShown = 100
    /// Paths and messages longer than this many characters are shortened in ``description`` (the middle is
    /// left out), so that a hostile file cannot make a message as large as itself.
    public static let maximumTextShown = 240

    /// Every problem, one per line: at most ``maximumIssuesShown`` of them, each path and message at most
    /// ``maximumTextShown`` characters, control and bidirectional-override characters written as `\u{…}` escapes
    /// (a file's ids reach the terminal in paths). Bounded whatever the file holds: under 50 KB.
    public var description: String {
        let total = issueCount
        let count = total == 1 ? "1 problem" : "\(total) problems"
        var lines = issues.prefix(Self.maximumIssuesShown).map { issue in
            let message = Self.shown(issue.message)
            return issue.path.isEmpty ? "  \(message)" : "  \(Self.shown(issue.path.description)): \(message)"
        }
        if total > Self.maximumIssuesShown {
            let more = total - Self.maximumIssuesShown
            lines.append("  … and \(more) more problem\(more == 1 ? "" : "s")")
        }
        return "the scenario is invalid (\(count)):\n" + lines.joined(separator: "\n")
    }

    /// The same problems with each kept issue transformed (its count of further problems unchanged).
    public func mapIssues(_ transform: (ScenarioIssue) -> ScenarioIssue) -> ScenarioError {
        ScenarioError(issues.map(transform), more: moreIssues)
    }

    /// `text` made safe and short for a terminal: control characters escaped, the middle left out when long. The
    /// result has at most ``maximumTextShown`` unicode scalars, escapes included, and only the parts shown are read.
    static func shown(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let limit = maximumTextShown
        // As much of the start as fits; if that is all of it, done.
        var head = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let piece = escaped(scalars[index])
            if head.count + piece.count > limit { break }
            head.append(contentsOf: piece)
            index = scalars.index(after: index)
        }
        if index == scalars.endIndex { return String(head) }
        // Otherwise two thirds from the start, "…", and the rest from the end.
        let headBudget = limit * 2 / 3
        head = String.UnicodeScalarView()
        index = scalars.startIndex
        while index != scalars.endIndex {
            let piece = escaped(scalars[index])
            if head.count + piece.count > headBudget { break }
            head.append(contentsOf: piece)
            index = scalars.index(after: index)
        }
        var tail: [String.UnicodeScalarView] = []
        var tailCount = 0
        var back = scalars.endIndex
        while back > index {
            let previous = scalars.index(before: back)
            let piece = escaped(scalars[previous])
            if tailCount + piece.count > limit - headBudget - 1 { break }
            tail.append(piece)
            tailCount += piece.count
            back = previous
        }
        var out = head
        out.append("…")
        for piece in tail.reversed() { out.append(contentsOf: piece) }
        return String(out)
    }

    /// A scalar as shown: itself, or `\u{…}` for control and bidirectional-override characters.
    private static func escaped(_ scalar: Unicode.Scalar) -> String.UnicodeScalarView {
        if scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
        {
            return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars
        }
        return String.UnicodeScalarView([scalar])
    }
}

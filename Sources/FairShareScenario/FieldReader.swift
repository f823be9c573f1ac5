/// Reads typed values out of a JSON tree, collecting every problem with its path instead of stopping at the first.
/// The building blocks of ``ScenarioReader``.
struct FieldReader {
    /// The first problems reported, at most ``ScenarioError/maximumIssuesKept``.
    private(set) var issues: [ScenarioIssue] = []
    /// Problems reported after ``issues`` was full: counted, not kept.
    private(set) var moreIssues = 0
    /// Applied to every problem as it is reported; `nil` from it drops the problem.
    var rewrite: ((ScenarioIssue) -> ScenarioIssue?)?

    /// Every problem reported so far, kept or counted.
    var issueCount: Int { issues.count + moreIssues }

    /// The problems reported, as an error.
    var error: ScenarioError { ScenarioError(issues, more: moreIssues) }

    /// Records a problem: kept while ``issues`` has room, counted after that.
    mutating func report(_ code: ScenarioIssue.Code, _ path: JSONPath, _ message: String) {
        var issue: ScenarioIssue? = ScenarioIssue(code, at: path, message)
        if let rewrite, let reported = issue { issue = rewrite(reported) }
        guard let issue else { return }
        if issues.count < ScenarioError.maximumIssuesKept {
            issues.append(issue)
        } else {
            moreIssues += 1
        }
    }

    /// Whether a further problem would only be counted: ``issues`` is full and no rewrite may drop a problem.
    var isFull: Bool { issues.count >= ScenarioError.maximumIssuesKept && rewrite == nil }

    /// Counts `problems` more without building them; only when ``isFull``.
    mutating func countOnly(_ problems: Int) {
        precondition(isFull, "problems are counted only once the list is full")
        moreIssues += problems
    }

    /// `ids` for a message: all of them when there are few, otherwise the first ones and how many there are in all
    /// (`total`, when `ids` holds only the first ones), so that a message stays short however many ids a file
    /// declares.
    func listed(_ ids: [String], total: Int? = nil) -> String {
        let shown = 10
        let count = total ?? ids.count
        guard count > shown else { return ids.joined(separator: ", ") }
        return ids.prefix(shown).joined(separator: ", ") + ", … (\(count) in all)"
    }

    /// An object with only the `allowed` fields and all `required` ones.
    mutating func object(
        _ value: JSONValue?, _ path: JSONPath, allowed: [String], required: [String] = []
    ) -> JSONObject? {
        guard let value else { return nil }
        guard case .object(let object) = value else {
            report(.wrongType, path, "expected an object, found \(value.typeDescription)")
            return nil
        }
        for key in object.keys where !allowed.contains(key) {
            report(.unknownField, path + key, "unknown field; valid fields here: \(allowed.joined(separator: ", "))")
        }
        for key in required where object[key] == nil {
            report(.missingField, path + key, "required field is missing")
        }
        return object
    }

    /// An object keyed by ids (segments, municipalities, …): every key checked as an id.
    mutating func idMap(_ value: JSONValue?, _ path: JSONPath) -> [(id: String, value: JSONValue)] {
        guard let value else { return [] }
        guard case .object(let object) = value else {
            report(.wrongType, path, "expected an object keyed by id, found \(value.typeDescription)")
            return []
        }
        var out: [(id: String, value: JSONValue)] = []
        for (key, member) in object.members {
            if checkID(key, path + key) { out.append((key, member)) }
        }
        return out
    }

    /// Whether `id` is a valid id; reports it when not.
    @discardableResult
    mutating func checkID(_ id: String, _ path: JSONPath) -> Bool {
        let allowed = id.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                || "-_.".unicodeScalars.contains($0)
        }
        if id.isEmpty || !allowed || id.count > ScenarioLimits.maximumIDLength {
            let shown = id.count > 40 ? String(id.prefix(40)).debugDescription + "…" : id.debugDescription
            report(
                .invalidID, path,
                "invalid id \(shown); ids are 1 to \(ScenarioLimits.maximumIDLength) "
                    + "letters (a-z, A-Z), digits, '-', '_' or '.'")
            return false
        }
        return true
    }

    mutating func string(_ value: JSONValue?, _ path: JSONPath) -> String? {
        guard let value else { return nil }
        guard case .string(let text) = value else {
            report(.wrongType, path, "expected a string, found \(value.typeDescription)")
            return nil
        }
        return text
    }

    /// A display text (a name or label): no control characters, at most 200 characters.
    mutating func text(_ value: JSONValue?, _ path: JSONPath) -> String? {
        guard let text = string(value, path) else { return nil }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            report(.invalidValue, path, "contains a control character; use printable characters only")
            return nil
        }
        // Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder the text after
        // them: a name could make a table's figures read differently than they are.
        let bidirectional = text.unicodeScalars.contains {
            (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
        }
        if bidirectional {
            report(
                .invalidValue, path,
                "contains a bidirectional override or isolate character (U+202A–U+202E, "
                    + "U+2066–U+2069); use printable characters only")
            return nil
        }
        if text.count > ScenarioLimits.maximumNameLength {
            report(
                .invalidValue, path,
                "is \(text.count) characters long; at most "
                    + "\(ScenarioLimits.maximumNameLength) are allowed")
            return nil
        }
        return text
    }

    mutating func bool(_ value: JSONValue?, _ path: JSONPath) -> Bool? {
        guard let value else { return nil }
        guard case .bool(let flag) = value else {
            report(.wrongType, path, "expected true or false, found \(value.typeDescription)")
            return nil
        }
        return flag
    }

    mutating func number(_ value: JSONValue?, _ path: JSONPath) -> Double? {
        guard let value else { return nil }
        guard case .number(let number) = value else {
            var hint = ""
            if case .string(let text) = value {
                // "0,3" (quoted in JSON, or plain in YAML): a decimal comma.
                let parts = text.split(separator: ",", omittingEmptySubsequences: false)
                if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
                    hint = " \"\(text)\"; a decimal comma? write \(parts[0]).\(parts[1]), not \(text)"
                } else if let number = Double(text), number.isFinite {
                    hint = " \"\(text)\"; write the number without quotes"
                } else {
                    hint = " \"\(text.prefix(40))\""
                }
            }
            report(.wrongType, path, "expected a number, found \(value.typeDescription)\(hint)")
            return nil
        }
        // A file cannot hold one (the parser reads finite numbers only); a definition built in code can.
        guard number.isFinite else {
            report(.invalidValue, path, "is \(number); expected a finite number")
            return nil
        }
        return number
    }

    /// A count (homes, placements, persons): a number ≥ 0.
    mutating func count(_ value: JSONValue?, _ path: JSONPath) -> Double? {
        guard let number = number(value, path) else { return nil }
        if number < 0 {
            report(.negative, path, "is \(format(number)); a count must be 0 or more")
            return nil
        }
        return number
    }

    /// A share: a number in [0, 1].
    mutating func share(_ value: JSONValue?, _ path: JSONPath) -> Double? {
        guard let number = number(value, path) else { return nil }
        if !(0...1).contains(number) {
            let hint = number > 1 && number <= 100 ? " (write \(format(number))% as \(format(number / 100)))" : ""
            report(.shareOutOfRange, path, "is \(format(number)); a share must be between 0 and 1\(hint)")
            return nil
        }
        return number
    }

    mutating func integer(_ value: JSONValue?, _ path: JSONPath) -> Int? {
        guard let number = number(value, path) else { return nil }
        guard number == number.rounded(), abs(number) < 1e9 else {
            report(.wrongType, path, "is \(format(number)); expected a whole number")
            return nil
        }
        return Int(number)
    }

    /// One of a fixed set of words.
    mutating func word<Word: RawRepresentable & CaseIterable>(
        _ value: JSONValue?, _ path: JSONPath, as: Word.Type
    ) -> Word? where Word.RawValue == String {
        guard let text = string(value, path) else { return nil }
        guard let word = Word(rawValue: text) else {
            let valid = Word.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            report(.invalidValue, path, "\"\(text)\" is not one of \(valid)")
            return nil
        }
        return word
    }

    /// A `Range`: a number n (min = max = n) or `{"min": a, "max": b}`.
    mutating func range(_ value: JSONValue?, _ path: JSONPath) -> CountRange? {
        guard let value else { return nil }
        switch value {
        case .number:
            guard let exact = count(value, path) else { return nil }
            return CountRange(min: exact, max: exact)
        case .object:
            guard let object = object(value, path, allowed: ["min", "max"]) else { return nil }
            let low = count(object["min"], path + ["min"])
            let high = count(object["max"], path + ["max"])
            let range = CountRange(min: low ?? 0, max: high ?? .infinity)
            if range.min > range.max {
                report(
                    .minAboveMax, path,
                    "min \(format(range.min)) is above max \(format(range.max)); "
                        + "min must be at most max")
                return nil
            }
            return range
        default:
            report(
                .wrongType, path,
                "expected a number or an object {\"min\": …, \"max\": …}, found "
                    + value.typeDescription)
            return nil
        }
    }

    /// A list of strings.
    mutating func strings(_ value: JSONValue?, _ path: JSONPath) -> [String]? {
        guard let value else { return nil }
        guard case .array(let elements) = value else {
            report(.wrongType, path, "expected an array of strings, found \(value.typeDescription)")
            return nil
        }
        var out: [String] = []
        for (index, element) in elements.enumerated() {
            if let text = string(element, path + [.index(index)]) { out.append(text) }
        }
        return out
    }

    /// A key: an attribute name, or an object of attribute weights ≥ 0 with a positive sum.
    mutating func key(_ value: JSONValue?, _ path: JSONPath) -> Key? {
        guard let value else { return nil }
        switch value {
        case .string(let attribute):
            return Key(attribute)
        case .object(let object):
            var weights: [(attribute: String, weight: Double)] = []
            for (attribute, member) in object.members {
                guard let weight = number(member, path + attribute) else { continue }
                if weight < 0 {
                    report(.badKey, path + attribute, "weight is \(format(weight)); key weights must be 0 or more")
                    continue
                }
                weights.append((attribute, weight))
            }
            if object.members.isEmpty
                || (weights.count == object.members.count && weights.allSatisfy { $0.weight == 0 })
            {
                report(.badKey, path, "the key's weights must have a positive sum, e.g. {\"population\": 1}")
                return nil
            }
            return weights.count == object.members.count ? Key(weights) : nil
        default:
            report(
                .wrongType, path,
                "expected an attribute name or an object of attribute weights, found "
                    + value.typeDescription)
            return nil
        }
    }

    func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}

import FairShareJSON
import Foundation
import Yams

/// Scenario files in YAML (`.yaml`, `.yml`): the same scenario as the JSON format, with `#` comments, read into the
/// JSON values the validator reads, so every problem is reported with the same path as in a JSON file.
///
/// YAML's scalars become JSON's by YAML 1.1's core rules (Yams's default resolver): `12`, `0.6667` and `1e3` are
/// numbers, `true`/`false` booleans, `null` and `~` null, everything else (quoted or not) text. Mapping keys are
/// always text (`2025:` is the member `"2025"`). A key given twice in one mapping is an error, as in JSON. Anchors
/// and aliases are expanded, within a budget of values, so that a few lines cannot expand into gigabytes.
enum YAMLDocument {
    /// Parses `data` (UTF-8, with or without a byte order mark) into a JSON value.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - maximumDepth: the deepest nesting of mappings and sequences accepted (``ScenarioLimits/maximumDepth``).
    ///   - maximumValues: the most values the document may expand to (aliases included).
    /// - Throws: ``ScenarioError`` with one ``ScenarioIssue/Code/notJSON`` issue naming the line and column.
    static func parse(_ data: some Collection<UInt8>, maximumDepth: Int, maximumValues: Int) throws(ScenarioError)
        -> JSONValue
    {
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if JSONParser.isUTF16(bytes) { throw issue(JSONParser.utf16Message) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw issue("the file is not UTF-8; save it as UTF-8")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw issue(message(error))
        } catch {
            throw issue("\(error)")
        }
        guard let root else {
            throw ScenarioError([
                ScenarioIssue(
                    .emptyFile, at: .root,
                    "the file holds no YAML document; a scenario is a mapping with at least \"format\", "
                        + "\"name\", \"segments\" and \"municipalities\"")
            ])
        }
        var converter = Converter(maximumDepth: maximumDepth, budget: maximumValues)
        return try converter.value(root, at: .root, depth: 0)
    }

    /// One problem at the document's root: `not valid YAML: …`.
    static func issue(_ message: String, at path: JSONPath = .root) -> ScenarioError {
        ScenarioError([ScenarioIssue(.notJSON, at: path, "not valid YAML: " + message)])
    }

    /// Yams's error as `line L, column C: problem` (without its snippet of the file).
    static func message(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return "line \(mark.line), column \(mark.column): \(problem)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return "line \(context.mark.line), column \(context.mark.column): duplicate key \(names) in one mapping; "
                + "each name may appear only once"
        case .reader(let problem, _, _, _):
            return problem + "; save the file as UTF-8"
        default:
            return "\(error)"
        }
    }

    /// YAML nodes to JSON values, depth-first, within the depth and the budget of values.
    struct Converter {
        let maximumDepth: Int
        var budget: Int

        mutating func value(_ node: Node, at path: JSONPath, depth: Int) throws(ScenarioError) -> JSONValue {
            budget -= 1
            guard budget >= 0 else {
                throw YAMLDocument.issue(
                    "the document expands to more values than its size allows (anchors and aliases "
                        + "repeated many times); write the repeated parts out", at: path)
            }
            switch node {
            case .scalar(let scalar):
                return try self.scalar(node, scalar, at: path)
            case .mapping(let mapping):
                guard depth < maximumDepth else { throw tooDeep(path) }
                var members: [(key: String, value: JSONValue)] = []
                for (key, item) in mapping {
                    guard case .scalar(let name) = key else {
                        throw YAMLDocument.issue(
                            "line \(key.mark?.line ?? 0): a key must be a name, not a "
                                + "mapping or a sequence", at: path)
                    }
                    members.append((name.string, try value(item, at: path + name.string, depth: depth + 1)))
                }
                return .object(JSONObject(members))
            case .sequence(let sequence):
                guard depth < maximumDepth else { throw tooDeep(path) }
                var items: [JSONValue] = []
                for (index, item) in sequence.enumerated() {
                    items.append(try value(item, at: path + .index(index), depth: depth + 1))
                }
                return .array(items)
            case .alias:
                throw YAMLDocument.issue("an alias that names no anchor", at: path)
            }
        }

        func scalar(_ node: Node, _ scalar: Node.Scalar, at path: JSONPath) throws(ScenarioError) -> JSONValue {
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return .null
            case .bool: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case .int, .float:
                guard let number = node.int.map(Double.init) ?? node.float, number.isFinite else {
                    throw YAMLDocument.issue(
                        "line \(scalar.mark?.line ?? 0): \(scalar.string) is not a finite number; every number must "
                            + "be finite", at: path)
                }
                return .number(number)
            default: return .string(scalar.string)
            }
        }

        func tooDeep(_ path: JSONPath) -> ScenarioError {
            YAMLDocument.issue(
                "nesting deeper than \(maximumDepth) levels (ScenarioLimits.maximumDepth; a scenario needs about 8)",
                at: path)
        }
    }
}

import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// Whether python3 with the `jsonschema` module is installed (it validates against the schema independently).
let pythonJSONSchema: URL? = {
    guard let python = installedProgram("python3"),
        let output = try? run(python, ["-c", "import jsonschema"]), output.status == 0
    else { return nil }
    return python
}()

/// Validates each file against the schema with python's `jsonschema` (draft 2020-12) and returns, per file, the
/// messages of its errors (empty: valid). The schema itself is checked first.
private func validateWithPython(schema: URL, files: [URL]) throws -> [String: [String]] {
    let script = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        out = {}
        for path in sys.argv[2:]:
            with open(path) as f:
                document = json.load(f)
            out[path] = [f"{'.'.join(str(p) for p in e.absolute_path)}: {e.message}"
                         for e in validator.iter_errors(document)]
        print(json.dumps(out))
        """
    let output = try run(try #require(pythonJSONSchema), ["-c", script, schema.path] + files.map(\.path))
    #expect(output.status == 0, "\(output)")
    let decoded = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: [String]]
    return try #require(decoded)
}

@Suite("schema: a JSON Schema every scenario file validates against")
struct SchemaTests {
    @Test("fairshare schema prints the library's schema, valid JSON")
    func printed() throws {
        let output = try fairshare(["schema"])
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        #expect(output.stdout == ScenarioSchema.text)
        let schema = try JSONParser().parse(output.stdout)
        #expect(schema.object?["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
    }

    @Test(
        "python's jsonschema accepts every scenario file and variant, and rejects bad files",
        .enabled(if: pythonJSONSchema != nil))
    func jsonschema() throws {
        let directory = try temporaryDirectory("fairshare-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = directory.appendingPathComponent("schema.json")
        let output = try fairshare(["schema", "--output", schema.path])
        #expect(output.status == 0)

        // Valid: the scenario files, the test scenarios, and every variant applied (as the loader reads it).
        var valid = (CLITestSupport.scenarioFiles + [CLITestSupport.infeasible, CLITestSupport.awkwardNames])
            .map { Repository.root.appendingPathComponent($0) }
        let loader = ScenarioLoader()
        for url in valid {
            let scenario = try loader.load(contentsOf: url)
            for variant in scenario.variants {
                let patched = try loader.applying(variant: variant.id, to: scenario)
                let file = directory.appendingPathComponent(
                    "\(url.deletingPathExtension().lastPathComponent)"
                        + "-\(variant.id).json")
                try JSONWriter.text(patched.document).write(to: file, atomically: true, encoding: .utf8)
                valid.append(file)
            }
        }
        // Invalid: bad files whose problem a schema can see (references, min > max, keys and finiteness need
        // the loader).
        let invalid = [
            "unknown-field", "wrong-type", "negative", "share-out-of-range", "invalid-id",
            "missing-field", "wrong-format", "several-problems",
        ]
        .map { CLITestSupport.badScenarios.appendingPathComponent("\($0).json") }

        let errors = try validateWithPython(schema: schema, files: valid + invalid)
        for url in valid {
            #expect(errors[url.path] == [], "\(url.lastPathComponent): \(errors[url.path] ?? ["not checked"])")
        }
        for url in invalid {
            #expect(!(errors[url.path] ?? []).isEmpty, "\(url.lastPathComponent) passed the schema")
        }
        // The error points where the loader does.
        let unknown = errors[CLITestSupport.badScenarios.appendingPathComponent("unknown-field.json").path] ?? []
        #expect(unknown.contains { $0.hasPrefix("municipalities.GM2: Additional properties are not allowed ('stok'") })
    }

    /// A place in the scenario format: a merge patch that puts an unknown field `zzz` there, and where the schema
    /// lists the fields of that place.
    static let places: [(name: String, patch: String, schemaPath: [String])] = [
        ("top level", #"{"zzz": 1}"#, ["properties"]),
        ("horizon", #"{"horizon": {"zzz": 1}}"#, ["properties", "horizon", "properties"]),
        (
            "segment", #"{"segments": {"market": {"zzz": 1}}}"#,
            ["properties", "segments", "additionalProperties", "properties"]
        ),
        ("fair rule", #"{"segments": {"market": {"fair": {"zzz": 1}}}}"#, ["$defs", "fairRule", "oneOf"]),
        ("region", #"{"region": {"zzz": 1}}"#, ["properties", "region", "properties"]),
        (
            "target", #"{"region": {"targets": {"social-30": {"zzz": 1}}}}"#,
            ["properties", "region", "properties", "targets", "additionalProperties", "properties"]
        ),
        (
            "priority group", #"{"priorityGroups": {"statushouders": {"zzz": 1}}}"#,
            ["properties", "priorityGroups", "additionalProperties", "properties"]
        ),
        (
            "care quality", #"{"care": {"zero-step": {"zzz": 1}}}"#,
            ["properties", "care", "additionalProperties", "properties"]
        ),
        ("municipality", #"{"municipalities": {"GM0505": {"zzz": 1}}}"#, ["$defs", "municipality", "properties"]),
        // The loader names the fields a default may have when one is each municipality's own.
        (
            "municipality defaults", #"{"municipalityDefaults": {"population": 1}}"#,
            ["properties", "municipalityDefaults", "properties"]
        ),
        (
            "either-or option",
            #"""
            {"municipalities": {"GM0505": {"alternatives": {"wet-vrv": [{"segments": ["market"], "minNewShare": 0.1,
                                                                        "zzz": 1}]}}}}
            """#, ["$defs", "alternatives", "additionalProperties", "anyOf", "[1]", "items", "properties"]
        ),
        (
            "limits", #"{"municipalities": {"GM0505": {"limits": {"market": {"zzz": 1}}}}}"#,
            ["$defs", "limits", "properties"]
        ),
        ("range", #"{"municipalities": {"GM0505": {"newHomes": {"min": 1, "zzz": 1}}}}"#, ["$defs", "range", "oneOf"]),
        ("fairness", #"{"fairness": {"zzz": 1}}"#, ["properties", "fairness", "properties"]),
        ("solver", #"{"solver": {"zzz": 1}}"#, ["properties", "solver", "properties"]),
        (
            "variant", #"{"variants": {"max-norm": {"zzz": 1}}}"#,
            ["properties", "variants", "additionalProperties", "properties"]
        ),
    ]

    @Test("the schema names the same fields as the loader, everywhere (so neither drifts from the other)")
    func sameFieldsAsLoader() throws {
        let parser = JSONParser()
        let schema = try parser.parse(ScenarioSchema.text)
        let base = try ScenarioLoader().document(
            contentsOf: Repository.root.appendingPathComponent(
                "Scenarios/drechtsteden.json"))
        for place in Self.places {
            // The loader's list: "unknown field; valid fields here: a, b, c".
            var loaderFields: Set<String> = []
            let document = base.mergePatched(with: try parser.parse(place.patch))
            do throws(ScenarioError) {
                _ = try ScenarioLoader().read(document)
                Issue.record("\(place.name): the unknown field was accepted")
            } catch {
                let message = error.issues.first { $0.code == .unknownField }?.message ?? ""
                let list =
                    message.components(separatedBy: "fields here: ").dropFirst().first
                    ?? message.components(separatedBy: "fields allowed here: ").dropFirst().first ?? ""
                loaderFields = Set(list.components(separatedBy: ", ").filter { !$0.isEmpty })
            }
            // The schema's list: the properties there (for a oneOf, of every object alternative).
            var node: JSONValue? = schema
            for step in place.schemaPath {
                if step.hasPrefix("["), let index = Int(step.dropFirst().dropLast()), case .array(let list)? = node {
                    node = index < list.count ? list[index] : nil
                } else {
                    node = node?.object?[step]
                }
            }
            var schemaFields: Set<String> = []
            if case .array(let alternatives)? = node {
                for alternative in alternatives {
                    schemaFields.formUnion(alternative.object?["properties"]?.object?.keys ?? [])
                }
            } else {
                schemaFields = Set(node?.object?.keys ?? [])
            }
            #expect(!loaderFields.isEmpty, "\(place.name): no list of valid fields from the loader")
            #expect(schemaFields == loaderFields, "\(place.name)")
        }
    }
}

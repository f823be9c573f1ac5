import Foundation

/// Reads scenario files: bytes → JSON → validated ``Scenario``, and applies variants.
///
/// ```swift
/// let loader = ScenarioLoader()
/// let base = try loader.load(contentsOf: URL(fileURLWithPath: "Scenarios/drechtsteden.json"))
/// let variant = try loader.applying(variant: "max-norm", to: base)
/// ```
/// Every failure is a ``ScenarioError`` listing all problems, each with its JSON path.
public struct ScenarioLoader: Sendable {
    /// Size limits; raise them for very large regions.
    public var limits: ScenarioLimits

    public init(limits: ScenarioLimits = ScenarioLimits()) {
        self.limits = limits
    }

    /// Reads and validates a scenario file. A `municipalityTable` in it is read from its CSV file, relative to
    /// `directory` (default: the scenario's folder; give the working directory for a stream such as `/dev/stdin`),
    /// and its rows become municipalities (``MunicipalityTable``); a problem with a value that came from the table
    /// names its file, row, column and header.
    public func load(contentsOf url: URL, relativeTo directory: URL? = nil) throws(ScenarioError) -> Scenario {
        let (document, origins) = try MunicipalityTable.expand(
            document(contentsOf: url), directory: directory ?? url.deletingLastPathComponent(), limits: limits)
        do {
            return try read(document)
        } catch {
            throw origins.annotated(error)
        }
    }

    /// Validates a scenario given as JSON bytes.
    public func load(data: some Collection<UInt8>) throws(ScenarioError) -> Scenario {
        try read(parse(data))
    }

    /// Validates a scenario given as JSON text.
    public func load(json: String) throws(ScenarioError) -> Scenario {
        try load(data: Array(json.utf8))
    }

    /// Validates a scenario given as YAML text (the JSON format's members, with `#` comments; ``load(contentsOf:relativeTo:)``
    /// reads files ending in `.yaml` or `.yml` this way).
    public func load(yaml: String) throws(ScenarioError) -> Scenario {
        try read(parse(yaml: Array(yaml.utf8)))
    }

    /// Parses YAML bytes within the limits into the JSON value the validator reads.
    public func parse(yaml data: some Collection<UInt8>) throws(ScenarioError) -> JSONValue {
        try checkSize(data.count)
        // Without aliases a document holds fewer values than bytes: that is the budget for expanding aliases.
        return try YAMLDocument.parse(data, maximumDepth: limits.maximumDepth, maximumValues: data.count + 16)
    }

    /// Reads a file as a JSON document, within the size and nesting limits.
    public func document(contentsOf url: URL) throws(ScenarioError) -> JSONValue {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = attributes[.size] as? Int, size > limits.maximumFileSize {
                throw ScenarioError([
                    ScenarioIssue(
                        .tooLarge, at: .root,
                        "the file is \(size) bytes; at most "
                            + "\(limits.maximumFileSize) are read (ScenarioLimits.maximumFileSize)")
                ])
            }
            if (attributes[.type] as? FileAttributeType) == .typeDirectory {
                throw ScenarioError([
                    ScenarioIssue(.notJSON, at: .root, "\(url.path) is a directory, not a scenario file")
                ])
            }
            data = try Self.read(url, atMost: limits.maximumFileSize)
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw ScenarioError([
                ScenarioIssue(
                    .notJSON, at: .root,
                    "cannot read \(url.path): "
                        + ((error as NSError).localizedFailureReason ?? error.localizedDescription))
            ])
        }
        if ["yaml", "yml"].contains(url.pathExtension.lowercased()) { return try parse(yaml: data) }
        return try parse(data)
    }

    /// Reads at most `limit + 1` bytes of a file, in chunks, so that a file whose size is unknown in advance
    /// (`/dev/stdin`, a pipe, `/dev/zero`, a file still growing) can neither exhaust memory nor be cut off
    /// silently: more than `limit` bytes is reported as too large.
    static func read(_ url: URL, atMost limit: Int) throws -> Data {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var data = Data()
        while data.count <= limit {
            let wanted = min(1 << 20, limit + 1 - data.count)
            guard let chunk = try handle.read(upToCount: wanted), !chunk.isEmpty else { break }
            data.append(chunk)
        }
        if data.count > limit {
            throw ScenarioError([
                ScenarioIssue(
                    .tooLarge, at: .root,
                    "\(url.path) holds more than \(limit) bytes; at "
                        + "most \(limit) are read (ScenarioLimits.maximumFileSize)")
            ])
        }
        return data
    }

    /// A document of `count` bytes is within ``ScenarioLimits/maximumFileSize``.
    private func checkSize(_ count: Int) throws(ScenarioError) {
        guard count > limits.maximumFileSize else { return }
        throw ScenarioError([
            ScenarioIssue(
                .tooLarge, at: .root,
                "the document is \(count) bytes; at most "
                    + "\(limits.maximumFileSize) are read (ScenarioLimits.maximumFileSize)")
        ])
    }

    /// Parses JSON bytes within the limits.
    public func parse(_ data: some Collection<UInt8>) throws(ScenarioError) -> JSONValue {
        try checkSize(data.count)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw ScenarioError([
                ScenarioIssue(
                    .emptyFile, at: .root,
                    "the file is empty; a scenario is a JSON object "
                        + "with at least \"format\", \"name\", \"segments\" and \"municipalities\"")
            ])
        }
        do {
            return try JSONParser(maximumDepth: limits.maximumDepth).parse(data)
        } catch {
            throw ScenarioError([
                ScenarioIssue(
                    .notJSON, at: error.path,
                    "not valid JSON: line \(error.line), "
                        + "column \(error.column): \(error.message)")
            ])
        }
    }

    /// Validates a parsed document as a scenario.
    public func read(_ document: JSONValue) throws(ScenarioError) -> Scenario {
        var reader = ScenarioReader(limits: limits)
        return try reader.read(document).get()
    }

    /// The scenario with a variant's patch applied (RFC 7396) and validated again. The result carries the patched
    /// document; its problems are reported with the variant named in each path's message.
    public func applying(variant id: String, to scenario: Scenario) throws(ScenarioError) -> Scenario {
        guard let variant = scenario.variant(id) else {
            let known = scenario.variants.map(\.id)
            throw ScenarioError([
                ScenarioIssue(
                    .unknownID, at: ["variants"],
                    "unknown variant \"\(id)\"; "
                        + (known.isEmpty
                            ? "the scenario has no variants" : "variants: \(known.joined(separator: ", "))"))
            ])
        }
        let patched = scenario.document.mergePatched(with: variant.patch)
        var reader = ScenarioReader(limits: limits)
        reader.unchanged = UnchangedMunicipalities(base: scenario.definition, patch: variant.patch)
        do {
            let scenario = try reader.read(patched).get()
            return Scenario(validated: scenario.definition, document: scenario.document, appliedVariant: id)
        } catch {
            throw error.mapIssues {
                ScenarioIssue($0.code, at: $0.path, "\($0.message) (after applying variant \"\(id)\")")
            }
        }
    }

    /// The problems of the scenario's variants, each variant applied and validated: the first
    /// ``ScenarioError/maximumIssuesKept``, and how many more; `nil` when every variant is valid.
    ///
    /// A variant with an empty patch is the scenario itself, already valid, and is not validated again. The time
    /// this takes is at most the number of variants (``ScenarioLimits/maximumVariants``) times that of validating
    /// the scenario.
    public func variantError(of scenario: Scenario) -> ScenarioError? {
        var issues: [ScenarioIssue] = []
        var more = 0
        for variant in scenario.variants where variant.patch != .object(JSONObject()) {
            do {
                _ = try applying(variant: variant.id, to: scenario)
            } catch {
                let room = max(0, ScenarioError.maximumIssuesKept - issues.count)
                issues += error.issues.prefix(room)
                more += error.issueCount - min(room, error.issues.count)
            }
        }
        return issues.isEmpty && more == 0 ? nil : ScenarioError(issues, more: more)
    }

    /// The problems of the scenario's variants (``variantError(of:)``): at most
    /// ``ScenarioError/maximumIssuesKept`` of them.
    public func variantIssues(of scenario: Scenario) -> [ScenarioIssue] {
        variantError(of: scenario)?.issues ?? []
    }
}

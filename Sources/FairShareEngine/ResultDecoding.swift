import FairShareScenario

/// A stored result that cannot be read: what is wrong, and where.
public struct ResultDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the result document.
    public var path: JSONPath
    public var message: String

    public init(path: JSONPath, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

extension FairShareResult {
    /// Reads a stored `fairshare-result/1` document (what ``json`` writes and `fairshare solve --format json`
    /// prints): decoding what was written gives a value equal to the original.
    public init(json document: JSONValue) throws(ResultDecodingError) {
        let top = try ResultReader.object(document, .root)
        let format = try ResultReader.string(top["format"], ["format"])
        guard format == "fairshare-result/1" else {
            throw ResultDecodingError(path: ["format"], message: "is \"\(format)\"; expected \"fairshare-result/1\"")
        }
        let ids = try ResultReader.object(top["ids"], ["ids"])
        func list(_ name: String) throws(ResultDecodingError) -> [String] {
            try ResultReader.strings(ids[name], ["ids", .member(name)])
        }
        let segmentIDs = try list("segments")
        let groupIDs = try list("priorityGroups")
        let careIDs = try list("care")
        let targetIDs = try list("targets")
        self.init(
            scenario: try ResultReader.string(top["scenario"], ["scenario"]),
            variant: top["variant"] == .null ? nil : try ResultReader.string(top["variant"], ["variant"]),
            status: try ResultReader.word(top["status"], ["status"]),
            failure: try top["failure"].map { value throws(ResultDecodingError) in
                SolveFailure(description: try ResultReader.string(value, ["failure"]))
            },
            objective: try ResultReader.levels(top["objective"], ["objective"]),
            mipGap: try top["mipGap"].map { value throws(ResultDecodingError) in
                try ResultReader.number(value, ["mipGap"])
            },
            segmentIDs: segmentIDs, groupIDs: groupIDs, careIDs: careIDs, fairItemIDs: try list("fairItems"),
            municipalities: [],
            region: RegionSummary(newHomes: [:], total: 0, targets: [], priorityGroups: [], care: []))
        if let profile = top["fairnessProfile"] {
            guard case .array(let values) = profile else {
                throw ResultDecodingError(path: ["fairnessProfile"], message: "expected an array of numbers")
            }
            var numbers: [Double] = []
            for (index, value) in values.enumerated() {
                numbers.append(try ResultReader.number(value, ["fairnessProfile", .index(index)]))
            }
            fairnessProfile = numbers
        }
        if let allocation = top["allocation"] { self.allocation = try ResultReader.word(allocation, ["allocation"]) }
        if let whole = top["wholeNumbers"] {
            let object = try ResultReader.object(whole, ["wholeNumbers"])
            wholeNumbers = WholeNumberRounding(
                distance: try ResultReader.number(object["distance"], ["wholeNumbers", "distance"]),
                achieved: try ResultReader.levels(object["achieved"], ["wholeNumbers", "achieved"]))
        }
        for (id, value) in try ResultReader.object(top["municipalities"], ["municipalities"]).members {
            municipalities.append(try ResultReader.municipality(value, id: id, ids: (segmentIDs, groupIDs, careIDs)))
        }
        region = try ResultReader.region(top["region"], targets: targetIDs, groups: groupIDs, care: careIDs)
        if let periods = top["periods"] {
            // In the order of `ids.periods` (a `Decoder` may report the members sorted).
            let order = ids["periods"] == nil ? [] : try list("periods")
            self.periods = try ResultReader.periods(periods).sorted {
                (order.firstIndex(of: $0.id) ?? 0) < (order.firstIndex(of: $1.id) ?? 0)
            }
            // Targets per period in the order of `ids.targets`, as the horizon's.
            for t in self.periods.indices {
                self.periods[t].region.targets.sort {
                    (targetIDs.firstIndex(of: $0.id) ?? 0) < (targetIDs.firstIndex(of: $1.id) ?? 0)
                }
            }
        }
        if let list = top["warnings"] {
            guard case .array(let elements) = list else {
                throw ResultDecodingError(path: ["warnings"], message: "expected an array of warnings")
            }
            for (index, element) in elements.enumerated() {
                let here: JSONPath = ["warnings", .index(index)]
                let warning = try ResultReader.object(element, here)
                warnings.append(
                    ResultWarning(
                        try ResultReader.word(warning["kind"], here + "kind"),
                        path: try ResultReader.path(warning["path"], here + "path"),
                        try ResultReader.string(warning["message"], here + "message")))
            }
        }
        if let diagnosis = top["diagnosis"] { self.diagnosis = try ResultReader.diagnosis(diagnosis) }
    }

    /// Reads a stored result from its JSON text.
    public init(jsonText: String) throws(ResultDecodingError) {
        let document: JSONValue
        do {
            document = try JSONParser().parse(jsonText)
        } catch {
            throw ResultDecodingError(path: error.path, message: "not valid JSON: \(error)")
        }
        try self.init(json: document)
    }
}

/// `Codable` through the `fairshare-result/1` document, so a result can be stored in an application's own
/// `Codable` types: decoding an encoded result gives an equal value, with any `Decoder` (the document's `ids` keep
/// the scenario's order, which `Decoder`s do not report).
extension FairShareResult: Codable {
    public init(from decoder: any Decoder) throws {
        try self.init(json: try JSONValue(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }
}

/// Typed reads out of a result document, each failure with its path.
enum ResultReader {
    static func object(_ value: JSONValue?, _ path: JSONPath) throws(ResultDecodingError) -> JSONObject {
        guard case .object(let object)? = value else { throw mismatch(value, path, "an object") }
        return object
    }

    static func string(_ value: JSONValue?, _ path: JSONPath) throws(ResultDecodingError) -> String {
        guard case .string(let text)? = value else { throw mismatch(value, path, "a string") }
        return text
    }

    static func number(_ value: JSONValue?, _ path: JSONPath) throws(ResultDecodingError) -> Double {
        guard case .number(let number)? = value else { throw mismatch(value, path, "a number") }
        return number
    }

    static func bool(_ value: JSONValue?, _ path: JSONPath) throws(ResultDecodingError) -> Bool {
        guard case .bool(let flag)? = value else { throw mismatch(value, path, "true or false") }
        return flag
    }

    static func strings(_ value: JSONValue?, _ path: JSONPath) throws(ResultDecodingError) -> [String] {
        guard case .array(let elements)? = value else { throw mismatch(value, path, "an array of strings") }
        var out: [String] = []
        for (index, element) in elements.enumerated() { out.append(try string(element, path + .index(index))) }
        return out
    }

    static func word<Word: RawRepresentable>(
        _ value: JSONValue?, _ path: JSONPath
    ) throws(ResultDecodingError) -> Word where Word.RawValue == String {
        let text = try string(value, path)
        guard let word = Word(rawValue: text) else {
            throw ResultDecodingError(path: path, message: "\"\(text)\" is not a known value here")
        }
        return word
    }

    static func path(_ value: JSONValue?, _ path: JSONPath) throws(ResultDecodingError) -> JSONPath {
        let text = try string(value, path)
        guard let parsed = JSONPath(parsing: text) else {
            throw ResultDecodingError(path: path, message: "\"\(text)\" is not a path")
        }
        return parsed
    }

    /// Level optima, in the levels' own order (a `Decoder` may report the members sorted).
    static func levels(_ value: JSONValue?, _ path: JSONPath) throws(ResultDecodingError) -> [LevelOptimum] {
        var out: [LevelOptimum] = []
        for (name, member) in try object(value, path).members {
            guard let level = Level(rawValue: name) else {
                throw ResultDecodingError(path: path + name, message: "not a level")
            }
            out.append(LevelOptimum(level: level, value: try number(member, path + name)))
        }
        let order = Level.allCases
        return out.sorted { order.firstIndex(of: $0.level)! < order.firstIndex(of: $1.level)! }
    }

    static func figures(_ value: JSONValue?, _ path: JSONPath) throws(ResultDecodingError) -> [String: Double] {
        var out: [String: Double] = [:]
        for (id, member) in try object(value, path).members { out[id] = try number(member, path + id) }
        return out
    }

    static func range(_ value: JSONValue?, _ path: JSONPath) throws(ResultDecodingError) -> FigureRange {
        let object = try object(value, path)
        let high = object["max"] == .null ? Double.infinity : try number(object["max"], path + "max")
        return FigureRange(min: try number(object["min"], path + "min"), max: high)
    }

    static func ranges(_ value: JSONValue?, _ path: JSONPath) throws(ResultDecodingError) -> AllocationRanges {
        let object = try object(value, path)
        func ranged(_ name: String) throws(ResultDecodingError) -> [String: FigureRange] {
            var out: [String: FigureRange] = [:]
            for (id, member) in try self.object(object[name], path + name).members {
                out[id] = try range(member, path + name + id)
            }
            return out
        }
        return AllocationRanges(
            newHomes: try ranged("newHomes"), placements: try ranged("placements"), care: try ranged("care"),
            total: try range(object["total"], path + "total"))
    }

    static func municipality(
        _ value: JSONValue, id: String, ids: (segments: [String], groups: [String], care: [String])
    ) throws(ResultDecodingError) -> MunicipalityAllocation {
        let here = JSONPath(members: ["municipalities", id])
        let object = try object(value, here)
        var municipality = MunicipalityAllocation(
            id: id, name: try string(object["name"], here + "name"),
            newHomes: try figures(object["newHomes"], here + "newHomes"),
            total: try number(object["total"], here + "total"),
            stockShareBefore: try figures(object["stockShareBefore"], here + "stockShareBefore"),
            stockShareAfter: try figures(object["stockShareAfter"], here + "stockShareAfter"),
            placements: try figures(object["placements"], here + "placements"),
            care: try figures(object["care"], here + "care"),
            fairShare: try figures(object["fairShare"], here + "fairShare"),
            deviation: try figures(object["deviation"], here + "deviation"))
        if let ranges = object["ranges"] { municipality.ranges = try self.ranges(ranges, here + "ranges") }
        if let alternatives = object["alternatives"] {
            for (rule, member) in try self.object(alternatives, here + "alternatives").members {
                let at = here + "alternatives" + rule
                let chosen = try self.object(member, at)
                let option = try number(chosen["option"], at + "option")
                guard let position = Int(exactly: option), position >= 0 else {
                    throw ResultDecodingError(path: at + "option", message: "expected a position (0, 1, …)")
                }
                municipality.alternatives.append(
                    ChosenOption(
                        rule: rule, option: position, segments: try strings(chosen["segments"], at + "segments"),
                        minNewShare: try number(chosen["minNewShare"], at + "minNewShare"),
                        share: try number(chosen["share"], at + "share")))
            }
            municipality.alternatives.sort { $0.rule < $1.rule }
        }
        if let obligations = object["obligations"] {
            for (rule, member) in try self.object(obligations, here + "obligations").members {
                let at = here + "obligations" + rule
                let outcome = try self.object(member, at)
                let decided = DecidedObligation(
                    rule: rule, measured: try number(outcome["measured"], at + "measured"),
                    threshold: try number(outcome["threshold"], at + "threshold"),
                    thresholdKind: try word(outcome["thresholdKind"], at + "thresholdKind"),
                    side: try word(outcome["side"], at + "side"),
                    applies: AlternativeOption(
                        segments: try strings(outcome["segments"], at + "segments"),
                        minNewShare: try number(outcome["minNewShare"], at + "minNewShare")))
                municipality.obligations.append(
                    ObligationOutcome(decided: decided, share: try number(outcome["share"], at + "share")))
            }
            municipality.obligations.sort { $0.decided.rule < $1.decided.rule }
        }
        return municipality
    }

    static func region(
        _ value: JSONValue?, targets: [String], groups: [String], care: [String]
    ) throws(ResultDecodingError) -> RegionSummary {
        let here: JSONPath = ["region"]
        let object = try object(value, here)
        let targetObjects = try self.object(object["targets"], here + "targets")
        var outcomes: [TargetOutcome] = []
        for id in targets {
            let at = here + "targets" + id
            let target = try self.object(targetObjects[id], at)
            outcomes.append(
                TargetOutcome(
                    id: id, share: try number(target["share"], at + "share"),
                    minShare: try number(target["minShare"], at + "minShare"),
                    maxShare: try number(target["maxShare"], at + "maxShare"), met: try bool(target["met"], at + "met"),
                    shortfall: try number(target["shortfall"], at + "shortfall")))
        }
        func demands(_ name: String, _ order: [String]) throws(ResultDecodingError) -> [DemandOutcome] {
            let members = try self.object(object[name], here + name)
            var out: [DemandOutcome] = []
            for id in order where members[id] != nil {
                let at = here + name + id
                let demand = try self.object(members[id], at)
                out.append(
                    DemandOutcome(
                        id: id, placed: try number(demand["placed"], at + "placed"),
                        shortfall: try number(demand["shortfall"], at + "shortfall")))
            }
            return out
        }
        var region = RegionSummary(
            newHomes: try figures(object["newHomes"], here + "newHomes"),
            total: try number(object["total"], here + "total"),
            targets: outcomes, priorityGroups: try demands("priorityGroups", groups), care: try demands("care", care))
        if let ranges = object["ranges"] { region.ranges = try self.ranges(ranges, here + "ranges") }
        return region
    }

    static func diagnosis(_ value: JSONValue) throws(ResultDecodingError) -> Diagnosis {
        let here: JSONPath = ["diagnosis"]
        let object = try object(value, here)
        guard case .array(let elements)? = object["changes"] else {
            throw mismatch(object["changes"], here + "changes", "an array of changes")
        }
        var changes: [Diagnosis.Change] = []
        for (index, element) in elements.enumerated() {
            let at = here + "changes" + .index(index)
            let change = try self.object(element, at)
            let requirement = Requirement(
                family: try string(change["requirement"], at + "requirement"),
                path: try path(change["path"], at + "path"),
                unit: try word(change["unit"], at + "unit"), side: try word(change["side"], at + "side"),
                value: try number(change["current"], at + "current"),
                municipality: change["municipality"] == .null
                    ? nil : try string(change["municipality"], at + "municipality"))
            changes.append(
                Diagnosis.Change(requirement: requirement, suggested: try number(change["suggested"], at + "suggested"))
            )
        }
        return Diagnosis(
            changes: changes, patch: object["patch"] ?? .object(JSONObject()),
            verified: try bool(object["verified"], here + "verified"),
            unavailable: object["unavailable"] == nil ? nil : try word(object["unavailable"], here + "unavailable"))
    }

    static func mismatch(_ value: JSONValue?, _ path: JSONPath, _ expected: String) -> ResultDecodingError {
        ResultDecodingError(path: path, message: "expected \(expected), found \(value?.typeDescription ?? "nothing")")
    }
}

/// Turns a parsed scenario document into a validated ``Scenario``, reporting every problem at once.
struct ScenarioReader {
    var fields = FieldReader()
    let limits: ScenarioLimits
    /// When reading a variant: the base scenario's municipalities that its patch leaves unchanged.
    var unchanged: UnchangedMunicipalities?

    /// `$schema` names the JSON Schema for editors (`fairshare schema`); the reader ignores it.
    static let topFields = [
        "$schema", "format", "name", "description", "sources", "horizon", "segments", "region", "priorityGroups",
        "care", "municipalityDefaults", "municipalities", "fairness", "solver", "variants", "periods", "monitoring",
        "language", MunicipalityTable.member,
    ]
    /// Fields that are each municipality's own and cannot have a default (docs/model.md §7).
    static let ownFields = [
        "name", "population", "households", "stock", "stockChanges", "realised", "housed", "attributes", "periods",
    ]
    static let municipalityFields = [
        "name", "population", "households", "stock", "newHomes", "realised", "limits", "lettings",
        "maxPriorityShare", "placements", "care", "attributes", "alternatives", "obligations", "stockChanges",
        "housed", "periods",
    ]
    static let limitFields = ["min", "max", "minNewShare", "maxNewShare", "minStockShare", "maxStockShare"]

    init(limits: ScenarioLimits) {
        self.limits = limits
    }

    /// The scenario, or every problem found.
    mutating func read(_ document: JSONValue) -> Result<Scenario, ScenarioError> {
        guard
            let top = fields.object(
                document, [], allowed: Self.topFields,
                required: [
                    "format", "name",
                    "segments", "municipalities",
                ])
        else { return .failure(fields.error) }

        if top[MunicipalityTable.member] != nil {
            // ScenarioLoader.load(contentsOf:) reads the table and removes the member; here it was not read.
            fields.report(
                .invalidValue, [.member(MunicipalityTable.member)],
                "a municipality table is read only when the scenario is loaded from its file "
                    + "(fairshare, or ScenarioLoader.load(contentsOf:)), and a variant cannot change it; "
                    + "give the municipalities in \"municipalities\" instead")
        }
        if let format = top["format"] {
            if format != .string(Scenario.format) {
                fields.report(.wrongFormat, ["format"], "must be \"\(Scenario.format)\"")
            }
        }
        let name = fields.text(top["name"], ["name"]) ?? ""
        let description = fields.string(top["description"], ["description"])
        let sources = fields.strings(top["sources"], ["sources"]) ?? []
        let language = fields.word(top["language"], ["language"], as: ReportLanguage.self)
        let horizon = readHorizon(top["horizon"])
        let segments = readSegments(top["segments"])
        let segmentIDs = DeclaredIDs(segments.map(\.id))
        let region = readRegion(top["region"], segmentIDs: segmentIDs)
        let groups = readGroups(top["priorityGroups"])
        let groupIDs = DeclaredIDs(groups.map(\.id))
        let care = readCare(top["care"])
        let careIDs = DeclaredIDs(care.map(\.id))
        let periods = readPeriods(top["periods"], horizon: horizon, groups: groupIDs, care: careIDs)
        let periodIDs = DeclaredIDs(periods.map(\.id))
        let defaults = readDefaults(top["municipalityDefaults"])
        let municipalities = readMunicipalities(
            top["municipalities"], defaults: defaults, segments: segmentIDs, groups: groupIDs, care: careIDs,
            periods: periodIDs)
        let monitoring = readMonitoring(top["monitoring"], periods: periodIDs)
        let fairness = readFairness(top["fairness"])
        let solver = readSolver(top["solver"])
        let variants = readVariants(top["variants"])

        var keyed: [(Key, JSONPath)] = []
        for segment in segments {
            if case .proportional(let key) = segment.fair {
                keyed.append((key, JSONPath(members: ["segments", segment.id, "fair", "key"])))
            }
        }
        for group in groups { keyed.append((group.key, JSONPath(members: ["priorityGroups", group.id, "key"]))) }
        for quality in care { keyed.append((quality.key, JSONPath(members: ["care", quality.id, "key"]))) }
        if fields.issues.isEmpty {
            var totals = KeyAttributeTotals(municipalities: municipalities, segments: segmentIDs)
            for (key, path) in keyed { checkKey(key, path, totals: &totals, segments: segmentIDs) }
        }

        checkItemIDsAreDistinct(segments: segmentIDs, groups: groupIDs, care: careIDs)
        if solver.method == .interior, let first = municipalities.first(where: { !$0.alternatives.isEmpty }) {
            // Either-or requirements are binary choices (docs/model.md §7): branch-and-cut, which starts from the
            // simplex method.
            fields.report(
                .invalidValue, JSONPath(members: ["solver", "method"]),
                "\"interior\" solves linear programmes only, and the either-or requirements of "
                    + "municipalities.\(first.id).alternatives need whole-number choices; use \"simplex\"")
        }
        checkObligationMeasures(municipalities)
        checkStatutoryTasks(groups, municipalities)
        NumericRange.check(document, largest: limits.largestNumber, reporting: &fields)
        let regionalStock = municipalities.reduce(0) { $0 + $1.totalStock }
        for segment in segments {
            if case .converge? = segment.fair, regionalStock <= 0 {
                fields.report(
                    .invalidValue, JSONPath(members: ["segments", segment.id, "fair"]),
                    "the \"converge\" rule needs existing "
                        + "stock: give municipalities a \"stock\", or use \"proportional\"")
            }
        }

        guard fields.issues.isEmpty else { return .failure(fields.error) }
        return .success(
            Scenario(
                validated: ScenarioDefinition(
                    name: name, description: description, sources: sources, horizon: horizon, segments: segments,
                    region: region, priorityGroups: groups, careQualities: care,
                    municipalities: municipalities.sorted { $0.id < $1.id }, fairness: fairness, solver: solver,
                    variants: variants, periods: periods, monitoring: monitoring, language: language),
                document: document))
    }

    mutating func readHorizon(_ value: JSONValue?) -> Horizon? {
        guard let object = fields.object(value, ["horizon"], allowed: ["start", "end"], required: ["start", "end"]),
            let start = fields.integer(object["start"], ["horizon", "start"]),
            let end = fields.integer(object["end"], ["horizon", "end"])
        else { return nil }
        if start > end { fields.report(.minAboveMax, ["horizon"], "start \(start) is after end \(end)") }
        return Horizon(start: start, end: end)
    }

    mutating func readSegments(_ value: JSONValue?) -> [Segment] {
        let path: JSONPath = ["segments"]
        let reported = fields.issueCount
        let entries = fields.idMap(value, path)
        if value != nil && entries.isEmpty && fields.issueCount == reported {
            fields.report(.invalidValue, path, "declare at least one segment, e.g. {\"social-rent\": {}}")
        }
        return entries.map { id, value in
            let here = path + id
            let object = fields.object(value, here, allowed: ["label", "affordable", "lettable", "fair"])
            var fair: FairRule?
            var weight = 1.0
            if let rule = fields.object(
                object?["fair"], here + ["fair"],
                allowed: [
                    "rule", "key", "targetShare",
                    "weight",
                ], required: ["rule"])
            {
                let fairPath = here + ["fair"]
                weight = fields.count(rule["weight"], fairPath + ["weight"]) ?? 1
                switch fields.string(rule["rule"], fairPath + ["rule"]) {
                case "proportional":
                    if rule["targetShare"] != nil {
                        fields.report(
                            .unknownField, fairPath + ["targetShare"],
                            "only the \"converge\" rule takes "
                                + "a targetShare")
                    }
                    fair = .proportional(key: fields.key(rule["key"], fairPath + ["key"]) ?? Key("population"))
                case "converge":
                    if rule["key"] != nil {
                        fields.report(.unknownField, fairPath + ["key"], "only the \"proportional\" rule takes a key")
                    }
                    fair = .converge(targetShare: fields.share(rule["targetShare"], fairPath + ["targetShare"]))
                case "none":
                    fair = nil
                case let other?:
                    fields.report(
                        .invalidValue, fairPath + ["rule"],
                        "\"\(other)\" is not one of \"proportional\", "
                            + "\"converge\", \"none\"")
                case nil:
                    break
                }
            }
            return Segment(
                id: id, label: fields.text(object?["label"], here + ["label"]) ?? id,
                affordable: fields.bool(object?["affordable"], here + ["affordable"]) ?? false,
                lettable: fields.bool(object?["lettable"], here + ["lettable"]) ?? false, fair: fair, fairWeight: weight
            )
        }
    }

    mutating func readRegion(_ value: JSONValue?, segmentIDs: DeclaredIDs) -> Region {
        let path: JSONPath = ["region"]
        let object = fields.object(value, path, allowed: ["newHomes", "targets"])
        let newHomes = fields.range(object?["newHomes"], path + ["newHomes"]) ?? .any
        let targets = fields.idMap(object?["targets"], path + ["targets"]).map { id, value in
            let here = path + "targets" + id
            let target = fields.object(
                value, here, allowed: ["segments", "minShare", "maxShare", "mode", "weight", "perPeriod"],
                required: ["segments"])
            let segments = segmentList(target?["segments"], here + "segments", segments: segmentIDs)
            if Set(segments).count != segments.count {
                fields.report(.invalidValue, here + ["segments"], "names a segment twice")
            }
            let minShare = fields.share(target?["minShare"], here + ["minShare"]) ?? 0
            let maxShare = fields.share(target?["maxShare"], here + ["maxShare"]) ?? 1
            if minShare > maxShare {
                fields.report(.minAboveMax, here, "minShare \(minShare) is above maxShare \(maxShare)")
            }
            if target?["minShare"] == nil && target?["maxShare"] == nil && target != nil {
                fields.report(.missingField, here, "a target needs minShare, maxShare or both")
            }
            return Target(
                id: id, segments: segments, minShare: minShare, maxShare: maxShare,
                mode: fields.word(target?["mode"], here + ["mode"], as: RequirementMode.self) ?? .hard,
                weight: fields.count(target?["weight"], here + ["weight"]) ?? 1,
                perPeriod: readCarryOver(target?["perPeriod"], here + "perPeriod"))
        }
        return Region(newHomes: newHomes, targets: targets)
    }

    mutating func readGroups(_ value: JSONValue?) -> [PriorityGroup] {
        fields.idMap(value, ["priorityGroups"]).map { id, value in
            let here = JSONPath(members: ["priorityGroups", id])
            let group = fields.object(
                value, here, allowed: ["label", "demand", "key", "mode", "weight", "statutory", "carryOver"])
            return PriorityGroup(
                id: id, label: fields.text(group?["label"], here + ["label"]) ?? id,
                demand: fields.range(group?["demand"], here + ["demand"]) ?? .any,
                key: fields.key(group?["key"], here + ["key"]) ?? Key("population"),
                mode: fields.word(group?["mode"], here + ["mode"], as: RequirementMode.self) ?? .hard,
                weight: fields.count(group?["weight"], here + ["weight"]) ?? 1,
                statutory: readStatutory(group?["statutory"], here + "statutory"),
                carryOver: readCarryOver(group?["carryOver"], here + "carryOver") ?? CarryOver())
        }
    }

    /// `statutory`: `{"nationalNumber", "nationalPopulation", "population"?, "swaps"?}`; the swaps' municipalities
    /// and sum are checked once the municipalities are read (``checkStatutoryTasks(_:_:)``).
    mutating func readStatutory(_ value: JSONValue?, _ path: JSONPath) -> StatutoryTask? {
        guard
            let object = fields.object(
                value, path, allowed: ["nationalNumber", "nationalPopulation", "population", "swaps"],
                required: ["nationalNumber", "nationalPopulation"])
        else { return nil }
        let number = fields.count(object["nationalNumber"], path + "nationalNumber")
        if let number, number != number.rounded() {
            fields.report(.invalidValue, path + "nationalNumber", "is \(fields.format(number)); people are whole")
        }
        let population = fields.count(object["nationalPopulation"], path + "nationalPopulation")
        if population == 0 {
            fields.report(.invalidValue, path + "nationalPopulation", "is 0; a population share needs a population")
        }
        let attribute = object["population"].flatMap { fields.string($0, path + "population") }
        var swaps: [String: Double] = [:]
        for (id, member) in fields.idMap(object["swaps"], path + "swaps") {
            guard let swap = fields.number(member, path + "swaps" + id) else { continue }
            if swap != swap.rounded() {
                fields.report(.invalidValue, path + "swaps" + id, "is \(fields.format(swap)); people are whole")
            }
            swaps[id] = swap
        }
        guard let number, let population else { return nil }
        return StatutoryTask(
            nationalNumber: number, nationalPopulation: population, population: attribute, swaps: swaps)
    }

    /// Swaps name known municipalities and sum to zero (Huisvestingswet art. 29(2)); every municipality has a
    /// reference population; no task ends below 0.
    mutating func checkStatutoryTasks(_ groups: [PriorityGroup], _ municipalities: [Municipality]) {
        for group in groups {
            guard let statutory = group.statutory else { continue }
            let path = JSONPath(members: ["priorityGroups", group.id, "statutory"])
            let ids = municipalities.map(\.id)
            let byID = Dictionary(municipalities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for (id, swap) in statutory.swaps.sorted(by: { $0.key < $1.key }) {
                guard let municipality = byID[id] else {
                    fields.report(
                        .unknownID, path + "swaps" + id,
                        "unknown municipality \"\(id)\"; municipalities: \(fields.listed(ids))")
                    continue
                }
                if statutory.statutoryTask(of: municipality) + swap < 0 {
                    fields.report(
                        .invalidValue, path + "swaps" + id,
                        "is \(fields.format(swap)); the statutory task of \(municipality.name) is "
                            + "\(fields.format(statutory.statutoryTask(of: municipality))), and a task cannot fall below 0"
                    )
                }
            }
            let sum = statutory.swaps.values.reduce(0, +)
            if sum != 0 {
                fields.report(
                    .invalidValue, path + "swaps",
                    "the swaps sum to \(fields.format(sum)); what one municipality takes over another hands over, so "
                        + "they must sum to 0")
            }
            for municipality in municipalities where statutory.referencePopulation(of: municipality) == nil {
                let field: JSONPath =
                    statutory.population.map {
                        JSONPath(members: ["municipalities", municipality.id, "attributes", $0])
                    }
                    ?? JSONPath(members: ["municipalities", municipality.id, "population"])
                fields.report(
                    .missingField, field,
                    "the statutory task of \(group.id) needs each municipality's reference population here")
            }
        }
    }

    mutating func readCare(_ value: JSONValue?) -> [CareQuality] {
        fields.idMap(value, ["care"]).map { id, value in
            let here = JSONPath(members: ["care", id])
            let quality = fields.object(
                value, here,
                allowed: [
                    "label", "demand", "key", "maxShareOfNewHomes", "mode",
                    "weight", "carryOver",
                ])
            return CareQuality(
                id: id, label: fields.text(quality?["label"], here + ["label"]) ?? id,
                demand: fields.range(quality?["demand"], here + ["demand"]) ?? .any,
                key: fields.key(quality?["key"], here + ["key"]) ?? Key("population"),
                maxShareOfNewHomes: fields.share(quality?["maxShareOfNewHomes"], here + ["maxShareOfNewHomes"]) ?? 1,
                mode: fields.word(quality?["mode"], here + ["mode"], as: RequirementMode.self) ?? .hard,
                weight: fields.count(quality?["weight"], here + ["weight"]) ?? 1,
                carryOver: readCarryOver(quality?["carryOver"], here + "carryOver") ?? CarryOver())
        }
    }

    /// `municipalityDefaults`: any municipality field except its own figures; merged under every municipality.
    mutating func readDefaults(_ value: JSONValue?) -> JSONObject? {
        guard let value else { return nil }
        guard case .object(let object) = value else {
            fields.report(.wrongType, ["municipalityDefaults"], "expected an object, found \(value.typeDescription)")
            return nil
        }
        var defaults = object
        for key in object.keys where Self.ownFields.contains(key) {
            fields.report(
                .unknownField, ["municipalityDefaults", .member(key)],
                "\"\(key)\" is each municipality's own and "
                    + "cannot have a default; fields allowed here: "
                    + Self.municipalityFields.filter { !Self.ownFields.contains($0) }.joined(separator: ", "))
            defaults[key] = nil
        }
        return defaults
    }

    mutating func readMunicipalities(
        _ value: JSONValue?, defaults: JSONObject? = nil, segments: DeclaredIDs, groups: DeclaredIDs,
        care: DeclaredIDs, periods: DeclaredIDs = []
    ) -> [Municipality] {
        let reported = fields.issueCount
        let entries = fields.idMap(value, ["municipalities"])
        if value != nil && entries.isEmpty && fields.issueCount == reported {
            fields.report(.invalidValue, ["municipalities"], "declare at least one municipality")
        }
        if entries.count > limits.maximumMunicipalities {
            fields.report(
                .tooLarge, ["municipalities"],
                "\(entries.count) municipalities; at most "
                    + "\(limits.maximumMunicipalities) are allowed (ScenarioLimits.maximumMunicipalities)")
            return []
        }
        var fromDefaults: Set<ScenarioIssue> = []
        let items = segments + groups + care
        defer { fields.rewrite = nil }
        return entries.map { id, own in
            if let known = unchanged?.municipality(id) { return known }
            let here = JSONPath(members: ["municipalities", id])
            // docs/model.md §7: the defaults merged under the municipality's own object (its values win, null
            // removes one).
            let value = defaults.map { JSONValue.object($0).mergePatched(with: own) } ?? own
            if defaults != nil {
                // A problem in a value that came from the defaults is reported once, where it was written.
                fields.rewrite = { issue in
                    guard issue.path.hasPrefix(here), issue.path.components.count > 2 else { return issue }
                    let rest = issue.path.dropFirst(2)
                    guard own.value(at: rest) == nil, value.value(at: rest) != nil else { return issue }
                    let moved = ScenarioIssue(
                        issue.code, at: ["municipalityDefaults"] + rest,
                        issue.message)
                    return fromDefaults.insert(moved).inserted ? moved : nil
                }
            }
            let object = fields.object(value, here, allowed: Self.municipalityFields, required: ["name"])
            let stock = counts(object?["stock"], here + ["stock"], ids: segments, kind: "segment")
            let newHomes = fields.range(object?["newHomes"], here + ["newHomes"]) ?? .any
            return Municipality(
                id: id, name: fields.text(object?["name"], here + ["name"]) ?? id,
                population: fields.count(object?["population"], here + ["population"]),
                households: fields.count(object?["households"], here + ["households"]),
                stock: stock,
                newHomes: newHomes,
                realised: counts(object?["realised"], here + ["realised"], ids: segments, kind: "segment"),
                limits: readLimits(object?["limits"], here + ["limits"], segments: segments),
                lettings: fields.count(object?["lettings"], here + ["lettings"]) ?? 0,
                maxPriorityShare: fields.share(object?["maxPriorityShare"], here + ["maxPriorityShare"]) ?? 1,
                placements: ranges(object?["placements"], here + ["placements"], ids: groups, kind: "priority group"),
                care: ranges(object?["care"], here + ["care"], ids: care, kind: "care quality"),
                attributes: attributes(object?["attributes"], here + ["attributes"]),
                alternatives: readAlternatives(object?["alternatives"], here, segments: segments, newHomes: newHomes),
                obligations: readObligations(
                    object?["obligations"], here, segments: segments,
                    stock: stock),
                stockChanges: readStockChanges(
                    object?["stockChanges"], here + "stockChanges", stock: stock,
                    segments: segments),
                housed: counts(object?["housed"], here + "housed", ids: groups, kind: "priority group"),
                periods: readMunicipalityPeriods(
                    object?["periods"], here + "periods", periods: periods, items: items))
        }
    }

    /// `alternatives`: rule id → a list of options `{"segments": [...], "minNewShare": s}`.
    mutating func readAlternatives(
        _ value: JSONValue?, _ path: JSONPath, segments: DeclaredIDs, newHomes: CountRange
    ) -> [Alternative] {
        let here = path + ["alternatives"]
        let rules = fields.idMap(value, here)
        if !rules.isEmpty && newHomes.max == .infinity {
            fields.report(
                .invalidValue, path + ["newHomes"],
                "either-or requirements (alternatives) need a finite "
                    + "newHomes.max, e.g. {\"min\": 0, \"max\": 2000}")
        }
        return rules.map { id, list in
            guard case .array(let elements) = list, !elements.isEmpty else {
                fields.report(
                    .wrongType, here + id,
                    "expected a non-empty array of options "
                        + "[{\"segments\": [...], \"minNewShare\": 0.3}, ...], found \(list.typeDescription)")
                return Alternative(id: id, options: [])
            }
            let options = elements.enumerated().compactMap { index, element -> AlternativeOption? in
                option(element, here + id + .index(index), segments: segments)
            }
            return Alternative(id: id, options: options)
        }
    }

    /// A list of segment ids (a target's, an option's, a measure's): each one declared, at least one.
    mutating func segmentList(_ value: JSONValue?, _ path: JSONPath, segments: DeclaredIDs) -> [String] {
        let ids = fields.strings(value, path) ?? []
        for (position, segment) in ids.enumerated() where !segments.contains(segment) {
            fields.report(
                .unknownID, path + .index(position),
                "unknown segment \"\(segment)\"; declared segments: \(fields.listed(segments.ids))")
        }
        if value != nil && ids.isEmpty { fields.report(.invalidValue, path, "name at least one segment") }
        return ids
    }

    /// An option `{"segments": [...], "minNewShare": s}`: the segments' share of the municipality's new homes.
    mutating func option(_ value: JSONValue?, _ at: JSONPath, segments: DeclaredIDs) -> AlternativeOption? {
        guard
            let option = fields.object(
                value, at, allowed: ["segments", "minNewShare"], required: ["segments", "minNewShare"])
        else { return nil }
        let ids = segmentList(option["segments"], at + "segments", segments: segments)
        guard let share = fields.share(option["minNewShare"], at + ["minNewShare"]) else { return nil }
        return AlternativeOption(segments: ids, minNewShare: share)
    }

    /// `stockChanges`: `{"demolition": {SEGMENT: homes}, "transfers": [{"from", "to", "homes", "kind"}]}`; no
    /// segment may end below 0 homes.
    mutating func readStockChanges(
        _ value: JSONValue?, _ path: JSONPath, stock: [String: Double], segments: DeclaredIDs
    ) -> StockChanges {
        guard let object = fields.object(value, path, allowed: ["demolition", "transfers"]) else {
            return StockChanges()
        }
        var changes = StockChanges()
        var net = stock
        for (id, value) in fields.idMap(object["demolition"], path + "demolition")
        where known(id, segments, path + "demolition" + id, kind: "segment") {
            guard let homes = fields.count(value, path + "demolition" + id) else { continue }
            changes.demolition[id] = homes
            let existing = net[id] ?? 0
            if homes > existing {
                fields.report(
                    .invalidValue, path + "demolition" + id,
                    "is \(fields.format(homes)); the municipality has \(fields.format(existing)) \(id) homes to demolish"
                )
            }
            net[id] = existing - homes
        }
        if let list = object["transfers"] {
            guard case .array(let elements) = list else {
                fields.report(
                    .wrongType, path + "transfers",
                    "expected an array of transfers [{\"from\": …, \"to\": …, \"homes\": …, \"kind\": …}], found "
                        + list.typeDescription)
                return changes
            }
            for (index, element) in elements.enumerated() {
                let at = path + "transfers" + .index(index)
                guard
                    let transfer = fields.object(
                        element, at, allowed: ["from", "to", "homes", "kind"],
                        required: ["from", "to", "homes", "kind"])
                else { continue }
                let from = fields.string(transfer["from"], at + "from")
                let to = fields.string(transfer["to"], at + "to")
                let homes = fields.count(transfer["homes"], at + "homes")
                let kind = fields.word(transfer["kind"], at + "kind", as: StockTransfer.Kind.self)
                guard let from, let to, let homes, let kind, known(from, segments, at + "from", kind: "segment"),
                    known(to, segments, at + "to", kind: "segment")
                else { continue }
                if from == to { fields.report(.invalidValue, at + "to", "a transfer moves homes to another segment") }
                let available = net[from] ?? 0
                if homes > available {
                    fields.report(
                        .invalidValue, at + "homes",
                        "is \(fields.format(homes)); after the changes before it, the municipality has "
                            + "\(fields.format(available)) \(from) homes to transfer")
                }
                net[from] = available - homes
                net[to, default: 0] += homes
                changes.transfers.append(StockTransfer(from: from, to: to, homes: homes, kind: kind))
            }
        }
        return changes
    }

    /// `obligations`: rule id → `{"measure", "threshold", "below", "atOrAbove"}` (docs/model.md §7).
    mutating func readObligations(
        _ value: JSONValue?, _ path: JSONPath, segments: DeclaredIDs, stock: [String: Double]
    ) -> [Obligation] {
        let here = path + "obligations"
        return fields.idMap(value, here).compactMap { id, value in
            let at = here + id
            guard
                let rule = fields.object(
                    value, at, allowed: ["measure", "threshold", "below", "atOrAbove"],
                    required: ["measure", "threshold", "below", "atOrAbove"])
            else { return nil }
            let measure = self.measure(rule["measure"], at + "measure", segments: segments, stock: stock)
            let threshold = self.threshold(rule["threshold"], at + "threshold")
            let below = option(rule["below"], at + "below", segments: segments)
            let atOrAbove = option(rule["atOrAbove"], at + "atOrAbove", segments: segments)
            guard let measure, let threshold, let below, let atOrAbove else { return nil }
            return Obligation(id: id, measure: measure, threshold: threshold, below: below, atOrAbove: atOrAbove)
        }
    }

    /// `measure`: `{"segments": [...]}` (a stock share) or `{"attribute": NAME}` (checked with the other keys).
    mutating func measure(
        _ value: JSONValue?, _ path: JSONPath, segments: DeclaredIDs, stock: [String: Double]
    ) -> Obligation.Measure? {
        guard let object = fields.object(value, path, allowed: ["segments", "attribute"]) else { return nil }
        switch (object["segments"], object["attribute"]) {
        case (let list?, nil):
            let ids = segmentList(list, path + "segments", segments: segments)
            if stock.values.reduce(0, +) <= 0 {
                fields.report(
                    .invalidValue, path,
                    "a stock share needs existing stock: give the municipality a \"stock\", or measure an "
                        + "attribute")
            }
            return .stockShare(segments: ids)
        case (nil, let name?):
            guard let name = fields.string(name, path + "attribute") else { return nil }
            return .attribute(name)
        default:
            fields.report(
                .invalidValue, path,
                "give either \"segments\" (the stock share of those segments) or \"attribute\" (a share in the "
                    + "municipality's attributes), e.g. {\"segments\": [\"social-rent\"]}")
            return nil
        }
    }

    /// `threshold`: a share, `"regional"`, or `{"national": share}`.
    mutating func threshold(_ value: JSONValue?, _ path: JSONPath) -> Obligation.Threshold? {
        switch value {
        case .number?:
            return fields.share(value, path).map(Obligation.Threshold.share)
        case .string("regional")?:
            return .regionalAverage
        case .object?:
            guard let object = fields.object(value, path, allowed: ["national"], required: ["national"]),
                let share = fields.share(object["national"], path + "national")
            else { return nil }
            return .nationalAverage(share)
        case let other?:
            fields.report(
                .invalidValue, path,
                "expected a share such as 0.3, \"regional\" (the region's own share) or {\"national\": 0.27}, "
                    + "found \(other.typeDescription)")
            return nil
        case nil:
            return nil
        }
    }

    mutating func readLimits(_ value: JSONValue?, _ path: JSONPath, segments: DeclaredIDs) -> [String: SegmentLimits] {
        var out: [String: SegmentLimits] = [:]
        for (id, value) in fields.idMap(value, path) {
            let here = path + id
            guard known(id, segments, here, kind: "segment"),
                let object = fields.object(value, here, allowed: Self.limitFields)
            else { continue }
            let limits = SegmentLimits(
                min: fields.count(object["min"], here + ["min"]), max: fields.count(object["max"], here + ["max"]),
                minNewShare: fields.share(object["minNewShare"], here + ["minNewShare"]),
                maxNewShare: fields.share(object["maxNewShare"], here + ["maxNewShare"]),
                minStockShare: fields.share(object["minStockShare"], here + ["minStockShare"]),
                maxStockShare: fields.share(object["maxStockShare"], here + ["maxStockShare"]))
            for (low, high, lowName, highName) in [
                (limits.min, limits.max, "min", "max"),
                (limits.minNewShare, limits.maxNewShare, "minNewShare", "maxNewShare"),
                (limits.minStockShare, limits.maxStockShare, "minStockShare", "maxStockShare"),
            ] {
                if let low, let high, low > high {
                    fields.report(
                        .minAboveMax, here,
                        "\(lowName) \(fields.format(low)) is above \(highName) "
                            + "\(fields.format(high)); \(lowName) must be at most \(highName)")
                }
            }
            out[id] = limits
        }
        return out
    }

    mutating func known(_ id: String, _ ids: DeclaredIDs, _ path: JSONPath, kind: String) -> Bool {
        if ids.contains(id) { return true }
        let declared = ids.isEmpty ? "none are declared" : "declared: \(fields.listed(ids.ids))"
        fields.report(.unknownID, path, "unknown \(kind) \"\(id)\"; \(declared)")
        return false
    }

    mutating func counts(_ value: JSONValue?, _ path: JSONPath, ids: DeclaredIDs, kind: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for (id, value) in fields.idMap(value, path) where known(id, ids, path + id, kind: kind) {
            if let count = fields.count(value, path + id) { out[id] = count }
        }
        return out
    }

    mutating func ranges(_ value: JSONValue?, _ path: JSONPath, ids: DeclaredIDs, kind: String) -> [String: CountRange]
    {
        var out: [String: CountRange] = [:]
        for (id, value) in fields.idMap(value, path) where known(id, ids, path + id, kind: kind) {
            if let range = fields.range(value, path + id) { out[id] = range }
        }
        return out
    }

    mutating func attributes(_ value: JSONValue?, _ path: JSONPath) -> [String: Double] {
        var out: [String: Double] = [:]
        for (id, value) in fields.idMap(value, path) {
            if let number = fields.number(value, path + id) { out[id] = number }
        }
        return out
    }

    mutating func readFairness(_ value: JSONValue?) -> Fairness {
        let object = fields.object(value, ["fairness"], allowed: ["norm", "over"])
        return Fairness(
            norm: fields.word(object?["norm"], ["fairness", "norm"], as: FairnessNorm.self) ?? .sum,
            over: fields.word(object?["over"], ["fairness", "over"], as: PeriodFairness.self) ?? .periods)
    }

    mutating func readSolver(_ value: JSONValue?) -> SolverSettings {
        let path: JSONPath = ["solver"]
        let object = fields.object(value, path, allowed: ["integer", "mipGap", "timeLimit", "method", "allocation"])
        let integer = fields.bool(object?["integer"], path + ["integer"]) ?? false
        let gap = fields.share(object?["mipGap"], path + ["mipGap"]) ?? 0.001
        var timeLimit = fields.count(object?["timeLimit"], path + ["timeLimit"]) ?? 60
        if timeLimit <= 0 || timeLimit > 1_000_000 {
            fields.report(
                .invalidValue, path + ["timeLimit"],
                "is \(fields.format(timeLimit)) seconds; it must be "
                    + "more than 0 and at most 1000000")
            timeLimit = 60
        }
        let method = fields.word(object?["method"], path + ["method"], as: SolverSettings.Method.self) ?? .simplex
        if integer && method == .interior {
            fields.report(
                .invalidValue, path + ["method"],
                "\"interior\" solves linear programmes only; use "
                    + "\"simplex\" with \"integer\": true")
        }
        let allocation =
            fields.word(object?["allocation"], path + ["allocation"], as: SolverSettings.Allocation.self) ?? .central
        return SolverSettings(
            integer: integer, mipGap: gap, timeLimit: timeLimit, method: method, allocation: allocation)
    }

    mutating func readVariants(_ value: JSONValue?) -> [Variant] {
        if case .object(let object)? = value, object.members.count > limits.maximumVariants {
            fields.report(
                .tooLarge, ["variants"],
                "\(object.members.count) variants; at most \(limits.maximumVariants) are allowed "
                    + "(ScenarioLimits.maximumVariants; fairshare: --max-variants)")
            return []
        }
        return fields.idMap(value, ["variants"]).compactMap { id, value in
            let here = JSONPath(members: ["variants", id])
            guard let object = fields.object(value, here, allowed: ["description", "patch"], required: ["patch"])
            else { return nil }
            if let patch = object["patch"], patch.object == nil {
                fields.report(
                    .wrongType, here + ["patch"],
                    "expected an object (a JSON Merge Patch of the scenario), "
                        + "found \(patch.typeDescription)")
            }
            return Variant(
                id: id, description: fields.string(object["description"], here + ["description"]),
                patch: object["patch"] ?? .object(JSONObject()))
        }
    }

    /// Checks that every attribute a key names is known, present and ≥ 0 everywhere, with a positive total.
    mutating func checkKey(_ key: Key, _ path: JSONPath, totals: inout KeyAttributeTotals, segments: DeclaredIDs) {
        for (attribute, _) in key.weights {
            let here = key.weights.count == 1 && path.last == "key" && isSimple(key) ? path : path + attribute
            let summary = totals.summary(of: attribute)
            if attribute == "capacity" {
                let lacking = totals.missing("capacity", first: .max)
                for (position, id) in lacking.enumerated() {
                    guard !fields.isFull else {
                        fields.countOnly(lacking.count - position)
                        break
                    }
                    fields.report(
                        .badKey, here,
                        "the key \"capacity\" needs newHomes.max in every municipality; "
                            + "municipalities.\(id).newHomes has no max")
                }
                continue
            }
            for (position, negative) in summary.negatives.enumerated() {
                guard !fields.isFull else {
                    fields.countOnly(summary.negatives.count - position)
                    break
                }
                fields.report(
                    .badKey, JSONPath(members: ["municipalities", negative.id, "attributes", attribute]),
                    "is \(fields.format(negative.value)); the key at \(path) needs it to be 0 or more")
            }
            let missing = totals.municipalityCount - summary.present
            let total = summary.total
            if fields.isFull && (missing > 0 || !total.isFinite || total <= 0) {
                fields.countOnly(1)
            } else if missing > 0 {
                let builtIn = ["population", "households", "stock", "lettings", "capacity"]
                let known = fields.listed(
                    builtIn + segments.ids.prefix(10).map { "stock.\($0)" }, total: builtIn.count + segments.ids.count)
                let first = totals.missing(attribute, first: 6)
                let shown = first.prefix(5).joined(separator: ", ") + (missing > 5 ? ", …" : "")
                fields.report(
                    .badKey, here,
                    "attribute \"\(attribute)\" is missing in \(missing) "
                        + "municipalit\(missing == 1 ? "y" : "ies") (\(shown)); give it in their \"attributes\" "
                        + "or use one of: \(known)")
            } else if !total.isFinite {
                // Shares of an infinite total are all 0: every fair share would silently vanish.
                fields.report(
                    .badKey, here,
                    "attribute \"\(attribute)\" sums to more than the largest number (\(Double.greatestFiniteMagnitude)) "
                        + "over the region; a key needs a finite regional total: check the units of its figures")
            } else if total <= 0 {
                fields.report(
                    .badKey, here,
                    "attribute \"\(attribute)\" sums to \(fields.format(total)) over the "
                        + "region; a key needs a positive regional total")
            }
        }
    }

    /// An obligation that measures an attribute needs it in the municipality, as a share; a regional threshold
    /// needs a stock share to average.
    mutating func checkObligationMeasures(_ municipalities: [Municipality]) {
        for municipality in municipalities {
            for rule in municipality.obligations {
                let here = JSONPath(members: ["municipalities", municipality.id, "obligations", rule.id])
                guard case .attribute(let name) = rule.measure else { continue }
                if rule.threshold == .regionalAverage {
                    fields.report(
                        .invalidValue, here + "threshold",
                        "\"regional\" averages a stock share over the region; with an attribute as the measure, "
                            + "give the threshold as a number or {\"national\": …}")
                }
                let at = JSONPath(members: ["municipalities", municipality.id, "attributes", name])
                guard let value = municipality.attributes[name] else {
                    fields.report(
                        .missingField, at,
                        "the obligation \(rule.id) measures the attribute \"\(name)\"; give it here as a share "
                            + "between 0 and 1")
                    continue
                }
                if !(0...1).contains(value) {
                    fields.report(
                        .shareOutOfRange, at,
                        "is \(fields.format(value)); the obligation \(rule.id) measures it as a share between 0 and 1")
                }
            }
        }
    }

    /// Segment, priority-group and care-quality ids name fair items in a result, so they must differ.
    mutating func checkItemIDsAreDistinct(segments: DeclaredIDs, groups: DeclaredIDs, care: DeclaredIDs) {
        for group in groups.ids where segments.contains(group) {
            fields.report(
                .invalidID, JSONPath(members: ["priorityGroups", group]),
                "\"\(group)\" is also a segment id; fair items "
                    + "need distinct ids")
        }
        for quality in care.ids where segments.contains(quality) || groups.contains(quality) {
            fields.report(
                .invalidID, JSONPath(members: ["care", quality]),
                "\"\(quality)\" is also a segment or priority-group id; "
                    + "fair items need distinct ids")
        }
    }

    private func isSimple(_ key: Key) -> Bool { key.weights.count == 1 && key.weights[0].weight == 1 }
}

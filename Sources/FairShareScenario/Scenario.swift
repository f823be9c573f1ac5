/// What a scenario says, as plain values: the region, its municipalities and what is to be divided over them
/// (docs/model.md §2). Build one in code, or take ``Scenario/definition`` of a loaded scenario and change it, then
/// validate it with ``Scenario/init(_:limits:)``: nothing is solved from a definition that has not passed the same
/// checks as a file, with the same problems at the same paths.
///
/// ```swift
/// var definition = scenario.definition
/// definition.municipalities[0].stock["social-rent"] = 4_200
/// let edited = try Scenario(definition)   // throws ScenarioError with every problem and its path
/// ```
public struct ScenarioDefinition: Sendable, Hashable {
    /// `name`: what the scenario is called in reports.
    public var name: String
    /// `description`.
    public var description: String?
    /// `sources`: where the figures come from.
    public var sources: [String]
    /// `horizon`: the years the scenario covers (informational).
    public var horizon: Horizon?
    /// `segments`: the price segments of new homes, in file order.
    public var segments: [Segment]
    /// `region`: regional total and targets.
    public var region: Region
    /// `priorityGroups`, in file order.
    public var priorityGroups: [PriorityGroup]
    /// `care`: care qualities of new homes, in file order.
    public var careQualities: [CareQuality]
    /// `municipalities`; a validated ``Scenario`` has them sorted by id.
    public var municipalities: [Municipality]
    /// `fairness`: how deviations from fair shares are combined.
    public var fairness: Fairness
    /// `solver`: how the linear programme is solved.
    public var solver: SolverSettings
    /// `variants`: what-if changes to this scenario, in file order.
    public var variants: [Variant]
    /// `periods`: the programme's periods, in time order (docs/model.md §9); none: one horizon.
    public var periods: [Period]
    /// `monitoring`: which periods are realised, and the monitor's categories.
    public var monitoring: Monitoring
    /// `language`: the language reports of this scenario are written in when the command line does not say
    /// (`--lang`); none: English.
    public var language: ReportLanguage?

    public init(
        name: String, description: String? = nil, sources: [String] = [], horizon: Horizon? = nil,
        segments: [Segment], region: Region = Region(), priorityGroups: [PriorityGroup] = [],
        careQualities: [CareQuality] = [], municipalities: [Municipality], fairness: Fairness = Fairness(),
        solver: SolverSettings = SolverSettings(), variants: [Variant] = [], periods: [Period] = [],
        monitoring: Monitoring = Monitoring(), language: ReportLanguage? = nil
    ) {
        self.name = name
        self.description = description
        self.sources = sources
        self.horizon = horizon
        self.segments = segments
        self.region = region
        self.priorityGroups = priorityGroups
        self.careQualities = careQualities
        self.municipalities = municipalities
        self.fairness = fairness
        self.solver = solver
        self.variants = variants
        self.periods = periods
        self.monitoring = monitoring
        self.language = language
    }
}

/// A validated fairshare scenario (`"format": "fairshare-scenario/1"`): a ``ScenarioDefinition`` that has passed
/// every check, so the formulation can rely on it. See the model (docs/model.md §2) and the README for the format.
///
/// A scenario can only be made through validation: read a file with ``ScenarioLoader``, or validate a definition
/// built in code with ``init(_:limits:)``. Its fields are read through the definition (`scenario.municipalities`,
/// `scenario.solver.timeLimit`); to change one, edit a copy of ``definition`` (or use ``edited(_:)``) and validate
/// again. Collections keep the file's order, except municipalities, which are sorted by id so that a result does
/// not depend on the order in which a file lists them.
///
/// The scenario keeps the ``document`` its definition was read from (the file, or the definition written as JSON):
/// variants and sweeps patch that document and read it again, so they always start from this scenario's values.
@dynamicMemberLookup
public struct Scenario: Sendable, Hashable {
    /// The only format this version reads.
    public static let format = "fairshare-scenario/1"

    /// Every field of the scenario, validated.
    public let definition: ScenarioDefinition
    /// The JSON document the definition was read from: the file (after any variant patch), or the definition
    /// written as JSON when it was built in code.
    public let document: JSONValue
    /// The id of the variant applied to the base scenario to make this one, or `nil` for a base scenario. Results
    /// are labelled with it.
    public let appliedVariant: String?

    /// Made by ``ScenarioReader`` only: `definition` is `document` read and validated.
    init(validated definition: ScenarioDefinition, document: JSONValue, appliedVariant: String? = nil) {
        self.definition = definition
        self.document = document
        self.appliedVariant = appliedVariant
    }

    /// Validates a definition built or edited in code, exactly as a file is validated: a ``ScenarioError`` lists
    /// every problem with the path it would have in a file (`municipalities.GM0505.stock.social-rent`).
    public init(_ definition: ScenarioDefinition, limits: ScenarioLimits = ScenarioLimits()) throws(ScenarioError) {
        let repeated = ScenarioWriter.repeatedIDs(in: definition)
        do throws(ScenarioError) {
            let scenario = try ScenarioLoader(limits: limits).read(ScenarioWriter.document(of: definition))
            guard repeated.isEmpty else { throw ScenarioError(repeated) }
            self = scenario
        } catch {
            throw ScenarioError(repeated + error.issues.filter { !repeated.contains($0) }, more: error.moreIssues)
        }
    }

    /// A field of the definition: `scenario.municipalities`, `scenario.solver.timeLimit`.
    public subscript<Value>(dynamicMember field: KeyPath<ScenarioDefinition, Value>) -> Value {
        definition[keyPath: field]
    }

    /// This scenario with `change` made to a copy of its definition, validated again. The applied variant's label
    /// is kept.
    public func edited(_ change: (inout ScenarioDefinition) -> Void) throws(ScenarioError) -> Scenario {
        var changed = definition
        change(&changed)
        let edited = try Scenario(changed)
        return Scenario(validated: edited.definition, document: edited.document, appliedVariant: appliedVariant)
    }

    /// The scenario with the value at `path` of its ``document`` replaced (what sweeps and `--set` do), validated
    /// again; the applied variant's label is kept. Setting `min` or `max` of a range written as one number n
    /// keeps the other side at n.
    public func setting(
        _ value: JSONValue, at path: JSONPath, limits: ScenarioLimits = ScenarioLimits()
    ) throws(ScenarioError) -> Scenario {
        let changed = try ScenarioLoader(limits: limits).read(document.setting(value, at: path))
        return Scenario(validated: changed.definition, document: changed.document, appliedVariant: appliedVariant)
    }

    /// The scenario with one of its variants applied (a JSON Merge Patch of ``document``) and validated again;
    /// the result is labelled with the variant's id. See ``ScenarioLoader/applying(variant:to:)``.
    public func applying(variant id: String) throws(ScenarioError) -> Scenario {
        try ScenarioLoader().applying(variant: id, to: self)
    }
}

extension Scenario {
    /// The segment with this id.
    public func segment(_ id: String) -> Segment? { definition.segments.first { $0.id == id } }
    /// The municipality with this id.
    public func municipality(_ id: String) -> Municipality? { definition.municipalities.first { $0.id == id } }
    /// The variant with this id.
    public func variant(_ id: String) -> Variant? { definition.variants.first { $0.id == id } }
}
